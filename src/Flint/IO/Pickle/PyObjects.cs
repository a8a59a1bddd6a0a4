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

    /// <summary>
    /// Hashes every bit of a key with <see cref="HashCode"/>, which is seeded randomly per process: a file cannot
    /// choose many keys with one hash (<c>long.GetHashCode</c> folds the high half onto the low one, so keys
    /// like <c>k * (2^32 + 1)</c> would all collide). Tuple keys are bounded in size by the unpickler.
    /// </summary>
    public int GetHashCode(object obj)
    {
        switch (obj)
        {
            case object?[] a:
                var hash = new HashCode();
                foreach (var item in a) hash.Add(item is null ? 0 : GetHashCode(item));
                return hash.ToHashCode();
            case long l: return HashCode.Combine((int)l, (int)(l >> 32));
            case double d:
                // double.Equals treats 0.0 and -0.0, and all NaNs, as equal: hash them alike.
                if (d == 0) d = 0;
                else if (double.IsNaN(d)) d = double.NaN;
                long bits = BitConverter.DoubleToInt64Bits(d);
                return HashCode.Combine((int)bits, (int)(bits >> 32), 1);
            default: return HashCode.Combine(obj);
        }
    }
}
