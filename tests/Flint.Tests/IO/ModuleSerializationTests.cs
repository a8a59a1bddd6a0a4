using static Flint.torch;

namespace Flint.Tests.IO;

/// <summary>Modules: PyTorch's state dicts load into Flint modules, model.save/load, and the spec's nn network round trip.</summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class ModuleSerializationTests
{
    private static Flint.Modules.Sequential SmallModel() => nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2));

    private static Tensor ModelInput() => linspace(-2, 2, 20).reshape(5, 4);

    private static Tensor Forward(Flint.Modules.Sequential m, Tensor x)
    {
        using (no_grad()) return m.forward(x);
    }

    [Fact]
    public void APyTorchStateDictLoadsIntoAFlintModule()
    {
        var model = SmallModel();
        model.load_state_dict(load_state_dict(IOGolden.PathOf("state_dict.pt")));
        var want = IOGolden.Root.GetProperty("state_dict.pt");
        foreach (var (name, t) in model.state_dict())
            Assert.Equal(want.GetProperty(name).GetProperty("bytes").GetString(), IOGolden.Hex(t));
        // Same weights, same input: PyTorch's output (matmul summation order may differ in the last bit).
        var got = Forward(model, ModelInput());
        var expected = IOGolden.Root.GetProperty("state_dict_forward");
        var wantBytes = Convert.FromHexString(expected.GetProperty("bytes").GetString()!);
        var wantValues = new float[wantBytes.Length / 4];
        Buffer.BlockCopy(wantBytes, 0, wantValues, 0, wantBytes.Length);
        Assert.True(allclose(got, tensor(wantValues, [5, 2]), rtol: 1e-6, atol: 1e-7), got.ToString());
    }

    [Fact]
    public void FlintsInitialisationSavesThePyTorchStateDict()
    {
        // manual_seed(0) + the same layers give PyTorch's weights: the file PyTorch reads back (gen_io.py check) equals its own.
        manual_seed(0);
        var model = SmallModel();
        var want = IOGolden.Root.GetProperty("state_dict.pt");
        foreach (var (name, t) in model.state_dict())
            Assert.Equal(want.GetProperty(name).GetProperty("bytes").GetString(), IOGolden.Hex(t));
    }

    [Fact]
    public void ModelSaveAndLoadRoundTripThroughSafetensors()
    {
        using var dir = new IOGolden.TempDir();
        manual_seed(7);
        var model = SmallModel();
        Assert.Same(model, model.save(dir.File("m.safetensors")));
        Assert.Equal("pt", safetensors.load_metadata(dir.File("m.safetensors"))["format"]);
        var fresh = SmallModel();
        Assert.NotEqual(IOGolden.Hex(Forward(model, ModelInput())), IOGolden.Hex(Forward(fresh, ModelInput())));
        Assert.Same(fresh, fresh.load(dir.File("m.safetensors")));
        Assert.Equal(IOGolden.Hex(Forward(model, ModelInput())), IOGolden.Hex(Forward(fresh, ModelInput())));
        // The loaded values were copied into the module's own parameters (still trainable leaves).
        Assert.All(fresh.parameters(), p => Assert.True(p.requires_grad && p.is_leaf));

        var other = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 5));
        var e = Assert.Throws<ArgumentException>(() => other.load(dir.File("m.safetensors")));
        Assert.Contains("size mismatch for 2.weight", e.Message);
    }

    [Fact]
    public void TorchSaveOfAStateDictRoundTrips()
    {
        using var dir = new IOGolden.TempDir();
        manual_seed(8);
        var model = SmallModel();
        save(model.state_dict(), dir.File("sd.pt"));
        var fresh = SmallModel();
        fresh.load_state_dict(load_state_dict(dir.File("sd.pt")));
        Assert.Equal(IOGolden.Hex(Forward(model, ModelInput())), IOGolden.Hex(Forward(fresh, ModelInput())));
        var missing = new Dictionary<string, Tensor>(load_state_dict(dir.File("sd.pt")));
        missing.Remove("2.bias");
        Assert.Contains("Missing key(s) in state_dict: \"2.bias\"", Assert.Throws<ArgumentException>(() => fresh.load_state_dict(missing)).Message);
    }

    /// <summary>The notebook's nn network: Sequential(Linear(1000, 100), ReLU(), Linear(100, 10)), summed MSE, manual SGD.</summary>
    [Fact]
    public void TheSpecsNNNetworkTrainedSavedAndLoadedPredictsBitIdentically()
    {
        const int N = 64, DIn = 1000, H = 100, DOut = 10;
        manual_seed(0);
        var x = randn(N, DIn);
        var y = randn(N, DOut);
        Flint.Modules.Sequential Make() => nn.Sequential(nn.Linear(DIn, H), nn.ReLU(), nn.Linear(H, DOut));
        var model = Make();
        var lossFn = nn.MSELoss(nn.Reduction.Sum);
        const double learningRate = 1e-4;
        for (int t = 0; t < 100; t++)
        {
            var loss = lossFn.forward(model.forward(x), y);
            model.zero_grad();
            loss.backward();
            using (no_grad())
                foreach (var p in model.parameters()) p.sub_(learningRate * p.grad!);
        }
        var before = Forward(model, x);

        using var dir = new IOGolden.TempDir();
        save(model.state_dict(), dir.File("model.pt"));
        model.save(dir.File("model.safetensors"));

        var fromPt = Make();
        fromPt.load_state_dict(load_state_dict(dir.File("model.pt")));
        var fromSafetensors = Make().load(dir.File("model.safetensors"));
        Assert.Equal(IOGolden.Hex(before), IOGolden.Hex(Forward(fromPt, x)));
        Assert.Equal(IOGolden.Hex(before), IOGolden.Hex(Forward(fromSafetensors, x)));
    }

    [Fact]
    public void SavingAWholeModuleIsRefusedWithAHint()
    {
        var e = Assert.Throws<ArgumentException>(() => save((object)SmallModel(), new MemoryStream()));
        Assert.Contains("save its state_dict()", e.Message);
    }
}
