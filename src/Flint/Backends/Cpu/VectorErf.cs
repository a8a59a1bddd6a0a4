using System.Runtime.Intrinsics;

namespace Flint.Backends.Cpu;

/// <summary>
/// erf over four float64 lanes: <see cref="SpecialMath.Erf"/>'s fdlibm pieces with the same arithmetic in the
/// same order, each piece evaluated only when some lane falls in its interval and blended in by mask. The
/// rational pieces agree with the scalar bit for bit; the tail's e^x is <see cref="Vector256.Exp(Vector256{double})"/>,
/// within an ulp of Math.Exp, which moves 1 − e^(…)/|x| by far less than an ulp.
/// </summary>
internal static class VectorErf
{
    private static Vector256<double> C(double v) => Vector256.Create(v);

    private static bool Any(Vector256<double> mask) => mask.ExtractMostSignificantBits() != 0;

    public static Vector256<double> Erf(Vector256<double> x)
    {
        var ax = Vector256.Abs(x);
        var small = Vector256.LessThan(ax, C(0.84375));
        var mid = Vector256.BitwiseAnd(Vector256.GreaterThanOrEqual(ax, C(0.84375)), Vector256.LessThan(ax, C(1.25)));
        var tail = Vector256.BitwiseAnd(Vector256.GreaterThanOrEqual(ax, C(1.25)), Vector256.LessThan(ax, C(6.0)));
        // |x| ≥ 6 (and ±inf) gives ±1; NaN lanes are restored at the end.
        var y = Vector256<double>.One;
        if (Any(mid))
        {
            var s = ax - Vector256<double>.One;
            var p = C(-2.36211856075265944077e-03) + s * (C(4.14856118683748331666e-01) + s * (C(-3.72207876035701323847e-01) + s * (C(3.18346619901161753674e-01)
                + s * (C(-1.10894694282396677476e-01) + s * (C(3.54783043256182359371e-02) + s * C(-2.16637559486879084300e-03))))));
            var q = Vector256<double>.One + s * (C(1.06420880400844228286e-01) + s * (C(5.40397917702171048937e-01) + s * (C(7.18286544141962662868e-02)
                + s * (C(1.26171219808761642112e-01) + s * (C(1.36370839120290507362e-02) + s * C(1.19844998467991074170e-02))))));
            y = Vector256.ConditionalSelect(mid, C(8.45062911510467529297e-01) + p / q, y);
        }
        if (Any(tail))
        {
            var s = Vector256<double>.One / (ax * ax);
            // [1.25, 1/0.35) takes the Ra/Sa coefficients, [1/0.35, 6) the Rb/Sb ones (padded with zeros).
            var a = Vector256.LessThan(ax, C(1 / 0.35));
            Vector256<double> K(double ra, double rb) => Vector256.ConditionalSelect(a, C(ra), C(rb));
            var r = K(-9.86494403484714822705e-03, -9.86494292470009928597e-03) + s * (K(-6.93858572707181764372e-01, -7.99283237680523006574e-01)
                + s * (K(-1.05586262253232909814e+01, -1.77579549177547519889e+01) + s * (K(-6.23753324503260060396e+01, -1.60636384855821916062e+02)
                + s * (K(-1.62396669462573470355e+02, -6.37566443368389627722e+02) + s * (K(-1.84605092906711035994e+02, -1.02509513161107724954e+03)
                + s * (K(-8.12874355063065934246e+01, -4.83519191608651397019e+02) + s * K(-9.81432934416914548592e+00, 0.0)))))));
            var q = Vector256<double>.One + s * (K(1.96512716674392571292e+01, 3.03380607434824582924e+01) + s * (K(1.37657754143519042600e+02, 3.25792512996573918826e+02)
                + s * (K(4.34565877475229228821e+02, 1.53672958608443695994e+03) + s * (K(6.45387271733267880336e+02, 3.19985821950859553908e+03)
                + s * (K(4.29008140027567833386e+02, 2.55305040643316442583e+03) + s * (K(1.08635005541779435134e+02, 4.74528541206955367215e+02)
                + s * (K(6.57024977031928170135e+00, -2.24409524465858183362e+01) + s * K(-6.04244152148580987438e-02, 0.0))))))));
            var e = Vector256.Exp(-ax * ax - C(0.5625) + r / q);
            y = Vector256.ConditionalSelect(tail, Vector256<double>.One - e / ax, y);
        }
        // Pieces past the first are odd by the sign; the first is odd by construction.
        y = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), -y, y);
        if (Any(small))
        {
            var z = x * x;
            var r = C(1.28379167095512558561e-01) + z * (C(-3.25042107247001499370e-01) + z * (C(-2.84817495755985104766e-02)
                + z * (C(-5.77027029648944159157e-03) + z * C(-2.37630166566501626084e-05))));
            var s = Vector256<double>.One + z * (C(3.97917223959155352819e-01) + z * (C(6.50222499887672944485e-02) + z * (C(5.08130628187576562776e-03)
                + z * (C(1.32494738004321644526e-04) + z * C(-3.96022827877536812320e-06)))));
            var tiny = Vector256.LessThan(ax, C(3.7252902984e-09));
            var v = Vector256.ConditionalSelect(tiny, x + C(1.28379167095512586316e-01) * x, x + x * (r / s));
            y = Vector256.ConditionalSelect(small, v, y);
        }
        // NaN compares false everywhere: put it back.
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), y, x);
    }
}
