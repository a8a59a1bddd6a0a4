namespace Flint;

/// <summary>
/// NumPy's float summation order, so sums (and the losses printed from them) match NumPy bit for bit:
/// <c>np.add.reduce</c> starts from 0 and adds the pairwise sum of each inner loop, whose length the
/// buffered reduction iterator caps at 8192 elements; the pairwise sum keeps 8 accumulators over
/// blocks of at most 128 and splits longer runs in halves (a multiple of 8). Along an axis that is
/// not the innermost, NumPy adds row after row, so each output element is a plain running sum.
/// The orders are NumPy's for C-contiguous data (what the facade's ops produce).
/// </summary>
internal static class PairwiseSum
{
    private const int BlockSize = 128;  // PW_BLOCKSIZE in numpy/core/src/umath/loops_utils.h.src
    private const int BufferSize = 8192; // NPY_BUFSIZE: a reduction's inner loop sees at most this many elements

    /// <summary>Sums of a C-ordered float64 block of shape (outer, n, inner) over its middle axis.</summary>
    public static double[] Reduce(double[] x, long outer, long n, long inner)
    {
        var o = new double[outer * inner];
        for (long b = 0; b < outer; b++)
        {
            if (inner == 1)
            {
                o[b] = Row(new ReadOnlySpan<double>(x, checked((int)(b * n)), checked((int)n)));
                continue;
            }
            for (long j = 0; j < inner; j++)
            {
                double acc = 0.0;
                for (long i = 0; i < n; i++) acc += x[(b * n + i) * inner + j];
                o[b * inner + j] = acc;
            }
        }
        return o;
    }

    /// <summary>The float32 version: NumPy accumulates float32 sums in float32.</summary>
    public static float[] Reduce(float[] x, long outer, long n, long inner)
    {
        var o = new float[outer * inner];
        for (long b = 0; b < outer; b++)
        {
            if (inner == 1)
            {
                o[b] = Row(new ReadOnlySpan<float>(x, checked((int)(b * n)), checked((int)n)));
                continue;
            }
            for (long j = 0; j < inner; j++)
            {
                float acc = 0f;
                for (long i = 0; i < n; i++) acc += x[(b * n + i) * inner + j];
                o[b * inner + j] = acc;
            }
        }
        return o;
    }

    private static double Row(ReadOnlySpan<double> a)
    {
        double acc = 0.0;
        for (int s = 0; s < a.Length; s += BufferSize) acc += Pairwise(a.Slice(s, Math.Min(BufferSize, a.Length - s)));
        return acc;
    }

    private static float Row(ReadOnlySpan<float> a)
    {
        float acc = 0f;
        for (int s = 0; s < a.Length; s += BufferSize) acc += Pairwise(a.Slice(s, Math.Min(BufferSize, a.Length - s)));
        return acc;
    }

    private static double Pairwise(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= BlockSize)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - n % 8; i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Pairwise(a[..n2]) + Pairwise(a[n2..]);
    }

    private static float Pairwise(ReadOnlySpan<float> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            float res = 0f;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= BlockSize)
        {
            float r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - n % 8; i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Pairwise(a[..n2]) + Pairwise(a[n2..]);
    }
}
