namespace Flint;

/// <summary>
/// A NumPy facade (<c>np.random.randn</c>, <c>np.zeros</c>, <c>np.dot</c>, <c>np.maximum</c>, ...)
/// over Flint's tensors, so NumPy code ports line for line and prints what NumPy prints.
/// Arrays are float64 unless a dtype is given, as in NumPy.
/// </summary>
public static partial class np
{
    /// <summary>64-bit float, NumPy's default.</summary>
    public static readonly NDType float64 = ScalarType.Float64;
    /// <summary>32-bit float.</summary>
    public static readonly NDType float32 = ScalarType.Float32;
    /// <summary>16-bit float.</summary>
    public static readonly NDType float16 = ScalarType.Float16;
    /// <summary>64-bit integer, NumPy's default integer.</summary>
    public static readonly NDType int64 = ScalarType.Int64;
    /// <summary>32-bit integer.</summary>
    public static readonly NDType int32 = ScalarType.Int32;
    /// <summary>16-bit integer.</summary>
    public static readonly NDType int16 = ScalarType.Int16;
    /// <summary>8-bit integer.</summary>
    public static readonly NDType int8 = ScalarType.Int8;
    /// <summary>8-bit unsigned integer.</summary>
    public static readonly NDType uint8 = ScalarType.Byte;
    /// <summary>Boolean.</summary>
    public static readonly NDType bool_ = ScalarType.Bool;

    private static NDArray Wrap(Tensor t) => new(t);

    /// <summary>An array of zeros (float64 unless <paramref name="dtype"/> says otherwise).</summary>
    public static NDArray zeros(long[] shape, NDType? dtype = null) => Wrap(torch.zeros(shape, dtype?.Type ?? ScalarType.Float64));
    /// <summary>An array of zeros, float64.</summary>
    public static NDArray zeros(params long[] shape) => zeros(shape, null);
    /// <summary>An array of ones (float64 unless <paramref name="dtype"/> says otherwise).</summary>
    public static NDArray ones(long[] shape, NDType? dtype = null) => Wrap(torch.ones(shape, dtype?.Type ?? ScalarType.Float64));
    /// <summary>An array of ones, float64.</summary>
    public static NDArray ones(params long[] shape) => ones(shape, null);
    /// <summary>An array filled with <paramref name="fill_value"/> (float64 unless given).</summary>
    public static NDArray full(long[] shape, double fill_value, NDType? dtype = null) => Wrap(torch.full(shape, fill_value, dtype?.Type ?? ScalarType.Float64));
    /// <summary>Zeros with <paramref name="a"/>'s shape and dtype.</summary>
    public static NDArray zeros_like(NDArray a, NDType? dtype = null) => zeros(a.shape, dtype ?? a.dtype);
    /// <summary>Ones with <paramref name="a"/>'s shape and dtype.</summary>
    public static NDArray ones_like(NDArray a, NDType? dtype = null) => ones(a.shape, dtype ?? a.dtype);

    /// <summary>The C# element type's NumPy dtype: double → float64, int → int64 (Python's rules).</summary>
    private static ScalarType Infer<T>() => typeof(T) == typeof(int) ? ScalarType.Int64 : DTypes.FromClrType(typeof(T));

    /// <summary>A 1-D array copied from <paramref name="data"/>.</summary>
    public static NDArray array<T>(T[] data, NDType? dtype = null) where T : unmanaged => Wrap(torch.tensor(data, dtype?.Type ?? Infer<T>()));
    /// <summary>A 2-D array copied from <paramref name="data"/>.</summary>
    public static NDArray array<T>(T[,] data, NDType? dtype = null) where T : unmanaged => Wrap(torch.tensor(data, dtype?.Type ?? Infer<T>()));
    /// <summary>A 3-D array copied from <paramref name="data"/>.</summary>
    public static NDArray array<T>(T[,,] data, NDType? dtype = null) where T : unmanaged => Wrap(torch.tensor(data, dtype?.Type ?? Infer<T>()));
    /// <summary>A 0-d array holding <paramref name="value"/> (float64 unless given).</summary>
    public static NDArray array(double value, NDType? dtype = null) => Wrap(torch.tensor(value, dtype?.Type ?? ScalarType.Float64));
    /// <summary>A copy of <paramref name="a"/> (converted when <paramref name="dtype"/> is given).</summary>
    public static NDArray array(NDArray a, NDType? dtype = null) => dtype is { } d ? a.astype(d) : a.copy();

    /// <summary><c>0, 1, ..., stop-1</c> as int64.</summary>
    public static NDArray arange(long stop, NDType? dtype = null) => arange(0, stop, 1, dtype);
    /// <summary><c>start, start+step, ...</c> below <paramref name="stop"/>, int64 unless given.</summary>
    public static NDArray arange(long start, long stop, long step = 1, NDType? dtype = null)
    {
        if (step == 0) throw new ArgumentException("Maximum allowed size exceeded");
        return Wrap(torch.arange(start, stop, step, dtype?.Type ?? ScalarType.Int64));
    }
    /// <summary><c>0.0, 1.0, ...</c> below <paramref name="stop"/>, float64.</summary>
    public static NDArray arange(double stop, NDType? dtype = null) => arange(0.0, stop, 1.0, dtype);
    /// <summary>Evenly spaced float64 values in <c>[start, stop)</c>.</summary>
    public static NDArray arange(double start, double stop, double step = 1.0, NDType? dtype = null)
    {
        if (step == 0) throw new ArgumentException("Maximum allowed size exceeded");
        return Wrap(torch.arange(start, stop, step, dtype?.Type ?? ScalarType.Float64));
    }

    /// <summary>Elementwise maximum (<c>np.maximum(h, 0)</c> is ReLU); NaN propagates.</summary>
    public static NDArray maximum(NDArray a, NDArray b) => Binary(a, b, static (x, y) => x.maximum(y));
    /// <summary>Elementwise minimum; NaN propagates.</summary>
    public static NDArray minimum(NDArray a, NDArray b) => Binary(a, b, static (x, y) => x.minimum(y));
    /// <summary>Elementwise sum.</summary>
    public static NDArray add(NDArray a, NDArray b) => a + b;
    /// <summary>Elementwise difference.</summary>
    public static NDArray subtract(NDArray a, NDArray b) => a - b;
    /// <summary>Elementwise product.</summary>
    public static NDArray multiply(NDArray a, NDArray b) => a * b;
    /// <summary>Elementwise true division.</summary>
    public static NDArray divide(NDArray a, NDArray b) => a / b;

    private static NDArray Binary(NDArray a, NDArray b, Func<Tensor, Tensor, Tensor> op)
    {
        NDArray.BroadcastShape(a, b);
        var type = NumPyPromotion.ResultType(a, b);
        return NDArray.Result(op(a.Cast(type), b.Cast(type)));
    }

    /// <summary><c>x * x</c> elementwise, keeping the dtype.</summary>
    public static NDArray square(NDArray x) => NDArray.Result(x.AsTensor.mul(x.AsTensor));
    /// <summary>Elementwise <c>e^x</c> (integers compute in a float type, as in NumPy).</summary>
    public static NDArray exp(NDArray x) => FloatUnary(x, static t => t.exp());
    /// <summary>Elementwise natural logarithm.</summary>
    public static NDArray log(NDArray x) => FloatUnary(x, static t => t.log());
    /// <summary>Elementwise square root.</summary>
    public static NDArray sqrt(NDArray x) => FloatUnary(x, static t => t.sqrt());
    /// <summary>Elementwise tanh.</summary>
    public static NDArray tanh(NDArray x) => FloatUnary(x, static t => t.tanh());
    /// <summary>Elementwise absolute value, keeping the dtype.</summary>
    public static NDArray abs(NDArray x) => x.dtype.Type == ScalarType.Bool ? x.copy() : NDArray.Result(x.AsTensor.abs());

    private static NDArray FloatUnary(NDArray x, Func<Tensor, Tensor> op) =>
        NDArray.Result(op(x.Cast(NumPyPromotion.FloatFor(x.dtype))));

    /// <summary>Sum of all elements or along <paramref name="axis"/>.</summary>
    public static NDArray sum(NDArray a, int? axis = null, bool keepdims = false) => a.sum(axis, keepdims);
    /// <summary>Mean of all elements or along <paramref name="axis"/>.</summary>
    public static NDArray mean(NDArray a, int? axis = null, bool keepdims = false) => a.mean(axis, keepdims);
    /// <summary>Largest element, or along <paramref name="axis"/>.</summary>
    public static NDArray max(NDArray a, int? axis = null, bool keepdims = false) => a.max(axis, keepdims);
    /// <summary>Smallest element, or along <paramref name="axis"/>.</summary>
    public static NDArray min(NDArray a, int? axis = null, bool keepdims = false) => a.min(axis, keepdims);
    /// <summary>The array with its axes reversed.</summary>
    public static NDArray transpose(NDArray a) => a.transpose();
    /// <summary>A new shape for the same data.</summary>
    public static NDArray reshape(NDArray a, params long[] shape) => a.reshape(shape);

    /// <summary>
    /// NumPy's <c>dot</c>: the inner product of 1-D arrays, the matrix product of 2-D arrays and, for
    /// N-D arrays, a sum over the last axis of <paramref name="a"/> and the second-to-last of <paramref name="b"/>.
    /// </summary>
    public static NDArray dot(NDArray a, NDArray b)
    {
        if (a.ndim == 0 || b.ndim == 0) return a * b;
        var sa = a.AsTensor.Shape;
        var sb = b.AsTensor.Shape;
        long k = sa[^1];
        int bAxis = sb.Length == 1 ? 0 : sb.Length - 2;
        long kb = sb[bAxis];
        if (k != kb)
            throw new ArgumentException($"shapes {NDShape.Compact(sa)} and {NDShape.Compact(sb)} not aligned: {k} (dim {sa.Length - 1}) != {kb} (dim {bAxis})");
        var type = NumPyPromotion.Promote(a.dtype, b.dtype);
        var ta = a.Cast(type);
        var tb = b.Cast(type);
        // Everything becomes one matrix product: a as (rows, k), b with its contracted axis first as (k, cols).
        var a2 = ta.reshape(-1, k);
        Tensor b2;
        long[] bRest;
        if (sb.Length == 1)
        {
            b2 = tb.reshape(k, 1);
            bRest = [];
        }
        else
        {
            var perm = new long[sb.Length];
            perm[0] = bAxis;
            for (int i = 0, j = 1; i < sb.Length; i++) if (i != bAxis) perm[j++] = i;
            b2 = tb.permute(perm).reshape(k, -1);
            bRest = [.. sb[..^2], sb[^1]];
        }
        long[] outShape = [.. sa[..^1], .. bRest];
        return NDArray.Result(a2.mm(b2).reshape(outShape));
    }

    /// <summary>True when every element of <paramref name="a"/> is within <c>atol + rtol·|b|</c> of <paramref name="b"/>.</summary>
    public static bool allclose(NDArray a, NDArray b, double rtol = 1e-05, double atol = 1e-08)
    {
        NDArray.BroadcastShape(a, b);
        return a.AsTensor.to(ScalarType.Float64).allclose(b.AsTensor.to(ScalarType.Float64), rtol, atol);
    }

    /// <summary>Python's <c>repr</c> of a float (what <c>print(loss)</c> shows): <c>2.864611001842192</c>, <c>9.893770038615912e-05</c>.</summary>
    public static string repr(double value) => FloatDigits.PyRepr(value);

    /// <summary>NumPy's repr of a float32 scalar (<c>np.float32</c>): shortest digits for float32.</summary>
    public static string repr(float value) => FloatDigits.PyRepr(value, ScalarType.Float32);
}
