using System.Globalization;

namespace Flint.Modules;

/// <summary>
/// The hyperparameters of one parameter group (PyTorch's per-group dict minus <c>params</c>).
/// Each optimizer derives its own <c>Options</c>; a null field means "take the optimizer's default".
/// </summary>
public class OptimizerOptions
{
    /// <summary>The learning rate (<c>lr</c>).</summary>
    public double? LearningRate { get; set; }

    /// <summary>
    /// PyTorch's <c>initial_lr</c>: set by the first learning-rate scheduler attached to the
    /// optimizer and used as its base rate; null until then.
    /// </summary>
    public double? InitialLearningRate { get; set; }

    /// <summary>Fills every unset field from <paramref name="defaults"/> (an instance of the same type).</summary>
    public virtual void FillMissingFrom(OptimizerOptions defaults)
    {
        LearningRate ??= defaults.LearningRate;
    }

    /// <summary>Writes the hyperparameters under PyTorch's keys, in PyTorch's order.</summary>
    public virtual void SaveTo(IDictionary<string, object?> group)
    {
        group["lr"] = LearningRate;
    }

    /// <summary>Reads the hyperparameters written by <see cref="SaveTo"/>; keys that are absent keep their value.</summary>
    public virtual void LoadFrom(IReadOnlyDictionary<string, object?> group)
    {
        LearningRate = ReadDouble(group, "lr", LearningRate);
    }

    /// <summary>A shallow copy (all fields are numbers or flags).</summary>
    public OptimizerOptions Clone() => (OptimizerOptions)MemberwiseClone();

    /// <summary>Reads a number that a deserializer may have produced as double, float, long or int.</summary>
    protected static double? ReadDouble(IReadOnlyDictionary<string, object?> group, string key, double? current)
    {
        if (!group.TryGetValue(key, out var v)) return current;
        return v switch
        {
            null => null,
            double d => d,
            float f => f,
            long l => l,
            int i => i,
            _ => ToNumber(v, key),
        };
    }

    /// <summary>
    /// A number of any .NET numeric type as a double; anything else (a string, a bool, a container) is an
    /// <see cref="ArgumentException"/> naming the key, never a <see cref="FormatException"/> from a conversion.
    /// </summary>
    protected internal static double ToNumber(object? v, string key) => v switch
    {
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        short or ushort or byte or sbyte or uint or ulong or decimal or Half => ((IConvertible)(v is Half h ? (double)h : v)).ToDouble(CultureInfo.InvariantCulture),
        null => throw new ArgumentException($"optimizer state dict: parameter group key '{key}' is None, not a number"),
        _ => throw BadValue(key, v),
    };

    /// <summary>Reads a flag.</summary>
    protected static bool? ReadBool(IReadOnlyDictionary<string, object?> group, string key, bool? current)
    {
        if (!group.TryGetValue(key, out var v)) return current;
        return v switch
        {
            null => null,
            bool b => b,
            _ => throw BadValue(key, v),
        };
    }

    private static ArgumentException BadValue(string key, object v) =>
        new($"optimizer state dict: parameter group key '{key}' has a value of type {v.GetType().Name}");
}
