using System.Text.Json;
using static Flint.Tests.TorchDistributions.DistributionsGolden;

namespace Flint.Tests.TorchDistributions;

/// <summary>torch.distributions against PyTorch 1.13 (tests/golden/distributions.json).</summary>
public class DistributionGoldenTests
{
    public static TheoryData<string> CaseNames() => Names("cases");
    public static TheoryData<string> SampleNames() => Names("samples");
    public static TheoryData<string> KlNames() => Names("kl");

    private static (double rtol, double atol) Tol(JsonElement args) =>
        args.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.GetProperty("dtype").GetString() == "float32")
            ? (2e-5, 2e-6) : (1e-10, 1e-12);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void MomentsDensitiesAndShapesMatchPyTorch(string name)
    {
        var c = Case("cases", name);
        var args = c.GetProperty("args");
        var (rtol, atol) = Tol(args);
        var d = Make(c.GetProperty("dist").GetString()!, args);
        Assert.Equal(Shape(c.GetProperty("batch_shape")), d.batch_shape.ToArray());
        Assert.Equal(Shape(c.GetProperty("event_shape")), d.event_shape.ToArray());
        Assert.Equal(c.GetProperty("has_rsample").GetBoolean(), d.has_rsample);
        var value = DistributionsGolden.Tensor(c.GetProperty("value"));
        AssertClose(c.GetProperty("log_prob"), d.log_prob(value), name + " log_prob", rtol, atol);
        foreach (var (key, f) in new (string, Func<Tensor>)[] { ("mean", () => d.mean), ("variance", () => d.variance), ("stddev", () => d.stddev), ("entropy", d.entropy) })
            if (c.GetProperty(key).ValueKind != JsonValueKind.Null)
                AssertClose(c.GetProperty(key), f(), $"{name} {key}", rtol, atol);
        if (c.GetProperty("cdf").ValueKind != JsonValueKind.Null)
            AssertClose(c.GetProperty("cdf"), d.cdf(value), name + " cdf", rtol, atol);
        if (c.GetProperty("icdf").ValueKind != JsonValueKind.Null)
            AssertClose(c.GetProperty("icdf"), d.icdf(DistributionsGolden.Tensor(c.GetProperty("icdf_value"))), name + " icdf", rtol, atol);
        foreach (var key in new[] { "scale_tril", "covariance_matrix", "precision_matrix" })
            if (c.TryGetProperty(key, out var m))
            {
                var mvn = (Modules.MultivariateNormal)d;
                var got = key switch { "scale_tril" => mvn.scale_tril, "covariance_matrix" => mvn.covariance_matrix, _ => mvn.precision_matrix };
                AssertClose(m, got, $"{name} {key}", rtol * 10, atol * 10);
            }
        var e = d.expand([4, .. d.batch_shape.ToArray()]);
        Assert.Equal(Shape(c.GetProperty("expanded_batch_shape")), e.batch_shape.ToArray());
        if (c.GetProperty("expanded_log_prob").ValueKind != JsonValueKind.Null)
            AssertClose(c.GetProperty("expanded_log_prob"), e.log_prob(value), name + " expanded log_prob", rtol, atol);
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
        // Draws are bit-identical; the affine/matmul arithmetic after them may round differently in the last place.
        if (rtol > 1e-6) (rtol, atol) = (1e-6, 1e-6);
        var calls = c.GetProperty("calls").EnumerateArray().ToArray();
        var results = c.GetProperty("results").EnumerateArray().ToArray();
        for (int i = 0; i < calls.Length; i++)
        {
            var shape = Shape(calls[i].GetProperty("shape"));
            var s = calls[i].GetProperty("kind").GetString() == "sample" ? d.sample(shape) : d.rsample(shape);
            Assert.Equal(results[i].GetProperty("dtype").GetString(), s.dtype switch { ScalarType.Float32 => "float32", ScalarType.Float64 => "float64", ScalarType.Int64 => "int64", var t => t.ToString() });
            AssertClose(results[i], s, $"{name} call {i}", rtol, atol);
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
        var (rtol, atol) = Tol(pe.GetProperty("args"));
        AssertClose(c.GetProperty("kl"), torch.distributions.kl_divergence(p, q), name, rtol * 10, atol * 10);
        AssertClose(c.GetProperty("kl"), torch.distributions.kl.kl_divergence(p, q), name + " (kl.kl_divergence)", rtol * 10, atol * 10);
    }
}
