using System.Numerics;
using CsCheck;

namespace Flint.Tests.Properties;

/// <summary>
/// Properties over random shapes, strides, broadcasts and dtypes (CsCheck: failures shrink to the smallest case
/// and print a seed to replay): strided views equal their contiguous copies and a naive index model; view,
/// reshape, permute and expand obey their algebra; overflowing element counts are refused; any tensor prints.
/// </summary>
public class ShapePropertyTests
{
    private static readonly ScalarType[] DTypes = [ScalarType.Float32, ScalarType.Float64, ScalarType.Int64, ScalarType.Int32, ScalarType.Int16, ScalarType.Float16, ScalarType.BFloat16];

    private static readonly Gen<long[]> GenShape = Gen.Long[1, 4].Array[0, 4];
    private static readonly Gen<ScalarType> GenDType = Gen.Int[0, DTypes.Length - 1].Select(i => DTypes[i]);

    /// <summary>A view op: 0 permute, 1 narrow, 2 unsqueeze, 3 expand (size-1 dims to a random size).</summary>
    private static readonly Gen<(int Op, int A, int B, int C)[]> GenOps = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000]).Array[0, 5];

    /// <summary>Values that every dtype above holds exactly (small integers).</summary>
    private static double[] Values(long n) => Enumerable.Range(0, (int)n).Select(i => (double)((i * 7) % 61 - 30)).ToArray();

    private static (Tensor View, StridedModel Model) Build(long[] shape, ScalarType dtype, (int Op, int A, int B, int C)[] ops)
    {
        var model = StridedModel.Contiguous(Values(shape.Aggregate(1L, (a, b) => a * b)), shape);
        var t = torch.tensor(model.Buffer, dtype: ScalarType.Float64).reshape(shape).to(dtype);
        foreach (var (op, a, b, c) in ops)
        {
            int rank = model.Shape.Length;
            switch (op)
            {
                case 0 when rank > 1:
                {
                    var perm = Enumerable.Range(0, rank).OrderBy(i => (i * 7919 + a) % (rank + b % 5 + 1)).ThenBy(i => i).ToArray();
                    t = t.permute(perm.Select(p => (long)p).ToArray());
                    model = model.Permute(perm);
                    break;
                }
                case 1 when rank > 0:
                {
                    int d = a % rank;
                    long size = model.Shape[d], start = size == 0 ? 0 : b % size, length = (size - start) == 0 ? 0 : c % (size - start + 1);
                    t = t.narrow(d, start, length);
                    model = model.Narrow(d, start, length);
                    break;
                }
                case 2 when rank < 6:
                {
                    int d = a % (rank + 1);
                    t = t.unsqueeze(d);
                    model = model.Unsqueeze(d);
                    break;
                }
                case 3:
                {
                    var sizes = model.Shape.Select((s, i) => s == 1 ? 1 + (a + i * b) % 3 : s).ToArray();
                    t = t.expand(sizes);
                    model = model.Expand(sizes);
                    break;
                }
            }
        }
        return (t, model);
    }

    private static double[] AsDoubles(Tensor t) => t.to(ScalarType.Float64).contiguous().data<double>().ToArray();

    [Fact]
    public void StridedViewsEqualTheNaiveModelAndTheirContiguousCopies()
    {
        Gen.Select(GenShape, GenDType, GenOps).Sample((shape, dtype, ops) =>
        {
            var (t, model) = Build(shape, dtype, ops);
            Assert.Equal(model.Shape, t.shape);
            var want = model.Elements();
            Assert.Equal(want, AsDoubles(t));
            var c = t.contiguous();
            Assert.True(c.is_contiguous());
            Assert.Equal(want, AsDoubles(c));
            // Kernels over the strided view agree with the same kernels over the contiguous copy.
            Assert.Equal(AsDoubles(c * 2 + 1), AsDoubles(t * 2 + 1));
            Assert.Equal(want.Sum(), t.to(ScalarType.Float64).sum().item<double>());
            Assert.Equal(want, AsDoubles(t.reshape(-1)));
        }, iter: 1000);
    }

    [Fact]
    public void ReshapeViewPermuteAndExpandObeyTheirAlgebra()
    {
        Gen.Select(GenShape, GenOps, Gen.Int[0, 1000]).Sample((shape, ops, pick) =>
        {
            var (t, model) = Build(shape, ScalarType.Float64, ops);
            var flat = model.Elements();
            int rank = model.Shape.Length;
            // permute then its inverse is the identity.
            var perm = Enumerable.Range(0, rank).Reverse().Select(i => (long)i).ToArray();
            var inverse = new long[rank];
            for (int i = 0; i < rank; i++) inverse[perm[i]] = i;
            Assert.Equal(flat, AsDoubles(t.permute(perm).permute(inverse)));
            // reshape keeps row-major order, to any shape with the same count.
            long n = model.Numel;
            var divisors = Enumerable.Range(1, (int)Math.Max(n, 1)).Where(d => n % d == 0).ToArray();
            long d0 = n == 0 ? 0 : divisors[pick % divisors.Length];
            long[] target = n == 0 ? [0, 3] : [d0, n / d0];
            var r = t.reshape(target);
            Assert.Equal(target, r.shape);
            Assert.Equal(flat, AsDoubles(r));
            // view of a contiguous tensor shares storage; reshape(-1) of it equals the flat model.
            var v = t.contiguous().view(target);
            Assert.True(v.is_same_storage(t.contiguous()) || n == 0 || !t.is_contiguous());
            Assert.Equal(flat, AsDoubles(v.view(-1)));
            // expand of an unsqueezed leading dim repeats the whole tensor.
            var e = t.unsqueeze(0).expand([2, .. model.Shape]);
            Assert.Equal(flat.Concat(flat).ToArray(), AsDoubles(e));
        }, iter: 1000);
    }

    [Fact]
    public void BroadcastingMatchesANaiveElementwiseModel()
    {
        var genPair = Gen.Select(Gen.Long[1, 4].Array[0, 4], Gen.Int.Array[4], Gen.Int[0, 2], GenDType);
        genPair.Sample((outShape, choice, drop, dtype) =>
        {
            int rank = outShape.Length;
            long[] a = outShape.Select((s, i) => (choice[i] & 1) == 0 ? s : 1).ToArray();
            long[] b = outShape.Select((s, i) => (choice[i] & 2) == 0 ? s : 1).ToArray()[Math.Min(drop, rank)..];
            long[] expectShape = Shapes.Broadcast(a, b);
            var ma = StridedModel.Contiguous(Values(a.Aggregate(1L, (x, y) => x * y)), a);
            var mb = StridedModel.Contiguous(Values(b.Aggregate(1L, (x, y) => x * y)).Select(v => v / 2 - 3).ToArray(), b);
            var ta = torch.tensor(ma.Buffer, dtype: ScalarType.Float64).reshape(a).to(dtype);
            var tb = torch.tensor(mb.Buffer, dtype: ScalarType.Float64).reshape(b).to(dtype);
            var sum = ta + tb;
            Assert.Equal(expectShape, sum.shape);
            // Naive: pad b on the left, then stride-0 every broadcast dim of both.
            var pb = mb with { Shape = [.. Enumerable.Repeat(1L, rank - b.Length), .. b], Strides = [.. Enumerable.Repeat(0L, rank - b.Length), .. mb.Strides] };
            var ea = ma.Expand(expectShape).Elements();
            var eb = pb.Expand(expectShape).Elements();
            var want = ea.Zip(eb, (x, y) => AsDtype(x, dtype) + AsDtype(y, dtype)).Select(v => AsDtype(v, dtype)).ToArray();
            Assert.Equal(want, AsDoubles(sum));
        }, iter: 1000);
    }

    /// <summary>Rounds a double through the dtype (values here are small, so only halves can round).</summary>
    private static double AsDtype(double v, ScalarType dtype) => dtype switch
    {
        ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 => Math.Truncate(v),
        ScalarType.Float16 => (double)(Half)v,
        ScalarType.BFloat16 => (double)(float)(BFloat16)(float)v,
        ScalarType.Float32 => (float)v,
        _ => v,
    };

    [Fact]
    public void ElementCountsThatOverflowAreRefusedAndTheRestAreExact()
    {
        Gen.Long[1, 1L << 40].Array[1, 4].Sample(sizes =>
        {
            var exact = sizes.Aggregate(BigInteger.One, (p, s) => p * s);
            var one = torch.ones(Enumerable.Repeat(1L, sizes.Length).ToArray());
            if (exact > long.MaxValue)
                Assert.Equal("numel: integer multiplication overflow", Assert.Throws<ArgumentException>(() => one.expand(sizes)).Message);
            else
                Assert.Equal(exact, (BigInteger)one.expand(sizes).numel());
        }, iter: 1000);
    }

    [Fact]
    public void AnyTensorPrints()
    {
        var genSpecial = Gen.OneOf(Gen.Double, Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Const(double.NegativeInfinity), Gen.Const(-0.0), Gen.Double[-1e-8, 1e-8], Gen.Double[-1e12, 1e12]);
        Gen.Select(GenShape, GenDType, GenOps, genSpecial.Array[64]).Sample((shape, dtype, ops, specials) =>
        {
            var (t, _) = Build(shape, ScalarType.Float64, ops);
            long n = t.numel();
            if (n > 0 && n <= 64)
                t = torch.tensor(specials[..(int)n], dtype: ScalarType.Float64).reshape(t.shape);
            foreach (var d in new[] { dtype, ScalarType.Bool, ScalarType.Int8 })
            {
                string s = t.to(d).ToString();
                Assert.StartsWith("tensor(", s);
            }
        }, iter: 1000);
    }

    [Fact]
    public void VeryHighRankTensorsPrint()
    {
        // PyTorch's and NumPy's printers recurse once per dim; a .NET stack overflow would end the process, so this
        // runs in a child. Flint's tensor printer walks iteratively; the NumPy port runs deep ranks on a large stack.
        var r = Hostile.FuzzHost.Run(TimeSpan.FromSeconds(120), "print-rank", "100000", "3000");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}{(r.TimedOut ? " (hung)" : "")}: {r.Output[..Math.Min(2000, r.Output.Length)]}");
        Assert.Contains("tensor ok", r.Output);
        Assert.Contains("array ok", r.Output);
    }
}
