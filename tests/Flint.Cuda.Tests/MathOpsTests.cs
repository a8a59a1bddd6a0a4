using Flint.Tests.Autograd;

namespace Flint.Cuda.Tests;

/// <summary>
/// The everyday math and statistics ops of issue 15 on cuda:0: their gradchecks (the golden values, errors and
/// dtypes run in <see cref="CudaGoldenOpTests"/> from tests/golden/ops-math.json), and the integer bit kernels
/// against the CPU over every integer dtype.
/// </summary>
public class MathOpsTests
{
    public static TheoryData<string> Names() =>
    [
        "clamp_tensor_both", "clamp_tensor_crossed", "lerp_tensor", "hypot", "xlogy", "sinc", "logsumexp_dims_keepdim", "nanmean",
        "diff_n2_prepend", "cdist", "cdist_mm", "cosine_similarity", "normalize", "kthvalue", "median_all", "median_dim",
        "nanmedian_dim", "quantile_linear", "cummax", "logcumsumexp",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void GradCheckOnCuda(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    [Fact]
    public void BitKernelsAgreeWithTheCpu()
    {
        var a = torch.tensor(new long[] { -128, -7, -1, 0, 1, 5, 77, 127 });
        var b = torch.tensor(new long[] { 3, -2, 5, 9, -1, 6, 0, 7 });
        var shift = torch.tensor(new long[] { 0, 1, 2, 3, 7, 8, 9, -1 });
        foreach (var dt in new[] { ScalarType.Byte, ScalarType.Int8, ScalarType.Int16, ScalarType.Int32, ScalarType.Int64 })
        {
            var (x, y, s) = (a.to(dt), b.to(dt), shift.to(dt));
            var (gx, gy, gs) = (x.to(CudaDevice.Device), y.to(CudaDevice.Device), s.to(CudaDevice.Device));
            foreach (var (cpu, gpu) in new[]
            {
                (x & y, gx & gy), (x | y, gx | gy), (x ^ y, gx ^ gy), (~x, ~gx), (x << s, gx << gs), (x >> s, gx >> gs),
                (x.gcd(y), gx.gcd(gy)), (x.lcm(y), gx.lcm(gy)),
            })
            {
                Assert.Equal(CudaDevice.Device, gpu.device);
                Assert.Equal(cpu.to(ScalarType.Int64).data<long>(), gpu.cpu().to(ScalarType.Int64).data<long>());
            }
        }
    }
}
