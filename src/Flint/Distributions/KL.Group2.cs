using Flint.Modules;

namespace Flint;

internal static partial class KLDivergences
{
    static partial void RegisterGroup2()
    {
        torch.distributions.kl.Register<Exponential, Exponential>(ExponentialExponential);
        torch.distributions.kl.Register<Laplace, Laplace>(LaplaceLaplace);
        torch.distributions.kl.Register<LogNormal, LogNormal>((p, q) => NormalNormal(p.base_dist, q.base_dist));
        torch.distributions.kl.Register<MultivariateNormal, MultivariateNormal>(MultivariateNormalPair);
    }

    public static Tensor ExponentialExponential(Exponential p, Exponential q)
    {
        var rateRatio = q.rate / p.rate;
        var t1 = -rateRatio.log();
        return t1 + rateRatio - 1;
    }

    public static Tensor LaplaceLaplace(Laplace p, Laplace q)
    {
        var scaleRatio = p.scale / q.scale;
        var locAbsDiff = (p.loc - q.loc).abs();
        var t1 = -scaleRatio.log();
        var t2 = locAbsDiff / q.scale;
        var t3 = scaleRatio * (-locAbsDiff / p.scale).exp();
        return t1 + t2 + t3 - 1;
    }

    public static Tensor MultivariateNormalPair(MultivariateNormal p, MultivariateNormal q)
    {
        if (p.event_shape != q.event_shape)
            throw new ArgumentException("KL-divergence between two Multivariate Normals with                          different event shapes cannot be computed");
        var qL = q.unbroadcasted_scale_tril;
        var pL = p.unbroadcasted_scale_tril;
        var halfTerm1 = DistributionLinalg.Diagonal(qL).log().sum(-1) - DistributionLinalg.Diagonal(pL).log().sum(-1);
        var batch = Shapes.Broadcast(qL.Shape[..^2], pL.Shape[..^2]);
        long n = p.event_shape[0];
        var qScaleTril = qL.expand([.. batch, n, n]);
        var pScaleTril = pL.expand([.. batch, n, n]);
        // _batch_trace_XXT(solve_triangular(qL, pL)): the sum of squares of every entry.
        var term2 = DistributionLinalg.SolveLower(qScaleTril, pScaleTril).pow(2).sum(-1).sum(-1);
        var term3 = MultivariateNormal.Mahalanobis(qL, q.loc - p.loc);
        return halfTerm1 + 0.5 * (term2 + term3 - n);
    }
}
