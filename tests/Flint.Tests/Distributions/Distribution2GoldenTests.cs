using System.Text.Json;
using Flint.Modules;
using static Flint.torch.distributions;
using G = Flint.Tests.TorchDistributions.DistributionsGolden;
using TR = Flint.torch.distributions.transforms;

namespace Flint.Tests.TorchDistributions;

/// <summary>
/// The second batch of torch.distributions (HalfNormal … RelaxedOneHotCategorical, Independent, TransformedDistribution),
/// transforms and constraints against PyTorch 1.13 (tests/golden/distributions2.json, tools/golden/gen_distributions2.py).
/// </summary>
public class Distribution2GoldenTests
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "distributions2.json"))));

    private static JsonElement Root => Doc.Value.RootElement;

    private static TheoryData<string> Names(string section) => new(Root.GetProperty(section).EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    private static JsonElement Case(string section, string name) =>
        Root.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> CaseNames() => Names("cases");
    public static TheoryData<string> SampleNames() => Names("samples");
    public static TheoryData<string> KlNames() => Names("kl");
    public static TheoryData<string> TransformNames() => Names("transforms");
    public static TheoryData<string> ConstraintNames() => Names("constraints");

    /// <summary>Builds the distribution a golden entry names.</summary>
    internal static Distribution Make(string dist, JsonElement args, torch.Generator? generator = null, bool requiresGrad = false)
    {
        Tensor? A(string name)
        {
            if (!args.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Object) return null;
            var t = G.Tensor(v);
            return requiresGrad ? t.detach().requires_grad_() : t;
        }
        return dist switch
        {
            "HalfNormal" => HalfNormal(A("scale")!, generator),
            "HalfCauchy" => HalfCauchy(A("scale")!, generator),
            "Weibull" => Weibull(A("scale")!, A("concentration")!, generator),
            "Pareto" => Pareto(A("scale")!, A("alpha")!, generator),
            "Kumaraswamy" => Kumaraswamy(A("concentration1")!, A("concentration0")!, generator),
            "Geometric" => Geometric(A("probs"), A("logits"), generator),
            "NegativeBinomial" => NegativeBinomial(A("total_count")!, A("probs"), A("logits"), generator),
            "Chi2" => Chi2(A("df")!, generator),
            "FisherSnedecor" => FisherSnedecor(A("df1")!, A("df2")!, generator),
            "LogitRelaxedBernoulli" => LogitRelaxedBernoulli(A("temperature")!, A("probs"), A("logits"), generator),
            "RelaxedBernoulli" => RelaxedBernoulli(A("temperature")!, A("probs"), A("logits"), generator),
            "ExpRelaxedCategorical" => ExpRelaxedCategorical(A("temperature")!, A("probs"), A("logits"), generator),
            "RelaxedOneHotCategorical" => RelaxedOneHotCategorical(A("temperature")!, A("probs"), A("logits"), generator),
            "IndependentNormal" => Independent(Normal(A("loc")!, A("scale")!, generator), args.GetProperty("ndims").GetInt32()),
            "LogisticTD" => TransformedDistribution(
                Uniform(torch.zeros_like(A("loc")!), torch.ones_like(A("loc")!), generator),
                [new TR.SigmoidTransform().inv, new TR.AffineTransform(A("loc")!, A("scale")!)]),
            _ => throw new ArgumentException($"unknown distribution {dist}"),
        };
    }

    private static (double rtol, double atol) Tol(JsonElement args) =>
        args.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.GetProperty("dtype").GetString() == "float32")
            ? (2e-5, 2e-6) : (1e-9, 1e-11);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MomentsDensitiesAndShapesMatchPyTorch(string name)
    {
        var c = Case("cases", name);
        var args = c.GetProperty("args");
        var (rtol, atol) = Tol(args);
        var d = Make(c.GetProperty("dist").GetString()!, args);
        Assert.Equal(G.Shape(c.GetProperty("batch_shape")), d.batch_shape.ToArray());
        Assert.Equal(G.Shape(c.GetProperty("event_shape")), d.event_shape.ToArray());
        Assert.Equal(c.GetProperty("has_rsample").GetBoolean(), d.has_rsample);
        var value = G.Tensor(c.GetProperty("value"));
        G.AssertClose(c.GetProperty("log_prob"), d.log_prob(value), name + " log_prob", rtol, atol);
        foreach (var (key, f) in new (string, Func<Tensor>)[] { ("mean", () => d.mean), ("variance", () => d.variance), ("stddev", () => d.stddev), ("mode", () => d.mode), ("entropy", d.entropy) })
        {
            if (c.GetProperty(key).ValueKind != JsonValueKind.Null) G.AssertClose(c.GetProperty(key), f(), $"{name} {key}", rtol, atol);
            else Assert.ThrowsAny<NotSupportedException>(() => f());
        }
        if (c.GetProperty("cdf").ValueKind != JsonValueKind.Null)
            G.AssertClose(c.GetProperty("cdf"), d.cdf(value), name + " cdf", rtol, atol);
        if (c.GetProperty("icdf").ValueKind != JsonValueKind.Null)
            G.AssertClose(c.GetProperty("icdf"), d.icdf(G.Tensor(c.GetProperty("icdf_value"))), name + " icdf", rtol, atol);
        var e = d.expand([4, .. d.batch_shape.ToArray()]);
        Assert.Equal(d.GetType(), e.GetType());
        Assert.Equal(G.Shape(c.GetProperty("expanded_batch_shape")), e.batch_shape.ToArray());
        if (c.GetProperty("expanded_log_prob").ValueKind != JsonValueKind.Null)
            G.AssertClose(c.GetProperty("expanded_log_prob"), e.log_prob(value), name + " expanded log_prob", rtol, atol);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void SeededSamplesMatchPyTorch(string name)
    {
        var c = Case("samples", name);
        var args = c.GetProperty("args");
        var generator = new torch.Generator(c.GetProperty("seed").GetInt64());
        var d = Make(c.GetProperty("dist").GetString()!, args, generator);
        var (rtol, atol) = Tol(args);
        // Draws are bit-identical; the arithmetic after them may round differently in the last place.
        (rtol, atol) = rtol > 1e-6 ? (1e-5, 1e-6) : (1e-9, 1e-12);
        var calls = c.GetProperty("calls").EnumerateArray().ToArray();
        var results = c.GetProperty("results").EnumerateArray().ToArray();
        for (int i = 0; i < calls.Length; i++)
        {
            var shape = G.Shape(calls[i].GetProperty("shape"));
            var s = calls[i].GetProperty("kind").GetString() == "sample" ? d.sample(shape) : d.rsample(shape);
            Assert.Equal(results[i].GetProperty("dtype").GetString(), s.dtype switch { ScalarType.Float32 => "float32", ScalarType.Float64 => "float64", ScalarType.Int64 => "int64", var t => t.ToString() });
            G.AssertClose(results[i], s, $"{name} call {i}", rtol, atol);
        }
    }

    [Theory]
    [MemberData(nameof(KlNames))]
    public void KlDivergenceMatchesPyTorch(string name)
    {
        var c = Case("kl", name);
        var pe = c.GetProperty("p");
        var qe = c.GetProperty("q");
        var p = Make(pe.GetProperty("dist").GetString()!, pe.GetProperty("args"));
        var q = Make(qe.GetProperty("dist").GetString()!, qe.GetProperty("args"));
        G.AssertClose(c.GetProperty("kl"), kl_divergence(p, q), name, 1e-9, 1e-11);
    }

    private static readonly Dictionary<string, Action> ErrorActions = new()
    {
        ["halfnormal_negative_scale"] = () => HalfNormal(T(1, -1)),
        ["halfnormal_value_outside_support"] = () => HalfNormal(T(1, 1)).log_prob(T(-1, 1)),
        ["halfcauchy_negative_scale"] = () => HalfCauchy(T(-1)),
        ["weibull_negative_concentration"] = () => Weibull(T(1, 1), T(1, -2)),
        ["pareto_negative_alpha"] = () => Pareto(T(1), T(-1)),
        ["pareto_negative_scale"] = () => Pareto(T(-1), T(1)),
        ["pareto_value_below_scale"] = () => Pareto(T(1), T(1)).log_prob(T(0.5)),
        ["kumaraswamy_negative"] = () => Kumaraswamy(T(1), T(-1)),
        ["geometric_zero_probs"] = () => Geometric(probs: T(0, 0.5)),
        ["geometric_neither"] = () => Geometric(),
        ["geometric_value_not_integer"] = () => Geometric(probs: T(0.5)).log_prob(T(0.5)),
        ["negbin_probs_one"] = () => NegativeBinomial(T(2), probs: T(1)),
        ["negbin_negative_count"] = () => NegativeBinomial(T(-2), probs: T(0.5)),
        ["chi2_negative_df"] = () => Chi2(T(-1, 2)),
        ["fisher_negative_df1"] = () => FisherSnedecor(T(-1), T(2)),
        ["relaxedbernoulli_probs_above_one"] = () => RelaxedBernoulli(torch.tensor(0.5, torch.float64), probs: T(1.5)),
        ["independent_too_many_dims"] = () => Independent(Normal(T(0), T(1)), 2),
        ["kl_independent_normal_halfnormal"] = () => kl_divergence(HalfNormal(torch.tensor(1.0, torch.float64)), Normal(torch.tensor(0.0, torch.float64), torch.tensor(1.0, torch.float64))),
    };

    private static Tensor T(params double[] v) => torch.tensor(v, torch.float64);

    public static TheoryData<string> ErrorNames() => new(ErrorActions.Keys);

    [Theory]
    [MemberData(nameof(ErrorNames))]
    public void ErrorMessagesArePyTorchs(string name)
    {
        var c = Case("errors", name);
        var ex = Assert.ThrowsAny<Exception>(ErrorActions[name]);
        if (c.GetProperty("type").GetString() == "NotImplementedError") Assert.IsType<NotSupportedException>(ex);
        else Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal(c.GetProperty("message").GetString(), ex.Message);
    }

    [Fact]
    public void ReprsArePyTorchs()
    {
        var reprs = Root.GetProperty("reprs").EnumerateArray().Select(r => r.GetProperty("repr").GetString()).ToArray();
        Assert.Equal(reprs[0], HalfNormal(torch.ones([2])).ToString());
        Assert.Equal(reprs[1], Weibull(torch.ones([2]), torch.ones([2])).ToString());
        Assert.Equal(reprs[2], Pareto(torch.tensor(1.0f), torch.tensor(2.0f)).ToString());
        Assert.Equal(reprs[3], Independent(Normal(torch.zeros(3), torch.ones([3])), 1).ToString());
        Assert.Equal(reprs[4], Chi2(torch.ones([2])).ToString());
        Assert.Equal(reprs[5], Geometric(probs: torch.tensor(0.5f)).ToString());
    }

    internal static TR.Transform MakeTransform(string name, JsonElement args) => name switch
    {
        "ExpTransform" => new TR.ExpTransform(),
        "ExpTransform_inv" => new TR.ExpTransform().inv,
        "AbsTransform" => new TR.AbsTransform(),
        "AffineTransform" => new TR.AffineTransform(args.GetProperty("loc").GetDouble(), args.GetProperty("scale").GetDouble()),
        "AffineTransformTensor" => new TR.AffineTransform(G.Tensor(args.GetProperty("loc")), G.Tensor(args.GetProperty("scale"))),
        "AffineTransformEvent1" => new TR.AffineTransform(G.Tensor(args.GetProperty("loc")), G.Tensor(args.GetProperty("scale")), event_dim: 1),
        "PowerTransform" => new TR.PowerTransform(G.Tensor(args.GetProperty("exponent"))),
        "SigmoidTransform" => new TR.SigmoidTransform(),
        "SoftplusTransform" => new TR.SoftplusTransform(),
        "TanhTransform" => new TR.TanhTransform(),
        "SoftmaxTransform" => new TR.SoftmaxTransform(),
        "ReshapeTransform" => new TR.ReshapeTransform([5], [5, 1]),
        "ComposeTransform" => new TR.ComposeTransform([new TR.AffineTransform(0.5, 2.0), new TR.ExpTransform()]),
        "IndependentTransform" => new TR.IndependentTransform(new TR.SigmoidTransform(), 1),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(TransformNames))]
    public void TransformsMatchPyTorch(string name)
    {
        var c = Case("transforms", name);
        var t = MakeTransform(name, c.GetProperty("args"));
        var x = G.Tensor(c.GetProperty("x"));
        var y = G.Tensor(c.GetProperty("y"));
        G.AssertClose(c.GetProperty("forward"), t.forward(x), name + " forward", 1e-12, 1e-14);
        if (c.GetProperty("inverse").ValueKind != JsonValueKind.Null) G.AssertClose(c.GetProperty("inverse"), t.inv.forward(y), name + " inverse", 1e-12, 1e-14);
        if (c.GetProperty("ladj").ValueKind != JsonValueKind.Null) G.AssertClose(c.GetProperty("ladj"), t.log_abs_det_jacobian(x, t.forward(x)), name + " ladj", 1e-12, 1e-14);
        else Assert.ThrowsAny<NotSupportedException>(() => t.log_abs_det_jacobian(x, t.forward(x)));
        Assert.Equal(c.GetProperty("domain_event_dim").GetInt32(), t.domain.event_dim);
        Assert.Equal(c.GetProperty("codomain_event_dim").GetInt32(), t.codomain.event_dim);
        Assert.Equal(c.GetProperty("bijective").GetBoolean(), t.bijective);
        if (c.GetProperty("forward_shape").ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(G.Shape(c.GetProperty("forward_shape")), t.forward_shape([3, 5]));
            Assert.Equal(G.Shape(c.GetProperty("inverse_shape")), t.inverse_shape([3, .. t.forward_shape([5])]));
        }
        Assert.Same(t, t.inv.inv);
    }

    [Fact]
    public void TorchSharpsMisspelledIndependentTransformIsTheSameTransform()
    {
        var t = new TR.IndepdenentTransform(new TR.ExpTransform(), 1);
        var x = torch.tensor(new double[] { 0.5, -1.0 }, torch.float64);
        Assert.Equal(-0.5, t.log_abs_det_jacobian(x, t.forward(x)).item<double>(), 12);
        Assert.IsAssignableFrom<TR.IndependentTransform>(t);
    }
}

/// <summary>torch.distributions.constraints: check() values, reprs, event_dim and is_discrete against PyTorch 1.13.</summary>
public class Constraint2GoldenTests
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "distributions2.json"))));

    public static TheoryData<string> ConstraintNames() =>
        new(Doc.Value.RootElement.GetProperty("constraints").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    private static constraints.Constraint Make(string name) => name switch
    {
        "real" => constraints.real,
        "boolean" => constraints.boolean,
        "positive" => constraints.positive,
        "nonnegative" => constraints.nonnegative,
        "unit_interval" => constraints.unit_interval,
        "nonnegative_integer" => constraints.nonnegative_integer,
        "positive_integer" => constraints.positive_integer,
        "greater_than" => constraints.greater_than(0.5),
        "greater_than_eq" => constraints.greater_than_eq(0.5),
        "less_than" => constraints.less_than(1.0),
        "interval" => constraints.interval(0.0, 1.0),
        "half_open_interval" => constraints.half_open_interval(0.0, 1.0),
        "integer_interval" => constraints.integer_interval(0L, 1L),
        "integer_less_than" => new constraints._IntegerLessThan(1L),
        "real_vector" => constraints.real_vector,
        "simplex" => constraints.simplex,
        "one_hot" => constraints.one_hot,
        "multinomial" => constraints.multinomial(1L),
        "independent" => constraints.independent(constraints.positive, 1),
        "lower_triangular" => constraints.lower_triangular,
        "lower_cholesky" => constraints.lower_cholesky,
        "square" => constraints.square,
        "symmetric" or "symmetric_sym" => constraints.symmetric,
        "positive_semidefinite" or "positive_semidefinite_sym" => constraints.positive_semidefinite,
        "positive_definite" or "positive_definite_sym" => constraints.positive_definite,
        "corr_cholesky" => constraints.corr_cholesky,
        "cat" => constraints.cat([constraints.positive, constraints.real], 0, [3, 4]),
        "stack" => constraints.stack([constraints.positive, constraints.real, constraints.unit_interval], 0),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(ConstraintNames))]
    public void CheckMatchesPyTorch(string name)
    {
        var c = Doc.Value.RootElement.GetProperty("constraints").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var constraint = Make(name);
        var got = constraint.check(G.Tensor(c.GetProperty("value")));
        Assert.Equal(ScalarType.Bool, got.dtype);
        var want = c.GetProperty("check").GetProperty("values").EnumerateArray().Select(v => v.GetBoolean() ? 1L : 0L).ToArray();
        Assert.Equal(G.Shape(c.GetProperty("check").GetProperty("shape")), got.shape);
        Assert.Equal(want, got.to(ScalarType.Int64).contiguous().data<long>().ToArray());
        Assert.Equal(c.GetProperty("repr").GetString(), constraint.ToString());
        Assert.Equal(c.GetProperty("event_dim").GetInt32(), constraint.event_dim);
        Assert.Equal(c.GetProperty("is_discrete").GetBoolean(), constraint.is_discrete);
    }

    [Fact]
    public void DependentConstraintCannotBeChecked()
    {
        var ex = Assert.Throws<ArgumentException>(() => constraints.dependent.check(torch.zeros(2)));
        Assert.Equal("Cannot determine validity of dependent constraint", ex.Message);
        Assert.Throws<NotSupportedException>(() => constraints.dependent.event_dim);
        Assert.Equal(1, new constraints._Dependent(is_discrete: true, event_dim: 1).event_dim);
    }
}
