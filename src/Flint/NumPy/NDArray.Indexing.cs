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

    private void CheckCount(TensorIndex[] indices)
    {
        int used = 0;
        foreach (var ix in indices)
        {
            if (ix.kind == TensorIndex.Kind.Tensor && ix.tensor!.dtype == ScalarType.Bool) used += Math.Max(ix.tensor.Shape.Length, 1);
            else if (ix.kind is not (TensorIndex.Kind.None or TensorIndex.Kind.Ellipsis)) used++;
        }
        if (used > ndim)
            throw new IndexOutOfRangeException($"too many indices for array: array is {ndim}-dimensional, but {used} were indexed");
    }

    private NDArray Get(TensorIndex[] indices)
    {
        CheckCount(indices);
        Tensor r = Translate(() => _t[indices]);
        // Indexing every axis with an integer gives a NumPy scalar.
        return new NDArray(r, scalar: r.Shape.Length == 0 && ndim > 0);
    }

    private void Set(TensorIndex[] indices, NDArray value)
    {
        CheckCount(indices);
        Translate(() =>
        {
            _t[indices] = value.Cast(_t.dtype);
            return _t;
        });
    }

    /// <summary>Rewords Flint's index errors the way NumPy words them.</summary>
    private static Tensor Translate(Func<Tensor> f)
    {
        try
        {
            return f();
        }
        catch (IndexOutOfRangeException e) when (e.Message.StartsWith("index ", StringComparison.Ordinal) && e.Message.Contains(" is out of bounds for dimension "))
        {
            throw new IndexOutOfRangeException(e.Message.Replace(" for dimension ", " for axis "), e);
        }
    }
}
