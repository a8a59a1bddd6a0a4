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
        torch.distributions.kl.Register<Binomial, Binomial>(BinomialBinomial);
        torch.distributions.kl.Register<Gumbel, Gumbel>(GumbelGumbel);
        torch.distributions.kl.Register<Cauchy, Cauchy>(CauchyCauchy);
    }

    public static Tensor BinomialBinomial(Binomial p, Binomial q)
    {
        if (p.total_count.lt(q.total_count).any().item<bool>())
            throw new NotSupportedException("KL between Binomials where q.total_count > p.total_count is not implemented");
        var kl = p.total_count * (p.probs * (p.logits - q.logits) + (-p.probs).log1p() - (-q.probs).log1p());
        return kl.masked_fill(p.total_count.gt(q.total_count).expand_as(kl), double.PositiveInfinity);
    }

    public static Tensor GumbelGumbel(Gumbel p, Gumbel q)
    {
        const double EulerGamma = 0.57721566490153286060;
        var ct1 = p.scale / q.scale;
        var ct2 = q.loc / q.scale;
        var ct3 = p.loc / q.scale;
        var t1 = -ct1.log() - ct2 + ct3;
        var t2 = ct1 * EulerGamma;
        var t3 = (ct2 + DistributionMath.Lgamma(1 + ct1) - ct3).exp();
        return t1 + t2 + t3 - (1 + EulerGamma);
    }

    public static Tensor CauchyCauchy(Cauchy p, Cauchy q)
    {
        var t1 = ((p.scale + q.scale).pow(2) + (p.loc - q.loc).pow(2)).log();
        var t2 = (4 * p.scale * q.scale).log();
        return t1 - t2;
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
