namespace Flint;

public sealed partial class NDArray
{
    /// <summary>
    /// Sum of all elements (a NumPy scalar) or along <paramref name="axis"/>; integers sum in int64.
    /// Floats are added in NumPy's order (pairwise along the innermost axis), so sums match NumPy's bits.
    /// </summary>
    public NDArray sum(int? axis = null, bool keepdims = false) => _t.IsFloating
        ? Reduce(axis, keepdims, "add", t => FloatSum(t, null), (t, d, k) => k ? FloatSum(t, d).unsqueeze(d) : FloatSum(t, d))
        : Reduce(axis, keepdims, "add", static t => t.sum(), static (t, d, k) => t.sum(d, k));

    /// <summary>
    /// Mean of all elements or along <paramref name="axis"/>: NumPy's sum divided by the count;
    /// integers average in float64, float16 in float32.
    /// </summary>
    public NDArray mean(int? axis = null, bool keepdims = false)
    {
        var src = _t.dtype == ScalarType.Float16 ? new NDArray(_t.to(ScalarType.Float32))
            : _t.IsFloating ? this : new NDArray(_t.to(ScalarType.Float64));
        long count = axis is { } ax ? _t.Shape[CheckAxis(ax)] : size;
        var r = src.Reduce(axis, keepdims, "add", t => FloatSum(t, null), (t, d, k) => k ? FloatSum(t, d).unsqueeze(d) : FloatSum(t, d));
        var mean = r._t.div(torch.tensor((double)count, r._t.dtype));
        if (_t.dtype == ScalarType.Float16) mean = mean.to(ScalarType.Float16);
        return new NDArray(mean, r._scalar);
    }

    /// <summary>NumPy's float sum over <paramref name="dim"/> (all elements when null), in its summation order.</summary>
    private static Tensor FloatSum(Tensor t, long? dim)
    {
        var shape = t.Shape;
        long outer = 1, n, inner = 1;
        long[] outShape;
        if (dim is { } dl)
        {
            int d = (int)dl;
            for (int i = 0; i < d; i++) outer *= shape[i];
            n = shape[d];
            for (int i = d + 1; i < shape.Length; i++) inner *= shape[i];
            outShape = [.. shape[..d], .. shape[(d + 1)..]];
        }
        else
        {
            n = Shapes.Numel(shape);
            outShape = [];
        }
        if (t.dtype == ScalarType.Float64)
            return torch.from_array(PairwiseSum.Reduce(t.data<double>(), outer, n, inner), outShape);
        var sums = torch.from_array(PairwiseSum.Reduce(t.to(ScalarType.Float32).data<float>(), outer, n, inner), outShape);
        return sums.to(t.dtype);
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
