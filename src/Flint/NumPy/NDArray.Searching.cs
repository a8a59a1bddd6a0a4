namespace Flint;

public sealed partial class NDArray
{
    /// <summary>The index of the largest element of the flattened array (a NumPy int64 scalar) or along <paramref name="axis"/>; the first on ties, the first NaN if any.</summary>
    public NDArray argmax(int? axis = null) => ArgExtreme(axis, "argmax", static (t, d) => d is { } dim ? t.argmax(dim) : t.argmax());

    /// <summary>The index of the smallest element of the flattened array or along <paramref name="axis"/>.</summary>
    public NDArray argmin(int? axis = null) => ArgExtreme(axis, "argmin", static (t, d) => d is { } dim ? t.argmin(dim) : t.argmin());

    private NDArray ArgExtreme(int? axis, string name, Func<Tensor, long?, Tensor> op)
    {
        int? d = axis is { } ax ? CheckAxis(ax) : null;
        if (d is { } dim ? _t.Shape[dim] == 0 : size == 0)
            throw new ArgumentException($"attempt to get {name} of an empty sequence");
        var t = _t.dtype == ScalarType.Bool ? _t.to(ScalarType.Byte) : _t;
        return Result(op(t, d).to(ScalarType.Int64));
    }

    /// <summary><c>np.clip(this, a_min, a_max)</c>.</summary>
    public NDArray clip(NDArray? a_min, NDArray? a_max) => np.clip(this, a_min, a_max);
}
