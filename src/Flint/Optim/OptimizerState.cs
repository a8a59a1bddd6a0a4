namespace Flint.Modules;

/// <summary>The per-parameter state an optimizer keeps (momentum buffers, running averages, step counts).</summary>
public abstract class OptimizerState
{
    /// <summary>Writes the state under PyTorch's keys (tensors are the live buffers, as in PyTorch).</summary>
    public abstract void SaveTo(IDictionary<string, object?> state);

    /// <summary>
    /// Reads state written by <see cref="SaveTo"/> for <paramref name="param"/>. Floating tensors are
    /// copied and cast to the parameter's dtype and device, as PyTorch's <c>load_state_dict</c> does.
    /// </summary>
    public abstract void LoadFrom(IReadOnlyDictionary<string, object?> state, Tensor param);

    /// <summary>A copy of the tensor stored under <paramref name="key"/>, cast like the parameter (null when absent or None).</summary>
    protected static Tensor? ReadBuffer(IReadOnlyDictionary<string, object?> state, string key, Tensor param)
    {
        if (!state.TryGetValue(key, out var v) || v is null) return null;
        if (v is not Tensor t) throw new ArgumentException($"optimizer state dict: state key '{key}' must hold a tensor, not {v.GetType().Name}");
        if (!Shapes.SameShape(t.Shape, param.Shape))
            throw new ArgumentException($"optimizer state dict: state '{key}' has shape {new Size(t.Shape)} but the parameter has shape {new Size(param.Shape)}");
        t = t.detach();
        if (t.is_floating_point()) t = t.to(param.device, param.dtype);
        else t = t.to(param.device);
        return t.clone();
    }

    /// <summary>A required buffer: like <see cref="ReadBuffer"/> but absent is an error.</summary>
    protected static Tensor RequireBuffer(IReadOnlyDictionary<string, object?> state, string key, Tensor param) =>
        ReadBuffer(state, key, param) ?? throw new ArgumentException($"optimizer state dict: state is missing '{key}'");

    /// <summary>
    /// The step counter as a float32 scalar tensor (PyTorch 1.13 keeps <c>step</c> as <c>tensor(n.)</c>;
    /// a plain number from an older checkpoint is converted, as PyTorch's <c>__setstate__</c> does).
    /// </summary>
    protected static Tensor ReadStepTensor(IReadOnlyDictionary<string, object?> state)
    {
        if (!state.TryGetValue("step", out var v) || v is null) throw new ArgumentException("optimizer state dict: state is missing 'step'");
        return v switch
        {
            Tensor t when t.numel() == 1 => t.detach().to(ScalarType.Float64).reshape([]).to(ScalarType.Float32).clone(),
            double d => torch.tensor((float)d),
            float f => torch.tensor(f),
            long l => torch.tensor((float)l),
            int i => torch.tensor((float)i),
            _ => throw new ArgumentException($"optimizer state dict: 'step' has a value of type {v.GetType().Name}"),
        };
    }

    /// <summary>The step counter as an integer (RMSprop keeps a plain Python int).</summary>
    protected static long ReadStepCount(IReadOnlyDictionary<string, object?> state)
    {
        if (!state.TryGetValue("step", out var v) || v is null) throw new ArgumentException("optimizer state dict: state is missing 'step'");
        return v switch
        {
            long l => l,
            int i => i,
            double d when d == Math.Floor(d) => (long)d,
            float f when f == MathF.Floor(f) => (long)f,
            Tensor t when t.numel() == 1 => (long)t.detach().to(ScalarType.Float64).reshape([]).item<double>(),
            _ => throw new ArgumentException($"optimizer state dict: 'step' has a value of type {v.GetType().Name}"),
        };
    }
}
