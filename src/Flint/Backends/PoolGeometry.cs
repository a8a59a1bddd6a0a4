namespace Flint.Backends;

/// <summary>How a pooling window is placed and what it computes.</summary>
internal enum PoolKind
{
    /// <summary>Strided, padded, dilated windows; the maximum and its index (max_pool2d/3d).</summary>
    Max,
    /// <summary>Strided, padded windows; the mean with PyTorch's divisor rules (avg_pool2d/3d).</summary>
    Avg,
    /// <summary>Windows [floor(o·in/out), ceil((o+1)·in/out)); the maximum and its index.</summary>
    AdaptiveMax,
    /// <summary>Windows [floor(o·in/out), ceil((o+1)·in/out)); the mean.</summary>
    AdaptiveAvg,
}

/// <summary>
/// A 3-d pooling over <see cref="Planes"/> dense [InD, InH, InW] volumes into [OutD, OutH, OutW] volumes. 2-d pools
/// run with InD = OutD = KD = SD = DD = 1 and PD = 0, 1-d pools with InH = OutH = 1 as well. Plain ints so one value
/// travels into CPU and ILGPU kernels alike; the window arithmetic is written once here, as PyTorch's CPU kernels place
/// their windows. Indices of max kinds are flat positions within the input volume (d·H·W + h·W + w, PyTorch's).
/// </summary>
internal struct PoolGeometry
{
    public int Kind;
    public int Planes, InH, InW, OutH, OutW;
    public int KH, KW, SH, SW, PH, PW, DH, DW;
    /// <summary>Avg: 1 when padded positions count towards the divisor.</summary>
    public int CountIncludePad;
    /// <summary>Avg: a fixed divisor (divisor_override), or 0.</summary>
    public int Divisor;
    /// <summary>The depth dim: input and output size, kernel, stride, padding, dilation (all 1, padding 0, for 2-d pools).</summary>
    public int InD, OutD, KD, SD, PD, DD;
    /// <summary>2 or 3: the pooling's spatial rank, for the kernel names in errors.</summary>
    public int Rank;

    public readonly long InPlane => (long)InD * InH * InW;
    public readonly long OutPlane => (long)OutD * OutH * OutW;
    public readonly bool IsMax => Kind == (int)PoolKind.Max || Kind == (int)PoolKind.AdaptiveMax;

    /// <summary>The input depths of output depth <paramref name="o"/>.</summary>
    public readonly PoolSpan Depths(int o) => Span(o, InD, OutD, KD, SD, PD, DD);

    /// <summary>The input rows of output row <paramref name="o"/>.</summary>
    public readonly PoolSpan Rows(int o) => Span(o, InH, OutH, KH, SH, PH, DH);

    /// <summary>The input columns of output column <paramref name="o"/>.</summary>
    public readonly PoolSpan Cols(int o) => Span(o, InW, OutW, KW, SW, PW, DW);

    private readonly PoolSpan Span(int o, int inSize, int outSize, int k, int s, int p, int d)
    {
        var r = new PoolSpan { Step = 1 };
        if (Kind == (int)PoolKind.AdaptiveMax || Kind == (int)PoolKind.AdaptiveAvg)
        {
            r.Start = (int)((long)o * inSize / outSize);
            r.End = (int)(((long)(o + 1) * inSize + outSize - 1) / outSize);
        }
        else if (Kind == (int)PoolKind.Max)
        {
            int start = o * s - p;
            r.End = Math.Min(start + (k - 1) * d + 1, inSize);
            while (start < 0) start += d;
            r.Start = start;
            r.Step = d;
        }
        else
        {
            r.Start = Math.Max(o * s - p, 0);
            r.End = Math.Min(o * s - p + k, inSize);
        }
        return r;
    }

    /// <summary>What an average window divides by (PyTorch's avg_pool2d/3d rules; adaptive: the window's size).</summary>
    public readonly int AvgDivisor(int od, int oh, int ow)
    {
        if (Kind == (int)PoolKind.AdaptiveAvg)
        {
            var depths = Depths(od);
            var rows = Rows(oh);
            var cols = Cols(ow);
            return (depths.End - depths.Start) * (rows.End - rows.Start) * (cols.End - cols.Start);
        }
        if (Divisor != 0) return Divisor;
        int ds = od * SD - PD, hs = oh * SH - PH, ws = ow * SW - PW;
        int de = Math.Min(ds + KD, InD + PD), he = Math.Min(hs + KH, InH + PH), we = Math.Min(ws + KW, InW + PW);
        if (CountIncludePad != 0) return (de - ds) * (he - hs) * (we - ws);
        return (Math.Min(de, InD) - Math.Max(ds, 0)) * (Math.Min(he, InH) - Math.Max(hs, 0)) * (Math.Min(we, InW) - Math.Max(ws, 0));
    }
}

/// <summary>Input positions [Start, End) stepping Step along one dim of one pooling window.</summary>
internal struct PoolSpan
{
    public int Start, End, Step;

    /// <summary>True when the window holds no input position (an average then yields 0).</summary>
    public readonly bool IsEmpty => Start >= End;
}
