namespace Flint;

public static partial class torch
{
    /// <summary>Uniform samples in [0, 1) of shape (<paramref name="d0"/>, <paramref name="d1"/>, <paramref name="d2"/>, <paramref name="d3"/>).</summary>
    public static Tensor rand(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        rand([d0, d1, d2, d3], dtype, device, requires_grad);

    /// <summary>A 1-D tensor of <paramref name="size"/> elements filled with <paramref name="value"/> (default dtype unless given).</summary>
    public static Tensor full(long size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([size], value, dtype, device, requires_grad);

    /// <summary>A (<paramref name="rows"/>, <paramref name="columns"/>) tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long rows, long columns, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([rows, columns], value, dtype, device, requires_grad);

    /// <summary>A 3-D tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long dim0, long dim1, long dim2, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([dim0, dim1, dim2], value, dtype, device, requires_grad);

    /// <summary>A 4-D tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long dim0, long dim1, long dim2, long dim3, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full([dim0, dim1, dim2, dim3], value, dtype, device, requires_grad);
}
