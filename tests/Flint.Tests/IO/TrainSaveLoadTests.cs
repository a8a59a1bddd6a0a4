namespace Flint.Tests.IO;

/// <summary>Train the specification's two-layer network, save it, load it into fresh weights: identical predictions.</summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class TrainSaveLoadTests
{
    private const int N = 64, DIn = 1000, H = 100, DOut = 10;

    private static Tensor Predict(Tensor x, Tensor w1, Tensor w2)
    {
        using (torch.no_grad()) return x.mm(w1).clamp(min: 0).mm(w2);
    }

    /// <summary>The notebook's "Tensors and autograd" network, trained for <paramref name="steps"/> steps.</summary>
    private static (Tensor X, Tensor W1, Tensor W2) Train(int steps)
    {
        torch.manual_seed(0);
        var x = torch.randn(N, DIn);
        var y = torch.randn(N, DOut);
        var w1 = torch.randn(DIn, H, requires_grad: true);
        var w2 = torch.randn(H, DOut, requires_grad: true);
        const double learningRate = 1e-6;
        for (int t = 0; t < steps; t++)
        {
            var loss = (x.mm(w1).clamp(min: 0).mm(w2) - y).pow(2).sum();
            loss.backward();
            using (torch.no_grad())
            {
                w1 -= learningRate * w1.grad!;
                w2 -= learningRate * w2.grad!;
                w1.grad!.zero_();
                w2.grad!.zero_();
            }
        }
        return (x, w1, w2);
    }

    [Fact]
    public void TorchSaveThenLoadGivesBitIdenticalPredictions()
    {
        var (x, w1, w2) = Train(100);
        var before = Predict(x, w1, w2);
        using var dir = new IOGolden.TempDir();
        string path = dir.File("weights.pt");
        torch.save(new Dictionary<string, Tensor> { ["w1"] = w1, ["w2"] = w2 }, path);

        // A fresh "model": new weights, then the saved values copied in.
        var fresh1 = torch.randn(DIn, H, requires_grad: true);
        var fresh2 = torch.randn(H, DOut, requires_grad: true);
        Assert.NotEqual(IOGolden.Hex(before), IOGolden.Hex(Predict(x, fresh1, fresh2)));
        var loaded = torch.load_state_dict(path);
        Assert.True(loaded["w1"].requires_grad); // saved as trained: leaves that require grad
        using (torch.no_grad())
        {
            fresh1.copy_(loaded["w1"]);
            fresh2.copy_(loaded["w2"]);
        }
        Assert.Equal(IOGolden.Hex(before), IOGolden.Hex(Predict(x, fresh1, fresh2)));
        Assert.Equal(IOGolden.Hex(before), IOGolden.Hex(Predict(x, loaded["w1"], loaded["w2"])));
    }

    [Fact]
    public void SafetensorsThenLoadGivesBitIdenticalPredictions()
    {
        var (x, w1, w2) = Train(100);
        var before = Predict(x, w1, w2);
        using var dir = new IOGolden.TempDir();
        string path = dir.File("weights.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["w1"] = w1, ["w2"] = w2 }, path);
        var loaded = safetensors.load_file(path);
        Assert.Equal(IOGolden.Hex(before), IOGolden.Hex(Predict(x, loaded["w1"], loaded["w2"])));
    }
}
