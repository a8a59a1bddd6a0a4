namespace Flint.Backends;

/// <summary>
/// The geometry of an im2col/col2im over a batch of images, always with three spatial dims
/// (1-D and 2-D convolutions pad the leading ones with size 1): input [N, C, ID, IH, IW], kernel
/// KD×KH×KW taps with stride, zero padding and dilation per dim, output OD×OH×OW positions. Plain ints
/// so that device kernels take it by value.
/// </summary>
internal struct ConvGeometry
{
    public int N, C;
    public int ID, IH, IW;
    public int KD, KH, KW;
    public int SD, SH, SW;
    public int PD, PH, PW;
    public int DD, DH, DW;
    public int OD, OH, OW;

    /// <summary>Taps per channel (KD·KH·KW).</summary>
    public readonly int Taps => KD * KH * KW;

    /// <summary>Output positions per image (OD·OH·OW): the columns of the col matrix.</summary>
    public readonly int OutPlane => OD * OH * OW;

    /// <summary>Input elements per channel (ID·IH·IW).</summary>
    public readonly int InPlane => ID * IH * IW;

    /// <summary>Elements of the col buffer: [N, C·Taps, OutPlane].</summary>
    public readonly long ColNumel => (long)N * C * Taps * OutPlane;

    /// <summary>Elements of the image batch: [N, C, InPlane].</summary>
    public readonly long ImageNumel => (long)N * C * InPlane;

    /// <summary>
    /// A geometry for 1..3 spatial dims, right-aligned into (D, H, W); sizes per
    /// spatial dim. The output size per dim is PyTorch's (in + 2p − d(k−1) − 1) / s + 1.
    /// </summary>
    public static ConvGeometry Create(long n, long c, long[] input, long[] kernel, long[] stride, long[] padding, long[] dilation, long[]? output = null)
    {
        int s = input.Length;
        long[] Pad(long[] v, long fill) { var r = new long[3]; for (int i = 0; i < 3; i++) r[i] = i < 3 - s ? fill : v[i - (3 - s)]; return r; }
        var i3 = Pad(input, 1); var k3 = Pad(kernel, 1); var s3 = Pad(stride, 1); var p3 = Pad(padding, 0); var d3 = Pad(dilation, 1);
        var o3 = output is null ? new long[3] : Pad(output, 1);
        if (output is null)
            for (int i = 0; i < 3; i++) o3[i] = (i3[i] + 2 * p3[i] - d3[i] * (k3[i] - 1) - 1) / s3[i] + 1;
        return new ConvGeometry
        {
            N = checked((int)n), C = checked((int)c),
            ID = checked((int)i3[0]), IH = checked((int)i3[1]), IW = checked((int)i3[2]),
            KD = checked((int)k3[0]), KH = checked((int)k3[1]), KW = checked((int)k3[2]),
            SD = (int)s3[0], SH = (int)s3[1], SW = (int)s3[2],
            PD = (int)p3[0], PH = (int)p3[1], PW = (int)p3[2],
            DD = (int)d3[0], DH = (int)d3[1], DW = (int)d3[2],
            OD = checked((int)o3[0]), OH = checked((int)o3[1]), OW = checked((int)o3[2]),
        };
    }

    /// <summary>The same geometry over <paramref name="n"/> images (a chunk of the batch).</summary>
    public readonly ConvGeometry WithBatch(int n) { var g = this; g.N = n; return g; }
}
