using Flint.Backends;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>Widening and rounding between a float element type and float64, which ILGPU has no generic form of.</summary>
internal interface IWideFloat<T> where T : unmanaged
{
    static abstract double Widen(T v);
    static abstract T Round(double v);
}

internal struct WideF32 : IWideFloat<float>
{
    public static double Widen(float v) => v;
    public static float Round(double v) => (float)v;
}

internal struct WideF64 : IWideFloat<double>
{
    public static double Widen(double v) => v;
    public static double Round(double v) => v;
}

/// <summary>The scalars of a layer-norm launch: the block's geometry, operand offsets and which of w/b are present.</summary>
internal struct LayerNormArgs
{
    public int Rows, N, HasW, HasB;
    public long XOffset, WOffset, BOffset, GOffset;
    public double Eps;
}

/// <summary>
/// Layer norm and GELU on the device, evaluated in float64 (float32 widens and rounds once). Layer norm: one thread
/// per row for the forward and the input gradient, one thread per column for the weight and bias gradients (a sum
/// over rows, so no atomics). GELU: one thread per element through <see cref="GeluMath"/>.
/// </summary>
internal static class NormalizationKernels
{
    public static void LayerNormRows<T, TW>(Index1D row, ArrayView<T> x, ArrayView<T> w, ArrayView<T> b, ArrayView<T> y, ArrayView<T> mean, ArrayView<T> rstd, LayerNormArgs a)
        where T : unmanaged where TW : struct, IWideFloat<T>
    {
        long xs = a.XOffset + (long)row.X * a.N, ys = (long)row.X * a.N;
        double sum = 0;
        for (int j = 0; j < a.N; j++) sum += TW.Widen(x[xs + j]);
        double m = sum / a.N, sq = 0;
        for (int j = 0; j < a.N; j++) { double d = TW.Widen(x[xs + j]) - m; sq += d * d; }
        double rs = 1.0 / Math.Sqrt(sq / a.N + a.Eps);
        mean[row] = TW.Round(m);
        rstd[row] = TW.Round(rs);
        for (int j = 0; j < a.N; j++)
        {
            double v = (TW.Widen(x[xs + j]) - m) * rs;
            if (a.HasW != 0) v *= TW.Widen(w[a.WOffset + j]);
            if (a.HasB != 0) v += TW.Widen(b[a.BOffset + j]);
            y[ys + j] = TW.Round(v);
        }
    }

    public static void LayerNormInputGrad<T, TW>(Index1D row, ArrayView<T> g, ArrayView<T> x, ArrayView<T> w, ArrayView<T> mean, ArrayView<T> rstd, ArrayView<T> gx, LayerNormArgs a)
        where T : unmanaged where TW : struct, IWideFloat<T>
    {
        long gs = a.GOffset + (long)row.X * a.N, xs = a.XOffset + (long)row.X * a.N, os = (long)row.X * a.N;
        double m = TW.Widen(mean[row]), r = TW.Widen(rstd[row]), ds = 0, db = 0;
        for (int j = 0; j < a.N; j++)
        {
            double gw = TW.Widen(g[gs + j]);
            if (a.HasW != 0) gw *= TW.Widen(w[a.WOffset + j]);
            ds += gw * TW.Widen(x[xs + j]);
            db += gw;
        }
        double bq = (db * m - ds) * r * r * r / a.N;
        double cq = -bq * m - db * r / a.N;
        for (int j = 0; j < a.N; j++)
        {
            double gw = TW.Widen(g[gs + j]);
            if (a.HasW != 0) gw *= TW.Widen(w[a.WOffset + j]);
            gx[os + j] = TW.Round(r * gw + bq * TW.Widen(x[xs + j]) + cq);
        }
    }

    public static void LayerNormParamGrads<T, TW>(Index1D col, ArrayView<T> g, ArrayView<T> x, ArrayView<T> mean, ArrayView<T> rstd, ArrayView<T> gw, ArrayView<T> gb, LayerNormArgs a)
        where T : unmanaged where TW : struct, IWideFloat<T>
    {
        double sw = 0, sb = 0;
        for (int r = 0; r < a.Rows; r++)
        {
            double gv = TW.Widen(g[a.GOffset + (long)r * a.N + col]);
            sw += gv * (TW.Widen(x[a.XOffset + (long)r * a.N + col]) - TW.Widen(mean[r])) * TW.Widen(rstd[r]);
            sb += gv;
        }
        if (a.HasW != 0) gw[col] = TW.Round(sw);
        if (a.HasB != 0) gb[col] = TW.Round(sb);
    }

    public static void Gelu<T, TW>(Index1D i, ArrayView<T> x, long xOffset, ArrayView<T> y, int tanh)
        where T : unmanaged where TW : struct, IWideFloat<T> =>
        y[i] = TW.Round(GeluMath.Forward(TW.Widen(x[xOffset + i]), tanh != 0));

    public static void GeluBackward<T, TW>(Index1D i, ArrayView<T> g, long gOffset, ArrayView<T> x, long xOffset, ArrayView<T> gx, int tanh)
        where T : unmanaged where TW : struct, IWideFloat<T> =>
        gx[i] = TW.Round(GeluMath.Backward(TW.Widen(g[gOffset + i]), TW.Widen(x[xOffset + i]), tanh != 0));
}
