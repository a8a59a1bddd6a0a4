using System.Runtime.Intrinsics;

namespace Flint.Backends.Cpu;

/// <summary>
/// GELU forward and backward in one pass, four float64 lanes at a time (<see cref="GeluMath"/>'s formulas; float32
/// widens to float64 and rounds once). A short tail is padded to a full vector, so every element takes the same
/// path whatever the length. Long runs are split over the cores (elementwise: the split does not change results).
/// </summary>
internal static class GeluKernels
{
    private const int ParallelMinElements = 1 << 15;
    private const int ParallelChunk = 1 << 13;

    private static Vector256<double> C(double v) => Vector256.Create(v);

    private static Vector256<double> Forward(Vector256<double> x, bool tanh)
    {
        if (!tanh) return x * C(0.5) * (VectorErf.Erf(x * C(GeluMath.Sqrt1_2)) + Vector256<double>.One);
        var u = C(GeluMath.Sqrt2OverPi) * (x + C(GeluMath.Kappa) * (x * x * x));
        return x / (Vector256<double>.One + Vector256.Exp(C(-2.0) * u));
    }

    private static Vector256<double> Backward(Vector256<double> g, Vector256<double> x, bool tanh)
    {
        if (!tanh)
        {
            var cdf = (VectorErf.Erf(x * C(GeluMath.Sqrt1_2)) + Vector256<double>.One) * C(0.5);
            var pdf = Vector256.Exp(x * x * C(-0.5)) * C(GeluMath.InvSqrt2Pi);
            return g * (cdf + x * pdf);
        }
        var x2 = x * x;
        var u = C(GeluMath.Sqrt2OverPi) * (x + C(GeluMath.Kappa) * (x2 * x));
        var e = Vector256.Exp(Vector256.Min(C(-2.0) * u, C(GeluMath.MaxExponent)));
        var s = Vector256<double>.One / (Vector256<double>.One + e);
        var du = C(GeluMath.Sqrt2OverPi) * (Vector256<double>.One + C(3.0 * GeluMath.Kappa) * x2);
        return g * (s + C(2.0) * x * s * (e * s) * du);
    }

    public static void Gelu(ReadOnlySpan<double> x, Span<double> y, bool tanh)
    {
        int n = y.Length, i = 0;
        for (; i <= n - 4; i += 4) Forward(Vector256.Create(x.Slice(i, 4)), tanh).CopyTo(y.Slice(i, 4));
        if (i < n)
        {
            Span<double> buf = stackalloc double[4];
            buf.Clear();
            x[i..].CopyTo(buf);
            Forward(Vector256.Create<double>(buf), tanh).CopyTo(buf);
            buf[..(n - i)].CopyTo(y[i..]);
        }
    }

    public static void Gelu(ReadOnlySpan<float> x, Span<float> y, bool tanh)
    {
        int n = y.Length, i = 0;
        for (; i <= n - 8; i += 8)
        {
            var v = Vector256.Create(x.Slice(i, 8));
            var (lo, hi) = Vector256.Widen(v);
            Vector256.Narrow(Forward(lo, tanh), Forward(hi, tanh)).CopyTo(y.Slice(i, 8));
        }
        if (i < n)
        {
            Span<float> buf = stackalloc float[8];
            buf.Clear();
            x[i..].CopyTo(buf);
            var (lo, hi) = Vector256.Widen(Vector256.Create<float>(buf));
            Vector256.Narrow(Forward(lo, tanh), Forward(hi, tanh)).CopyTo(buf);
            buf[..(n - i)].CopyTo(y[i..]);
        }
    }

    public static void GeluBackward(ReadOnlySpan<double> g, ReadOnlySpan<double> x, Span<double> gx, bool tanh)
    {
        int n = gx.Length, i = 0;
        for (; i <= n - 4; i += 4) Backward(Vector256.Create(g.Slice(i, 4)), Vector256.Create(x.Slice(i, 4)), tanh).CopyTo(gx.Slice(i, 4));
        if (i < n)
        {
            Span<double> bg = stackalloc double[4], bx = stackalloc double[4];
            bg.Clear(); bx.Clear();
            g[i..].CopyTo(bg);
            x[i..].CopyTo(bx);
            Backward(Vector256.Create<double>(bg), Vector256.Create<double>(bx), tanh).CopyTo(bg);
            bg[..(n - i)].CopyTo(gx[i..]);
        }
    }

    public static void GeluBackward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> gx, bool tanh)
    {
        int n = gx.Length, i = 0;
        for (; i <= n - 8; i += 8)
        {
            var (glo, ghi) = Vector256.Widen(Vector256.Create(g.Slice(i, 8)));
            var (xlo, xhi) = Vector256.Widen(Vector256.Create(x.Slice(i, 8)));
            Vector256.Narrow(Backward(glo, xlo, tanh), Backward(ghi, xhi, tanh)).CopyTo(gx.Slice(i, 8));
        }
        if (i < n)
        {
            Span<float> bg = stackalloc float[8], bx = stackalloc float[8];
            bg.Clear(); bx.Clear();
            g[i..].CopyTo(bg);
            x[i..].CopyTo(bx);
            var (glo, ghi) = Vector256.Widen(Vector256.Create<float>(bg));
            var (xlo, xhi) = Vector256.Widen(Vector256.Create<float>(bx));
            Vector256.Narrow(Backward(glo, xlo, tanh), Backward(ghi, xhi, tanh)).CopyTo(bg);
            bg[..(n - i)].CopyTo(gx[i..]);
        }
    }

    /// <summary>Runs body(start, count) over [0, len), on the cores in fixed chunks when len is long.</summary>
    public static void Chunked(long len, Action<int, int> body)
    {
        int n = (int)len;
        if (n < ParallelMinElements) { body(0, n); return; }
        int chunks = n / ParallelChunk;
        GemmParallel.For(chunks, Environment.ProcessorCount, c =>
        {
            int start = c * ParallelChunk;
            body(start, c == chunks - 1 ? n - start : ParallelChunk);
        });
    }
}
