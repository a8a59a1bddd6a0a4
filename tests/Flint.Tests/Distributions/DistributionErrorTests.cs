using static Flint.Tests.TorchDistributions.DistributionsGolden;
using D = Flint.torch.distributions;

namespace Flint.Tests.TorchDistributions;

/// <summary>Argument and value validation: PyTorch 1.13's exception messages (tests/golden/distributions.json "errors").</summary>
public class DistributionErrorTests
{
    private static Tensor T(params double[] v) => torch.tensor(v, torch.float64);
    private static Tensor S(double v) => torch.tensor(v, torch.float64);
    private static Tensor Spd => torch.tensor(new double[,] { { 2.0, 0.3, -0.4 }, { 0.3, 1.5, 0.2 }, { -0.4, 0.2, 1.0 } }, torch.float64);

    private static readonly Dictionary<string, Action> Actions = new()
    {
        ["normal_negative_scale"] = () => D.Normal(T(0, 0), T(1, -1)),
        ["normal_scalar_negative_scale"] = () => D.Normal(S(0), S(-1)),
        ["normal_nan_loc"] = () => D.Normal(T(double.NaN, 0), T(1, 1)),
        ["bernoulli_probs_above_one"] = () => D.Bernoulli(probs: T(0.5, 1.5)),
        ["bernoulli_neither"] = () => D.Bernoulli(),
        ["uniform_low_ge_high"] = () => D.Uniform(T(0, 1), T(1, 1)),
        ["categorical_scalar_probs"] = () => D.Categorical(probs: S(0.5)),
        ["categorical_negative_probs"] = () => D.Categorical(probs: T(0.5, -0.1, 0.6)),
        ["exponential_negative_rate"] = () => D.Exponential(T(1, -2)),
        ["exponential_value_outside_support"] = () => D.Exponential(T(1, 2)).log_prob(T(-1, 1)),
        ["normal_value_not_broadcastable"] = () => D.Normal(torch.zeros(3, torch.float64), torch.ones([3], torch.float64)).log_prob(torch.zeros(2, torch.float64)),
        ["bernoulli_value_outside_support"] = () => D.Bernoulli(probs: T(0.5, 0.5)).log_prob(T(0.5, 1.0)),
        ["laplace_negative_scale"] = () => D.Laplace(T(0), T(-1)),
        ["mvn_event_shape"] = () => D.MultivariateNormal(T(0, 0, 0), Spd).log_prob(torch.zeros(2, torch.float64)),
        ["mvn_two_matrices"] = () => D.MultivariateNormal(T(0, 0, 0), covariance_matrix: Spd, scale_tril: Spd),
        ["mvn_scalar_loc"] = () => D.MultivariateNormal(S(0), covariance_matrix: Spd),
        ["mvn_not_positive_definite"] = () => D.MultivariateNormal(T(0, 0), covariance_matrix: torch.tensor(new double[,] { { 1, 2 }, { 2, 1 } }, torch.float64)),
        ["gamma_negative_concentration"] = () => D.Gamma(T(-1, 1), T(1, 1)),
        ["beta_zero_concentration"] = () => D.Beta(T(0), T(1)),
        ["dirichlet_negative"] = () => D.Dirichlet(T(1, -1)),
        ["poisson_negative_rate"] = () => D.Poisson(T(-1)),
        ["kl_not_implemented"] = () => D.kl_divergence(D.Cauchy(S(0), S(1)), D.Laplace(S(0), S(1))),
        ["kl_mvn_event_shapes"] = () => D.kl_divergence(D.MultivariateNormal(T(0, 0), torch.eye(2, dtype: torch.float64)), D.MultivariateNormal(T(0, 0, 0), Spd)),
    };

    public static TheoryData<string> ErrorNames() => new(Actions.Keys);

    [Theory]
    [MemberData(nameof(ErrorNames))]
    public void MessagesArePyTorchs(string name)
    {
        var c = Case("errors", name);
        var expected = c.GetProperty("message").GetString()!;
        var type = c.GetProperty("type").GetString();
        var ex = Assert.ThrowsAny<Exception>(Actions[name]);
        if (type == "NotImplementedError") Assert.IsType<NotSupportedException>(ex);
        else Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void ReprsArePyTorchs()
    {
        var reprs = Root.GetProperty("reprs").EnumerateArray().Select(r => r.GetProperty("repr").GetString()).ToArray();
        var dt = torch.get_default_dtype();
        Assert.Equal(reprs[0], D.Normal(0.0, 1.0).ToString());
        Assert.Equal(reprs[1], D.Normal(torch.zeros(2), torch.ones([2])).ToString());
        Assert.Equal(reprs[2], D.Bernoulli(logits: torch.zeros(3)).ToString());
        Assert.Equal(ScalarType.Float32, dt);
    }

    [Fact]
    public void ValidationCanBeTurnedOff()
    {
        var n = D.Normal(T(0, 0), T(1, -1), validate_args: false);
        Assert.True(double.IsNaN(n.log_prob(T(0, 0)).select(0, 1).item<double>())); // log of a negative scale
    }
}
