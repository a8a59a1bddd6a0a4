using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>
/// float16 and bfloat16 conversions on their 16-bit patterns, written with integer ops so
/// device code needs neither System.Half nor Flint's BFloat16. Rounding is to nearest even,
/// as the host conversions do.
/// </summary>
internal static class HalfBits
{
    public static float HalfToFloat(ushort h)
    {
        uint sign = (uint)(h & 0x8000) << 16;
        int exp = (h >> 10) & 0x1F;
        uint mant = (uint)(h & 0x3FF);
        if (exp == 0)
        {
            // Zero or subnormal: mant × 2^-24, exact in float.
            float f = mant * (1f / 16777216f);
            return sign != 0 ? -f : f;
        }
        if (exp == 31) return Interop.IntAsFloat(sign | 0x7F800000u | (mant << 13));
        return Interop.IntAsFloat(sign | ((uint)(exp - 15 + 127) << 23) | (mant << 13));
    }

    public static ushort FloatToHalf(float f)
    {
        uint x = Interop.FloatAsInt(f);
        uint sign = (x >> 16) & 0x8000u;
        uint ax = x & 0x7FFFFFFFu;
        if (ax >= 0x7F800000u) return (ushort)(sign | (ax > 0x7F800000u ? 0x7E00u : 0x7C00u));
        if (ax >= 0x477FF000u) return (ushort)(sign | 0x7C00u); // ≥ 65520 rounds to infinity
        if (ax < 0x38800000u)
        {
            // Below the smallest normal half: count units of 2^-24, rounding half to even.
            if (ax <= 0x33000000u) return (ushort)sign; // ≤ 2^-25 (the tie rounds to even 0)
            uint e = ax >> 23;
            uint m = (ax & 0x7FFFFFu) | 0x800000u;
            int shift = (int)(126 - e);
            uint q = m >> shift;
            uint rem = m & ((1u << shift) - 1);
            uint halfway = 1u << (shift - 1);
            if (rem > halfway || (rem == halfway && (q & 1) != 0)) q++;
            return (ushort)(sign | q);
        }
        uint r = ax - 0x38000000u; // rebias the exponent from 127 to 15
        uint qn = r >> 13;
        uint remn = r & 0x1FFFu;
        if (remn > 0x1000u || (remn == 0x1000u && (qn & 1) != 0)) qn++;
        return (ushort)(sign | qn);
    }

    public static float BFloat16ToFloat(ushort b) => Interop.IntAsFloat((uint)b << 16);

    public static ushort FloatToBFloat16(float f)
    {
        if (float.IsNaN(f)) return 0x7FC0;
        uint bits = Interop.FloatAsInt(f);
        return (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1u)) >> 16);
    }
}
