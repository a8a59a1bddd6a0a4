using Flint.CharGpt;
using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>
/// One training step of samples/CharGpt's model (at a tiny size) on cuda:0: the loss before the step, the gradients'
/// clipped norm, the loss after the AdamW step and the updated weights equal the CPU's step from the same weights.
/// </summary>
public class CharGptCudaTests
{
    [Fact]
    public void OneTrainingStepMatchesTheCpu()
    {
        var config = new GptConfig(VocabSize: 9, BlockSize: 6, NLayer: 1, NHead: 2, NEmbd: 8);
        var cpuModel = new Gpt(config);
        var cudaModel = new Gpt(config);
        cudaModel.load_state_dict(cpuModel.state_dict());
        cudaModel.to(CudaDevice.Device);

        // A fixed batch (B=2, T=6) of tokens and their next-token targets; no global generator involved.
        var tokens = tensor(new long[] { 3, 1, 4, 1, 5, 0, 2, 6, 5, 3, 5, 8, 7, 0, 3, 2 });
        var x = torch.stack([tokens[0..6], tokens[8..14]]);
        var y = torch.stack([tokens[1..7], tokens[9..15]]);

        var cpu = Step(cpuModel, x, y);
        var cuda = Step(cudaModel, x.to(CudaDevice.Device), y.to(CudaDevice.Device));
        Assert.True(Math.Abs(cpu.before - cuda.before) <= 1e-5, $"loss before the step: cuda:0 {cuda.before:R}, CPU {cpu.before:R}");
        Assert.True(Math.Abs(cpu.norm - cuda.norm) <= 1e-5 * Math.Max(1, cpu.norm), $"gradient norm: cuda:0 {cuda.norm:R}, CPU {cpu.norm:R}");
        Assert.True(Math.Abs(cpu.after - cuda.after) <= 1e-5, $"loss after the step: cuda:0 {cuda.after:R}, CPU {cpu.after:R}");
        Assert.True(cpu.after < cpu.before, "the step lowers the loss on its own batch");
        var cudaState = cudaModel.state_dict();
        foreach (var (name, value) in cpuModel.state_dict())
        {
            Check.OnCuda(cudaState[name], name);
            Check.Float32(value, cudaState[name], name);
        }
    }

    private static (double before, double norm, double after) Step(Gpt model, Tensor x, Tensor y)
    {
        var optimizer = model.ConfigureOptimizer(3e-3, 0.1);
        var loss = model.Loss(x, y);
        optimizer.zero_grad();
        loss.backward();
        double norm = nn.utils.clip_grad_norm_(model.parameters(), 1.0).to(ScalarType.Float64).item<double>();
        optimizer.step();
        double after;
        using (no_grad()) after = model.Loss(x, y).item<float>();
        return (loss.item<float>(), norm, after);
    }
}
