using Flint.Backends;
using Flint.Backends.Cpu;

namespace Flint.Tests.Backends;

/// <summary>
/// exp runs through TensorPrimitives, whose bits for an element would change with the length of the
/// run it sits in; the kernel pads short and strided runs so every layout gives the same bits.
/// </summary>
public class VectorOnlyUnaryTests
{
    private static Tensor Values(long n, ScalarType dtype) =>
        ((torch.arange(n, dtype: ScalarType.Float64) * 0.37).sin() * 20.0).to(dtype);

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float64)]
    public void ExpGivesTheSameBitsForEveryLayout(ScalarType dtype)
    {
        var flat = Values(3 * 7 * 5, dtype);
        var reference = flat.exp();
        // The same elements as short contiguous runs (5), strided runs (transposed) and single elements.
        var cube = flat.reshape(3, 7, 5);
        Assert.True(cube.exp().reshape(-1).equal(reference));
        Assert.True(cube.permute(2, 1, 0).exp().permute(2, 1, 0).reshape(-1).equal(reference));
        for (int i = 0; i < flat.size(0); i += 13)
            Assert.True(flat[i..(i + 1)].exp().equal(reference[i..(i + 1)]));
    }

    [Fact]
    public void TheTwoCoreExpMatchesTheSerialOne()
    {
        long n = ElementwiseKernels.ParallelMinElements + 12_345; // parallel, with a ragged last chunk
        var x = Values(n, ScalarType.Float32);
        var parallel = x.exp();
        var serial = x.reshape(-1, 1).t().exp().reshape(-1); // a 1-row strided view takes the serial path
        Assert.True(parallel.equal(serial));
    }

    [Fact]
    public void ExpStaysAccurate()
    {
        var x = Values(1000, ScalarType.Float64);
        var expected = x.data<double>().Select(Math.Exp).ToArray();
        var actual = x.exp().data<double>();
        for (int i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-14 * Math.Abs(expected[i]), $"exp({x.data<double>()[i]})");
    }
}
