namespace Flint.Backends;

/// <summary>
/// The error function and its inverse in float64, written as plain arithmetic so the CPU and the
/// CUDA kernels (ILGPU) share one definition. erf is the classic Sun fdlibm algorithm (rational
/// approximations on [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35), [1/0.35, 6), ±1 beyond), accurate
/// to about an ulp; erfinv refines a rational first guess with Newton steps on erf.
/// </summary>
internal static partial class SpecialMath
{
    private const double Erx = 8.45062911510467529297e-01;
    private const double Efx = 1.28379167095512586316e-01;
    private const double Pp0 = 1.28379167095512558561e-01, Pp1 = -3.25042107247001499370e-01, Pp2 = -2.84817495755985104766e-02,
        Pp3 = -5.77027029648944159157e-03, Pp4 = -2.37630166566501626084e-05;
    private const double Qq1 = 3.97917223959155352819e-01, Qq2 = 6.50222499887672944485e-02, Qq3 = 5.08130628187576562776e-03,
        Qq4 = 1.32494738004321644526e-04, Qq5 = -3.96022827877536812320e-06;
    private const double Pa0 = -2.36211856075265944077e-03, Pa1 = 4.14856118683748331666e-01, Pa2 = -3.72207876035701323847e-01,
        Pa3 = 3.18346619901161753674e-01, Pa4 = -1.10894694282396677476e-01, Pa5 = 3.54783043256182359371e-02, Pa6 = -2.16637559486879084300e-03;
    private const double Qa1 = 1.06420880400844228286e-01, Qa2 = 5.40397917702171048937e-01, Qa3 = 7.18286544141962662868e-02,
        Qa4 = 1.26171219808761642112e-01, Qa5 = 1.36370839120290507362e-02, Qa6 = 1.19844998467991074170e-02;
    private const double Ra0 = -9.86494403484714822705e-03, Ra1 = -6.93858572707181764372e-01, Ra2 = -1.05586262253232909814e+01,
        Ra3 = -6.23753324503260060396e+01, Ra4 = -1.62396669462573470355e+02, Ra5 = -1.84605092906711035994e+02,
        Ra6 = -8.12874355063065934246e+01, Ra7 = -9.81432934416914548592e+00;
    private const double Sa1 = 1.96512716674392571292e+01, Sa2 = 1.37657754143519042600e+02, Sa3 = 4.34565877475229228821e+02,
        Sa4 = 6.45387271733267880336e+02, Sa5 = 4.29008140027567833386e+02, Sa6 = 1.08635005541779435134e+02,
        Sa7 = 6.57024977031928170135e+00, Sa8 = -6.04244152148580987438e-02;
    private const double Rb0 = -9.86494292470009928597e-03, Rb1 = -7.99283237680523006574e-01, Rb2 = -1.77579549177547519889e+01,
        Rb3 = -1.60636384855821916062e+02, Rb4 = -6.37566443368389627722e+02, Rb5 = -1.02509513161107724954e+03, Rb6 = -4.83519191608651397019e+02;
    private const double Sb1 = 3.03380607434824582924e+01, Sb2 = 3.25792512996573918826e+02, Sb3 = 1.53672958608443695994e+03,
        Sb4 = 3.19985821950859553908e+03, Sb5 = 2.55305040643316442583e+03, Sb6 = 4.74528541206955367215e+02, Sb7 = -2.24409524465858183362e+01;

    /// <summary>2 / sqrt(pi), the derivative of erf at 0.</summary>
    public const double TwoOverSqrtPi = 1.12837916709551257390;

    /// <summary>The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < 3.7252902984e-09) return x + Efx * x;
            double z = x * x;
            double r = Pp0 + z * (Pp1 + z * (Pp2 + z * (Pp3 + z * Pp4)));
            double s = 1.0 + z * (Qq1 + z * (Qq2 + z * (Qq3 + z * (Qq4 + z * Qq5))));
            return x + x * (r / s);
        }
        double y;
        if (ax < 1.25)
        {
            double s = ax - 1.0;
            double p = Pa0 + s * (Pa1 + s * (Pa2 + s * (Pa3 + s * (Pa4 + s * (Pa5 + s * Pa6)))));
            double q = 1.0 + s * (Qa1 + s * (Qa2 + s * (Qa3 + s * (Qa4 + s * (Qa5 + s * Qa6)))));
            y = Erx + p / q;
        }
        else if (ax < 6)
        {
            double s = 1.0 / (ax * ax), r, q;
            if (ax < 1 / 0.35)
            {
                r = Ra0 + s * (Ra1 + s * (Ra2 + s * (Ra3 + s * (Ra4 + s * (Ra5 + s * (Ra6 + s * Ra7))))));
                q = 1.0 + s * (Sa1 + s * (Sa2 + s * (Sa3 + s * (Sa4 + s * (Sa5 + s * (Sa6 + s * (Sa7 + s * Sa8)))))));
            }
            else
            {
                r = Rb0 + s * (Rb1 + s * (Rb2 + s * (Rb3 + s * (Rb4 + s * (Rb5 + s * Rb6)))));
                q = 1.0 + s * (Sb1 + s * (Sb2 + s * (Sb3 + s * (Sb4 + s * (Sb5 + s * (Sb6 + s * Sb7))))));
            }
            // erfc(ax) = exp(-ax² - 0.5625 + r/q) / ax; erf's tail only needs it to absolute accuracy.
            y = 1.0 - Math.Exp(-ax * ax - 0.5625 + r / q) / ax;
        }
        else y = 1.0;
        return x < 0 ? -y : y;
    }

    /// <summary>The inverse error function on [-1, 1] (±inf at ±1, NaN outside).</summary>
    public static double Erfinv(double y)
    {
        if (double.IsNaN(y) || y < -1 || y > 1) return double.NaN;
        if (y == 1) return double.PositiveInfinity;
        if (y == -1) return double.NegativeInfinity;
        if (y == 0) return y;
        // A rational first guess (M. Giles, "Approximating the erfinv function", single precision).
        double w = -Math.Log((1.0 - y) * (1.0 + y)), p;
        if (w < 5.0)
        {
            w -= 2.5;
            p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w; p = -3.5233877e-06 + p * w; p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w; p = -0.00125372503 + p * w; p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w; p = 1.50140941 + p * w;
        }
        else
        {
            w = Math.Sqrt(w) - 3.0;
            p = -0.000200214257;
            p = 0.000100950558 + p * w; p = 0.00134934322 + p * w; p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w; p = -0.0076224613 + p * w; p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w; p = 2.83297682 + p * w;
        }
        double x = p * y;
        // Newton on erf(x) = y; the guess is good to ~1e-7, so three steps reach float64's precision.
        for (int i = 0; i < 3; i++)
            x -= (Erf(x) - y) / (TwoOverSqrtPi * Math.Exp(-x * x));
        return x;
    }
}

/// <summary>erf, evaluated in float64 and rounded once.</summary>
internal struct ErfOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Erf(double.CreateTruncating(x)));
}

/// <summary>erfinv, evaluated in float64 and rounded once.</summary>
internal struct ErfinvOp : IFloatUnaryOp
{
    public static T Invoke<T>(T x) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => T.CreateTruncating(SpecialMath.Erfinv(double.CreateTruncating(x)));
}
