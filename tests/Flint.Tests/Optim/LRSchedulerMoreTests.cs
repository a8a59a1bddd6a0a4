using Flint.Modules;
using System.Text.Json;
using static Flint.Tests.Optim.OptimGolden;
using static Flint.torch.nn;
using LR = Flint.torch.optim.lr_scheduler;

namespace Flint.Tests.Optim;

/// <summary>
/// The schedulers beyond StepLR and CosineAnnealingLR against PyTorch 1.13: rates (and momenta) over 30 steps
/// from tests/golden/optim_more.json (tools/golden/gen_optim_more.py).
/// </summary>
public class LRSchedulerMoreTests
{
    private static JsonElement Schedulers => OptimMoreGoldenTests.MoreRoot.GetProperty("schedulers");

    public static TheoryData<string> Names(bool plateau)
    {
        var data = new TheoryData<string>();
        foreach (var s in Schedulers.EnumerateArray())
            if ((s.GetProperty("scheduler").GetString() == "ReduceLROnPlateau") == plateau) data.Add(s.GetProperty("name").GetString()!);
        return data;
    }

    public static TheoryData<string> ScheduleNames() => Names(plateau: false);

    public static TheoryData<string> PlateauNames() => Names(plateau: true);

    private static JsonElement Config(string name) => Schedulers.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    private static torch.optim.Optimizer Optimizer(JsonElement c)
    {
        var lrs = Doubles(c.GetProperty("lrs"));
        var ps = lrs.Select(_ => new Parameter(torch.zeros(1))).ToArray();
        return c.GetProperty("optimizer").GetString() == "Adam"
            ? torch.optim.Adam(ps.Select((p, i) => new Modules.Adam.ParamGroup([p], lr: lrs[i])), lr: 1.0)
            : torch.optim.SGD(ps.Select((p, i) => new Modules.SGD.ParamGroup([p], lr: lrs[i])), lr: 1.0, momentum: 0.9);
    }

    private static Func<int, double> Lambda(string f) => f switch
    {
        "0.95**epoch" => e => Math.Pow(0.95, e),
        "epoch//5" => e => e / 5,
        "1/(epoch+1)" => e => 1.0 / (e + 1),
        "0.9" => _ => 0.9,
        _ => throw new ArgumentException(f),
    };

    private static double? D(JsonElement k, string key) => k.TryGetProperty(key, out var v) ? v.GetDouble() : null;

    private static int? I(JsonElement k, string key) => k.TryGetProperty(key, out var v) ? v.GetInt32() : null;

    private static LR.LRScheduler Build(string kind, JsonElement k, torch.optim.Optimizer o) => kind switch
    {
        "LambdaLR" => k.GetProperty("lr_lambda").ValueKind == JsonValueKind.Array
            ? LR.LambdaLR(o, k.GetProperty("lr_lambda").EnumerateArray().Select(f => Lambda(f.GetString()!)))
            : LR.LambdaLR(o, Lambda(k.GetProperty("lr_lambda").GetString()!)),
        "MultiplicativeLR" => LR.MultiplicativeLR(o, Lambda(k.GetProperty("lr_lambda").GetString()!)),
        "MultiStepLR" => LR.MultiStepLR(o, k.GetProperty("milestones").EnumerateArray().Select(m => m.GetInt32()).ToList(), D(k, "gamma") ?? 0.1),
        "ConstantLR" => LR.ConstantLR(o, D(k, "factor") ?? 1.0 / 3, I(k, "total_iters") ?? 5),
        "LinearLR" => LR.LinearLR(o, D(k, "start_factor") ?? 1.0 / 3, D(k, "end_factor") ?? 1.0, I(k, "total_iters") ?? 5),
        "ExponentialLR" => LR.ExponentialLR(o, D(k, "gamma")!.Value),
        "PolynomialLR" => LR.PolynomialLR(o, I(k, "total_iters") ?? 5, D(k, "power") ?? 1.0),
        "StepLR" => LR.StepLR(o, I(k, "step_size")!.Value, D(k, "gamma") ?? 0.1),
        "CosineAnnealingLR" => LR.CosineAnnealingLR(o, D(k, "T_max")!.Value, D(k, "eta_min") ?? 0),
        "CosineAnnealingWarmRestarts" => LR.CosineAnnealingWarmRestarts(o, I(k, "T_0")!.Value, I(k, "T_mult") ?? 1, D(k, "eta_min") ?? 0),
        "CyclicLR" => LR.CyclicLR(o, D(k, "base_lr")!.Value, D(k, "max_lr")!.Value, I(k, "step_size_up") ?? 2000, I(k, "step_size_down"),
            k.TryGetProperty("mode", out var m) ? m.GetString()! : "triangular", D(k, "gamma") ?? 1.0,
            cycle_momentum: !k.TryGetProperty("cycle_momentum", out var cm) || cm.GetBoolean()),
        "OneCycleLR" => LR.OneCycleLR(o, D(k, "max_lr")!.Value, I(k, "total_steps"), I(k, "epochs"), I(k, "steps_per_epoch"), D(k, "pct_start") ?? 0.3,
            k.TryGetProperty("anneal_strategy", out var a) ? a.GetString()! : "cos", div_factor: D(k, "div_factor") ?? 25.0,
            final_div_factor: D(k, "final_div_factor") ?? 1e4, three_phase: k.TryGetProperty("three_phase", out var t) && t.GetBoolean()),
        "SequentialLR" => LR.SequentialLR(o, Subs(k, o), k.GetProperty("milestones").EnumerateArray().Select(v => v.GetInt32())),
        "ChainedScheduler" => LR.ChainedScheduler(Subs(k, o)),
        _ => throw new ArgumentException(kind),
    };

    private static LR.LRScheduler[] Subs(JsonElement k, torch.optim.Optimizer o) =>
        k.GetProperty("schedulers").EnumerateArray().Select(s => Build(s[0].GetString()!, s[1], o)).ToArray();

    private static double Momentum(Modules.ParamGroup g) => g.Options switch
    {
        Modules.SGD.Options s => s.momentum!.Value,
        Modules.Adam.Options a => a.beta1!.Value,
        _ => throw new ArgumentException("no momentum"),
    };

    private static void AssertNear(double expected, double actual, string context) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(Math.Abs(expected), 1e-300) || expected == actual,
            $"{context}: expected {expected:R}, got {actual:R}");

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void SequenceMatchesPyTorch(string name)
    {
        var c = Config(name);
        var o = Optimizer(c);
        var s = Build(c.GetProperty("scheduler").GetString()!, c.GetProperty("kwargs"), o);
        var seq = c.GetProperty("sequence").EnumerateArray().Select(Doubles).ToArray();
        var mom = c.GetProperty("momentum").EnumerateArray().Select(Doubles).ToArray();
        Assert.Equal(31, seq.Length);
        for (int t = 0; t < seq.Length; t++)
        {
            if (t > 0) { o.step(); s.step(); }
            var got = s.get_last_lr();
            Assert.Equal(seq[t].Length, got.Count);
            for (int i = 0; i < got.Count; i++)
            {
                AssertNear(seq[t][i], got[i], $"{name} step {t} group {i} lr");
                AssertNear(mom[t][i], Momentum(o.ParamGroups[i]), $"{name} step {t} group {i} momentum");
            }
        }
        if (c.GetProperty("last_epoch").ValueKind == JsonValueKind.Number) Assert.Equal(c.GetProperty("last_epoch").GetInt32(), s.last_epoch);
    }

    [Theory]
    [MemberData(nameof(ScheduleNames))]
    public void StateDictResumesTheSequence(string name)
    {
        // Ten steps, then a fresh optimizer and scheduler load both state dicts: the next steps agree.
        var c = Config(name);
        var o = Optimizer(c);
        var s = Build(c.GetProperty("scheduler").GetString()!, c.GetProperty("kwargs"), o);
        for (int t = 0; t < 10; t++) { o.step(); s.step(); }
        var o2 = Optimizer(c);
        var s2 = Build(c.GetProperty("scheduler").GetString()!, c.GetProperty("kwargs"), o2);
        o2.load_state_dict(o.state_dict());
        s2.load_state_dict(s.state_dict());
        Assert.Equal(s.get_last_lr(), s2.get_last_lr());
        for (int t = 0; t < 10; t++)
        {
            o.step(); s.step();
            o2.step(); s2.step();
            Assert.Equal(s.get_last_lr(), s2.get_last_lr());
        }
    }

    [Theory]
    [MemberData(nameof(PlateauNames))]
    public void ReduceLROnPlateauMatchesPyTorch(string name)
    {
        var c = Config(name);
        var o = Optimizer(c);
        var k = c.GetProperty("kwargs");
        List<double>? minLr = k.TryGetProperty("min_lr", out var ml)
            ? ml.ValueKind == JsonValueKind.Array ? Doubles(ml).ToList() : [ml.GetDouble()] : null;
        var s = LR.ReduceLROnPlateau(o, k.TryGetProperty("mode", out var m) ? m.GetString()! : "min", D(k, "factor") ?? 0.1, I(k, "patience") ?? 10,
            D(k, "threshold") ?? 1e-4, k.TryGetProperty("threshold_mode", out var tm) ? tm.GetString()! : "rel", I(k, "cooldown") ?? 0, minLr);
        var metrics = Doubles(c.GetProperty("metrics"));
        var seq = c.GetProperty("sequence").EnumerateArray().Select(Doubles).ToArray();
        for (int t = 0; t < metrics.Length; t++)
        {
            o.step();
            s.step(metrics[t]);
            for (int i = 0; i < seq[t].Length; i++) AssertNear(seq[t][i], s.get_last_lr()[i], $"{name} step {t} group {i}");
        }
        Assert.Equal(c.GetProperty("best").GetDouble(), s.best);
        Assert.Equal(c.GetProperty("num_bad_epochs").GetInt32(), s.num_bad_epochs);
        Assert.Equal(c.GetProperty("cooldown_counter").GetInt32(), s.cooldown_counter);
    }

    [Fact]
    public void ArgumentErrorsUsePyTorchsWording()
    {
        var o = torch.optim.SGD([new Parameter(torch.zeros(1))], lr: 0.1);
        Assert.Equal("Constant multiplicative factor expected to be between 0 and 1.", Assert.Throws<ArgumentException>(() => LR.ConstantLR(o, factor: 2)).Message);
        Assert.Equal("Factor should be < 1.0.", Assert.Throws<ArgumentException>(() => LR.ReduceLROnPlateau(o, factor: 1)).Message);
        Assert.Equal("optimizer must support momentum with `cycle_momentum` option enabled",
            Assert.Throws<ArgumentException>(() => LR.CyclicLR(torch.optim.Adam([new Parameter(torch.zeros(1))]), 0.01, 0.1)).Message);
        Assert.Equal("Expected positive integer T_0, but got 0", Assert.Throws<ArgumentException>(() => LR.CosineAnnealingWarmRestarts(o, 0)).Message);
        var one = LR.OneCycleLR(o, 0.1, total_steps: 2);
        one.step(); one.step();
        Assert.Equal("Tried to step 4 times. The specified number of total steps is 2", Assert.Throws<ArgumentException>(() => one.step()).Message);
    }

    [Fact]
    public void WarmRestartsTakesFractionalEpochs()
    {
        var o = torch.optim.SGD([new Parameter(torch.zeros(1))], lr: 0.1);
        var s = (LR.impl.CosineAnnealingWarmRestarts)LR.CosineAnnealingWarmRestarts(o, T_0: 4, T_mult: 2);
        s.step(2.5);
        Assert.Equal(0.1 * (1 + Math.Cos(Math.PI * 2.5 / 4)) / 2, s.get_last_lr()[0], 15);
        s.step(7.0); // in the second cycle (length 8), 3 epochs in
        Assert.Equal(8, s.T_i);
        Assert.Equal(3.0, s.T_cur, 12);
    }
}
