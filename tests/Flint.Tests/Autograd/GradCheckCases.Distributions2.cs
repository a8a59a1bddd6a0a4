using static Flint.Tests.Autograd.TestData;
using D = Flint.torch.distributions;

namespace Flint.Tests.Autograd;

// Gradchecks (float64) of the second batch of torch.distributions: rsample with a fixed generator and log_prob /
// entropy / cdf with respect to the parameters.
public static partial class GradCheckCases
{
    static void AddDistributions2Cases(Adder add)
    {
        static torch.Generator G() => new(7);
        Tensor Pos(int seed, long n, double lo = 0.5, double hi = 2.0) => Rand(seed, [n], lo, hi);
        Tensor Value(int seed, long n, double lo, double hi) => Rand(seed, [n], lo, hi, requires_grad: false);

        add("dist_halfnormal", () => [Pos(11, 3)], x => { var d = D.HalfNormal(x[0], G()); return d.rsample(2).sum(0) + d.log_prob(Value(12, 3, 0.1, 2).to(x[0].device)) + d.entropy() + d.cdf(Value(13, 3, 0.1, 2).to(x[0].device)); });
        add("dist_halfcauchy", () => [Pos(11, 3)], x => { var d = D.HalfCauchy(x[0], G()); return d.rsample(2).sum(0) + d.log_prob(Value(12, 3, 0.1, 2).to(x[0].device)) + d.entropy(); });
        add("dist_weibull", () => [Pos(11, 3), Pos(12, 3)], x => { var d = D.Weibull(x[0], x[1], G()); return d.rsample(2).sum(0) + d.log_prob(Value(13, 3, 0.2, 2).to(x[0].device)) + d.entropy() + d.mean; });
        add("dist_pareto", () => [Pos(11, 3, 0.5, 1.0), Pos(12, 3, 2.5, 4.0)], x => { var d = D.Pareto(x[0], x[1], G()); return d.rsample(2).sum(0) + d.log_prob(Value(13, 3, 1.2, 3).to(x[0].device)) + d.entropy() + d.variance; });
        add("dist_kumaraswamy", () => [Pos(11, 3), Pos(12, 3)], x => { var d = D.Kumaraswamy(x[0], x[1], G()); return d.rsample(2).sum(0) + d.log_prob(Value(13, 3, 0.2, 0.8).to(x[0].device)) + d.entropy() + d.mean; });
        add("dist_geometric", () => [Pos(11, 3, 0.2, 0.8)], x => { var d = D.Geometric(probs: x[0]); return d.log_prob(torch.tensor(new double[] { 0, 2, 5 }).to(x[0].device)) + d.entropy(); });
        add("dist_negative_binomial", () => [Pos(11, 3, 1, 4), Pos(12, 3, -1, 1)], x => D.NegativeBinomial(x[0], logits: x[1]).log_prob(torch.tensor(new double[] { 0, 2, 5 }).to(x[0].device)));
        add("dist_chi2", () => [Pos(11, 3, 1, 4)], x => { var d = D.Chi2(x[0]); return d.log_prob(Value(12, 3, 0.5, 3).to(x[0].device)) + d.entropy(); });
        add("dist_fisher_snedecor", () => [Pos(11, 3, 1, 4), Pos(12, 3, 5, 8)], x => D.FisherSnedecor(x[0], x[1]).log_prob(Value(13, 3, 0.5, 3).to(x[0].device)) + D.FisherSnedecor(x[0], x[1]).mean);
        add("dist_relaxed_bernoulli", () => [Pos(11, 3, 0.3, 1.5), Pos(12, 3, -1, 1)],
            x => { var d = D.RelaxedBernoulli(x[0], logits: x[1], generator: G()); return d.rsample(2).sum(0) + d.log_prob(Value(13, 3, 0.2, 0.8).to(x[0].device)); });
        add("dist_relaxed_one_hot_categorical", () => [Rand(11, [1], 0.5, 1.5), Rand(12, [2, 3])],
            x => { var d = D.RelaxedOneHotCategorical(x[0], logits: x[1], generator: G()); var v = torch.tensor(new double[,] { { 0.2, 0.3, 0.5 }, { 0.6, 0.1, 0.3 } }).to(x[1].device); return d.rsample(2).sum(0) + d.log_prob(v).unsqueeze(-1); });
        add("dist_independent_normal", () => [Rand(11, [2, 3]), Pos(12, 3)],
            x => { var d = D.Independent(D.Normal(x[0], x[1], G()), 1); return d.rsample(2).sum(-1).sum(0) + d.log_prob(Value(13, 3, -1, 1).to(x[0].device)) + d.entropy(); });
    }
}
