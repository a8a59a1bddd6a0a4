namespace Flint;

public sealed partial class NDArray
{
    /// <summary>
    /// Indexing by one array: a bool mask (<c>grad_h[h &lt; 0] = 0</c>), an integer array, or an
    /// integer (<c>a[0]</c>). Assignment writes into this array's memory, casting the value.
    /// </summary>
    public NDArray this[NDArray index]
    {
        get => Get([ToIndex(index)]);
        set => Set([ToIndex(index)], value);
    }

    /// <summary>One integer index: the sub-array (a view) or, for a 1-D array, a NumPy scalar.</summary>
    public NDArray this[long index]
    {
        get => Get([TensorIndex.Single(index)]);
        set => Set([TensorIndex.Single(index)], value);
    }

    /// <summary>Indexing by integers, ranges (<c>a[1..3]</c>), <c>TensorIndex.Ellipsis</c>/<c>None</c>: basic indexing gives views.</summary>
    public NDArray this[params TensorIndex[] indices]
    {
        get => Get(indices);
        set => Set(indices, value);
    }

    private TensorIndex ToIndex(NDArray index)
    {
        var t = index._t;
        if (t.dtype == ScalarType.Bool)
        {
            for (int j = 0; j < t.Shape.Length; j++)
                if (j < ndim && t.Shape[j] != _t.Shape[j])
                    throw new IndexOutOfRangeException($"boolean index did not match indexed array along dimension {j}; dimension is {_t.Shape[j]} but corresponding boolean dimension is {t.Shape[j]}");
            return TensorIndex.Tensor(t);
        }
        if (t.IsFloating)
            throw new IndexOutOfRangeException("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
        if (t.Shape.Length == 0) return TensorIndex.Single(t.to(ScalarType.Int64).item<long>());
        return TensorIndex.Tensor(t.to(ScalarType.Int64));
    }

    /// <summary>NumPy's IndexErrors: too many indices, an integer outside its axis.</summary>
    private void Check(TensorIndex[] indices)
    {
        int used = 0;
        foreach (var ix in indices) used += Consumes(ix);
        if (used > ndim)
            throw new IndexOutOfRangeException($"too many indices for array: array is {ndim}-dimensional, but {used} were indexed");
        int axis = 0;
        foreach (var ix in indices)
        {
            if (ix.kind == TensorIndex.Kind.Ellipsis) { axis += ndim - used; continue; }
            if (ix.kind == TensorIndex.Kind.Single)
            {
                long size = _t.Shape[axis];
                if (ix.index < -size || ix.index >= size)
                    throw new IndexOutOfRangeException($"index {ix.index} is out of bounds for axis {axis} with size {size}");
            }
            axis += Consumes(ix);
        }
    }

    private static int Consumes(TensorIndex ix) => ix.kind switch
    {
        TensorIndex.Kind.Tensor when ix.tensor!.dtype == ScalarType.Bool => ix.tensor.Shape.Length,
        TensorIndex.Kind.None or TensorIndex.Kind.Ellipsis or TensorIndex.Kind.Bool => 0,
        _ => 1,
    };

    private NDArray Get(TensorIndex[] indices)
    {
        Check(indices);
        Tensor r = _t[indices];
        // Indexing every axis with an integer gives a NumPy scalar.
        return new NDArray(r, scalar: r.Shape.Length == 0 && ndim > 0);
    }

    private void Set(TensorIndex[] indices, NDArray value)
    {
        Check(indices);
        _t[indices] = value.Cast(_t.dtype);
    }

}
