namespace Flint;

public static partial class np
{
    /// <summary>
    /// Joins arrays along an existing <paramref name="axis"/> (flattened first when it is null), in the
    /// arrays' promoted dtype, with NumPy's checks and wording.
    /// </summary>
    public static NDArray concatenate(IReadOnlyList<NDArray> arrays, int? axis = 0)
    {
        if (arrays.Count == 0) throw new ArgumentException("need at least one array to concatenate");
        var type = arrays[0].dtype.Type;
        for (int i = 1; i < arrays.Count; i++) type = NumPyPromotion.Promote(type, arrays[i].dtype);
        if (axis is not { } ax)
            return Wrap(torch.cat(arrays.Select(a => a.Cast(type).reshape(-1)).ToList(), 0));
        var first = arrays[0];
        if (first.ndim == 0) throw new ArgumentException("zero-dimensional arrays cannot be concatenated");
        int d = first.CheckAxis(ax);
        var shape0 = first.AsTensor.Shape;
        for (int i = 1; i < arrays.Count; i++)
        {
            var s = arrays[i].AsTensor.Shape;
            if (s.Length != shape0.Length)
                throw new ArgumentException("all the input arrays must have same number of dimensions, but the array at index 0 has " +
                    $"{shape0.Length} dimension(s) and the array at index {i} has {s.Length} dimension(s)");
            for (int j = 0; j < s.Length; j++)
                if (j != d && s[j] != shape0[j])
                    throw new ArgumentException("all the input array dimensions except for the concatenation axis must match exactly, but along " +
                        $"dimension {j}, the array at index 0 has size {shape0[j]} and the array at index {i} has size {s[j]}");
        }
        return Wrap(torch.cat(arrays.Select(a => a.Cast(type)).ToList(), d));
    }

    /// <summary>Joins arrays along the first axis (<c>np.concatenate((a, b))</c>).</summary>
    public static NDArray concatenate(params NDArray[] arrays) => concatenate((IReadOnlyList<NDArray>)arrays);
}
