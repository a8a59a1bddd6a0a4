using System.Numerics;
using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>A copy of <see cref="Flint.Backends.ConvGeometry"/> in this assembly, which ILGPU's runtime may read.</summary>
internal struct ConvArgs
{
    public int N, C, ID, IH, IW, KD, KH, KW, SD, SH, SW, PD, PH, PW, DD, DH, DW, OD, OH, OW;

    public static ConvArgs From(Flint.Backends.ConvGeometry g) => new()
    {
        N = g.N, C = g.C, ID = g.ID, IH = g.IH, IW = g.IW, KD = g.KD, KH = g.KH, KW = g.KW,
        SD = g.SD, SH = g.SH, SW = g.SW, PD = g.PD, PH = g.PH, PW = g.PW, DD = g.DD, DH = g.DH, DW = g.DW,
        OD = g.OD, OH = g.OH, OW = g.OW,
    };
}

/// <summary>
/// im2col and col2im on the device, one thread per output element: im2col reads the tap of one col
/// entry (0 in the padding); col2im gathers, for one image element, every col entry whose tap lands on
/// it, so it needs no atomics and sums in a fixed order. Indices start at <c>start</c> so that large
/// buffers go in several launches.
/// </summary>
internal static class ConvKernels
{
    public static void Im2Col<T>(Index1D index, ArrayView<T> x, ArrayView<T> col, ConvArgs g, long xOffset, long start) where T : unmanaged, INumber<T>
    {
        long i = start + index;
        long r = i;
        int ow = (int)(r % g.OW); r /= g.OW;
        int oh = (int)(r % g.OH); r /= g.OH;
        int od = (int)(r % g.OD); r /= g.OD;
        int kw = (int)(r % g.KW); r /= g.KW;
        int kh = (int)(r % g.KH); r /= g.KH;
        int kd = (int)(r % g.KD); r /= g.KD;
        long nc = r; // image * C + channel
        int id = od * g.SD - g.PD + kd * g.DD;
        int ih = oh * g.SH - g.PH + kh * g.DH;
        int iw = ow * g.SW - g.PW + kw * g.DW;
        T v = T.Zero;
        if (id >= 0 && id < g.ID && ih >= 0 && ih < g.IH && iw >= 0 && iw < g.IW)
            v = x[xOffset + ((nc * g.ID + id) * g.IH + ih) * g.IW + iw];
        col[i] = v;
    }

    public static void Col2Im<T>(Index1D index, ArrayView<T> col, ArrayView<T> x, ConvArgs g, long colOffset, long start) where T : unmanaged, INumber<T>
    {
        long i = start + index;
        long r = i;
        int iw = (int)(r % g.IW); r /= g.IW;
        int ih = (int)(r % g.IH); r /= g.IH;
        int id = (int)(r % g.ID); r /= g.ID;
        long nc = r;
        long L = (long)g.OD * g.OH * g.OW;
        long taps = (long)g.KD * g.KH * g.KW;
        T sum = T.Zero;
        for (int kd = 0; kd < g.KD; kd++)
        {
            int td = id + g.PD - kd * g.DD;
            if (td < 0 || td % g.SD != 0) continue;
            int od = td / g.SD;
            if (od >= g.OD) continue;
            for (int kh = 0; kh < g.KH; kh++)
            {
                int th = ih + g.PH - kh * g.DH;
                if (th < 0 || th % g.SH != 0) continue;
                int oh = th / g.SH;
                if (oh >= g.OH) continue;
                for (int kw = 0; kw < g.KW; kw++)
                {
                    int tw = iw + g.PW - kw * g.DW;
                    if (tw < 0 || tw % g.SW != 0) continue;
                    int ow = tw / g.SW;
                    if (ow >= g.OW) continue;
                    long row = nc * taps + ((long)kd * g.KH + kh) * g.KW + kw;
                    sum += col[colOffset + row * L + ((long)od * g.OH + oh) * g.OW + ow];
                }
            }
        }
        x[i] = sum;
    }
}
