using System.Collections;

namespace Flint.IO.Pickle;

/// <summary>
/// Turns unpickled Python values into the .NET values <c>torch.load</c> returns: a dict whose keys are
/// all strings and values all tensors (a state dict) → <c>Dictionary&lt;string, Tensor&gt;</c>; other
/// string-keyed dicts → <c>Dictionary&lt;string, object?&gt;</c>; any other dict →
/// <c>Dictionary&lt;object, object?&gt;</c>; list → <c>List&lt;object?&gt;</c>; tuple → <c>object?[]</c>;
/// int → long; float → double; PyTorch's optimizer layout (<c>{"state": {int: {...}}, "param_groups": [{...}]}</c>)
/// → <see cref="Flint.Modules.StateDictionary"/>. Insertion order is kept (nothing is ever removed from these
/// dictionaries, so they enumerate in the order the file lists them). Shared objects stay shared.
/// </summary>
internal static class PyToClr
{
    public static object? Convert(object? value) => Convert(value, new Dictionary<object, object>(ReferenceEqualityComparer.Instance), 0);

    /// <remarks>
    /// Recursive, so the nesting depth is bounded (<see cref="RestrictedUnpickler.MaxNesting"/>): a .NET stack
    /// overflow cannot be caught and would end the process. Every container is recorded in
    /// <paramref name="done"/> before its contents are converted, so a container that holds itself ends the recursion.
    /// </remarks>
    private static object? Convert(object? value, Dictionary<object, object> done, int depth)
    {
        if (value is null || value is string or long or double or bool or byte[] or Tensor) return value;
        if (done.TryGetValue(value, out var converted)) return converted;
        if (depth >= RestrictedUnpickler.MaxNesting)
            throw new InvalidDataException($"torch.load: the file's containers nest deeper than {RestrictedUnpickler.MaxNesting} levels.");
        switch (value)
        {
            case PyDict dict:
            {
                bool stringKeys = true, tensorValues = true;
                foreach (var (k, v) in dict.Items)
                {
                    stringKeys &= k is string;
                    tensorValues &= v is Tensor;
                }
                if (stringKeys && tensorValues)
                {
                    var stateDict = new Dictionary<string, Tensor>(dict.Items.Count);
                    foreach (var (k, v) in dict.Items) stateDict[(string)k] = (Tensor)v!;
                    done[value] = stateDict;
                    return stateDict;
                }
                if (OptimizerStateDicts.IsOptimizerStateDict(dict))
                {
                    var sd = new Flint.Modules.StateDictionary();
                    done[value] = sd;
                    OptimizerStateDicts.FromPython(dict, sd, v => Convert(v, done, depth + 1));
                    return sd;
                }
                IDictionary result = stringKeys ? new Dictionary<string, object?>(dict.Items.Count) : new Dictionary<object, object?>(dict.Items.Count, PyKeyComparer.Instance);
                done[value] = result;
                foreach (var (k, v) in dict.Items) result[Convert(k, done, depth + 1)!] = Convert(v, done, depth + 1);
                return result;
            }
            case List<object?> list:
            {
                var result = new List<object?>(list.Count);
                done[value] = result;
                foreach (var item in list) result.Add(Convert(item, done, depth + 1));
                return result;
            }
            case object?[] tuple:
            {
                var result = new object?[tuple.Length];
                done[value] = result;
                for (int i = 0; i < tuple.Length; i++) result[i] = Convert(tuple[i], done, depth + 1);
                return result;
            }
            default:
                // A bare global or storage left in the result: PyTorch would return the class object; Flint has none.
                throw new InvalidDataException($"torch.load: the file's value holds a {value}, which Flint cannot return.");
        }
    }
}
