namespace Flint.Tests.Properties;

/// <summary>
/// A naive model of a strided view over a flat buffer: shape, strides and offset, and the elements it names
/// in row-major order. Flint's views and kernels are checked against it.
/// </summary>
internal sealed record StridedModel(double[] Buffer, long[] Shape, long[] Strides, long Offset)
{
    public static StridedModel Contiguous(double[] buffer, long[] shape) => new(buffer, shape, Shapes.ContiguousStrides(shape), 0);

    public long Numel => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The elements in row-major order, by explicit index arithmetic.</summary>
    public double[] Elements()
    {
        var result = new double[Numel];
        if (result.Length == 0) return result;
        var index = new long[Shape.Length];
        for (long n = 0; n < result.Length; n++)
        {
            long at = Offset;
            for (int d = 0; d < Shape.Length; d++) at += index[d] * Strides[d];
            result[n] = Buffer[at];
            for (int d = Shape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < Shape[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }

    public StridedModel Permute(int[] perm) => this with { Shape = perm.Select(p => Shape[p]).ToArray(), Strides = perm.Select(p => Strides[p]).ToArray() };

    public StridedModel Narrow(int dim, long start, long length)
    {
        var shape = (long[])Shape.Clone();
        shape[dim] = length;
        return this with { Shape = shape, Offset = Offset + start * Strides[dim] };
    }

    public StridedModel Unsqueeze(int dim) => this with { Shape = Shape.ToList().Insert2(dim, 1).ToArray(), Strides = Strides.ToList().Insert2(dim, 0).ToArray() };

    /// <summary>Size-1 dims repeat with stride 0.</summary>
    public StridedModel Expand(long[] sizes)
    {
        var shape = (long[])Shape.Clone();
        var strides = (long[])Strides.Clone();
        for (int d = 0; d < shape.Length; d++)
            if (shape[d] == 1 && sizes[d] != 1) { shape[d] = sizes[d]; strides[d] = 0; }
        return this with { Shape = shape, Strides = strides };
    }
}

internal static class ListExtensions
{
    public static List<T> Insert2<T>(this List<T> list, int at, T item)
    {
        list.Insert(at, item);
        return list;
    }
}
