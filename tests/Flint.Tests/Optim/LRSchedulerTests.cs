using Flint.Modules;
using static Flint.Tests.Optim.OptimGolden;
using static Flint.torch.nn;

namespace Flint.Tests.Optim;

/// <summary>StepLR and CosineAnnealingLR rate sequences against PyTorch 1.13 (tests/golden/optim.json).</summary>
public class LRSchedulerTests
{
    public static TheoryData<string> SchedulerNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in Root.GetProperty("schedulers").EnumerateArray()) data.Add(s.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(SchedulerNames))]
    public void SequenceMatchesPyTorch(string name)
    {
        var c = Root.GetProperty("schedulers").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        var lrs = Doubles(c.GetProperty("lrs"));
        var ps = lrs.Select(_ => new Parameter(torch.zeros(1))).ToArray();
        var opt = torch.optim.SGD(ps.Select((p, i) => new Modules.SGD.ParamGroup([p], lr: lrs[i])), lr: 1.0);
        var k = c.GetProperty("kwargs");
        var s = c.GetProperty("scheduler").GetString() switch
        {
            "StepLR" => k.TryGetProperty("gamma", out var g)
                ? torch.optim.lr_scheduler.StepLR(opt, k.GetProperty("step_size").GetInt32(), g.GetDouble())
                : torch.optim.lr_scheduler.StepLR(opt, k.GetProperty("step_size").GetInt32()),
            "CosineAnnealingLR" => k.TryGetProperty("eta_min", out var e)
                ? torch.optim.lr_scheduler.CosineAnnealingLR(opt, k.GetProperty("T_max").GetDouble(), e.GetDouble())
                : torch.optim.lr_scheduler.CosineAnnealingLR(opt, k.GetProperty("T_max").GetDouble()),
            _ => throw new ArgumentException("unknown scheduler"),
        };
        var seq = c.GetProperty("sequence").EnumerateArray().Select(Doubles).ToArray();
        Assert.Equal(21, seq.Length);
        for (int t = 0; t < seq.Length; t++)
        {
            if (t > 0) { opt.step(); s.step(); }
            var got = s.get_last_lr();
            Assert.Equal(seq[t].Length, got.Count);
            for (int i = 0; i < got.Count; i++)
            {
                Assert.True(Math.Abs(seq[t][i] - got[i]) <= 1e-12 * Math.Abs(seq[t][i]), $"{name} step {t} group {i}: expected {seq[t][i]:R}, got {got[i]:R}");
                Assert.Equal(got[i], opt.ParamGroups[i].LearningRate);
            }
        }
        Assert.Equal(20, s.last_epoch);
        Assert.Equal(lrs, s.base_lrs);
    }

    [Fact]
    public void StepWithAnEpochUsesTheClosedForm()
    {
        var opt = torch.optim.SGD([new Parameter(torch.zeros(1))], lr: 0.1);
        var step = torch.optim.lr_scheduler.StepLR(opt, step_size: 3, gamma: 0.5);
        step.step(7);
        Assert.Equal(0.1 * 0.25, step.get_last_lr()[0], 15);

        var opt2 = torch.optim.SGD([new Parameter(torch.zeros(1))], lr: 0.1);
        var cos = torch.optim.lr_scheduler.CosineAnnealingLR(opt2, T_max: 10, eta_min: 0.01);
        cos.step(5);
        Assert.Equal(0.01 + (0.1 - 0.01) * (1 + Math.Cos(Math.PI * 5 / 10)) / 2, cos.get_last_lr()[0]);
        cos.step(10);
        Assert.Equal(0.01, cos.get_last_lr()[0], 15);
    }

    [Fact]
    public void SchedulerStartsFromTheOptimizersRateAndRecordsInitialLr()
    {
        var opt = torch.optim.Adam([new Parameter(torch.zeros(1))], lr: 0.2);
        var s = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max: 4);
        Assert.Equal(new[] { 0.2 }, s.get_last_lr());
        Assert.Equal(0.2, opt.ParamGroups[0].InitialLearningRate);
        Assert.Equal(0, s.last_epoch);
        for (int i = 0; i < 4; i++) s.step();
        Assert.Equal(0.0, s.get_last_lr()[0], 15);
    }

    [Fact]
    public void InvalidArgumentsAreRejected()
    {
        var opt = torch.optim.SGD([new Parameter(torch.zeros(1))], lr: 0.1);
        Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.StepLR(opt, step_size: 0));
        Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max: 0));
        Assert.Throws<ArgumentNullException>(() => torch.optim.lr_scheduler.StepLR(null!, step_size: 1));
        var fresh = torch.optim.SGD([new Parameter(torch.zeros(1))], lr: 0.1);
        var ex = Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.StepLR(fresh, step_size: 2, last_epoch: 3));
        Assert.Equal("param 'initial_lr' is not specified in param_groups[0] when resuming an optimizer", ex.Message);
    }
}
