using System.Text.Json;
using Flint.Modules;
using static Flint.torch.distributions;

namespace Flint.Tests.TorchDistributions;

/// <summary>Reads tests/golden/distributions.json (made by tools/golden/gen_distributions.py with PyTorch 1.13).</summary>
internal static class DistributionsGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "distributions.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    /// <summary>The distributions Flint implements (the golden file may hold more).</summary>
    public static readonly HashSet<string> Implemented =
    [
        "Normal", "Uniform", "Bernoulli", "Categorical", "OneHotCategorical",
        "Exponential", "Laplace", "Cauchy", "Gumbel", "LogNormal", "MultivariateNormal",
        "Gamma", "Beta", "Dirichlet", "StudentT", "Poisson", "Binomial", "Multinomial",
    ];

    private static bool IsImplemented(JsonElement c) => c.TryGetProperty("dist", out var d)
        ? Implemented.Contains(d.GetString()!)
        : Implemented.Contains(c.GetProperty("p").GetProperty("dist").GetString()!) && Implemented.Contains(c.GetProperty("q").GetProperty("dist").GetString()!);

    public static TheoryData<string> Names(string section) =>
        new(Root.GetProperty(section).EnumerateArray().Where(IsImplemented).Select(c => c.GetProperty("name").GetString()!));

    public static JsonElement Case(string section, string name) =>
        Root.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new FormatException(s) }
        : e.GetDouble();

    public static long[] Shape(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();

    public static Tensor Tensor(JsonElement e, Device? device = null)
    {
        var shape = Shape(e.GetProperty("shape"));
        var values = e.GetProperty("values").EnumerateArray().Select(Number).ToArray();
        var dtype = e.GetProperty("dtype").GetString() switch
        {
            "float32" => ScalarType.Float32,
            "float64" => ScalarType.Float64,
            "int64" => ScalarType.Int64,
            "bool" => ScalarType.Bool,
            var s => throw new ArgumentException(s),
        };
        var t = torch.tensor(values, shape, ScalarType.Float64).to(dtype);
        return device is null ? t : t.to(device);
    }

    /// <summary>Builds the distribution a golden entry names, with its arguments (tensors or numbers).</summary>
    public static Distribution Make(string dist, JsonElement args, torch.Generator? generator = null, Device? device = null, bool requiresGrad = false)
    {
        Tensor? A(string name)
        {
            if (!args.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number) return torch.tensor(v.GetDouble(), torch.float64, device);
            var t = Tensor(v, device);
            return requiresGrad ? t.detach().requires_grad_() : t;
        }
        return dist switch
        {
            "Normal" => torch.distributions.Normal(A("loc")!, A("scale")!, generator),
            "Uniform" => torch.distributions.Uniform(A("low")!, A("high")!, generator),
            "Bernoulli" => torch.distributions.Bernoulli(A("probs"), A("logits"), generator),
            "Categorical" => torch.distributions.Categorical(A("probs"), A("logits"), generator),
            "OneHotCategorical" => torch.distributions.OneHotCategorical(A("probs"), A("logits"), generator),
            "Exponential" => torch.distributions.Exponential(A("rate")!, generator),
            "Laplace" => torch.distributions.Laplace(A("loc")!, A("scale")!, generator),
            "Cauchy" => torch.distributions.Cauchy(A("loc")!, A("scale")!, generator),
            "Gumbel" => torch.distributions.Gumbel(A("loc")!, A("scale")!, generator),
            "LogNormal" => torch.distributions.LogNormal(A("loc")!, A("scale")!, generator),
            "MultivariateNormal" => torch.distributions.MultivariateNormal(A("loc")!, A("covariance_matrix"), A("precision_matrix"), A("scale_tril"), generator),
            "Gamma" => torch.distributions.Gamma(A("concentration")!, A("rate")!, generator),
            "Beta" => torch.distributions.Beta(A("concentration1")!, A("concentration0")!, generator),
            "Dirichlet" => torch.distributions.Dirichlet(A("concentration")!, generator),
            "StudentT" => torch.distributions.StudentT(A("df")!, A("loc"), A("scale"), generator),
            "Poisson" => torch.distributions.Poisson(A("rate")!, generator),
            "Binomial" => torch.distributions.Binomial(A("total_count")!, A("probs"), A("logits"), generator),
            "Multinomial" => torch.distributions.Multinomial(args.GetProperty("total_count").GetInt64(), A("probs"), A("logits"), generator),
            _ => throw new ArgumentException($"unknown distribution {dist}"),
        };
    }

    /// <summary>Element-wise closeness with NaN == NaN and equal infinities.</summary>
    public static void AssertClose(JsonElement expected, Tensor actual, string context, double rtol, double atol)
    {
        var want = Tensor(expected).to(ScalarType.Float64);
        var got = actual.detach().cpu().to(ScalarType.Float64);
        Assert.True(Shape(expected.GetProperty("shape")).SequenceEqual(got.shape), $"{context}: shape {string.Join(",", got.shape)} != {string.Join(",", Shape(expected.GetProperty("shape")))}");
        var w = want.contiguous().data<double>().ToArray();
        var g = got.contiguous().data<double>().ToArray();
        for (int i = 0; i < w.Length; i++)
        {
            if (double.IsNaN(w[i])) { Assert.True(double.IsNaN(g[i]), $"{context}[{i}]: {g[i]} != nan"); continue; }
            if (double.IsInfinity(w[i])) { Assert.True(w[i] == g[i], $"{context}[{i}]: {g[i]} != {w[i]}"); continue; }
            Assert.True(Math.Abs(w[i] - g[i]) <= atol + rtol * Math.Abs(w[i]), $"{context}[{i}]: {g[i]:R} != {w[i]:R}");
        }
    }
}
