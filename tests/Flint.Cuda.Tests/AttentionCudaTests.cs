using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Cuda.Tests;

/// <summary>
/// Attention on cuda:0 (tiny shapes, so the emulator stays quick): values and gradients equal the CPU's, which the
/// CPU suite checks against PyTorch.
/// </summary>
public class AttentionCudaTests
{
    private static Tensor R(int seed, params long[] shape)
    {
        var rng = new Random(seed);
        var data = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(rng.NextDouble() * 4 - 2);
        return tensor(data).reshape(shape);
    }

    private static void AssertSame(Tensor cpu, Tensor cuda, string what)
    {
        Assert.Equal(DeviceType.CUDA, cuda.device.type);
        Assert.True(cpu.allclose(cuda.cpu(), 1e-4, 1e-5), $"{what}: cuda:0 differs from the CPU");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("causal")]
    [InlineData("bool")]
    [InlineData("float")]
    public void ScaledDotProductAttentionMatchesTheCpu(string kind)
    {
        var dev = CudaDevice.Device;
        var (q, k, v) = (R(1, 2, 3, 4), R(2, 2, 3, 4), R(3, 2, 3, 2));
        Tensor? mask = kind switch { "bool" => R(4, 3, 3).gt(-1.0), "float" => R(5, 3, 3), _ => null };
        (Tensor y, Tensor[] grads) Run(Device d)
        {
            var (qd, kd, vd) = (q.to(d).detach().requires_grad_(), k.to(d).detach().requires_grad_(), v.to(d).detach().requires_grad_());
            var y = F.scaled_dot_product_attention(qd, kd, vd, mask?.to(d), is_causal: kind == "causal");
            y.pow(2).sum().backward();
            return (y, [qd.grad!, kd.grad!, vd.grad!]);
        }
        var (yc, gc) = Run(CPU);
        var (yg, gg) = Run(dev);
        AssertSame(yc, yg, kind + " out");
        for (int i = 0; i < 3; i++) AssertSame(gc[i], gg[i], $"{kind} grad {i}");
    }

    [Fact]
    public void MultiheadAttentionMatchesTheCpu()
    {
        manual_seed(3);
        var m = nn.MultiheadAttention(4, 2, add_bias_kv: true);
        var x = R(6, 3, 2, 4);
        var kpm = tensor(new[] { false, false, true, false, false, false }).reshape(2, 3);
        var am = R(7, 3, 3);
        var (yc, wc) = m.call(x, x, x, kpm, attn_mask: am);
        yc.sum().backward();
        var gc = m.in_proj_weight!.grad!.clone();
        m.zero_grad();
        m.to(CudaDevice.Device);
        var xg = x.to(CudaDevice.Device);
        var (yg, wg) = m.call(xg, xg, xg, kpm.to(CudaDevice.Device), attn_mask: am.to(CudaDevice.Device));
        yg.sum().backward();
        AssertSame(yc, yg, "mha out");
        AssertSame(wc!, wg!, "mha weights");
        AssertSame(gc, m.in_proj_weight!.grad!, "mha in_proj_weight grad");
    }
}
