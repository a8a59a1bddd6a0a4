using System.Text.Json;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// The cases of tests/golden/nn-extra.json (tools/golden/gen_nn_extra.py): each name maps to the same function of the same
/// inputs as the script's. <see cref="Check"/> compares output and gradients with PyTorch's on a device;
/// <see cref="GradCheck"/> compares the gradients with finite differences.
/// </summary>
public static class NnExtraCases
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "nn-extra.json"))));

    /// <summary>The golden file's root.</summary>
    public static JsonElement Root => Doc.Value.RootElement;

    /// <summary>The functions, by case name.</summary>
    public static readonly Dictionary<string, Func<Tensor[], Tensor>> Table = new()
    {
        ["bilinear"] = x => F.bilinear(x[0], x[1], x[2], x[3]),
        ["bilinear_nobias"] = x => F.bilinear(x[0], x[1], x[2]),
        ["bilinear_batched"] = x => F.bilinear(x[0], x[1], x[2], x[3]),
        ["bilinear_vector"] = x => F.bilinear(x[0], x[1], x[2], x[3]),
        ["rrelu_eval"] = x => F.rrelu(x[0]),
        ["rrelu_eval_bounds"] = x => F.rrelu(x[0], 0.1, 0.4, training: false),
        ["rrelu_module_eval"] = x =>
        {
            var m = nn.RReLU(0.2, 0.3);
            m.eval();
            return m.call(x[0]);
        },
        ["alpha_dropout_eval"] = x => F.alpha_dropout(x[0], 0.3, training: false),
        ["feature_alpha_dropout_eval"] = x => F.feature_alpha_dropout(x[0], 0.3),
        ["dropout1d_eval"] = x => F.dropout1d(x[0], 0.3, training: false),
        ["dropout3d_eval"] = x => F.dropout3d(x[0], 0.3, training: false),
        ["lp_pool1d_p2"] = x => F.lp_pool1d(x[0], 2, 3),
        ["lp_pool1d_p3_stride_ceil"] = x => F.lp_pool1d(x[0], 3, 2, stride: 1, ceil_mode: true),
        ["lp_pool1d_unbatched"] = x => F.lp_pool1d(x[0], 1.5, 2),
        ["lp_pool2d_p2"] = x => F.lp_pool2d(x[0], 2, 2),
        ["lp_pool2d_rect_stride_ceil"] = x => F.lp_pool2d(x[0], 3, [2, 3], [1, 2], ceil_mode: true),
        ["lp_pool2d_p1_negative"] = x => F.lp_pool2d(x[0], 1, 2),
        ["lp_pool_module2d"] = x => nn.LPPool2d(2, 3, stride: 2).call(x[0]),
        ["max_unpool1d"] = x => F.max_unpool1d(x[0], x[1], 2),
        ["max_unpool1d_output_size"] = x => F.max_unpool1d(x[0], x[1], 2, output_size: [9]),
        ["max_unpool1d_unbatched_stride_pad"] = x => F.max_unpool1d(x[0], x[1], 3, stride: 2, padding: 1),
        ["max_unpool2d"] = x => F.max_unpool2d(x[0], x[1], 2),
        ["max_unpool2d_output_size"] = x => F.max_unpool2d(x[0], x[1], 2, output_size: [1, 2, 5, 5]),
        ["max_unpool2d_unbatched_rect"] = x => nn.MaxUnpool2d([2, 3]).call(x[0], x[1]),
        ["max_unpool3d"] = x => F.max_unpool3d(x[0], x[1], 2),
        ["max_unpool3d_unbatched_output_size"] = x => nn.MaxUnpool3d(2).call(x[0], x[1], [3, 5, 4]),
        ["upsample_nearest1d_size"] = x => F.upsample_nearest1d(x[0], 7, null),
        ["upsample_nearest1d_scale"] = x => F.upsample_nearest1d(x[0], null, 2.5),
        ["upsample_nearest2d_size"] = x => F.upsample_nearest2d(x[0], [5, 3]),
        ["upsample_nearest2d_scale"] = x => F.upsample_nearest2d(x[0], scaleFactors: [2.0, 1.5]),
        ["upsample_nearest3d_size"] = x => F.upsample_nearest3d(x[0], [3, 4, 2]),
        ["upsample_nearest3d_scale"] = x => F.upsample_nearest3d(x[0], scaleFactors: [2.0]),
        ["avg_pool2d_grad"] = x => F.avg_pool2d(x[0], [3], [2], [1], ceil_mode: true, count_include_pad: false),
        ["avg_pool3d_grad"] = x => F.avg_pool3d(x[0], [2, 2, 1], divisor_override: 3),
        ["adaptive_avg_pool3d_grad"] = x => F.adaptive_avg_pool3d(x[0], new long?[] { 2, 3, 2 }),
        ["conv1d_same"] = x => F.conv1d_padding(x[0], x[1], x[2], padding: Padding.Same),
        ["conv1d_same_dilation"] = x => F.conv1d_padding(x[0], x[1], padding: Padding.Same, dilation: 2),
        ["conv1d_valid_stride"] = x => F.conv1d_padding(x[0], x[1], stride: 2),
        ["conv2d_same"] = x => F.conv2d_padding(x[0], x[1], x[2], padding: Padding.Same),
        ["conv2d_valid_groups"] = x => F.conv2d_padding(x[0], x[1], strides: [1, 2], padding: Padding.Valid, groups: 2),
        ["conv3d_same"] = x => F.conv3d_padding(x[0], x[1], padding: Padding.Same),
        ["conv3d_valid"] = x => F.conv3d_padding(x[0], x[1], x[2]),
        ["fractional_max_pool2d_size"] = x => F.fractional_max_pool2d(x[0], 2, output_size: 3, _random_samples: x[1]),
        ["fractional_max_pool2d_ratio_rect"] = x => F.fractional_max_pool2d(x[0], [2, 3], output_ratio: [0.5, 0.6], _random_samples: x[1]),
        ["fractional_max_pool2d_unbatched"] = x => F.fractional_max_pool2d(x[0], [3], output_size: [2, 4], _random_samples: x[1]),
        ["fractional_max_pool2d_indices"] = x => F.fractional_max_pool2d_with_indices(x[0], [2], [3, 4], null, x[1]).Indices,
        ["fractional_max_pool3d_size"] = x => F.fractional_max_pool3d(x[0], [2], [2, 3, 2], null, x[1]),
        ["fractional_max_pool3d_indices"] = x => F.fractional_max_pool3d_with_indices(x[0], [2, 1, 2], [3], null, x[1]).Indices,
        ["fractional_max_pool3d_unbatched_ratio"] = x => F.fractional_max_pool3d(x[0], 2, output_ratio: 0.5, _random_samples: x[1]),
        ["fuse_conv_bn_weights"] = x =>
        {
            var (w, b) = nn.utils.fuse_conv_bn_weights(x[1], x[2], x[3], x[4], 1e-5, x[5], x[6]);
            return F.conv2d(x[0], w, b);
        },
        ["fuse_linear_bn_weights"] = x =>
        {
            var (w, b) = nn.utils.fuse_linear_bn_weights(x[1], x[2], x[3], x[4], 1e-5, x[5], x[6]);
            return F.linear(x[0], w, b);
        },
    };

    /// <summary>The case names in the golden file.</summary>
    public static IEnumerable<string> Names => Root.GetProperty("cases").EnumerateObject().Select(p => p.Name);

    /// <summary>The golden case's inputs on <paramref name="device"/> and the indices of the differentiated ones.</summary>
    public static (Tensor[] inputs, int[] grad) Inputs(string name, Device device)
    {
        var c = Root.GetProperty("cases").GetProperty(name);
        var grad = c.GetProperty("grad").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(e => NNGolden.Tensor(e).to(device)).ToArray();
        return (inputs, grad);
    }

    /// <summary>Runs the case on <paramref name="device"/> and compares output and input gradients with PyTorch's.</summary>
    public static void Check(string name, Device device, double rtol = 1e-7, double atol = 1e-9)
    {
        var c = Root.GetProperty("cases").GetProperty(name);
        var (inputs, grad) = Inputs(name, device);
        foreach (var i in grad) inputs[i].requires_grad_();
        var output = Table[name](inputs);
        Assert.Equal(device, output.device);
        NNGolden.AssertClose(c.GetProperty("out"), output.cpu(), rtol, atol, name);
        if (grad.Length == 0) return;
        var w = output.numel() > 1 ? linspace(0.5, 1.5, output.numel(), dtype: output.dtype).reshape(output.shape).to(device) : ones_like(output);
        output.mul(w).sum().backward();
        var expected = c.GetProperty("grads").EnumerateArray().ToArray();
        for (int k = 0; k < grad.Length; k++)
            NNGolden.AssertClose(expected[k], inputs[grad[k]].grad!.cpu(), rtol, atol, $"{name} d/dinput{grad[k]}");
    }

    /// <summary>The weights <c>linspace(0.5, 1.5, numel)</c> the script differentiates sum(output * w) with, shaped as the case's output.</summary>
    public static Tensor OutputWeights(string name, Device device)
    {
        var shape = NNGolden.Shape(Root.GetProperty("cases").GetProperty(name).GetProperty("out"));
        long n = shape.Aggregate(1L, (a, b) => a * b);
        return linspace(0.5, 1.5, n, dtype: ScalarType.Float64).reshape(shape).to(device);
    }

    /// <summary>PyTorch's gradient of the case's first input.</summary>
    public static JsonElement ExpectedGrad(string name) => Root.GetProperty("cases").GetProperty(name).GetProperty("grads")[0];

    /// <summary>Finite differences in float64 against autograd for the case's differentiated inputs.</summary>
    public static bool GradCheck(string name, Device device)
    {
        var (inputs, grad) = Inputs(name, device);
        foreach (var i in grad) inputs[i].requires_grad_();
        return autograd.gradcheck(Table[name], inputs);
    }
}
