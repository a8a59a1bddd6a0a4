using Flint.Backends;
using Flint.Backends.Cpu;

namespace Flint.Cuda.Kernels;

/// <summary>
/// The shared iteration shape of an elementwise launch after merging adjacent dims (at most
/// <see cref="MaxRank"/>). Passed by value to kernels: an unmanaged struct, no device upload.
/// </summary>
internal struct Dims
{
    public const int MaxRank = 8;
    public int Rank;
    public long D0, D1, D2, D3, D4, D5, D6, D7;

    public readonly long Get(int k) => k switch { 0 => D0, 1 => D1, 2 => D2, 3 => D3, 4 => D4, 5 => D5, 6 => D6, _ => D7 };

    public void Set(int k, long v)
    {
        switch (k)
        {
            case 0: D0 = v; break; case 1: D1 = v; break; case 2: D2 = v; break; case 3: D3 = v; break;
            case 4: D4 = v; break; case 5: D5 = v; break; case 6: D6 = v; break; default: D7 = v; break;
        }
    }
}

/// <summary>One operand's start offset and per-dim strides (elements) for a <see cref="Dims"/>.</summary>
internal struct Strided
{
    public long Offset;
    public long S0, S1, S2, S3, S4, S5, S6, S7;

    public readonly long Get(int k) => k switch { 0 => S0, 1 => S1, 2 => S2, 3 => S3, 4 => S4, 5 => S5, 6 => S6, _ => S7 };

    public void Set(int k, long v)
    {
        switch (k)
        {
            case 0: S0 = v; break; case 1: S1 = v; break; case 2: S2 = v; break; case 3: S3 = v; break;
            case 4: S4 = v; break; case 5: S5 = v; break; case 6: S6 = v; break; default: S7 = v; break;
        }
    }

    /// <summary>The element offset of the <paramref name="i"/>-th element in row-major order of <paramref name="d"/>.</summary>
    public static long At(Dims d, Strided s, long i)
    {
        // Dense (merged to one dim) operands take the fast path: one multiply-add.
        if (d.Rank <= 1) return s.Offset + i * s.S0;
        long off = s.Offset;
        for (int k = d.Rank - 1; k >= 0; k--)
        {
            long size = d.Get(k);
            long c = i % size;
            i /= size;
            off += c * s.Get(k);
        }
        return off;
    }
}

/// <summary>Host side: merges dims with the CPU's <see cref="LoopPlan"/> and packs them for a launch.</summary>
internal static class LayoutBuilder
{
    /// <summary>Number of elements of a shape, checked against what one launch can index.</summary>
    public static int Count(long[] shape)
    {
        long n = Shapes.Numel(shape);
        if (n > int.MaxValue) throw new ArgumentException($"Flint.Cuda: a tensor of {n} elements exceeds one launch's 2^31 elements");
        return (int)n;
    }

    /// <summary>Merged dims plus one <see cref="Strided"/> per operand (offsets from the operands).</summary>
    public static Dims Build(long[] shape, ReadOnlySpan<Operand> ops, Span<Strided> outStrides)
    {
        var strides = new long[ops.Length][];
        for (int k = 0; k < ops.Length; k++) strides[k] = ops[k].Strides;
        var plan = new LoopPlan(shape, strides);
        if (plan.Sizes.Length > Dims.MaxRank)
            throw new ArgumentException($"Flint.Cuda: views with more than {Dims.MaxRank} non-mergeable dimensions are not supported; call contiguous() first");
        var d = new Dims { Rank = plan.Sizes.Length };
        for (int j = 0; j < plan.Sizes.Length; j++) d.Set(j, plan.Sizes[j]);
        for (int k = 0; k < ops.Length; k++)
        {
            var s = new Strided { Offset = ops[k].IsHost ? 0 : ops[k].Offset };
            for (int j = 0; j < plan.Sizes.Length; j++) s.Set(j, plan.Strides[k][j]);
            outStrides[k] = s;
        }
        return d;
    }
}
