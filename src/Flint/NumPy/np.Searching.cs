namespace Flint;

public static partial class np
{
    /// <summary>The index of the largest element of the flattened array (a NumPy int64 scalar) or along <paramref name="axis"/>; the first one on ties, the first NaN if any.</summary>
    public static NDArray argmax(NDArray a, int? axis = null) => a.argmax(axis);

    /// <summary>The index of the smallest element of the flattened array or along <paramref name="axis"/>.</summary>
    public static NDArray argmin(NDArray a, int? axis = null) => a.argmin(axis);

    /// <summary>
    /// Elements of <paramref name="x"/> where <paramref name="condition"/> is true, else of <paramref name="y"/>,
    /// broadcast together, in the dtype NumPy gives <c>x</c> and <c>y</c> (value-based for scalars).
    /// </summary>
    public static NDArray where(NDArray condition, NDArray x, NDArray y)
    {
        BroadcastAll(condition, x, y);
        var type = NumPyPromotion.ResultType(x, y);
        return Wrap(torch.where(condition.Cast(ScalarType.Bool), x.Cast(type), y.Cast(type)));
    }

    /// <summary>The indices of the non-zero elements, one int64 array per dimension (<c>np.nonzero</c>).</summary>
    public static NDArray[] where(NDArray condition) => nonzero(condition);

    /// <summary>The indices of the non-zero elements, one int64 array per dimension.</summary>
    public static NDArray[] nonzero(NDArray a)
    {
        if (a.ndim == 0) throw new ArgumentException("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
        var idx = a.Cast(ScalarType.Bool).nonzero();
        var r = new NDArray[a.ndim];
        for (int d = 0; d < r.Length; d++) r[d] = Wrap(idx.select(1, d).contiguous());
        return r;
    }

    /// <summary>
    /// <paramref name="a"/> limited to [<paramref name="a_min"/>, <paramref name="a_max"/>] (either may be null, not both),
    /// in the dtype NumPy gives all three; NaN propagates.
    /// </summary>
    public static NDArray clip(NDArray a, NDArray? a_min, NDArray? a_max)
    {
        if (a_min is null && a_max is null) throw new ArgumentException("One of max or min must be given");
        if (a_min is null) return minimum(a, a_max!);
        if (a_max is null) return maximum(a, a_min);
        BroadcastAll(a, a_min, a_max);
        var type = NumPyPromotion.Promote(NumPyPromotion.ResultType(a, a_min), NumPyPromotion.ResultType(a, a_max));
        return NDArray.Result(a.Cast(type).maximum(a_min.Cast(type)).minimum(a_max.Cast(type)));
    }

    /// <summary>NumPy's broadcast check over several operands, with the iterator's message.</summary>
    private static void BroadcastAll(params NDArray[] operands)
    {
        int n = operands.Max(o => o.ndim);
        for (int i = 0; i < n; i++)
        {
            long size = 1;
            foreach (var o in operands)
            {
                int j = i - (n - o.ndim);
                long d = j < 0 ? 1 : o.AsTensor.Shape[j];
                if (d == 1) continue;
                if (size != 1 && size != d)
                    throw new ArgumentException("operands could not be broadcast together with shapes " +
                        string.Concat(operands.Select(x => NDShape.Compact(x.AsTensor.Shape) + " ")));
                size = d;
            }
        }
    }
}
