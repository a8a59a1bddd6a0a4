using System.Collections;
using Flint.Modules;

namespace Flint.IO.Pickle;

/// <summary>
/// Maps an optimizer's <see cref="StateDictionary"/> to PyTorch's pickled layout and back:
/// <c>{"state": {index: {name: value}}, "param_groups": [{..., "params": [indices]}]}</c>, numeric arrays
/// in a group (<c>betas</c>) being tuples, as in PyTorch.
/// </summary>
internal static class OptimizerStateDicts
{
    public static Dictionary<string, object?> ToPython(StateDictionary sd)
    {
        var state = new Dictionary<long, object?>();
        foreach (var (id, entry) in sd.State) state[id] = entry;
        var groups = new List<object?>();
        foreach (var g in sd.ParamGroups)
        {
            var group = new Dictionary<string, object?>(g.Count);
            foreach (var (k, v) in g) group[k] = v is double[] numbers ? numbers.Select(n => (object?)n).ToArray() : v;
            groups.Add(group);
        }
        return new Dictionary<string, object?> { ["state"] = state, ["param_groups"] = groups };
    }

    /// <summary>Exactly the keys "state" (a dict with int keys) and "param_groups" (a list of string-keyed dicts).</summary>
    public static bool IsOptimizerStateDict(PyDict dict)
    {
        if (dict.Items.Count != 2
            || !dict.Items.TryGetValue("state", out var state) || state is not PyDict s
            || !dict.Items.TryGetValue("param_groups", out var groups) || groups is not List<object?> g)
            return false;
        foreach (var (k, v) in s.Items)
            if (k is not long id || id < 0 || id > int.MaxValue || v is not PyDict entry || !StringKeys(entry)) return false;
        foreach (var group in g)
            if (group is not PyDict gd || !StringKeys(gd)) return false;
        return true;
    }

    /// <summary>Fills <paramref name="sd"/> (already recorded as the conversion of <paramref name="dict"/>, so a state that holds itself converts).</summary>
    public static void FromPython(PyDict dict, StateDictionary sd, Func<object?, object?> convert)
    {
        foreach (var (k, v) in ((PyDict)dict.Items["state"]!).Items)
        {
            var entry = new Dictionary<string, object?>();
            foreach (var (name, value) in ((PyDict)v!).Items) entry[(string)name] = convert(value);
            sd.State[(int)(long)k] = entry;
        }
        foreach (var g in (List<object?>)dict.Items["param_groups"]!)
        {
            var group = new Dictionary<string, object?>();
            foreach (var (name, value) in ((PyDict)g!).Items)
            {
                var v = convert(value);
                group[(string)name] = (string)name == "params" && v is List<object?> ids ? ToIntList(ids) : v is object?[] t && IsNumeric(t) ? ToDoubles(t) : v;
            }
            sd.ParamGroups.Add(group);
        }
    }

    private static bool StringKeys(PyDict d)
    {
        foreach (var k in d.Items.Keys) if (k is not string) return false;
        return true;
    }

    private static bool IsNumeric(object?[] t)
    {
        foreach (var o in t) if (o is not (double or long)) return false;
        return t.Length > 0;
    }

    private static double[] ToDoubles(object?[] t)
    {
        var result = new double[t.Length];
        for (int i = 0; i < t.Length; i++) result[i] = t[i] is long l ? l : (double)t[i]!;
        return result;
    }

    private static object ToIntList(List<object?> ids)
    {
        var result = new List<int>(ids.Count);
        foreach (var o in ids)
        {
            if (o is not long l || l < int.MinValue || l > int.MaxValue) return ids; // not indices: leave it for the optimizer to reject
            result.Add((int)l);
        }
        return result;
    }
}
