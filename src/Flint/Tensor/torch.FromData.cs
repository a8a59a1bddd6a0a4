using Flint.Ops;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// The dtype <c>torch.tensor</c> gives C# data, following Python's rules for literals:
    /// <c>double</c> (a C# floating literal) takes the default dtype and <c>int</c> takes int64,
    /// as Python floats and ints do; every other element type keeps its own dtype.
    /// </summary>
    internal static ScalarType InferDType(Type element)
    {
        if (element == typeof(double)) return get_default_dtype();
        if (element == typeof(int)) return ScalarType.Int64;
        return DTypes.FromClrType(element);
    }

    private static Tensor FromArray(Array data, long[] shape, ScalarType? dtype, Device? device, bool requires_grad)
    {
        CheckDevice(device);
        var elementType = data.GetType().GetElementType()!;
        ScalarType target = dtype ?? InferDType(elementType);
        Tensor source;
        if (elementType == typeof(int))
        {
            var longs = new long[data.Length];
            int i = 0;
            foreach (int v in data) longs[i++] = v;
            source = Dispatcher.Adopt(longs, ScalarType.Int64, shape);
        }
        else
        {
            var st = DTypes.FromClrType(elementType);
            // An array of the dtype's element type without Array.CreateInstance (NativeAOT-safe).
            var flat = Dispatcher.NewHostArray(st, data.Length);
            if (data.Rank == 1) Array.Copy(data, flat, data.Length);
            else { int i = 0; foreach (var v in data) flat.SetValue(v, i++); }
            source = Dispatcher.Adopt(flat, st, shape);
        }
        var t = source.dtype == target ? source : source.to(target);
        return Finish(MoveTo(t, device), requires_grad);
    }

    private static long[] ShapeOf(Array data)
    {
        var shape = new long[data.Rank];
        for (int d = 0; d < data.Rank; d++) shape[d] = data.GetLength(d);
        return shape;
    }

    /// <summary>A 1-D tensor copied from <paramref name="data"/>.</summary>
    public static Tensor tensor<T>(T[] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromArray(data, [data.Length], dtype, device, requires_grad);
    /// <summary>A 1-D tensor with an explicit shape (the data is reshaped, row-major).</summary>
    public static Tensor tensor<T>(T[] data, long[] dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged
    {
        if (Shapes.Numel(dimensions) != data.Length) throw new ArgumentException($"shape '{Shapes.Str(dimensions)}' is invalid for input of size {data.Length}");
        return FromArray(data, (long[])dimensions.Clone(), dtype, device, requires_grad);
    }
    /// <summary>A 2-D tensor copied from <paramref name="data"/>.</summary>
    public static Tensor tensor<T>(T[,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromArray(data, ShapeOf(data), dtype, device, requires_grad);
    /// <summary>A 3-D tensor copied from <paramref name="data"/>.</summary>
    public static Tensor tensor<T>(T[,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromArray(data, ShapeOf(data), dtype, device, requires_grad);
    /// <summary>A 4-D tensor copied from <paramref name="data"/>.</summary>
    public static Tensor tensor<T>(T[,,,] data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        FromArray(data, ShapeOf(data), dtype, device, requires_grad);

    /// <summary>A 0-dim tensor from a floating number (default dtype unless given).</summary>
    public static Tensor tensor(double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype, device, requires_grad);
    /// <summary>A 0-dim float32 tensor.</summary>
    public static Tensor tensor(float value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype, device, requires_grad);
    /// <summary>A 0-dim int64 tensor.</summary>
    public static Tensor tensor(long value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype, device, requires_grad);
    /// <summary>A 0-dim int64 tensor (Python ints are int64).</summary>
    public static Tensor tensor(int value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype, device, requires_grad);
    /// <summary>A 0-dim bool tensor.</summary>
    public static Tensor tensor(bool value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromArray(new[] { value }, [], dtype, device, requires_grad);

    /// <summary>A tensor that wraps <paramref name="data"/> without copying (changes show through both ways).</summary>
    public static Tensor from_array<T>(T[] data, long[]? shape = null) where T : unmanaged
    {
        var s = shape ?? [data.Length];
        if (Shapes.Numel(s) != data.Length) throw new ArgumentException($"shape '{Shapes.Str(s)}' is invalid for input of size {data.Length}");
        return Dispatcher.Adopt(data, DTypes.FromClrType(typeof(T)), (long[])s.Clone());
    }
}
