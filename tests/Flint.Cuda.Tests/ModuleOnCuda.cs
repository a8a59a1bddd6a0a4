namespace Flint.Cuda.Tests;

/// <summary>
/// Runs a module forward and backward on the CPU, moves it (the same weights) to cuda:0 with <c>.to("cuda:0")</c>, runs
/// it again on the same inputs and compares outputs, input gradients and parameter gradients. The loss weights each
/// output element by a fixed coefficient, so every gradient entry differs and a transposed or misplaced one shows.
/// </summary>
internal static class ModuleOnCuda
{
    /// <summary>Deterministic values in [-2, 2) (no global generator involved).</summary>
    public static Tensor R(int seed, params long[] shape)
    {
        var rng = new Random(seed);
        var data = new float[shape.Aggregate(1L, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(rng.NextDouble() * 4 - 2);
        return torch.tensor(data).reshape(shape);
    }

    /// <summary>
    /// Compares <paramref name="run"/> on the CPU and on cuda:0. Floating <paramref name="inputs"/> with finite values
    /// get gradients; integer and bool ones (indices, masks) and float masks holding −∞ are only moved.
    /// </summary>
    public static void Same<T>(T module, Tensor[] inputs, Func<T, Tensor[], Tensor[]> run, double rtol = 1e-4) where T : torch.nn.Module
    {
        var cpu = Run(module, inputs, run);
        module.zero_grad();
        module.to(CudaDevice.Device);
        foreach (var (name, p) in module.named_parameters()) Check.OnCuda(p, name);
        var cuda = Run(module, inputs.Select(x => x.to(CudaDevice.Device)).ToArray(), run);
        for (int i = 0; i < cpu.outputs.Length; i++)
        {
            Check.OnCuda(cuda.outputs[i], $"output {i}");
            Check.Float32(cpu.outputs[i], cuda.outputs[i], $"output {i}", rtol);
        }
        Assert.Equal(cpu.grads.Count, cuda.grads.Count);
        for (int i = 0; i < cpu.grads.Count; i++)
        {
            Assert.Equal(cpu.grads[i].name, cuda.grads[i].name);
            Check.OnCuda(cuda.grads[i].grad, cpu.grads[i].name);
            Check.Float32(cpu.grads[i].grad, cuda.grads[i].grad, cpu.grads[i].name, rtol);
        }
    }

    private static (Tensor[] outputs, List<(string name, Tensor grad)> grads) Run<T>(T module, Tensor[] inputs, Func<T, Tensor[], Tensor[]> run) where T : torch.nn.Module
    {
        var leaves = inputs.Select(x => x.is_floating_point() && Finite(x) ? x.detach().requires_grad_(true) : x).ToArray();
        var outputs = run(module, leaves);
        Tensor? loss = null;
        for (int i = 0; i < outputs.Length; i++)
        {
            var coef = torch.linspace(-1.0, 1.5, outputs[i].numel()).reshape(outputs[i].shape).add(0.25 * i).to(outputs[i].device);
            var term = outputs[i].mul(coef).sum();
            loss = loss is null ? term : loss.add(term);
        }
        loss!.backward();
        var grads = new List<(string, Tensor)>();
        for (int i = 0; i < leaves.Length; i++)
            if (leaves[i].requires_grad) grads.Add(($"input {i} grad", Required(leaves[i].grad, $"input {i}")));
        foreach (var (name, p) in module.named_parameters())
            if (p.requires_grad) grads.Add(($"{name} grad", Required(p.grad, name)));
        return (outputs.Select(o => o.detach()).ToArray(), grads);
    }

    private static bool Finite(Tensor x) => x.numel() == 0 || double.IsFinite(x.to(ScalarType.Float64).abs().max().item<double>());

    private static Tensor Required(Tensor? grad, string what) =>
        grad?.detach().clone() ?? throw new InvalidOperationException($"{what} got no gradient");
}
