using Flint.Backends;
using Flint.Ops;

namespace Flint;

// torch.special's Airy, Bessel and orthogonal-polynomial functions (Ops/CephesFunctions.cs), spelled as TorchSharp 0.107.
public static partial class torch
{
    public static partial class special
    {
        /// <summary>The Airy function Ai(x). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor airy_ai(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<AiryAiOp>("airy_ai", input, @out);

        /// <summary>The Bessel function of the first kind of order 0, J₀(x). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor bessel_j0(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<BesselJ0Op>("bessel_j0", input, @out);

        /// <summary>The Bessel function of the first kind of order 1, J₁(x). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor bessel_j1(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<BesselJ1Op>("bessel_j1", input, @out);

        /// <summary>The Bessel function of the second kind of order 0, Y₀(x) (−inf at 0, NaN for x &lt; 0). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor bessel_y0(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<BesselY0Op>("bessel_y0", input, @out);

        /// <summary>The Bessel function of the second kind of order 1, Y₁(x) (−inf at 0, NaN for x &lt; 0). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor bessel_y1(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<BesselY1Op>("bessel_y1", input, @out);

        /// <summary>The modified Bessel function of the second kind of order 0, K₀(x) (inf at 0, NaN for x &lt; 0). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor modified_bessel_k0(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<ModifiedBesselK0Op>("modified_bessel_k0", input, @out);

        /// <summary>The modified Bessel function of the second kind of order 1, K₁(x) (inf at 0, NaN for x &lt; 0). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor modified_bessel_k1(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<ModifiedBesselK1Op>("modified_bessel_k1", input, @out);

        /// <summary>The exponentially scaled modified Bessel function eˣ·K₀(x). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor scaled_modified_bessel_k0(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<ScaledModifiedBesselK0Op>("scaled_modified_bessel_k0", input, @out);

        /// <summary>The exponentially scaled modified Bessel function eˣ·K₁(x). float32/float64 (integers promote to the default dtype); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there (PyTorch's out=).</summary>
        public static Tensor scaled_modified_bessel_k1(Tensor input, Tensor? @out = null) => CephesFunctions.Unary<ScaledModifiedBesselK1Op>("scaled_modified_bessel_k1", input, @out);

        /// <summary>The Chebyshev polynomial of the first kind Tₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor chebyshev_polynomial_t(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ChebyshevTOp>("chebyshev_polynomial_t", x, n, @out);

        /// <summary>The Chebyshev polynomial of the second kind Uₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor chebyshev_polynomial_u(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ChebyshevUOp>("chebyshev_polynomial_u", x, n, @out);

        /// <summary>The Chebyshev polynomial of the third kind Vₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor chebyshev_polynomial_v(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ChebyshevVOp>("chebyshev_polynomial_v", x, n, @out);

        /// <summary>The Chebyshev polynomial of the fourth kind Wₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor chebyshev_polynomial_w(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ChebyshevWOp>("chebyshev_polynomial_w", x, n, @out);

        /// <summary>The shifted Chebyshev polynomial of the first kind T*ₙ(x) = Tₙ(2x − 1). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor shifted_chebyshev_polynomial_t(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ShiftedChebyshevTOp>("shifted_chebyshev_polynomial_t", x, n, @out);

        /// <summary>The shifted Chebyshev polynomial of the second kind U*ₙ(x) = Uₙ(2x − 1). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor shifted_chebyshev_polynomial_u(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ShiftedChebyshevUOp>("shifted_chebyshev_polynomial_u", x, n, @out);

        /// <summary>The shifted Chebyshev polynomial of the third kind V*ₙ(x) = Vₙ(2x − 1). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor shifted_chebyshev_polynomial_v(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ShiftedChebyshevVOp>("shifted_chebyshev_polynomial_v", x, n, @out);

        /// <summary>The shifted Chebyshev polynomial of the fourth kind W*ₙ(x) = Wₙ(2x − 1). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor shifted_chebyshev_polynomial_w(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<ShiftedChebyshevWOp>("shifted_chebyshev_polynomial_w", x, n, @out);

        /// <summary>The physicists' Hermite polynomial Hₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor hermite_polynomial_h(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<HermiteHOp>("hermite_polynomial_h", x, n, @out);

        /// <summary>The probabilists' Hermite polynomial Heₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor hermite_polynomial_he(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<HermiteHeOp>("hermite_polynomial_he", x, n, @out);

        /// <summary>The Laguerre polynomial Lₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor laguerre_polynomial_l(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<LaguerreLOp>("laguerre_polynomial_l", x, n, @out);

        /// <summary>The Legendre polynomial Pₙ(x). n is a tensor broadcast against x and truncated to an integer (negative n gives 0); no gradient, as in PyTorch 1.13. With <paramref name="out"/>, the result is written there.</summary>
        public static Tensor legendre_polynomial_p(Tensor x, Tensor n, Tensor? @out = null) => CephesFunctions.Polynomial<LegendrePOp>("legendre_polynomial_p", x, n, @out);
    }
}
