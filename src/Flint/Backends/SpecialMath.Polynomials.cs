using System.Numerics;

namespace Flint.Backends;

// torch.special's orthogonal polynomials of degree n, ported from PyTorch's aten/src/ATen/native/Math.h: three-term
// recurrences (stopped once a value is NaN), and for |x| < 1 with large n the trigonometric closed forms PyTorch uses.
// A negative degree gives 0. The recurrence's result starts as q so that a NaN x (no iteration) gives NaN.
internal static partial class SpecialMath
{
    private static T N<T>(long n) where T : IFloatingPointIeee754<T> => T.CreateTruncating(n);

    /// <summary>The Chebyshev polynomial of the first kind Tₙ(x).</summary>
    public static T ChebyshevT<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (T.Abs(x) == T.One) return x > T.Zero || n % 2 == 0 ? T.One : -T.One;
        if (n > 6 && T.Abs(x) < T.One) return T.Cos(N<T>(n) * T.Acos(x));
        if (n == 0) return T.One;
        if (n == 1) return x;
        return Recur2(x + x, T.One, x, n);
    }

    /// <summary>The Chebyshev polynomial of the second kind Uₙ(x).</summary>
    public static T ChebyshevU<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (T.Abs(x) == T.One) return x > T.Zero || n % 2 == 0 ? N<T>(n + 1) : -N<T>(n + 1);
        if (n > 8 && T.Abs(x) < T.One)
        {
            if (T.Sin(T.Acos(x)) != T.Zero) return T.Sin(N<T>(n + 1) * T.Acos(x)) / T.Sin(T.Acos(x));
            return N<T>(n + 1) * T.Cos(N<T>(n + 1) * T.Acos(x)) / x;
        }
        if (n == 0) return T.One;
        if (n == 1) return x + x;
        return Recur2(x + x, T.One, x + x, n);
    }

    /// <summary>The Chebyshev polynomial of the third kind Vₙ(x).</summary>
    public static T ChebyshevV<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (T.Abs(x) == T.One)
        {
            if (x > T.Zero) return T.One;
            return n % 2 == 0 ? N<T>(n + n + 1) : -N<T>(n + n + 1);
        }
        if (n > 8 && T.Abs(x) < T.One)
        {
            if (T.Sin(T.Acos(x) / C<T>(2.0)) != T.One) return T.Cos((N<T>(n) + C<T>(0.5)) * T.Acos(x)) / T.Cos(T.Acos(x) / C<T>(2.0));
            return n % 2 == 0 ? N<T>(n + n + 1) : -N<T>(n + n + 1);
        }
        if (n == 0) return T.One;
        if (n == 1) return x + x - T.One;
        return Recur2(x + x, T.One, x + x - T.One, n);
    }

    /// <summary>The Chebyshev polynomial of the fourth kind Wₙ(x).</summary>
    public static T ChebyshevW<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (T.Abs(x) == T.One)
        {
            if (x > T.Zero) return N<T>(n + n + 1);
            return n % 2 == 0 ? T.One : -T.One;
        }
        if (n > 8 && T.Abs(x) < T.One)
        {
            if (T.Cos(T.Acos(x) / C<T>(2.0)) != T.One) return T.Sin((N<T>(n) + C<T>(0.5)) * T.Acos(x)) / T.Sin(T.Acos(x) / C<T>(2.0));
            if (x > T.Zero) return N<T>(n + n + 1);
            return n % 2 == 0 ? T.One : -T.One;
        }
        if (n == 0) return T.One;
        if (n == 1) return x + x + T.One;
        return Recur2(x + x, T.One, x + x + T.One, n);
    }

    /// <summary>rₖ = c·qₖ₋₁ − pₖ₋₂ for k = 2..n from (p, q), stopping once q is NaN (PyTorch's Chebyshev loops).</summary>
    private static T Recur2<T>(T c, T p, T q, long n) where T : IFloatingPointIeee754<T>
    {
        T r = q;
        for (long k = 2; k <= n && !T.IsNaN(q); k++)
        {
            r = c * q - p;
            p = q;
            q = r;
        }
        return r;
    }

    /// <summary>The shifted Chebyshev polynomial of the first kind T*ₙ(x) = Tₙ(2x − 1).</summary>
    public static T ShiftedChebyshevT<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (x == T.One) return T.One;
        if (x == T.Zero) return n % 2 == 0 ? T.One : -T.One;
        T y = x + x - T.One;
        if (n > 6 && T.Abs(y) < T.One) return T.Cos(N<T>(n) * T.Acos(y));
        if (n == 0) return T.One;
        if (n == 1) return y;
        return Recur2(y + y, T.One, y, n);
    }

    /// <summary>The shifted Chebyshev polynomial of the second kind U*ₙ(x) = Uₙ(2x − 1).</summary>
    public static T ShiftedChebyshevU<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (x == T.One) return N<T>(n + 1);
        if (x == T.Zero) return n % 2 == 0 ? N<T>(n + 1) : -N<T>(n + 1);
        T y = x + x - T.One;
        if (n > 6 && T.Abs(y) < T.One)
        {
            if (T.Sin(T.Acos(y)) != T.Zero) return T.Sin(N<T>(n + 1) * T.Acos(y)) / T.Sin(T.Acos(y));
            return N<T>(n + 1) * T.Cos(N<T>(n + 1) * T.Acos(y)) / y;
        }
        if (n == 0) return T.One;
        if (n == 1) return y + y;
        return Recur2(y + y, T.One, y + y, n);
    }

    /// <summary>The shifted Chebyshev polynomial of the third kind V*ₙ(x) = Vₙ(2x − 1).</summary>
    public static T ShiftedChebyshevV<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (x == T.One) return T.One;
        if (x == T.Zero) return n % 2 == 0 ? N<T>(n + n + 1) : -N<T>(n + n + 1);
        T y = x + x - T.One;
        if (n > 6 && T.Abs(y) < T.One)
        {
            if (T.Sin(T.Acos(y) / C<T>(2.0)) != T.One) return T.Cos((N<T>(n) + C<T>(0.5)) * T.Acos(y)) / T.Cos(T.Acos(y) / C<T>(2.0));
            return n % 2 == 0 ? N<T>(n + n + 1) : -N<T>(n + n + 1);
        }
        if (n == 0) return T.One;
        if (n == 1) return y + y - T.One;
        return Recur2(y + y, T.One, y + y - T.One, n);
    }

    /// <summary>The shifted Chebyshev polynomial of the fourth kind W*ₙ(x) = Wₙ(2x − 1).</summary>
    public static T ShiftedChebyshevW<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (x == T.One) return N<T>(n + n + 1);
        if (x == T.Zero) return n % 2 == 0 ? T.One : -T.One;
        T y = x + x - T.One;
        if (n > 4 && T.Abs(y) < T.One)
        {
            if (T.Cos(T.Acos(y) / C<T>(2.0)) != T.One) return T.Sin((N<T>(n) + C<T>(0.5)) * T.Acos(y)) / T.Sin(T.Acos(y) / C<T>(2.0));
            return n % 2 == 0 ? T.One : -T.One;
        }
        if (n == 0) return T.One;
        if (n == 1) return y + y + T.One;
        return Recur2(y + y, T.One, y + y + T.One, n);
    }

    /// <summary>The degree above which PyTorch's Hermite polynomials return NaN (their values overflow well before it).</summary>
    private static long HermiteLimit<T>() => typeof(T) == typeof(float) ? 128 : 512;

    /// <summary>The physicists' Hermite polynomial Hₙ(x).</summary>
    public static T HermiteH<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (n == 0) return T.One;
        if (n == 1) return x + x;
        if (n > HermiteLimit<T>()) return T.NaN;
        T p = T.One, q = x + x, r = T.Zero;
        for (long k = 2; k < n + n; k += 2)
        {
            r = (x + x) * q - N<T>(k) * p;
            p = q;
            q = r;
        }
        return r;
    }

    /// <summary>The probabilists' Hermite polynomial Heₙ(x).</summary>
    public static T HermiteHe<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (n == 0) return T.One;
        if (n == 1) return x;
        if (n > HermiteLimit<T>()) return T.NaN;
        T p = T.One, q = x, r = x;
        for (long k = 1; k < n; k++)
        {
            r = x * q - N<T>(k) * p;
            p = q;
            q = r;
        }
        return r;
    }

    /// <summary>The Laguerre polynomial Lₙ(x).</summary>
    public static T LaguerreL<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (T.Abs(x) == T.Zero) return T.One;
        if (n == 0) return T.One;
        if (n == 1) return T.One - x;
        T p = T.One, q = T.One - x, r = q;
        for (long k = 1; k < n && !T.IsNaN(q); k++)
        {
            r = ((N<T>(k + k) + (T.One - x)) * q - N<T>(k) * p) / N<T>(k + 1);
            p = q;
            q = r;
        }
        return r;
    }

    /// <summary>The Legendre polynomial Pₙ(x).</summary>
    public static T LegendreP<T>(T x, long n) where T : IFloatingPointIeee754<T>
    {
        if (n < 0) return T.Zero;
        if (T.Abs(x) == T.One) return x > T.Zero || n % 2 == 0 ? T.One : -T.One;
        if (n == 0) return T.One;
        if (n == 1) return x;
        T p = T.One, q = x, r = x;
        for (long k = 1; k < n && !T.IsNaN(q); k++)
        {
            r = (N<T>(k + k + 1) * x * q - N<T>(k) * p) / N<T>(k + 1);
            p = q;
            q = r;
        }
        return r;
    }
}
