namespace Flint.Autograd;

/// <summary>
/// The identity node module backward hooks hang on (PyTorch's <c>BackwardHookFunctionBackward</c>): forward returns
/// its input unchanged; backward passes the gradient through a callback that may replace it.
/// </summary>
internal sealed class BackwardHookFunction : torch.autograd.MultiTensorFunction<BackwardHookFunction>
{
    public override string Name => "BackwardHookFunction";

    /// <summary>Routes <paramref name="t"/>'s gradient through <paramref name="onGradient"/> (when a graph is being recorded).</summary>
    public static Tensor Wrap(Tensor t, Func<Tensor, Tensor> onGradient) => apply(onGradient, t)[0];

    public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        ctx.save_data("callback", vars[0]);
        return [(Tensor)vars[1]];
    }

    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> grad_outputs)
    {
        var callback = (Func<Tensor, Tensor>)ctx.get_data("callback")!;
        return [null!, callback(grad_outputs[0])];
    }
}
