using Flint.Modules;
using static Flint.Tests.Optim.OptimGolden;
using static Flint.torch.nn;

namespace Flint.Tests.Optim;

/// <summary>state_dict()/load_state_dict(): round trips that continue PyTorch's trajectory, copying, validation.</summary>
public class StateDictTests
{
    [Theory]
    [MemberData(nameof(OptimGolden.CaseNames), MemberType = typeof(OptimGolden))]
    public void LoadedOptimizerContinuesThePyTorchTrajectory(string name)
    {
        var c = Case(name);
        var steps = c.GetProperty("steps").EnumerateArray().ToArray();
        var (p1, p2, x, y) = Initial();
        var first = Build(c, p1, p2);
        for (int t = 0; t < 2; t++) Step(first, c, t, p1, p2, x, y);
        var sd = first.state_dict();

        // A second optimizer over fresh parameters holding the same values, built with other hyperparameters
        // for the plain options (the state dict must bring the saved ones back).
        var q1 = new Parameter(p1.detach().clone());
        var q2 = new Parameter(p2.detach().clone());
        var second = Build(c, q1, q2);
        foreach (var g in second.ParamGroups) g.LearningRate = 123.0;
        second.load_state_dict(sd);
        Assert.Equal(first.ParamGroups.Select(g => g.LearningRate), second.ParamGroups.Select(g => g.LearningRate));

        for (int t = 2; t < steps.Length; t++)
        {
            Step(first, c, t, p1, p2, x, y);
            Step(second, c, t, q1, q2, x, y);
            AssertClose(Floats(steps[t].GetProperty("p1")), q1.data<float>(), 1e-6, $"{name} loaded p1 after step {t + 1}");
            AssertClose(Floats(steps[t].GetProperty("p2")), q2.data<float>(), 1e-6, $"{name} loaded p2 after step {t + 1}");
            Assert.Equal(p1.data<float>(), q1.data<float>());
            Assert.Equal(p2.data<float>(), q2.data<float>());
        }
    }

    [Fact]
    public void StateDictHoldsLiveBuffersAndLoadCopiesThem()
    {
        var p = new Parameter(torch.ones(3));
        var opt = torch.optim.SGD([p], lr: 0.1, momentum: 0.9);
        p.grad = torch.ones(3);
        opt.step();
        var sd = opt.state_dict();
        var buf = Assert.IsAssignableFrom<Tensor>(sd.State[0]["momentum_buffer"]);
        Assert.Same(((SGD.State)opt.state[p]).momentum_buffer, buf);   // as in PyTorch: a reference

        var q = new Parameter(torch.ones(3));
        var other = torch.optim.SGD([q], lr: 0.1, momentum: 0.9);
        other.load_state_dict(sd);
        var loaded = ((SGD.State)other.state[q]).momentum_buffer!;
        Assert.NotSame(buf, loaded);
        Assert.False(loaded.is_same_storage(buf));
        opt.step();   // mutates buf, not the loaded copy
        Assert.Equal(new[] { 1f, 1f, 1f }, loaded.data<float>());
        Assert.Equal(new[] { 1.9f, 1.9f, 1.9f }, buf.data<float>());
    }

    [Fact]
    public void LoadCastsFloatingStateToTheParameterDtypeButKeepsStepFloat32()
    {
        var p = new Parameter(torch.ones(2, dtype: ScalarType.Float64));
        var opt = torch.optim.Adam([p], lr: 0.1);
        var sd = new StateDictionary();
        sd.State[0] = new() { ["step"] = 3L, ["exp_avg"] = torch.full([2], 0.5), ["exp_avg_sq"] = torch.full([2], 0.25) };
        sd.ParamGroups.Add(new() { ["lr"] = 0.01, ["betas"] = new List<object> { 0.8, 0.9 }, ["eps"] = 1e-8, ["weight_decay"] = 0L, ["amsgrad"] = false, ["maximize"] = false, ["params"] = new List<long> { 0 } });
        opt.load_state_dict(sd);
        var st = (Adam.State)opt.state[p];
        Assert.Equal(ScalarType.Float64, st.exp_avg!.dtype);
        Assert.Equal(ScalarType.Float32, st.step!.dtype);
        Assert.Equal(3f, st.step.item<float>());
        var o = (Adam.Options)opt.ParamGroups[0].Options!;
        Assert.Equal((0.01, 0.8, 0.9, 0.0), (o.LearningRate!.Value, o.beta1!.Value, o.beta2!.Value, o.weight_decay!.Value));
    }

    [Fact]
    public void MismatchedStateDictsAreRejectedAndLeaveTheOptimizerUntouched()
    {
        var a = new Parameter(torch.ones(2));
        var b = new Parameter(torch.ones(3));
        var opt = torch.optim.SGD([a, b], lr: 0.1, momentum: 0.5);
        var twoGroups = torch.optim.SGD([new SGD.ParamGroup([a]), new SGD.ParamGroup([b])], lr: 0.1);
        var ex = Assert.Throws<ArgumentException>(() => opt.load_state_dict(twoGroups.state_dict()));
        Assert.Equal("loaded state dict has a different number of parameter groups", ex.Message);

        var one = torch.optim.SGD([new Parameter(torch.ones(2))], lr: 0.1);
        ex = Assert.Throws<ArgumentException>(() => opt.load_state_dict(one.state_dict()));
        Assert.Equal("loaded state dict contains a parameter group that doesn't match the size of optimizer's group", ex.Message);

        // Right layout, wrong buffer shape: rejected before anything changes.
        var sd = opt.state_dict();
        sd.ParamGroups[0]["lr"] = 7.0;
        sd.State[1] = new() { ["momentum_buffer"] = torch.ones(5) };
        Assert.Throws<ArgumentException>(() => opt.load_state_dict(sd));
        Assert.Equal(0.1, opt.ParamGroups[0].LearningRate);
        Assert.Empty(opt.state);
    }

    [Fact]
    public void SchedulerInitialLrTravelsWithTheStateDict()
    {
        var p = new Parameter(torch.ones(1));
        var opt = torch.optim.SGD([p], lr: 0.1);
        Assert.DoesNotContain("initial_lr", opt.state_dict().ParamGroups[0].Keys);
        torch.optim.lr_scheduler.StepLR(opt, step_size: 1, gamma: 0.5).step();
        var sd = opt.state_dict();
        Assert.Equal(0.1, sd.ParamGroups[0]["initial_lr"]);
        Assert.Equal(0.05, sd.ParamGroups[0]["lr"]);

        var q = new Parameter(torch.ones(1));
        var resumed = torch.optim.SGD([q], lr: 1.0);
        Assert.Throws<ArgumentException>(() => torch.optim.lr_scheduler.StepLR(resumed, step_size: 1, last_epoch: 0));
        resumed.load_state_dict(sd);
        var s = torch.optim.lr_scheduler.StepLR(resumed, step_size: 1, gamma: 0.5, last_epoch: 1);
        Assert.Equal(new[] { 0.025 }, s.get_last_lr());
    }
}
