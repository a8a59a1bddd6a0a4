using Flint.Tests.Autograd;

namespace Flint.Cuda.Tests;

/// <summary>
/// The Tensor members added for TorchSharp's spelling on cuda:0: unfold's gradchecks, and the in-place activations,
/// comparisons and random fills keeping their tensor on the device with the CPU's values (the seeded fills draw from the
/// CPU generator on the host and copy in, so a cuda:0 tensor gets exactly the CPU tensor's values).
/// </summary>
public class TensorSurfaceCudaTests
{
    public static TheoryData<string> Names() =>
    [
        "unfold_overlapping", "unfold_disjoint_middle", "unfold_gapped_negative_dim", "unfold_twice", "unfold_scalar",
        "elu_inplace_nonleaf", "silu_inplace_nonleaf", "hardtanh_inplace_nonleaf",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void GradCheckOnCuda(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    [Fact]
    public void InPlaceMembersStayOnTheDeviceWithTheCpuValues()
    {
        var dev = CudaDevice.Device;
        var cpu = torch.arange(-6.0, 6.0, 1.0, dtype: ScalarType.Float32).reshape(3, 4);
        var x = cpu.to(dev);
        Assert.Same(x, x.selu_());
        Assert.Equal(dev, x.device);
        Assert.Equal(cpu.clone().selu_().data<float>(), x.cpu().data<float>(), (a, b) => Math.Abs(a - b) <= 1e-6f * Math.Max(1, Math.Abs(a)));
        var y = cpu.to(dev);
        y.gt_(0.5);
        Assert.Equal(cpu.gt(0.5).to(ScalarType.Float32).data<float>(), y.cpu().data<float>());
        var u = torch.zeros([3, 4], device: dev).exponential_(2.0, new torch.Generator(7));
        Assert.Equal(dev, u.device);
        Assert.Equal(torch.zeros(3, 4).exponential_(2.0, new torch.Generator(7)).data<float>(), u.cpu().data<float>());
        var r = torch.zeros([5], ScalarType.Int64, device: dev).random_(3, 9, new torch.Generator(2));
        Assert.Equal(torch.zeros([5], ScalarType.Int64).random_(3, 9, new torch.Generator(2)).data<long>(), r.cpu().data<long>());
        var w = cpu.to(dev).unfold(1, 2, 1);
        Assert.Equal(dev, w.device);
        Assert.Equal(cpu.unfold(1, 2, 1).contiguous().data<float>(), w.cpu().data<float>());
        var n = torch.zeros([40], device: dev).normal_();
        Assert.Equal(dev, n.device);
    }
}
