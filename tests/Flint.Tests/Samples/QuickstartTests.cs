using System.Text.Json;
using Flint.Quickstart;
using static Flint.torch.utils.data;

namespace Flint.Tests.Samples;

/// <summary>
/// samples/Quickstart against PyTorch 1.13's run of the same tutorial on the same files and seed
/// (tools/golden/gen_quickstart.py). CI trains on the first <see cref="Batches"/> batches of epoch 1 only, to stay quick in Debug.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class QuickstartTests
{
    private const int Batches = 100;

    private static JsonElement Golden() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "quickstart.json"))).RootElement;

    [Fact]
    public void FirstEpochLossesFollowPyTorch()
    {
        var golden = Golden();
        var training_data = torchvision.datasets.FashionMNIST(train: true, transform: torchvision.transforms.ToTensor());
        Assert.Equal(golden.GetProperty("first_train_image_sum").GetDouble(), training_data[0].Item1.sum().item<float>(), 3);

        var train_dataloader = DataLoader(training_data, batch_size: 64);
        torch.manual_seed(0);
        var model = new NeuralNetwork();
        var loss_fn = torch.nn.CrossEntropyLoss();
        var optimizer = torch.optim.SGD(model.parameters(), lr: 1e-3);
        var output = new StringWriter();
        var losses = Loops.train(train_dataloader, model, loss_fn, optimizer, torch.CPU, output, max_batches: Batches);

        var expected = golden.GetProperty("first_epoch_losses").EnumerateArray().Select(e => e.GetDouble()).Take(Batches).ToArray();
        Assert.Equal(938, golden.GetProperty("first_epoch_losses").GetArrayLength());
        Assert.Equal(Batches, losses.Count);
        for (int i = 0; i < Batches; i++)
            Assert.True(Math.Abs(losses[i] - expected[i]) <= 2e-5, $"batch {i}: Flint {losses[i]:R}, PyTorch {expected[i]:R}");
        Assert.Equal($"loss: {expected[0]:F6}  [   64/60000]", output.ToString().Split('\n')[0].TrimEnd('\r'));
    }
}
