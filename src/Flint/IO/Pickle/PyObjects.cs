namespace Flint.IO.Pickle;

/// <summary>A global the restricted unpickler allowed (it is only ever a name, never a resolved type or function).</summary>
internal sealed record PyGlobal(string Module, string Name)
{
    public override string ToString() => Module + "." + Name;
}

/// <summary>A Python dict or OrderedDict while unpickling; converted to a .NET dictionary at the end.</summary>
internal sealed class PyDict
{
    public readonly Dictionary<object, object?> Items = new(PyKeyComparer.Instance);
}

/// <summary>Dict-key equality as Python sees it for the key types pickles hold: ints, strings, tuples.</summary>
internal sealed class PyKeyComparer : IEqualityComparer<object>
{
    public static readonly PyKeyComparer Instance = new();

    public new bool Equals(object? x, object? y)
    {
        if (x is object?[] a && y is object?[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
                if (!(a[i] is null ? b[i] is null : b[i] is not null && Equals(a[i], b[i]))) return false;
            return true;
        }
        return object.Equals(x, y);
    }

    public int GetHashCode(object obj)
    {
        if (obj is not object?[] a) return obj.GetHashCode();
        var hash = new HashCode();
        foreach (var item in a) hash.Add(item is null ? 0 : GetHashCode(item));
        return hash.ToHashCode();
    }
}
