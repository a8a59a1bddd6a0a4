using Flint.Modules;

namespace Flint;

internal static partial class KLDivergences
{
    static partial void RegisterGroup4()
    {
        torch.distributions.kl.Register<Geometric, Geometric>(GeometricGeometric);
        torch.distributions.kl.Register<HalfNormal, HalfNormal>((p, q) => NormalNormal((Normal)p.base_dist, (Normal)q.base_dist));
        torch.distributions.kl.Register<Pareto, Pareto>(ParetoPareto);
        torch.distributions.kl.Register<Independent, Independent>(IndependentIndependent);
    }

    public static Tensor GeometricGeometric(Geometric p, Geometric q) => -p.entropy() - (-q.probs).log1p() / p.probs - q.logits;

    public static Tensor ParetoPareto(Pareto p, Pareto q)
    {
        var scaleRatio = p.scale / q.scale;
        var alphaRatio = q.alpha / p.alpha;
        var t1 = q.alpha * scaleRatio.log();
        var t2 = -alphaRatio.log();
        var result = t1 + t2 + alphaRatio - 1;
        return result.masked_fill(p.scale.lt(q.scale).expand_as(result), double.PositiveInfinity);
    }

    public static Tensor IndependentIndependent(Independent p, Independent q)
    {
        if (p.reinterpreted_batch_ndims != q.reinterpreted_batch_ndims)
            throw new NotSupportedException($"No KL(p || q) is implemented for p type {p.GetType().Name} and q type {q.GetType().Name}");
        return torch.distributions.transforms.SumRightmost(torch.distributions.kl_divergence(p.base_dist, q.base_dist), p.reinterpreted_batch_ndims);
    }
}
