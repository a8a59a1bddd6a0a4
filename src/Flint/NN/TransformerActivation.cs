namespace Flint.Modules;

/// <summary>
/// The feed-forward activation of a transformer layer, as PyTorch accepts it: the name "relu" or "gelu", a function,
/// or a module (which the layer registers as its child <c>activation</c>, as PyTorch's attribute assignment does).
/// </summary>
public sealed class TransformerActivation
{
    private TransformerActivation(Func<Tensor, Tensor> function, torch.nn.Module<Tensor, Tensor>? module)
    {
        Function = function;
        Module = module;
    }

    internal Func<Tensor, Tensor> Function { get; }

    internal torch.nn.Module<Tensor, Tensor>? Module { get; }

    /// <summary>"relu" or "gelu"; anything else throws PyTorch's error.</summary>
    public static implicit operator TransformerActivation(string name) => name switch
    {
        "relu" => new(x => torch.nn.functional.relu(x), null),
        "gelu" => new(x => torch.nn.functional.gelu(x), null),
        _ => throw new ArgumentException($"activation should be relu/gelu, not {name}"),
    };

    /// <summary>TorchSharp's spelling: <c>nn.Activations.ReLU</c> or <c>nn.Activations.GELU</c>.</summary>
    public static implicit operator TransformerActivation(torch.nn.Activations activation) => activation switch
    {
        torch.nn.Activations.ReLU => "relu",
        torch.nn.Activations.GELU => "gelu",
        _ => throw new ArgumentException($"activation should be relu/gelu, not {activation}"),
    };

    /// <summary>Any function of a tensor.</summary>
    public static implicit operator TransformerActivation(Func<Tensor, Tensor> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(function, null);
    }

    /// <summary>A module (e.g. <c>nn.GELU()</c>); the layer registers it as <c>activation</c>.</summary>
    public static TransformerActivation FromModule(torch.nn.Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return new(module.call, module);
    }
}
