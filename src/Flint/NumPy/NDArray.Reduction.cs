namespace Flint;

public sealed partial class NDArray
{
    /// <summary>Sum of all elements (a NumPy scalar) or along <paramref name="axis"/>; integers sum in int64.</summary>
    public NDArray sum(int? axis = null, bool keepdims = false) =>
        Reduce(axis, keepdims, "add", static t => t.sum(), static (t, d, k) => t.sum(d, k));

    /// <summary>Mean of all elements or along <paramref name="axis"/>; integers average in float64.</summary>
    public NDArray mean(int? axis = null, bool keepdims = false)
    {
        var src = _t.IsFloating ? this : new NDArray(_t.to(ScalarType.Float64));
        return src.Reduce(axis, keepdims, "add", static t => t.mean(), static (t, d, k) => t.mean(d, k));
    }

    /// <summary>Largest element, or the largest along <paramref name="axis"/>.</summary>
    public NDArray max(int? axis = null, bool keepdims = false) =>
        Reduce(axis, keepdims, "maximum", static t => t.max(), static (t, d, k) => t.amax(d, k));

    /// <summary>Smallest element, or the smallest along <paramref name="axis"/>.</summary>
    public NDArray min(int? axis = null, bool keepdims = false) =>
        Reduce(axis, keepdims, "minimum", static t => t.min(), static (t, d, k) => t.amin(d, k));

    private NDArray Reduce(int? axis, bool keepdims, string ufunc, Func<Tensor, Tensor> all, Func<Tensor, long, bool, Tensor> along)
    {
        bool identityless = ufunc is "maximum" or "minimum";
        if (axis is { } ax)
        {
            int d = CheckAxis(ax);
            if (identityless && _t.Shape[d] == 0)
                throw new ArgumentException($"zero-size array to reduction operation {ufunc} which has no identity");
            return new NDArray(along(_t, d, keepdims));
        }
        if (identityless && size == 0)
            throw new ArgumentException($"zero-size array to reduction operation {ufunc} which has no identity");
        var r = all(_t);
        if (!keepdims) return new NDArray(r, scalar: true);
        var ones = new long[ndim];
        Array.Fill(ones, 1L);
        return new NDArray(r.reshape(ones));
    }
}
