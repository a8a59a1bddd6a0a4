using static Flint.Tests.Autograd.TestData;
using D = Flint.torch.distributions;

namespace Flint.Tests.Autograd;

// Gradchecks (float64, finite differences) of torch.distributions: rsample (reparameterised, a fixed
// explicit generator so every evaluation draws the same noise), log_prob, entropy, cdf and kl_divergence
// with respect to the parameters.
public static partial class GradCheckCases
{
    static void AddDistributionsCases(Adder add)
    {
        static torch.Generator G() => new(7);
        Tensor[] LocScale(long n) => [Rand(11, [n]), Rand(12, [n], 0.5, 2.0)];
        Tensor Value(int seed, long n, double lo = -1, double hi = 1) => Rand(seed, [n], lo, hi, requires_grad: false);

        add("dist_normal_rsample", () => LocScale(3), x => D.Normal(x[0], x[1], G()).rsample(2));
        add("dist_normal_log_prob", () => LocScale(3), x => D.Normal(x[0], x[1]).log_prob(Value(13, 3).to(x[0].device)));
        add("dist_normal_entropy_cdf", () => LocScale(3), x => D.Normal(x[0], x[1]).entropy() + D.Normal(x[0], x[1]).cdf(Value(14, 3).to(x[0].device)));
        add("dist_normal_kl", () => [.. LocScale(3), Rand(15, [3]), Rand(16, [3], 0.5, 2.0)], x => D.kl_divergence(D.Normal(x[0], x[1]), D.Normal(x[2], x[3])));
        add("dist_uniform_rsample", () => [Rand(11, [3], -2, -1), Rand(12, [3], 1, 2)], x => D.Uniform(x[0], x[1], G()).rsample(2));
        add("dist_uniform_log_prob_entropy", () => [Rand(11, [3], -2, -1), Rand(12, [3], 1, 2)], x => D.Uniform(x[0], x[1]).log_prob(Value(13, 3, -0.5, 0.5).to(x[0].device)) + D.Uniform(x[0], x[1]).entropy());
        add("dist_bernoulli_probs", () => [Rand(11, [4], 0.2, 0.8)], x => D.Bernoulli(probs: x[0]).log_prob(torch.tensor(new double[] { 0, 1, 1, 0 }).to(x[0].device)) + D.Bernoulli(probs: x[0]).entropy());
        add("dist_bernoulli_logits_kl", () => [Rand(11, [4]), Rand(12, [4])], x => D.kl_divergence(D.Bernoulli(logits: x[0]), D.Bernoulli(logits: x[1])));
        add("dist_categorical_logits", () => [Rand(11, [2, 3])], x => D.Categorical(logits: x[0]).log_prob(torch.tensor(new double[] { 2, 0 }).to(x[0].device)) + D.Categorical(logits: x[0]).entropy());
        add("dist_categorical_probs_kl", () => [Rand(11, [2, 3], 0.2, 1), Rand(12, [2, 3], 0.2, 1)], x => D.kl_divergence(D.Categorical(probs: x[0]), D.Categorical(probs: x[1])));
        add("dist_exponential", () => [Rand(11, [3], 0.5, 2)], x => D.Exponential(x[0], G()).rsample(2).sum(0) + D.Exponential(x[0]).log_prob(Value(12, 3, 0.1, 2).to(x[0].device)) + D.Exponential(x[0]).entropy());
        add("dist_laplace", () => LocScale(3), x => D.Laplace(x[0], x[1], G()).rsample(2).sum(0) + D.Laplace(x[0], x[1]).log_prob(Value(13, 3, 1.5, 2).to(x[0].device)) + D.Laplace(x[0], x[1]).cdf(Value(14, 3, 1.5, 2).to(x[0].device)));
        add("dist_cauchy", () => LocScale(3), x => D.Cauchy(x[0], x[1], G()).rsample(2).sum(0) + D.Cauchy(x[0], x[1]).log_prob(Value(13, 3).to(x[0].device)) + D.Cauchy(x[0], x[1]).cdf(Value(14, 3).to(x[0].device)));
        add("dist_gumbel", () => LocScale(3), x => D.Gumbel(x[0], x[1], G()).rsample(2).sum(0) + D.Gumbel(x[0], x[1]).log_prob(Value(13, 3).to(x[0].device)) + D.Gumbel(x[0], x[1]).entropy());
        add("dist_lognormal", () => LocScale(3), x => D.LogNormal(x[0], x[1], G()).rsample(2).sum(0) + D.LogNormal(x[0], x[1]).log_prob(Value(13, 3, 0.5, 2).to(x[0].device)) + D.LogNormal(x[0], x[1]).mean);
        add("dist_mvn_scale_tril", () => [Rand(11, [3]), Rand(12, [3, 3], 0.3, 0.6)],
            x => { var l = x[1].tril() + torch.eye(3, dtype: torch.float64, device: x[1].device); var d = D.MultivariateNormal(x[0], scale_tril: l, generator: G()); return d.rsample(2).sum(0) + d.log_prob(Value(13, 3).to(x[0].device)) + d.entropy(); });
        add("dist_mvn_covariance", () => [Rand(11, [3]), Rand(12, [3, 3], -0.5, 0.5)],
            x => { var a = x[1]; var cov = a.matmul(a.t()) + torch.eye(3, dtype: torch.float64, device: a.device); var d = D.MultivariateNormal(x[0], covariance_matrix: cov); return d.log_prob(Value(13, 3).to(x[0].device)) + d.entropy(); });
        add("dist_mvn_kl", () => [Rand(11, [3]), Rand(12, [3, 3], -0.5, 0.5)],
            x => { var a = x[1]; var cov = a.matmul(a.t()) + torch.eye(3, dtype: torch.float64, device: a.device); return D.kl_divergence(D.MultivariateNormal(x[0], covariance_matrix: cov), D.MultivariateNormal(torch.zeros_like(x[0]), precision_matrix: cov + torch.eye(3, dtype: torch.float64, device: a.device))); });
    }
}
