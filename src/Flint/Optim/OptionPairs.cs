namespace Flint.Modules;

/// <summary>
/// Reads the two-number options PyTorch stores as tuples in a group (<c>betas</c>, <c>etas</c>, <c>step_sizes</c>)
/// from whatever a deserializer produced: <c>double[]</c>, a value tuple, or any sequence of numbers.
/// </summary>
internal static class OptionPairs
{
    /// <summary>The pair stored under <paramref name="key"/>, or <paramref name="current"/> when the key is absent or None.</summary>
    public static (double, double)? Read(IReadOnlyDictionary<string, object?> group, string key, (double, double)? current)
    {
        if (!group.TryGetValue(key, out var v) || v is null) return current;
        var values = v switch
        {
            double[] a => a,
            ValueTuple<double, double> t => [t.Item1, t.Item2],
            Tuple<double, double> t => [t.Item1, t.Item2],
            System.Collections.IEnumerable e => e.Cast<object?>().Select(x => OptimizerOptions.ToNumber(x, key)).ToArray(),
            _ => throw new ArgumentException($"optimizer state dict: '{key}' must hold two numbers"),
        };
        if (values.Length != 2) throw new ArgumentException($"optimizer state dict: '{key}' must hold two numbers");
        return (values[0], values[1]);
    }

    /// <summary>The pair as PyTorch's state dict holds it (a two-element list).</summary>
    public static double[] Write((double, double)? pair) => [pair!.Value.Item1, pair.Value.Item2];
}
