namespace Flint;

/// <summary>
/// NumPy's <c>ndarray</c>, for porting NumPy code line by line: float64 by default, NumPy's type
/// promotion, printing and error wording. It is a view of a Flint <see cref="Tensor"/> and all
/// its math runs through tensor ops, so <c>torch.from_numpy(a)</c> and <c>t.numpy()</c> share memory.
/// </summary>
/// <remarks>
/// A 0-d result of a reduction, an integer index or an op on scalars plays NumPy's scalar
/// (<c>np.float64</c>): it prints like a Python float (<c>2.864611001842192</c>).
/// </remarks>
public sealed partial class NDArray
{
    private readonly Tensor _t;

    /// <summary>True for NumPy scalars (printed without <c>array(...)</c>).</summary>
    private readonly bool _scalar;

    internal NDArray(Tensor t, bool scalar = false)
    {
        if (t.dtype == ScalarType.BFloat16) throw new ArgumentException("Got unsupported ScalarType BFloat16");
        _t = t;
        _scalar = scalar && t.Shape.Length == 0;
    }

    /// <summary>Wraps an op's result; a 0-d result is a NumPy scalar, as ufuncs return.</summary>
    internal static NDArray Result(Tensor t) => new(t, scalar: t.Shape.Length == 0);

    /// <summary>The tensor this array views (shares storage).</summary>
    internal Tensor AsTensor => _t;

    /// <summary>The data as <paramref name="type"/> (this array's tensor when it already is).</summary>
    internal Tensor Cast(ScalarType type) => _t.dtype == type ? _t : _t.to(type);

    /// <summary>The array's dimensions, a tuple such as <c>(3, 4)</c>.</summary>
    public NDShape shape => new(_t.Shape);

    /// <summary>The number of dimensions.</summary>
    public int ndim => _t.Shape.Length;

    /// <summary>The number of elements.</summary>
    public long size => _t.numel();

    /// <summary>The element type (<c>float64</c> unless asked otherwise).</summary>
    public NDType dtype => _t.dtype;

    /// <summary>The size of one element in bytes.</summary>
    public long itemsize => DTypes.ElementSize(_t.dtype);

    /// <summary>The number of bytes the elements take.</summary>
    public long nbytes => itemsize * size;

    /// <summary>The transpose (axes reversed), a view.</summary>
    public NDArray T => transpose();

    /// <summary>The array with its axes reversed, a view.</summary>
    public NDArray transpose()
    {
        var dims = new long[ndim];
        for (int i = 0; i < dims.Length; i++) dims[i] = dims.Length - 1 - i;
        return new NDArray(_t.permute(dims));
    }

    /// <summary>The array with its axes permuted as given, a view.</summary>
    public NDArray transpose(params long[] axes)
    {
        if (axes.Length == 0) return transpose();
        if (axes.Length != ndim) throw new ArgumentException("axes don't match array");
        foreach (var a in axes) CheckAxis(a);
        return new NDArray(_t.permute(axes));
    }

    /// <summary>A copy with its own (C-ordered) memory.</summary>
    public NDArray copy() => new(_t.detach().clone(), _scalar);

    /// <summary>A copy converted to <paramref name="dtype"/> (floats to ints truncate, as in NumPy).</summary>
    public NDArray astype(NDType dtype) => new(_t.to(dtype.Type, copy: true), _scalar);

    /// <summary>The same data with a new shape (a view when possible; one size may be -1).</summary>
    public NDArray reshape(params long[] shape)
    {
        int infer = 0;
        long known = 1;
        foreach (var s in shape)
        {
            if (s == -1) infer++;
            else if (s < 0) throw new ArgumentException("negative dimensions not allowed");
            else known *= s;
        }
        if (infer > 1) throw new ArgumentException("can only specify one unknown dimension");
        if ((infer == 0 && known != size) || (infer == 1 && (known == 0 || size % known != 0)))
            throw new ArgumentException($"cannot reshape array of size {size} into shape " +
                (shape.Length == 1 && shape[0] != -1 ? $"({shape[0]},)" : "(" + string.Join(",", shape.Select(s => s == -1 ? "newaxis" : s.ToString())) + ")"));
        return new NDArray(_t.reshape(shape));
    }

    /// <summary>A 1-D copy of the elements in row-major order.</summary>
    public NDArray flatten() => new(_t.detach().clone().reshape(-1));

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void fill(double value) => _t.fill_(value);

    /// <summary>The dot product (<c>np.dot(this, b)</c>): matrix product for 2-D arrays.</summary>
    public NDArray dot(NDArray b) => np.dot(this, b);

    /// <summary>The single element as a C# value (the array must have exactly one element).</summary>
    public T item<T>() where T : unmanaged
    {
        if (size != 1) throw new ArgumentException("can only convert an array of size 1 to a Python scalar");
        return _t.reshape([]).to(DTypes.FromClrType(typeof(T))).item<T>();
    }

    private double ToDouble()
    {
        if (size != 1) throw new ArgumentException("only size-1 arrays can be converted to Python scalars");
        return _t.reshape([]).to(ScalarType.Float64).item<double>();
    }

    /// <summary>The value of a size-1 array (<c>float(a)</c>).</summary>
    public static explicit operator double(NDArray a) => a.ToDouble();

    /// <summary>The value of a size-1 array as float32.</summary>
    public static explicit operator float(NDArray a) => (float)a.ToDouble();

    /// <summary>The value of a size-1 array (<c>int(a)</c>; floats truncate).</summary>
    public static explicit operator long(NDArray a)
    {
        if (a.size != 1) throw new ArgumentException("only size-1 arrays can be converted to Python scalars");
        return a._t.reshape([]).to(ScalarType.Int64).item<long>();
    }

    /// <summary>The truth of a size-1 array (<c>bool(a)</c>).</summary>
    public static explicit operator bool(NDArray a)
    {
        if (a.size != 1)
            throw new ArgumentException("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
        return a._t.reshape([]).to(ScalarType.Bool).item<bool>();
    }

    /// <summary>A C# double as a NumPy float64 scalar (a Python float).</summary>
    public static implicit operator NDArray(double value) => new(torch.tensor(value, ScalarType.Float64), scalar: true);

    /// <summary>A C# float as a NumPy float32 scalar.</summary>
    public static implicit operator NDArray(float value) => new(torch.tensor(value, ScalarType.Float32), scalar: true);

    /// <summary>A C# long as a NumPy int64 scalar (a Python int).</summary>
    public static implicit operator NDArray(long value) => new(torch.tensor(value, ScalarType.Int64), scalar: true);

    /// <summary>A C# int as a NumPy int64 scalar (Python ints are int64).</summary>
    public static implicit operator NDArray(int value) => new(torch.tensor((long)value, ScalarType.Int64), scalar: true);

    /// <summary>A C# bool as a NumPy bool scalar.</summary>
    public static implicit operator NDArray(bool value) => new(torch.tensor(value, ScalarType.Bool), scalar: true);

    /// <summary>NumPy's repr: <c>array([[-1.67965798, -0.08477309]])</c>, or <c>2.864611001842192</c> for a scalar.</summary>
    public override string ToString() => _scalar ? ArrayFormatter.ScalarRepr(_t) : ArrayFormatter.Repr(_t);

    /// <summary>NumPy's str, what <c>print(a)</c> shows: <c>[[-1.67965798 -0.08477309]]</c>.</summary>
    public string str() => _scalar ? ArrayFormatter.ScalarRepr(_t) : ArrayFormatter.Str(_t);

    /// <summary>NumPy's AxisError for an axis outside <c>[-ndim, ndim)</c>; returns the wrapped axis.</summary>
    internal int CheckAxis(long axis)
    {
        if (axis < -ndim || axis >= ndim)
            throw new IndexOutOfRangeException($"axis {axis} is out of bounds for array of dimension {ndim}");
        return (int)(axis < 0 ? axis + ndim : axis);
    }
}
