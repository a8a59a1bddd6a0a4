using System.Text.Json;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// Layer and group normalisation are one autograd node each, named as PyTorch 1.13 names them
/// (tests/golden/normalization_nn.json, tools/golden/gen_normalization.py); their closed-form backward
/// differentiates again under create_graph (a float64 gradcheck of the first gradient), and half inputs get
/// half gradients equal to the float32 computation's, rounded.
/// </summary>
public class NormalizationNodeTests
{
    private static readonly Lazy<JsonElement> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "normalization_nn.json"))).RootElement);

    private static Tensor Rand(int seed, params long[] shape) => Autograd.TestData.Rand(seed, shape, requires_grad: false);

    [Fact]
    public void NodesAreNamedAsPyTorch()
    {
        var x = ones(2, 4, 3).requires_grad_();
        Assert.Equal(Golden.Value.GetProperty("grad_fn_layer_norm").GetString(), F.layer_norm(x, [3], ones(3), zeros(3)).grad_fn!.name());
        Assert.Equal(Golden.Value.GetProperty("grad_fn_layer_norm_no_affine").GetString(), F.layer_norm(x, [4, 3]).grad_fn!.name());
        Assert.Equal(Golden.Value.GetProperty("grad_fn_group_norm").GetString(), F.group_norm(x, 2, ones(4), zeros(4)).grad_fn!.name());
        Assert.Equal(Golden.Value.GetProperty("grad_fn_group_norm_no_affine").GetString(), F.group_norm(x, 4).grad_fn!.name());
        // Only the weight requiring grad still records the node.
        var w = ones(3).requires_grad_();
        Assert.Equal("NativeLayerNormBackward0", F.layer_norm(ones(2, 3), [3], w).grad_fn!.name());
        Assert.Null(F.layer_norm(ones(2, 3), [3], ones(3)).grad_fn);
    }

    [Fact]
    public void LayerNormDifferentiatesTwice()
    {
        var coef = Rand(9, 2, 3, 4);
        Assert.True(autograd.gradcheck(t =>
        {
            // gradcheck's finite differences run under no_grad; the first gradient needs a graph either way.
            using var _ = enable_grad();
            var y = F.layer_norm(t[0], [4], t[1], t[2]);
            var grads = autograd.grad(y.mul(coef).pow(2).sum(), [t[0], t[1]], create_graph: true);
            return torch.cat([grads[0].reshape(-1), grads[1]]);
        }, [Rand(1, 2, 3, 4).requires_grad_(), Rand(2, 4).requires_grad_(), Rand(3, 4).requires_grad_()]));
    }

    [Fact]
    public void GroupNormDifferentiatesTwice()
    {
        var coef = Rand(8, 2, 4, 3);
        Assert.True(autograd.gradcheck(t =>
        {
            // gradcheck's finite differences run under no_grad; the first gradient needs a graph either way.
            using var _ = enable_grad();
            var y = F.group_norm(t[0], 2, t[1], t[2]);
            var grads = autograd.grad(y.mul(coef).pow(2).sum(), [t[0], t[1]], create_graph: true);
            return torch.cat([grads[0].reshape(-1), grads[1]]);
        }, [Rand(4, 2, 4, 3).requires_grad_(), Rand(5, 4).requires_grad_(), Rand(6, 4).requires_grad_()]));
    }

    [Theory]
    [InlineData(ScalarType.Float16)]
    [InlineData(ScalarType.BFloat16)]
    public void HalfInputsGetRoundedFloat32Gradients(ScalarType half)
    {
        var x32 = Rand(7, 3, 4).to(ScalarType.Float32);
        var w32 = Rand(8, 4).to(ScalarType.Float32).add(1.5);
        var coef = Rand(9, 3, 4).to(ScalarType.Float32);
        var xh = x32.to(half).requires_grad_();
        var wh = w32.to(half).requires_grad_();
        var yh = F.layer_norm(xh, [4], wh);
        Assert.Equal(half, yh.dtype);
        yh.mul(coef.to(half)).sum().backward();
        Assert.Equal(half, xh.grad!.dtype);
        Assert.Equal(half, wh.grad!.dtype);

        var x = xh.detach().to(ScalarType.Float32).requires_grad_();
        var w = wh.detach().to(ScalarType.Float32).requires_grad_();
        F.layer_norm(x, [4], w).mul(coef.to(half).to(ScalarType.Float32)).sum().backward();
        double tol = half == ScalarType.Float16 ? 2e-3 : 2e-2;
        Assert.True(xh.grad!.to(ScalarType.Float32).allclose(x.grad!, tol, tol), "input gradient");
        Assert.True(wh.grad!.to(ScalarType.Float32).allclose(w.grad!, tol, tol), "weight gradient");
    }
}
