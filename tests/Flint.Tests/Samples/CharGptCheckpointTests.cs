using System.Text.Json;
using Flint.CharGpt;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Samples;

/// <summary>
/// A checkpoint that samples/CharGpt wrote (tests/golden/chargpt/checkpoint.pt, a 5-step run at a tiny size) against
/// PyTorch 1.13: tools/golden/check_chargpt_checkpoint.py loaded it with torch.load, rebuilt the model in PyTorch,
/// loaded its state_dict with strict=True, evaluated a fixed batch, then resumed the optimizer from the checkpoint and
/// took one AdamW step (tests/golden/chargpt/checkpoint.json). Flint, resuming from the same file as the sample's
/// --resume does, gives the same loss, gradient norm, loss after the step and updated weights.
/// </summary>
public class CharGptCheckpointTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "golden", "chargpt");

    [Fact]
    public void ResumingThePyTorchCheckedCheckpointGivesPyTorchsNumbers()
    {
        var golden = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "checkpoint.json"))).RootElement;
        var path = Path.Combine(Dir, "checkpoint.pt");
        var config = Checkpoint.ReadConfig(path);
        var args = golden.GetProperty("model_args");
        Assert.Equal(args.GetProperty("vocab_size").GetInt64(), config.VocabSize);
        Assert.Equal(args.GetProperty("n_head").GetInt64(), config.NHead);

        var model = new Gpt(config);
        var optimizer = model.ConfigureOptimizer(1e-3, 0.1);
        Assert.Equal(golden.GetProperty("step").GetInt64(), Checkpoint.Load(path, model, optimizer));
        var x = Tokens(golden.GetProperty("x"));
        var y = Tokens(golden.GetProperty("y"));

        model.eval();
        Tensor logits;
        using (no_grad()) logits = model.call(x);
        var loss = F.cross_entropy(logits.view(-1, logits.size(-1)), y.view(-1)).item<float>();
        AssertClose(golden.GetProperty("loss").GetDouble(), loss, "loss on the fixed batch");
        var lastLogits = logits[0, -1].to(ScalarType.Float64).data<double>().ToArray();
        var expectedLogits = golden.GetProperty("last_logits").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expectedLogits.Length, lastLogits.Length);
        for (int i = 0; i < lastLogits.Length; i++) AssertClose(expectedLogits[i], lastLogits[i], $"logit {i}");

        // The resumed step, as the script takes it: the checkpoint's AdamW state, the learning rate set on both groups.
        model.train();
        double lr = golden.GetProperty("lr").GetDouble();
        foreach (var group in optimizer.param_groups) group.lr = lr;
        var stepLoss = model.Loss(x, y);
        optimizer.zero_grad();
        stepLoss.backward();
        double norm = nn.utils.clip_grad_norm_(model.parameters(), 1.0).to(ScalarType.Float64).item<double>();
        optimizer.step();
        AssertClose(golden.GetProperty("grad_norm").GetDouble(), norm, "gradient norm of the resumed step");
        float after;
        using (no_grad()) after = model.Loss(x, y).item<float>();
        AssertClose(golden.GetProperty("loss_after_step").GetDouble(), after, "loss after the resumed step");
        var wte = model.state_dict()["wte.weight"][..2].to(ScalarType.Float64).reshape(-1).data<double>().ToArray();
        var expectedWte = golden.GetProperty("wte_after_step").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => e.GetDouble()).ToArray();
        for (int i = 0; i < wte.Length; i++) AssertClose(expectedWte[i], wte[i], $"wte.weight element {i} after the step");
    }

    private static Tensor Tokens(JsonElement rows) =>
        tensor(rows.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => e.GetInt64()).ToArray())
            .reshape(rows.GetArrayLength(), -1);

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 + 1e-5 * Math.Abs(expected), $"{what}: Flint {actual:R}, PyTorch {expected:R}");
}
