using Flint.FashionCnn;
using static Flint.torch;
using static Flint.torch.utils.data;

namespace Flint.Tests.Samples;

/// <summary>
/// samples/FashionCnn's network and training loop on real Fashion-MNIST batches: a few Adadelta steps (not an
/// epoch: CI time) must bring the loss well below its start, and the network's state dict is PyTorch's.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class FashionCnnTests
{
    [Fact]
    public void NetHasThePyTorchExamplesParametersAndShapes()
    {
        manual_seed(1);
        var net = new Net();
        var shapes = net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], shapes.Keys.ToArray());
        Assert.Equal([64L, 32, 3, 3], shapes["conv2.weight"]);
        Assert.Equal([128L, 9216], shapes["fc1.weight"]);
        Assert.Equal(1_199_882L, net.parameters().Sum(p => p.numel()));
        var y = net.call(torch.randn([2, 1, 28, 28]));
        Assert.Equal([2L, 10], y.shape);
        // log_softmax rows: probabilities summing to 1.
        Assert.True(torch.allclose(y.exp().sum(1), torch.ones([2]), 1e-5, 1e-5));
    }

    [Fact]
    public void AFewTrainingStepsLowerTheLoss()
    {
        var transform = torchvision.transforms.Compose(torchvision.transforms.ToTensor(), torchvision.transforms.Normalize([0.2860], [0.3530]));
        var data = torchvision.datasets.FashionMNIST(train: true, transform: transform);
        manual_seed(1);
        var loader = DataLoader(data, batch_size: 64, shuffle: true);
        var model = new Net();
        var optimizer = optim.Adadelta(model.parameters(), lr: 1.0);
        var losses = new List<double>();
        double mean = Training.Train(model, loader, optimizer, torch.CPU, (_, loss) => losses.Add(loss), maxBatches: 16);
        Assert.Equal(16, losses.Count);
        Assert.Equal(losses.Average(), mean, 1e-9);
        Assert.InRange(losses[0], 2.0, 2.6);               // ln 10 ≈ 2.30 from random weights
        Assert.True(losses.TakeLast(4).Average() < 0.7 * losses[0], $"losses did not fall: {string.Join(", ", losses.Select(l => l.ToString("F3")))}");
    }
}
