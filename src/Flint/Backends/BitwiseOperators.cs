using System.Numerics;

namespace Flint.Backends;

// Bitwise ops, gcd and lcm for the integer dtypes (the op layer sends no floats and handles bool itself).
// IBinaryOp's element type is only INumber<T>, which has no bit operators, and device code cannot branch on
// typeof(T); so the bits are taken arithmetically: two's-complement identities (~x = −x − 1, a & b = ~(~a | ~b),
// ...) reduce every case to non-negative operands, whose bits come from halving. A loop runs once per significant
// bit (at most 63), with the same code on the CPU and in the CUDA kernels.

/// <summary>Bit helpers over any integer <typeparamref name="T"/>, arithmetic only.</summary>
internal static class BitArithmetic<T> where T : unmanaged, INumber<T>
{
    public static T Two => T.One + T.One;

    /// <summary>~x: −x − 1 (wraps for the unsigned byte, giving 255 − x).</summary>
    public static T Not(T x) => -x - T.One;

    /// <summary>a &amp; b for a, b ≥ 0.</summary>
    public static T AndPos(T a, T b)
    {
        T r = T.Zero, bit = T.One;
        while (a > T.Zero && b > T.Zero)
        {
            if (T.IsOddInteger(a) && T.IsOddInteger(b)) r += bit;
            a /= Two; b /= Two; bit += bit;
        }
        return r;
    }

    /// <summary>a &amp; ~b for a, b ≥ 0.</summary>
    public static T AndNotPos(T a, T b)
    {
        T r = T.Zero, bit = T.One;
        while (a > T.Zero)
        {
            if (T.IsOddInteger(a) && !T.IsOddInteger(b)) r += bit;
            a /= Two; b /= Two; bit += bit;
        }
        return r;
    }

    /// <summary>a | b for a, b ≥ 0.</summary>
    public static T OrPos(T a, T b)
    {
        T r = T.Zero, bit = T.One;
        while (a > T.Zero || b > T.Zero)
        {
            if (T.IsOddInteger(a) || T.IsOddInteger(b)) r += bit;
            a /= Two; b /= Two; bit += bit;
        }
        return r;
    }

    /// <summary>a ^ b for a, b ≥ 0.</summary>
    public static T XorPos(T a, T b)
    {
        T r = T.Zero, bit = T.One;
        while (a > T.Zero || b > T.Zero)
        {
            if (T.IsOddInteger(a) != T.IsOddInteger(b)) r += bit;
            a /= Two; b /= Two; bit += bit;
        }
        return r;
    }

    public static T And(T a, T b)
    {
        bool na = T.IsNegative(a), nb = T.IsNegative(b);
        if (!na && !nb) return AndPos(a, b);
        if (na && nb) return Not(OrPos(Not(a), Not(b)));
        return na ? AndNotPos(b, Not(a)) : AndNotPos(a, Not(b));
    }

    public static T Or(T a, T b)
    {
        bool na = T.IsNegative(a), nb = T.IsNegative(b);
        if (!na && !nb) return OrPos(a, b);
        if (na && nb) return Not(AndPos(Not(a), Not(b)));
        return na ? Not(AndNotPos(Not(a), b)) : Not(AndNotPos(Not(b), a));
    }

    public static T Xor(T a, T b)
    {
        bool na = T.IsNegative(a), nb = T.IsNegative(b);
        if (na == nb) return na ? XorPos(Not(a), Not(b)) : XorPos(a, b);
        return na ? Not(XorPos(Not(a), b)) : Not(XorPos(a, Not(b)));
    }

    /// <summary>(width in bits, signed): 1 doubled until it wraps to ≤ 0 (to the minimum for signed types, to 0 for the byte).</summary>
    public static (int width, bool signed) Width()
    {
        T v = T.One;
        int k = 0;
        while (v > T.Zero) { v += v; k++; }
        bool signed = T.IsNegative(v);
        return (signed ? k + 1 : k, signed);
    }

    /// <summary>A small count as T, by addition (generic conversions do not compile to device code).</summary>
    public static T Of(int n)
    {
        T r = T.Zero;
        for (int i = 0; i < n; i++) r += T.One;
        return r;
    }

    /// <summary>⌊a / 2⌋ (an arithmetic right shift by one).</summary>
    public static T FloorHalf(T a)
    {
        T q = a / Two;
        return T.IsNegative(a) && T.IsOddInteger(a) ? q - T.One : q;
    }

    /// <summary>|x| with two's-complement wrap (the minimum stays negative, as C++'s std::abs leaves it; T.Abs would throw).</summary>
    public static T Abs(T x) => T.IsNegative(x) ? -x : x;

    public static T Gcd(T a, T b)
    {
        a = Abs(a); b = Abs(b);
        while (a != T.Zero) { T c = a; a = b % a; b = c; }
        return b;
    }
}

internal struct BitwiseAndOp : IBinaryOp { public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => BitArithmetic<T>.And(a, b); }
internal struct BitwiseOrOp : IBinaryOp { public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => BitArithmetic<T>.Or(a, b); }
internal struct BitwiseXorOp : IBinaryOp { public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => BitArithmetic<T>.Xor(a, b); }

/// <summary>a &lt;&lt; b as PyTorch 1.13: 0 when b is negative or at least the bit width; bits shifted out are lost.</summary>
internal struct LeftShiftOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        var (width, _) = BitArithmetic<T>.Width();
        if (T.IsNegative(b) || b >= BitArithmetic<T>.Of(width)) return T.Zero;
        for (T i = T.Zero; i < b; i++) a += a;
        return a;
    }
}

/// <summary>a &gt;&gt; b as PyTorch 1.13: arithmetic for signed types; a negative or too large b shifts by width − 1 (signed) or width.</summary>
internal struct RightShiftOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        var (width, signed) = BitArithmetic<T>.Width();
        int maxShift = signed ? width - 1 : width;
        T limit = BitArithmetic<T>.Of(maxShift);
        if (T.IsNegative(b) || b >= limit) b = limit;
        for (T i = T.Zero; i < b; i++) a = BitArithmetic<T>.FloorHalf(a);
        return a;
    }
}

internal struct GcdOp : IBinaryOp { public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T> => BitArithmetic<T>.Gcd(a, b); }

/// <summary>|a / gcd · b|, 0 when both are 0.</summary>
internal struct LcmOp : IBinaryOp
{
    public static T Invoke<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        T g = BitArithmetic<T>.Gcd(a, b);
        return g == T.Zero ? T.Zero : BitArithmetic<T>.Abs(a / g * b);
    }
}
