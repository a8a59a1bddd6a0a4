using System.Text.Json;
using Flint.Modules;
using static Flint.Tests.Optim.OptimGolden;
using static Flint.torch.nn;

namespace Flint.Tests.Optim;

/// <summary>
/// Adamax, NAdam, RAdam, ASGD, Rprop and LBFGS against PyTorch 1.13 (tests/golden/optim_more.json from
/// tools/golden/gen_optim_more.py; NAdam with PyTorch 2.x's momentum product, see Modules.NAdam).
/// </summary>
public class OptimMoreGoldenTests
{
    private const double Rtol = 1e-6;

    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "optim_more.json"))));

    internal static JsonElement MoreRoot => Doc.Value.RootElement;

    private static JsonElement MoreCase(string name) =>
        MoreRoot.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> MoreCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in MoreRoot.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static TheoryData<string> LbfgsCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in MoreRoot.GetProperty("lbfgs").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static double? D(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetDouble() : null;

    private static bool? B(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetBoolean() : null;

    private static (double, double)? Pair(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) ? (v[0].GetDouble(), v[1].GetDouble()) : null;

    /// <summary>Builds the case's optimizer over p1 and p2 from the keyword arguments PyTorch got.</summary>
    private static torch.optim.Optimizer Build(JsonElement c, Parameter p1, Parameter p2)
    {
        var k = c.GetProperty("kwargs");
        Parameter[] both = [p1, p2];
        var (b1, b2) = Pair(k, "betas") ?? (0.9, 0.999);
        switch (c.GetProperty("optimizer").GetString())
        {
            case "Adamax":
                return torch.optim.Adamax(both, D(k, "lr") ?? 2e-3, b1, b2, D(k, "eps") ?? 1e-8, D(k, "weight_decay") ?? 0, B(k, "maximize") ?? false);
            case "NAdam":
            {
                double lr = D(k, "lr") ?? 2e-3, eps = D(k, "eps") ?? 1e-8, wd = D(k, "weight_decay") ?? 0, md = D(k, "momentum_decay") ?? 4e-3;
                if (!c.TryGetProperty("groups", out var gs)) return torch.optim.NAdam(both, lr, b1, b2, eps, wd, md);
                NAdam.ParamGroup G(Parameter p, JsonElement g) => new([p], lr: D(g, "lr"), beta1: Pair(g, "betas")?.Item1, beta2: Pair(g, "betas")?.Item2,
                    eps: D(g, "eps"), weight_decay: D(g, "weight_decay"), momentum_decay: D(g, "momentum_decay"));
                return torch.optim.NAdam([G(p1, gs[0]), G(p2, gs[1])], lr, b1, b2, eps, wd, md);
            }
            case "RAdam":
                return torch.optim.RAdam(both, D(k, "lr") ?? 1e-3, b1, b2, D(k, "eps") ?? 1e-8, D(k, "weight_decay") ?? 0);
            case "ASGD":
                return torch.optim.ASGD(both, D(k, "lr") ?? 1e-2, D(k, "lambd") ?? 1e-4, D(k, "alpha") ?? 0.75, D(k, "t0") ?? 1e6,
                    D(k, "weight_decay") ?? 0, B(k, "maximize") ?? false);
            case "Rprop":
            {
                var (em, ep) = Pair(k, "etas") ?? (0.5, 1.2);
                var (lo, hi) = Pair(k, "step_sizes") ?? (1e-6, 50);
                return torch.optim.Rprop(both, D(k, "lr") ?? 1e-2, em, ep, lo, hi, B(k, "maximize") ?? false);
            }
            default: throw new ArgumentException("unknown optimizer in golden file");
        }
    }

    [Theory]
    [MemberData(nameof(MoreCaseNames))]
    public void TrajectoryMatchesPyTorch(string name)
    {
        var c = MoreCase(name);
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
    [MemberData(nameof(MoreCaseNames))]
    public void StateDictMatchesPyTorch(string name)
    {
        var c = MoreCase(name);
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
            var expectedKeys = expectedGroups[g].EnumerateObject().Select(p => p.Name);
            if (c.TryGetProperty("groups", out _)) Assert.Equal(expectedKeys.Order(), sd.ParamGroups[g].Keys.Order());
            else Assert.Equal(expectedKeys, sd.ParamGroups[g].Keys);
            foreach (var kv in expectedGroups[g].EnumerateObject())
                AssertValue(kv.Value, sd.ParamGroups[g][kv.Name], $"{name} param_groups[{g}][{kv.Name}]");
        }
    }

    [Theory]
    [MemberData(nameof(MoreCaseNames))]
    public void LoadStateDictResumesTheTrajectory(string name)
    {
        // Three steps, a state dict into a fresh optimizer over copies, two more steps: the same as five in a row.
        var c = MoreCase(name);
        var (p1, p2, x, y) = Initial();
        var opt = Build(c, p1, p2);
        for (int t = 0; t < 3; t++) Step(opt, c, t, p1, p2, x, y);
        var (q1, q2, _, _) = Initial();
        q1.detach().copy_(p1.detach());
        q2.detach().copy_(p2.detach());
        var resumed = Build(c, q1, q2);
        resumed.load_state_dict(opt.state_dict());
        for (int t = 3; t < 5; t++)
        {
            Step(opt, c, t, p1, p2, x, y);
            Step(resumed, c, t, q1, q2, x, y);
        }
        Assert.Equal(p1.data<float>(), q1.data<float>());
        Assert.Equal(p2.data<float>(), q2.data<float>());
    }

    private static Tensor Rosenbrock(Tensor w)
    {
        var a = w.narrow(0, 0, w.shape[0] - 1);
        var b = w.narrow(0, 1, w.shape[0] - 1);
        return (1 - a).pow(2).sum() + 100 * (b - a.pow(2)).pow(2).sum();
    }

    [Theory]
    [MemberData(nameof(LbfgsCaseNames))]
    public void LbfgsMatchesPyTorchOnRosenbrock(string name)
    {
        var c = MoreRoot.GetProperty("lbfgs").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var k = c.GetProperty("kwargs");
        var w = new Parameter(torch.tensor(new[] { -1.2, 1.0, -0.5, 0.8 }, dtype: ScalarType.Float64));
        var opt = torch.optim.LBFGS([w], lr: D(k, "lr") ?? 1, max_iter: (long)(D(k, "max_iter") ?? 20),
            history_size: (long)(D(k, "history_size") ?? 100),
            line_search_fn: k.TryGetProperty("line_search_fn", out var ls) ? ls.GetString() : null);
        int evals = 0;
        Tensor Closure()
        {
            opt.zero_grad();
            var loss = Rosenbrock(w);
            loss.backward();
            evals++;
            return loss;
        }
        foreach (var s in c.GetProperty("steps").EnumerateArray())
        {
            var loss = opt.step(Closure)!;
            double expected = s.GetProperty("loss").GetDouble();
            Assert.True(Math.Abs(loss.item<double>() - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{name}: loss {loss.item<double>():R}, expected {expected:R}");
            var ew = Doubles(s.GetProperty("w"));
            var aw = w.data<double>();
            for (int i = 0; i < ew.Length; i++)
                Assert.True(Math.Abs(aw[i] - ew[i]) <= 1e-8 * Math.Max(1, Math.Abs(ew[i])), $"{name} w[{i}]: {aw[i]:R}, expected {ew[i]:R}");
            Assert.Equal(s.GetProperty("evals").GetInt32(), evals);
        }
        var sd = opt.state_dict();
        Assert.Equal(c.GetProperty("func_evals").GetInt64(), (long)sd.State[0]["func_evals"]!);
        Assert.Equal(c.GetProperty("n_iter").GetInt64(), (long)sd.State[0]["n_iter"]!);
        var group = c.GetProperty("param_group");
        Assert.Equal(group.EnumerateObject().Select(p => p.Name), sd.ParamGroups[0].Keys);
        foreach (var kv in group.EnumerateObject())
        {
            var actual = sd.ParamGroups[0][kv.Name];
            switch (kv.Value.ValueKind)
            {
                case JsonValueKind.Null: Assert.Null(actual); break;
                case JsonValueKind.String: Assert.Equal(kv.Value.GetString(), actual); break;
                case JsonValueKind.Number: Assert.Equal(kv.Value.GetDouble(), Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture)); break;
                case JsonValueKind.Array: Assert.Equal(kv.Value.EnumerateArray().Select(v => v.GetInt32()), (List<int>)actual!); break;
                default: throw new Xunit.Sdk.XunitException($"unexpected {kv.Value}");
            }
        }
    }

    [Fact]
    public void LbfgsRejectsGroupsAndUnknownLineSearches()
    {
        var w = new Parameter(torch.zeros(2));
        Assert.Throws<ArgumentException>(() => torch.optim.LBFGS([w], line_search_fn: "backtracking"));
        var opt = torch.optim.LBFGS([w]);
        Assert.Throws<ArgumentException>(() => opt.add_param_group(new LBFGS.ParamGroup { Parameters = [new Parameter(torch.zeros(1))] }));
        Assert.Throws<ArgumentNullException>(() => opt.step());
    }

    [Fact]
    public void ConstructorsCheckTheirArgumentsAsPyTorch()
    {
        Parameter[] ps = [new Parameter(torch.zeros(1))];
        Assert.Equal("Invalid beta parameter at index 1: 1", Assert.Throws<ArgumentException>(() => torch.optim.Adamax(ps, beta2: 1)).Message);
        Assert.Equal("Invalid momentum_decay value: -1", Assert.Throws<ArgumentException>(() => torch.optim.NAdam(ps, momentum_decay: -1)).Message);
        Assert.Equal("Invalid epsilon value: -1", Assert.Throws<ArgumentException>(() => torch.optim.RAdam(ps, eps: -1)).Message);
        Assert.Equal("Invalid weight_decay value: -1", Assert.Throws<ArgumentException>(() => torch.optim.ASGD(ps, weight_decay: -1)).Message);
        Assert.Equal("Invalid eta values: 0.5, 0.9", Assert.Throws<ArgumentException>(() => torch.optim.Rprop(ps, etaplus: 0.9)).Message);
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
