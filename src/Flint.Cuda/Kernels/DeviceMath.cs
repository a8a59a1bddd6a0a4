using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>
/// Correctly reduced, few-ulp double-precision functions that compile for the GPU. ILGPU maps
/// <c>Math.Sin</c>/<c>MathF.Sin</c> and friends to PTX's approximate instructions (float32 off by up to
/// ~1e-5 relative and wrong past a few thousand radians) or to software that is off by ~1e-12 in
/// float64, while the CPU and PyTorch give results within an ulp or two. Float32 ops evaluate these in
/// float64 and round once. Sin/cos follow fdlibm: Cody-Waite reduction by pi/2 in three parts
/// for moderate arguments, Payne-Hanek (the bits of 2/pi, 64-bit integer arithmetic) for large ones,
/// then fdlibm's minimax kernels on [-pi/4, pi/4]. Plain C#, so the CPU tests check it against
/// <see cref="Math.Sin"/> over many arguments.
/// </summary>
internal static class DeviceMath
{
    private const double PiOver4 = 0.78539816339744830962;
    private const double InvPio2 = 6.36619772367581382433e-01;
    // pi/2 in three parts (fdlibm's): p1 has 31 significant bits, so n * p1 is exact for n < 2^20.
    private const double Pio2_1 = 1.57079632673412561417e+00, Pio2_1t = 6.07710050650619224932e-11;
    private const double Pio2_2 = 6.07710050630396597660e-11, Pio2_2t = 2.02226624879595063154e-21;
    private const double Pio2Hi = 1.5707963267948966, Pio2Lo = 6.123233995736766e-17;
    /// <summary>Below 2^19 * pi/2 the three-part reduction is exact enough; above, Payne-Hanek.</summary>
    private const double MediumLimit = 823549.6;

    private const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04,
        S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    private const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05,
        C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;

    /// <summary>sin(x) within about an ulp; sin(±0) = ±0, sin(±inf) = sin(NaN) = NaN.</summary>
    public static double Sin(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x - x;
        double ax = Math.Abs(x);
        if (ax < 7.450580596923828e-9) return x; // 2^-27: sin x rounds to x (and keeps the sign of zero)
        double r;
        if (ax <= PiOver4) r = KernelSin(ax, 0);
        else
        {
            var q = Reduce(ax);
            r = (q.N & 1) == 0 ? KernelSin(q.Hi, q.Lo) : KernelCos(q.Hi, q.Lo);
            if ((q.N & 2) != 0) r = -r;
        }
        return x < 0 ? -r : r;
    }

    /// <summary>cos(x) within about an ulp; cos(±inf) = cos(NaN) = NaN.</summary>
    public static double Cos(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x - x;
        double ax = Math.Abs(x);
        if (ax < 7.450580596923828e-9) return 1.0;
        if (ax <= PiOver4) return KernelCos(ax, 0);
        var q = Reduce(ax);
        double r = (q.N & 1) == 0 ? KernelCos(q.Hi, q.Lo) : KernelSin(q.Hi, q.Lo);
        return (q.N & 3) is 1 or 2 ? -r : r;
    }

    /// <summary>
    /// tanh(x) = e / (e + 2) with e = expm1(2|x|), so small arguments keep their relative precision;
    /// ±1 past 22 (where ILGPU's own tanh divides infinity by infinity and returns NaN).
    /// </summary>
    public static double Tanh(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Math.Abs(x);
        if (ax > 22) return x > 0 ? 1.0 : -1.0;
        if (ax < 3.725290298461914e-9) return x; // 2^-28: tanh x rounds to x (and keeps the sign of zero)
        double e = Expm1(2 * ax);
        double r = e / (e + 2);
        return x < 0 ? -r : r;
    }

    /// <summary>exp(y) - 1 by Kahan's trick: the rounding of exp(y) cancels against log of the same value.</summary>
    private static double Expm1(double y)
    {
        double u = Math.Exp(y);
        if (u == 1.0) return y;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        return um1 * y / Math.Log(u);
    }

    /// <summary>Round half to even (torch.round), keeping the sign of zero and passing NaN and infinities through.</summary>
    public static double RoundHalfEven(double x)
    {
        double r = Math.Floor(x);
        double frac = x - r; // exact: x and floor(x) share the exponent range where a fraction exists
        if (frac > 0.5 || (frac == 0.5 && Math.Floor(r * 0.5) * 2 != r)) r += 1;
        if (r == 0) r = x < 0 || 1 / x < 0 ? -0.0 : 0.0;
        return r;
    }

    /// <summary>fdlibm __kernel_sin: sin(x + y) for |x| ≤ pi/4, y the tail of the reduced argument.</summary>
    private static double KernelSin(double x, double y)
    {
        double z = x * x, v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }

    /// <summary>fdlibm __kernel_cos: cos(x + y) for |x| ≤ pi/4.</summary>
    private static double KernelCos(double x, double y)
    {
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        double hz = 0.5 * z, w = 1.0 - hz;
        return w + (((1.0 - w) - hz) + (z * r - x * y));
    }

    /// <summary>A reduced argument: x = N·pi/2 + (Hi + Lo), |Hi + Lo| ≤ ~pi/4.</summary>
    internal struct Reduced
    {
        public int N;
        public double Hi, Lo;
    }

    /// <summary>Reduces a finite ax &gt; pi/4 by pi/2.</summary>
    internal static Reduced Reduce(double ax) => ax < MediumLimit ? ReduceMedium(ax) : ReduceLarge(ax);

    private static Reduced ReduceMedium(double ax)
    {
        double fn = Math.Floor(ax * InvPio2 + 0.5);
        double r = ax - fn * Pio2_1; // exact
        // Second step (fdlibm's, taken always): subtract n times the next 33 bits, carry the tail.
        double t = r;
        double w = fn * Pio2_2;
        r = t - w;
        w = fn * Pio2_2t - ((t - r) - w);
        double hi = r - w;
        return new Reduced { N = (int)fn, Hi = hi, Lo = (r - hi) - w };
    }

    /// <summary>
    /// Payne-Hanek: with ax = M·2^E (M a 53-bit integer), only the bits of 2/pi from about position E
    /// on matter modulo 4; a 192-bit window of them times M, in 64-bit limbs, gives the quadrant and
    /// the fraction to ~120 bits.
    /// </summary>
    private static Reduced ReduceLarge(double ax)
    {
        ulong bits = Interop.FloatAsInt(ax);
        int biased = (int)(bits >> 52);
        ulong m = (bits & 0xFFFFFFFFFFFFFUL) | 0x10000000000000UL;
        int e = biased - 1075; // ax = m * 2^e, e ≥ -32 here
        // Bit j of 2/pi (j = 0 is the first after the point) weighs 2^-(j+1); m·2^e·2^-(j+1) is a multiple of 4 for j ≤ e - 3.
        int j0 = Math.Max(0, e - 2);
        ulong w0 = Window(j0), w1 = Window(j0 + 64), w2 = Window(j0 + 128);
        // P = m·(w0·2^128 + w1·2^64 + w2), kept modulo 2^256 in limbs l3..l0.
        var p2 = Mul(m, w2);
        var p1 = Mul(m, w1);
        var p0 = Mul(m, w0);
        ulong h2 = p2.Hi, l0 = p2.Lo, h1 = p1.Hi, lo1 = p1.Lo, h0 = p0.Hi, lo0 = p0.Lo;
        ulong l1 = h2 + lo1;
        ulong c1 = l1 < h2 ? 1UL : 0UL;
        ulong l2a = h1 + lo0;
        ulong c2 = l2a < h1 ? 1UL : 0UL;
        ulong l2 = l2a + c1;
        c2 += l2 < l2a ? 1UL : 0UL;
        ulong l3 = h0 + c2;
        // value = P·2^(e - j0 - 192): the two integer bits sit at P's bit F = j0 + 192 - e and F + 1.
        // Shift left by 256 - (F + 2) so they become the top two bits of l3.
        int shift = 256 - (j0 + 194 - e); // 30..64
        ulong t3, t2, t1;
        if (shift == 64) { t3 = l2; t2 = l1; t1 = l0; }
        else
        {
            t3 = (l3 << shift) | (l2 >> (64 - shift));
            t2 = (l2 << shift) | (l1 >> (64 - shift));
            t1 = (l1 << shift) | (l0 >> (64 - shift));
        }
        int n = (int)(t3 >> 62);
        // The fraction, 190 bits in three limbs (f2 most significant).
        ulong f2 = (t3 << 2) | (t2 >> 62), f1 = (t2 << 2) | (t1 >> 62), f0 = t1 << 2;
        double sign = 1;
        if ((f2 >> 63) != 0)
        {
            // fraction ≥ 1/2: use f - 1 = -(1 - f), one more quadrant.
            n += 1;
            sign = -1;
            f0 = ~f0 + 1;
            ulong carry = f0 == 0 ? 1UL : 0UL;
            f1 = ~f1 + carry;
            carry = carry != 0 && f1 == 0 ? 1UL : 0UL;
            f2 = ~f2 + carry;
        }
        // Normalise so the fraction's leading one is the top bit: arguments close to a multiple of
        // pi/2 leave a tiny fraction whose precision sits in the lower limbs.
        int lz = 0;
        if (f2 == 0) { f2 = f1; f1 = f0; f0 = 0; lz = 64; }
        int z = 0;
        while (z < 63 && (f2 >> (63 - z)) == 0) z++;
        if (z > 0) { f2 = (f2 << z) | (f1 >> (64 - z)); f1 = (f1 << z) | (f0 >> (64 - z)); }
        lz += z;
        double scale = Interop.IntAsFloat((ulong)(1023 - lz) << 52); // 2^-lz
        double gh = (f2 >> 11) * 1.1102230246251565e-16 * scale; // 2^-53
        double gl = (((f2 & 0x7FF) << 42) | (f1 >> 22)) * 1.2325951644078310e-32 * scale; // 2^-106
        // (gh + gl)·pi/2; the rounding of gh·Pio2Hi (half an ulp) is the main error left.
        double hi = gh * Pio2Hi;
        double lo = gh * Pio2Lo + gl * Pio2Hi;
        double y0 = hi + lo;
        double y1 = (hi - y0) + lo;
        return new Reduced { N = n & 3, Hi = sign * y0, Lo = sign * y1 };
    }

    /// <summary>64 bits of 2/pi starting at bit <paramref name="j"/> (bit 0 is the first after the point).</summary>
    private static ulong Window(int j)
    {
        int word = j >> 6, sh = j & 63;
        ulong a = TwoOverPi(word);
        return sh == 0 ? a : (a << sh) | (TwoOverPi(word + 1) >> (64 - sh));
    }

    /// <summary>The full 128-bit product of two 64-bit words, from 32-bit halves (no 128-bit type on the device).</summary>
    private static U128 Mul(ulong a, ulong b)
    {
        ulong aL = a & 0xFFFFFFFF, aH = a >> 32, bL = b & 0xFFFFFFFF, bH = b >> 32;
        ulong ll = aL * bL, lh = aL * bH, hl = aH * bL, hh = aH * bH;
        ulong mid = (ll >> 32) + (lh & 0xFFFFFFFF) + (hl & 0xFFFFFFFF);
        return new U128 { Lo = (mid << 32) | (ll & 0xFFFFFFFF), Hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32) };
    }

    private struct U128
    {
        public ulong Hi, Lo;
    }

    /// <summary>The binary digits of 2/pi, 64 per word (enough for every finite double).</summary>
    private static ulong TwoOverPi(int word) => word switch
    {
            0 => 0xA2F9836E4E441529UL,
            1 => 0xFC2757D1F534DDC0UL,
            2 => 0xDB6295993C439041UL,
            3 => 0xFE5163ABDEBBC561UL,
            4 => 0xB7246E3A424DD2E0UL,
            5 => 0x06492EEA09D1921CUL,
            6 => 0xFE1DEB1CB129A73EUL,
            7 => 0xE88235F52EBB4484UL,
            8 => 0xE99C7026B45F7E41UL,
            9 => 0x3991D639835339F4UL,
            10 => 0x9C845F8BBDF9283BUL,
            11 => 0x1FF897FFDE05980FUL,
            12 => 0xEF2F118B5A0A6D1FUL,
            13 => 0x6D367ECF27CB09B7UL,
            14 => 0x4F463F669E5FEA2DUL,
            15 => 0x7527BAC7EBE5F17BUL,
            16 => 0x3D0739F78A5292EAUL,
            17 => 0x6BFB5FB11F8D5D08UL,
            18 => 0x56033046FC7B6BABUL,
            19 => 0xF0CFBC209AF4361DUL,
            _ => 0UL,
    };
}
