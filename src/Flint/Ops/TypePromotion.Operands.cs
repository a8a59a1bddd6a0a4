namespace Flint;

// result_type over tensor operands: the rule itself (Core/TypePromotion.cs) knows only dtypes;
// this half reads what an operand is (wrapped number, 0-dim, dimensioned), so it lives with the ops.
internal static partial class TypePromotion
{
    /// <summary><c>torch.result_type</c> over an op's tensor operands.</summary>
    public static ScalarType ResultType(Tensor a, Tensor b)
    {
        var s = new State();
        Update(ref s, a);
        Update(ref s, b);
        return Combine(s.Dim, Combine(s.Zero, s.Wrapped))!.Value;
    }

    /// <summary><c>torch.result_type</c> over any number of operands.</summary>
    public static ScalarType ResultType(ReadOnlySpan<Tensor> operands)
    {
        var s = new State();
        foreach (var t in operands) Update(ref s, t);
        return Combine(s.Dim, Combine(s.Zero, s.Wrapped))!.Value;
    }

    private static void Update(ref State s, Tensor t)
    {
        var dt = t.dtype;
        if (t.IsWrappedNumber)
        {
            if (DTypes.IsFloatingPoint(dt)) dt = torch.get_default_dtype();
            s.Wrapped = PromoteOpt(s.Wrapped, dt);
        }
        else if (t.dim() == 0) s.Zero = PromoteOpt(s.Zero, dt);
        else s.Dim = PromoteOpt(s.Dim, dt);
    }
}
