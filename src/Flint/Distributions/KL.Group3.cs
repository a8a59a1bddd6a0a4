using Flint.Modules;

namespace Flint;

internal static partial class KLDivergences
{
    static partial void RegisterGroup3()
    {
        torch.distributions.kl.Register<Gamma, Gamma>(GammaGamma);
        torch.distributions.kl.Register<Beta, Beta>(BetaBeta);
        torch.distributions.kl.Register<Dirichlet, Dirichlet>(DirichletDirichlet);
        torch.distributions.kl.Register<Poisson, Poisson>(PoissonPoisson);
    }

    public static Tensor GammaGamma(Gamma p, Gamma q)
    {
        var t1 = q.concentration * (p.rate / q.rate).log();
        var t2 = DistributionMath.Lgamma(q.concentration) - DistributionMath.Lgamma(p.concentration);
        var t3 = (p.concentration - q.concentration) * DistributionMath.Digamma(p.concentration);
        var t4 = (q.rate - p.rate) * (p.concentration / p.rate);
        return t1 + t2 + t3 + t4;
    }

    public static Tensor BetaBeta(Beta p, Beta q)
    {
        var sumParamsP = p.concentration1 + p.concentration0;
        var sumParamsQ = q.concentration1 + q.concentration0;
        var t1 = DistributionMath.Lgamma(q.concentration1) + DistributionMath.Lgamma(q.concentration0) + DistributionMath.Lgamma(sumParamsP);
        var t2 = DistributionMath.Lgamma(p.concentration1) + DistributionMath.Lgamma(p.concentration0) + DistributionMath.Lgamma(sumParamsQ);
        var t3 = (p.concentration1 - q.concentration1) * DistributionMath.Digamma(p.concentration1);
        var t4 = (p.concentration0 - q.concentration0) * DistributionMath.Digamma(p.concentration0);
        var t5 = (sumParamsQ - sumParamsP) * DistributionMath.Digamma(sumParamsP);
        return t1 - t2 + t3 + t4 + t5;
    }

    public static Tensor DirichletDirichlet(Dirichlet p, Dirichlet q)
    {
        var sumP = p.concentration.sum(-1);
        var sumQ = q.concentration.sum(-1);
        var t1 = DistributionMath.Lgamma(sumP) - DistributionMath.Lgamma(sumQ);
        var t2 = (DistributionMath.Lgamma(p.concentration) - DistributionMath.Lgamma(q.concentration)).sum(-1);
        var t3 = p.concentration - q.concentration;
        var t4 = DistributionMath.Digamma(p.concentration) - DistributionMath.Digamma(sumP).unsqueeze(-1);
        return t1 - t2 + (t3 * t4).sum(-1);
    }

    public static Tensor PoissonPoisson(Poisson p, Poisson q) => p.rate * (p.rate.log() - q.rate.log()) - (p.rate - q.rate);
}
