using System.Text.Json;
using Flint.Modules;
using static Flint.Tests.Optim.OptimGolden;

namespace Flint.Tests.Optim;

/// <summary>Each optimizer's trajectory and final state dict against PyTorch 1.13 (tests/golden/optim.json).</summary>
public class OptimizerGoldenTests
{
    /// <summary>
    /// Float32 parameters after each of 5 steps agree with PyTorch to this relative tolerance. (On x64 Linux they
    /// agree bit for bit: the golden loss has no accumulation order in its gradients, and Flint fuses the
    /// multiply-adds PyTorch fuses.)
    /// </summary>
    private const double Rtol = 1e-6;

    [Theory]
    [MemberData(nameof(OptimGolden.CaseNames), MemberType = typeof(OptimGolden))]
    public void TrajectoryMatchesPyTorch(string name)
    {
        var c = Case(name);
        var (p1, p2, x, y) = Initial();
        var opt = Build(c, p1, p2);
        var steps = c.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(5, steps.Length);
        for (int t = 0; t < steps.Length; t++)
        {
            float loss = Step(opt, c, t, p1, p2, x, y);
            AssertClose([(float)steps[t].GetProperty("loss").GetDouble()], [loss], 1e-5, $"{name} loss before step {t + 1}");
            AssertClose(Floats(steps[t].GetProperty("p1")), p1.data<float>(), Rtol, $"{name} p1 after step {t + 1}");
            AssertClose(Floats(steps[t].GetProperty("p2")), p2.data<float>(), Rtol, $"{name} p2 after step {t + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(OptimGolden.CaseNames), MemberType = typeof(OptimGolden))]
    public void StateDictMatchesPyTorch(string name)
    {
        var c = Case(name);
        var (p1, p2, x, y) = Initial();
        var opt = Build(c, p1, p2);
        for (int t = 0; t < 5; t++) Step(opt, c, t, p1, p2, x, y);
        var sd = opt.state_dict();

        var expectedState = c.GetProperty("state").EnumerateObject().ToArray();
        Assert.Equal(expectedState.Select(e => int.Parse(e.Name)).Order(), sd.State.Keys.Order());
        foreach (var e in expectedState)
        {
            var actual = sd.State[int.Parse(e.Name)];
            Assert.Equal(e.Value.EnumerateObject().Select(p => p.Name), actual.Keys);
            foreach (var kv in e.Value.EnumerateObject())
                AssertValue(kv.Value, actual[kv.Name], $"{name} state[{e.Name}][{kv.Name}]");
        }

        var expectedGroups = c.GetProperty("param_groups").EnumerateArray().ToArray();
        Assert.Equal(expectedGroups.Length, sd.ParamGroups.Count);
        for (int g = 0; g < expectedGroups.Length; g++)
        {
            // PyTorch keeps a user-given group dict's key order; groups built from the defaults have a fixed order.
            var expectedKeys = expectedGroups[g].EnumerateObject().Select(p => p.Name);
            if (c.TryGetProperty("groups", out _)) Assert.Equal(expectedKeys.Order(), sd.ParamGroups[g].Keys.Order());
            else Assert.Equal(expectedKeys, sd.ParamGroups[g].Keys);
            foreach (var kv in expectedGroups[g].EnumerateObject())
                AssertValue(kv.Value, sd.ParamGroups[g][kv.Name], $"{name} param_groups[{g}][{kv.Name}]");
        }
    }

    private static void AssertValue(JsonElement expected, object? actual, string context)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.True(actual is null, $"{context}: expected null, got {actual}");
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Assert.Equal(expected.GetBoolean(), Assert.IsType<bool>(actual));
                break;
            case JsonValueKind.Number:
                double v = actual switch { double d => d, long l => l, int i => i, _ => throw new Xunit.Sdk.XunitException($"{context}: expected a number, got {actual}") };
                Assert.Equal(expected.GetDouble(), v);
                break;
            case JsonValueKind.Array:
                var items = ((System.Collections.IEnumerable)actual!).Cast<object?>().ToArray();
                var exp = expected.EnumerateArray().ToArray();
                Assert.Equal(exp.Length, items.Length);
                for (int i = 0; i < exp.Length; i++) AssertValue(exp[i], items[i], $"{context}[{i}]");
                break;
            case JsonValueKind.Object:
                var t = Assert.IsAssignableFrom<Tensor>(actual);
                Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()), t.shape);
                Assert.Equal(expected.GetProperty("dtype").GetString(), t.dtype == ScalarType.Float32 ? "float32" : t.dtype.ToString());
                AssertClose(Floats(expected.GetProperty("values")), t.reshape(-1).data<float>(), Rtol, context);
                break;
            default:
                throw new Xunit.Sdk.XunitException($"{context}: unexpected golden value {expected}");
        }
    }
}
