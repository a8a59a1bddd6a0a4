using Flint.CharGpt;
using static Flint.torch;

namespace Flint.Tests.Samples;

/// <summary>
/// samples/CharGpt's model, kept small: a few AdamW steps on a short word list lower the loss, the checkpoint written
/// with torch.save reloads into a fresh model and optimizer, and sampling yields tokens of the vocabulary.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class CharGptTests
{
    private static readonly string[] Words =
    [
        "attention", "transformer", "embedding", "gradient", "optimizer", "tensor", "softmax", "sequence", "token", "layer",
        "norm", "residual", "dropout", "weight", "decay", "cosine", "warmup", "sample", "temperature", "vocabulary",
        "character", "context", "batch", "head", "query", "key", "value", "mask", "causal", "model",
    ];

    [Fact]
    public void AFewStepsLowerTheLossAndTheCheckpointRoundTrips()
    {
        var data = CharData.FromWords(Words.Concat(Words).Concat(Words), seed: 1);
        Assert.True(data.BigramValidationLoss() < Math.Log(data.Vocab.Length), "the bigram baseline beats a uniform guess");
        manual_seed(0);
        var config = new GptConfig(data.Vocab.Length, BlockSize: 16, NLayer: 2, NHead: 2, NEmbd: 32);
        var model = new Gpt(config);
        var optimizer = model.ConfigureOptimizer(3e-3, 0.1);
        Assert.Equal(model.parameters().Count(p => p.dim() >= 2), optimizer.param_groups[0].Parameters.Count());
        Assert.Equal(0.1, ((Modules.AdamW.Options)optimizer.param_groups[0].Options!).weight_decay!.Value);
        Assert.Equal(0.0, ((Modules.AdamW.Options)optimizer.param_groups[1].Options!).weight_decay!.Value);

        var losses = new List<float>();
        for (int step = 0; step < 40; step++)
        {
            foreach (var group in optimizer.param_groups) group.lr = Schedule.LearningRate(step, 3e-3, 5, 40);
            var (x, y) = CharData.GetBatch(data.Train, 8, config.BlockSize, CPU);
            var loss = model.Loss(x, y);
            optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), 1.0);
            optimizer.step();
            losses.Add(loss.item<float>());
        }
        double first = losses.Take(5).Average(), last = losses.TakeLast(5).Average();
        Assert.True(last < first - 0.5, $"loss fell from {first:F3} to {last:F3} only");

        var path = Path.Combine(Path.GetTempPath(), $"chargpt-test-{Environment.ProcessId}.pt");
        try
        {
            Checkpoint.Save(path, model, optimizer, 40, last);
            var copy = new Gpt(config);
            var copyOptimizer = copy.ConfigureOptimizer(3e-3, 0.1);
            Assert.Equal(40, Checkpoint.Load(path, copy, copyOptimizer));
            var probe = data.Val[..16].unsqueeze(0);
            using (no_grad()) Assert.True(model.call(probe).equal(copy.call(probe)));
        }
        finally
        {
            File.Delete(path);
        }

        model.eval();
        var sample = model.Generate(full([1, 1], data.Encode('\n'), ScalarType.Int64), 20, temperature: 0.8, topK: 5, generator: new torch.Generator(3));
        Assert.Equal([1L, 21L], sample.shape);
        Assert.True(sample.data<long>().ToArray().All(t => t >= 0 && t < data.Vocab.Length));
    }
}
