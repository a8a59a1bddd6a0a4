using System.Globalization;
using System.Numerics;

namespace Flint;

/// <summary>
/// Decimal digits of a binary float, the way NumPy's Dragon4 and Python's <c>repr</c> produce them:
/// the shortest digits that round-trip, or the exact value correctly rounded (ties to even) to a
/// number of digits. A value is <c>0.D × 10^Point</c> with <c>D</c> free of leading and trailing zeros.
/// </summary>
internal static class FloatDigits
{
    /// <summary>Shortest round-trip digits of a finite non-zero |value|, unique among values of <paramref name="type"/> (float16/32/64).</summary>
    public static (string Digits, int Point) Shortest(double value, ScalarType type)
    {
        // .NET Core 3.0+ "R" is the shortest round-trip string (like Python's repr); only its layout differs.
        double a = Math.Abs(value);
        string s = type switch
        {
            ScalarType.Float32 => ((float)a).ToString("R", CultureInfo.InvariantCulture),
            ScalarType.Float16 => ((Half)a).ToString("R", CultureInfo.InvariantCulture),
            _ => a.ToString("R", CultureInfo.InvariantCulture),
        };
        int exp = 0;
        int e = s.IndexOf('E');
        if (e >= 0)
        {
            exp = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }
        int dot = s.IndexOf('.');
        string intPart = dot >= 0 ? s[..dot] : s;
        string all = dot >= 0 ? intPart + s[(dot + 1)..] : intPart;
        return Normalize(all, intPart.Length + exp);
    }

    /// <summary>|value| correctly rounded (half to even) to <paramref name="fracDigits"/> digits after the point.</summary>
    public static (string Digits, int Point) RoundFractional(double value, int fracDigits)
    {
        var q = ScaledRounded(Math.Abs(value), fracDigits);
        string all = q.ToString(CultureInfo.InvariantCulture);
        return Normalize(all, all.Length - fracDigits);
    }

    /// <summary>|value| correctly rounded (half to even) to <paramref name="significant"/> significant digits.</summary>
    public static (string Digits, int Point) RoundSignificant(double value, int significant, int approxPoint)
    {
        double v = Math.Abs(value);
        int point = approxPoint;
        for (int attempt = 0; attempt < 4; attempt++)
        {
            // digits after the point so that the first digit sits at 10^(point-1)
            int frac = significant - point;
            var q = ScaledRounded(v, frac);
            string all = q.ToString(CultureInfo.InvariantCulture);
            if (all.Length == significant) return Normalize(all, point);
            if (all.Length > significant) { point++; continue; }
            point--;
        }
        throw new InvalidOperationException("digit generation did not converge");
    }

    /// <summary>round_half_even(v × 10^frac) computed exactly with big integers.</summary>
    private static BigInteger ScaledRounded(double v, int frac)
    {
        long bits = BitConverter.DoubleToInt64Bits(v);
        int rawExp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (rawExp == 0) rawExp = 1; else mant |= 1L << 52;
        int e2 = rawExp - 1075; // v = mant × 2^e2
        BigInteger num = mant, den = BigInteger.One;
        if (e2 >= 0) num <<= e2; else den <<= -e2;
        if (frac >= 0) num *= BigInteger.Pow(10, frac); else den *= BigInteger.Pow(10, -frac);
        var q = BigInteger.DivRem(num, den, out var rem);
        int c = (rem * 2).CompareTo(den);
        if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        return q;
    }

    private static (string, int) Normalize(string all, int point)
    {
        int lead = 0;
        while (lead < all.Length && all[lead] == '0') lead++;
        if (lead == all.Length) return ("", 0);
        string d = all[lead..].TrimEnd('0');
        return (d, point - lead);
    }

    /// <summary>
    /// Python's <c>repr(float)</c> (also NumPy's scalar repr): shortest digits, positional for
    /// 1e-4 ≤ |x| &lt; 1e16 with at least one fractional digit, else <c>d.ddde±XX</c>. The range test
    /// is on the value, as NumPy does it (a float32 just below 1e-4 prints <c>1e-04</c>).
    /// </summary>
    public static string PyRepr(double value, ScalarType type = ScalarType.Float64)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        string sign = double.IsNegative(value) ? "-" : "";
        if (value == 0) return sign + "0.0";
        var (d, p) = Shortest(value, type);
        double a = Math.Abs(value);
        if (a >= 1e-4 && a < 1e16)
        {
            string ip = p <= 0 ? "0" : d.Length >= p ? d[..p] : d + new string('0', p - d.Length);
            string fp = p < 0 ? new string('0', -p) + d : d.Length > p ? d[p..] : "";
            return sign + ip + "." + (fp.Length == 0 ? "0" : fp);
        }
        int exp = p - 1;
        string mant = d.Length == 1 ? d : d[..1] + "." + d[1..];
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
    }
}
