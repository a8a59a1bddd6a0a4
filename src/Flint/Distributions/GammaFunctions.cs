using static Flint.torch.autograd;

namespace Flint;

/// <summary>
/// <c>torch._standard_gamma</c> as a differentiable function: the forward is PyTorch's Marsaglia–Tsang sampler
/// (<see cref="NativeSamplers.StandardGamma"/>), the backward PyTorch's implicit reparameterisation gradient
/// <c>grad · _standard_gamma_grad(α, x)</c>. Arguments: alpha, generator (or null).
/// </summary>
internal sealed class StandardGammaFunction : SingleTensorFunction<StandardGammaFunction>
{
    public override string Name => "StandardGamma";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var alpha = (Tensor)vars[0];
        var x = NativeSamplers.StandardGamma(alpha, (torch.Generator?)vars[1]);
        ctx.save_for_backward(alpha, x);
        return x;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.saved_tensors;
        return [grad_output * NativeSamplers.StandardGammaGrad(saved[0], saved[1]), null!];
    }
}

/// <summary>
/// <c>torch._sample_dirichlet</c> as a differentiable function. The forward is PyTorch's sampler (double gammas
/// normalised); the backward differentiates that same construction x = G / ΣG through the gammas' implicit
/// gradients: ∂x_j/∂α_i = (δ_ij − x_j) · ∂G_i/∂α_i / ΣG. This is a valid reparameterisation gradient (unbiased),
/// but not PyTorch's <c>_dirichlet_grad</c>, which differentiates the marginal Beta CDFs instead: the per-sample
/// gradients differ, their expectations agree.
/// </summary>
internal sealed class SampleDirichletFunction : SingleTensorFunction<SampleDirichletFunction>
{
    public override string Name => "Dirichlet";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var alpha = (Tensor)vars[0];
        var (x, gammas) = NativeSamplers.SampleDirichletWithGammas(alpha, (torch.Generator?)vars[1]);
        ctx.save_for_backward(alpha, x, gammas);
        return x;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.saved_tensors;
        var (alpha, x, gammas) = (saved[0], saved[1], saved[2]);
        var dGdAlpha = NativeSamplers.StandardGammaGrad(alpha.to(ScalarType.Float64), gammas).to(alpha.dtype);
        var total = gammas.sum(-1, keepdim: true).to(alpha.dtype);
        var g = grad_output - (grad_output * x).sum(-1, keepdim: true);
        return [g * dGdAlpha / total, null!];
    }
}
