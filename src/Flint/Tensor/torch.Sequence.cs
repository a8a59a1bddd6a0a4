namespace Flint;

// torch.* forms of the sequence-model ops (Tensor.Sequence.cs).
public static partial class torch
{
    /// <summary>Sorts <paramref name="input"/> along <paramref name="dim"/> (stable): values and int64 indices.</summary>
    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => input.sort(dim, descending, stable);

    /// <summary>The int64 indices that sort <paramref name="input"/> along <paramref name="dim"/>.</summary>
    public static Tensor argsort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => input.argsort(dim, descending, stable);

    /// <summary>The <paramref name="k"/> largest (or smallest) entries along <paramref name="dim"/> and their indices.</summary>
    public static (Tensor values, Tensor indices) topk(Tensor input, long k, long dim = -1, bool largest = true, bool sorted = true) => input.topk(k, dim, largest, sorted);

    /// <summary>Running sums along <paramref name="dim"/>.</summary>
    public static Tensor cumsum(Tensor input, long dim, ScalarType? dtype = null) => input.cumsum(dim, dtype);

    /// <summary>Running products along <paramref name="dim"/>.</summary>
    public static Tensor cumprod(Tensor input, long dim, ScalarType? dtype = null) => input.cumprod(dim, dtype);

    /// <summary>The lower triangle of the last two dims.</summary>
    public static Tensor tril(Tensor input, long diagonal = 0) => input.tril(diagonal);

    /// <summary>The upper triangle of the last two dims.</summary>
    public static Tensor triu(Tensor input, long diagonal = 0) => input.triu(diagonal);

    /// <summary>The error function, elementwise.</summary>
    public static Tensor erf(Tensor input) => input.erf();

    /// <summary>The inverse error function, elementwise.</summary>
    public static Tensor erfinv(Tensor input) => input.erfinv();

    /// <summary>A copy of <paramref name="input"/> with the 0-dim <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
    public static Tensor masked_fill(Tensor input, Tensor mask, Tensor value) => input.masked_fill(mask, value);
}
