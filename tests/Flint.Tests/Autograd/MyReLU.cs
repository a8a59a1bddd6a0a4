using static Flint.torch.autograd;

namespace Flint.Tests.Autograd;

/// <summary>The specification's custom ReLU, ported as TorchSharp spells custom Functions.</summary>
internal sealed class MyReLU : SingleTensorFunction<MyReLU>
{
    public override string Name => "MyReLU";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        ctx.save_for_backward(input);
        return input.clamp(min: 0);
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var input = ctx.saved_tensors[0];
        var grad_input = grad_output.clone();
        grad_input[input < 0] = 0;
        return [grad_input];
    }
}
