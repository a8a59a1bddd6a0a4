using Flint.Backends;

namespace Flint.Ops;

/// <summary>
/// torch.special's Airy, Bessel (J₀, J₁, Y₀, Y₁, K₀, K₁ and the scaled K) and orthogonal-polynomial functions, ported
/// from PyTorch's Math.h (Backends/SpecialMath.Cephes.cs, SpecialMath.Polynomials.cs). As in PyTorch 1.13: float32 and
/// float64 only (integers and bool promote to the default dtype; float16/bfloat16 are refused with PyTorch's message),
/// the polynomial degree n is a tensor truncated to an integer, and the results carry no gradient (PyTorch 1.13
/// defines no derivative: its results do not require grad). A cuda:0 tensor is computed on the host and copied back.
/// </summary>
internal static class CephesFunctions
{
    private static void CheckDtype(string name, ScalarType rt)
    {
        if (rt is ScalarType.Float16 or ScalarType.BFloat16)
            throw new ArgumentException($"\"{name}_cpu\" not implemented for '{DTypes.ShortName(rt)}'");
    }

    /// <summary>A unary function of x.</summary>
    public static Tensor Unary<TOp>(string name, Tensor x, Tensor? @out) where TOp : IFloatUnaryOp
    {
        var rt = Pointwise.FloatResultType(x);
        CheckDtype(name, rt);
        if (@out is not null) return CoreAtenOverloads.WriteOut(name, () => Unary<TOp>(name, x, null), @out);
        return Dispatcher.HostFloatUnary<TOp>("special_" + name, x, rt);
    }

    /// <summary>A polynomial pₙ(x), broadcasting x against n.</summary>
    public static Tensor Polynomial<TOp>(string name, Tensor x, Tensor n, Tensor? @out) where TOp : IBinaryOp
    {
        var rt = TypePromotion.ResultType(x, n);
        if (!DTypes.IsFloatingPoint(rt)) rt = torch.get_default_dtype();
        CheckDtype(name, rt);
        if (@out is not null) return CoreAtenOverloads.WriteOut(name, () => Polynomial<TOp>(name, x, n, null), @out);
        return Dispatcher.HostBinary<TOp>("special_" + name, x, n, rt);
    }
}
