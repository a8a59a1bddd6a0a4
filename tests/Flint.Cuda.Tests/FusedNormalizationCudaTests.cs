using Flint.Tests.Autograd;
using F = Flint.torch.nn.functional;

namespace Flint.Cuda.Tests;

/// <summary>
/// The fused layer-norm and GELU primitives on cuda:0: their gradchecks (weight/bias gradients, a rank-2
/// normalized_shape, a strided input, the double backward) and the kernels' values and gradients against the CPU's.
/// </summary>
public class FusedNormalizationCudaTests
{
    public static TheoryData<string> Names() =>
    [
        "layer_norm_rank2_affine", "layer_norm_weight_only_long_rows", "layer_norm_bias_only_strided", "layer_norm_double_backward",
        "gelu_all_erf_pieces", "gelu_tanh_wide", "gelu_double_backward", "gelu_tanh_double_backward",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void GradCheckOnCuda(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    [Fact]
    public void LayerNormAgreesWithTheCpu()
    {
        var x = (torch.arange(30).reshape(3, 10).to(torch.float32) * 0.37).sin() * 2 + 0.5;
        var w = torch.linspace(0.5, 1.5, 10);
        var b = torch.linspace(-1, 1, 10);
        var g = (torch.arange(30).reshape(3, 10).to(torch.float32) * 0.71).cos();
        Tensor[] Run(Device d)
        {
            var xs = x.detach().to(d).clone().requires_grad_();
            var ws = w.detach().to(d).clone().requires_grad_();
            var bs = b.detach().to(d).clone().requires_grad_();
            var y = F.layer_norm(xs, [10], ws, bs);
            Assert.Equal("NativeLayerNormBackward0", y.grad_fn!.name());
            y.backward(g.to(d));
            return [y.detach().cpu(), xs.grad!.cpu(), ws.grad!.cpu(), bs.grad!.cpu()];
        }
        var cpu = Run(torch.CPU);
        var cuda = Run(CudaDevice.Device);
        for (int i = 0; i < cpu.Length; i++)
            Assert.True(torch.allclose(cpu[i], cuda[i], rtol: 1e-5, atol: 1e-5), $"output {i}");
    }

    [Fact]
    public void GeluAgreesWithTheCpu()
    {
        var x = torch.linspace(-8, 8, 37);
        var g = torch.linspace(-1, 1, 37);
        foreach (var approximate in new[] { "none", "tanh" })
            foreach (var dt in new[] { torch.float32, torch.float64 })
            {
                var xc = x.detach().to(dt).clone().requires_grad_();
                var xd = x.detach().to(dt).to(CudaDevice.Device).requires_grad_();
                var yc = F.gelu(xc, approximate: approximate);
                var yd = F.gelu(xd, approximate: approximate);
                yc.backward(g.to(dt));
                yd.backward(g.to(dt).to(CudaDevice.Device));
                Assert.True(torch.allclose(yc.detach(), yd.detach().cpu(), rtol: 1e-6, atol: 1e-7), $"{approximate} {dt}");
                Assert.True(torch.allclose(xc.grad!, xd.grad!.cpu(), rtol: 1e-6, atol: 1e-7), $"{approximate} {dt} grad");
            }
    }
}
