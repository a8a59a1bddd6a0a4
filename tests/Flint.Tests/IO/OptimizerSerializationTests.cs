using Flint.Modules;
using static Flint.torch;

namespace Flint.Tests.IO;

/// <summary>optimizer.state_dict() through torch.save/torch.load, and PyTorch's optimizer checkpoints into Flint optimizers.</summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class OptimizerSerializationTests
{
    private static Sequential SmallModel() => nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2));

    /// <summary>gen_io.py's adam_run: the seeded small model trained by Adam(lr=0.01) on sum(model(x)²).</summary>
    internal static (Sequential Model, Adam Optimizer) AdamRun(int steps)
    {
        manual_seed(0);
        var model = SmallModel();
        var opt = optim.Adam(model.parameters(), lr: 0.01);
        var x = linspace(-2, 2, 20).reshape(5, 4);
        for (int i = 0; i < steps; i++)
        {
            opt.zero_grad();
            model.forward(x).pow(2).sum().backward();
            opt.step();
        }
        return (model, opt);
    }

    private static object? RoundTrip(object? value)
    {
        var ms = new MemoryStream();
        save(value, ms);
        ms.Position = 0;
        return load(ms);
    }

    [Fact]
    public void AdamStateRoundTripsAndResumesIdentically()
    {
        var (model, opt) = AdamRun(2);
        var back = Assert.IsType<StateDictionary>(RoundTrip(opt.state_dict()));
        Assert.Equal(new[] { 0.9, 0.999 }, back.ParamGroups[0]["betas"]);
        Assert.Equal(new List<int> { 0, 1, 2, 3 }, back.ParamGroups[0]["params"]);

        // Resume: a fresh model with the same weights and an optimizer loaded from the file takes the same next step.
        var resumed = SmallModel();
        resumed.load_state_dict(model.state_dict());
        var opt2 = optim.Adam(resumed.parameters(), lr: 0.5);
        opt2.load_state_dict(back);
        var x = linspace(-2, 2, 20).reshape(5, 4);
        foreach (var (m, o) in new (Sequential, Adam)[] { (model, opt), (resumed, opt2) })
        {
            o.zero_grad();
            m.forward(x).pow(2).sum().backward();
            o.step();
        }
        foreach (var (name, t) in model.state_dict())
            Assert.Equal(IOGolden.Hex(t), IOGolden.Hex(resumed.state_dict()[name]));
    }

    [Fact]
    public void APyTorchAdamCheckpointLoadsAndMatchesFlintsOwnRun()
    {
        var loaded = Assert.IsType<StateDictionary>(load(IOGolden.PathOf("adam_state.pt")));
        var want = IOGolden.Root.GetProperty("adam_state.pt");
        Assert.Equal(new[] { 0.9, 0.999 }, loaded.ParamGroups[0]["betas"]);
        Assert.Equal(0.01, loaded.ParamGroups[0]["lr"]);

        var opt = optim.Adam(SmallModel().parameters(), lr: 0.5);
        opt.load_state_dict(loaded);
        Assert.Equal(0.01, opt.state_dict().ParamGroups[0]["lr"]);

        // Flint's own two Adam steps from the same seed reach PyTorch's state.
        var (_, flint) = AdamRun(2);
        var mine = flint.state_dict();
        for (int i = 0; i < 4; i++)
            foreach (var p in want.GetProperty("state")[i].EnumerateObject())
            {
                var theirs = Assert.IsType<Tensor>(loaded.State[i][p.Name]);
                IOGolden.AssertMatches(p.Value, theirs, $"state {i} {p.Name}");
                Assert.True(allclose(Assert.IsType<Tensor>(mine.State[i][p.Name]), theirs, rtol: 1e-5, atol: 1e-7), $"state {i} {p.Name}");
            }
    }

    [Fact]
    public void APyTorchSgdCheckpointLoadsIntoFlintsSgd()
    {
        var loaded = Assert.IsType<StateDictionary>(load(IOGolden.PathOf("sgd_state.pt")));
        var opt = optim.SGD(SmallModel().parameters(), lr: 1, momentum: 0.5);
        opt.load_state_dict(loaded);
        var sd = opt.state_dict();
        Assert.Equal(0.1, sd.ParamGroups[0]["lr"]);
        Assert.Equal(true, sd.ParamGroups[0]["nesterov"]);
        var want = IOGolden.Root.GetProperty("sgd_state.pt").GetProperty("momentum_buffers");
        for (int i = 0; i < 4; i++)
            Assert.Equal(want[i].GetProperty("bytes").GetString(), IOGolden.Hex((Tensor)sd.State[i]["momentum_buffer"]!));
    }

    [Fact]
    public void ACheckpointDictNestsModelAndOptimizerState()
    {
        var (model, opt) = AdamRun(1);
        var back = Assert.IsType<Dictionary<string, object?>>(RoundTrip(new Dictionary<string, object?>
        {
            ["model"] = model.state_dict(), ["optimizer"] = opt.state_dict(), ["epoch"] = 3,
        }));
        Assert.Equal(3L, back["epoch"]);
        Assert.IsType<Dictionary<string, Tensor>>(back["model"]);
        Assert.IsType<StateDictionary>(back["optimizer"]);
    }
}
