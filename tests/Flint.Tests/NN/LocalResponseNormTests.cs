using System.Text.Json;
using static Flint.torch;

namespace Flint.Tests.NN;

/// <summary>
/// nn.LocalResponseNorm against tests/golden/normalization_nn.json (tools/golden/gen_normalization.py, PyTorch 1.13): printing, no
/// parameters, PyTorch's grad_fn, and the module equals F.local_response_norm (whose values the golden op table checks).
/// </summary>
public class LocalResponseNormTests
{
    private static readonly Lazy<JsonElement> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "normalization_nn.json"))).RootElement);

    [Fact]
    public void PrintsAsPyTorch() =>
        Assert.Equal(Golden.Value.GetProperty("repr").EnumerateArray().Select(e => e.GetString()),
            [nn.LocalResponseNorm(2).ToString(), nn.LocalResponseNorm(3, alpha: 0.5, beta: 1.5, k: 2.0).ToString(), nn.LocalResponseNorm(5, 1e-5).ToString()]);

    [Fact]
    public void HasNoParametersAndPyTorchsGradFn()
    {
        var lrn = nn.LocalResponseNorm(3, alpha: 0.5);
        Assert.Equal(Golden.Value.GetProperty("parameters").GetInt32(), lrn.parameters().Count());
        var x = arange(24, dtype: ScalarType.Float32).reshape(2, 4, 3).sub(11.5).div(4).requires_grad_();
        var y = lrn.call(x);
        Assert.Equal(Golden.Value.GetProperty("grad_fn").GetString(), y.grad_fn!.name());
        Assert.True(y.equal(nn.functional.local_response_norm(x, 3, alpha: 0.5)));
    }

    [Fact]
    public void RejectsInputBelowThreeDimensions()
    {
        var e = Assert.Throws<ArgumentException>(() => nn.LocalResponseNorm(2).call(ones(3, 4)));
        Assert.Equal("Expected 3D or higher dimensionality input (got 2 dimensions)", e.Message);
    }

    [Fact]
    public void EmptyInputPassesThrough() =>
        Assert.Equal([0L, 3L, 2L], nn.functional.local_response_norm(ones(0, 3, 2), 2).shape);
}
