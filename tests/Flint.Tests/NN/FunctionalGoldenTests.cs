using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// Forward values and input gradients of layers, activations and losses against PyTorch 1.13. Each golden case
/// ran <c>y = f(inputs)</c> and backpropagated <c>sum(y * w)</c> for a fixed random <c>w</c> into one input.
/// </summary>
public class FunctionalGoldenTests
{
    private static Tensor C(string name) => NNGolden.Tensor(NNGolden.Root.GetProperty("constants").GetProperty(name));

    private static readonly Dictionary<string, Func<Tensor[], Tensor>> Ops = new()
    {
        ["softmax_dim0"] = x => F.softmax(x[0], 0),
        ["softmax_dim1"] = x => F.softmax(x[0], 1),
        ["softmax_dim-1"] = x => F.softmax(x[0], -1),
        ["log_softmax_dim0"] = x => F.log_softmax(x[0], 0),
        ["log_softmax_dim1"] = x => F.log_softmax(x[0], 1),
        ["log_softmax_dim-1"] = x => F.log_softmax(x[0], -1),
        ["softmax_3d_dim1"] = x => nn.Softmax(1).call(x[0]),
        ["log_softmax_3d_dim1"] = x => nn.LogSoftmax(1).call(x[0]),
        ["log_softmax_3d_dim2_f64"] = x => F.log_softmax(x[0], 2),
        ["softmax_extreme"] = x => F.softmax(x[0], 1),
        ["log_softmax_extreme"] = x => F.log_softmax(x[0], 1),
        ["relu"] = x => nn.ReLU().call(x[0]),
        ["sigmoid"] = x => nn.Sigmoid().call(x[0]),
        ["tanh"] = x => nn.Tanh().call(x[0]),
        ["flatten"] = x => nn.Flatten().call(x[0]),
        ["flatten_0_1"] = x => nn.Flatten(0, 1).call(x[0]),
        ["identity"] = x => nn.Identity().call(x[0]),
        ["linear"] = x => F.linear(x[0], x[1], x[2]),
        ["linear_weight_grad"] = x => F.linear(x[0], x[1], x[2]),
        ["linear_bias_grad"] = x => F.linear(x[0], x[1], x[2]),
        ["linear_nobias_3d"] = x => F.linear(x[0], x[1]),
        ["linear_1d"] = x => F.linear(x[0], x[1], x[2]),
    };

    private static readonly Dictionary<string, Func<Tensor[], nn.Reduction, Tensor>> Losses = new()
    {
        ["mse"] = (x, r) => nn.MSELoss(r).call(x[0], x[1]),
        ["l1"] = (x, r) => nn.L1Loss(r).call(x[0], x[1]),
        ["mse_f64"] = (x, r) => F.mse_loss(x[0], x[1], r),
        ["ce_idx"] = (x, r) => nn.CrossEntropyLoss(reduction: r).call(x[0], x[1]),
        ["ce_idx_weight"] = (x, r) => F.cross_entropy(x[0], x[1], weight: C("cw"), reduction: r),
        ["ce_idx_ignore"] = (x, r) => nn.CrossEntropyLoss(ignore_index: 1, reduction: r).call(x[0], x[1]),
        ["ce_idx_weight_ignore"] = (x, r) => F.cross_entropy(x[0], x[1], C("cw"), 1, r),
        ["ce_idx_smooth"] = (x, r) => F.cross_entropy(x[0], x[1], reduction: r, label_smoothing: 0.1),
        ["ce_idx_smooth_weight_ignore"] = (x, r) => nn.CrossEntropyLoss(C("cw"), 1, r, 0.2).call(x[0], x[1]),
        ["ce_prob"] = (x, r) => F.cross_entropy(x[0], x[1], reduction: r),
        ["ce_prob_weight_smooth"] = (x, r) => F.cross_entropy(x[0], x[1], C("cw"), reduction: r, label_smoothing: 0.1),
        ["ce_3d"] = (x, r) => F.cross_entropy(x[0], x[1], reduction: r),
        ["ce_1d"] = (x, r) => F.cross_entropy(x[0], x[1], reduction: r),
        ["ce_f64"] = (x, r) => F.cross_entropy(x[0], x[1], reduction: r),
        ["nll"] = (x, r) => nn.NLLLoss(reduction: r).call(x[0], x[1]),
        ["nll_weight_ignore"] = (x, r) => F.nll_loss(x[0], x[1], C("cw"), r, ignore_index: 1),
        ["bce"] = (x, r) => nn.BCELoss(reduction: r).call(x[0], x[1]),
        ["bce_weight"] = (x, r) => F.binary_cross_entropy(x[0], x[1], C("bw"), r),
        ["bcelogits_extreme"] = (x, r) => nn.BCEWithLogitsLoss(reduction: r).call(x[0], x[1]),
        ["bcelogits_extreme_posw"] = (x, r) => F.binary_cross_entropy_with_logits(x[0], x[1], reduction: r, pos_weights: C("ext_pw")),
        ["bcelogits_weight_posw"] = (x, r) => nn.BCEWithLogitsLoss(C("bw")[..4], r, C("pos_w")).call(x[0], x[1]),
    };

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in NNGolden.Root.GetProperty("functional").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ForwardAndInputGradientMatchPyTorch(string name)
    {
        var c = NNGolden.Root.GetProperty("functional").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var output = c.GetProperty("output");
        var dtype = NNGolden.DType(c.GetProperty("out_weight").GetProperty("dtype").GetString()!);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(NNGolden.Tensor)
            .Select(t => t.is_floating_point() ? t.to(dtype) : t).ToArray();
        int gi = c.GetProperty("grad_index").GetInt32();
        inputs[gi].requires_grad = true;

        Tensor y;
        if (Ops.TryGetValue(name, out var op)) y = op(inputs);
        else
        {
            int cut = name.LastIndexOf('_');
            var reduction = name[(cut + 1)..] switch { "none" => nn.Reduction.None, "mean" => nn.Reduction.Mean, "sum" => nn.Reduction.Sum, var s => throw new InvalidOperationException(s) };
            y = Losses[name[..cut]](inputs, reduction);
        }

        double rtol = dtype == ScalarType.Float64 ? 1e-12 : 2e-6, atol = dtype == ScalarType.Float64 ? 1e-14 : 1e-6;
        NNGolden.AssertClose(output, y, rtol, atol, name + " output");
        var w = NNGolden.Tensor(c.GetProperty("out_weight")).to(dtype);
        (y * w).sum().backward();
        Assert.NotNull(inputs[gi].grad);
        NNGolden.AssertClose(c.GetProperty("grad"), inputs[gi].grad!, rtol, atol, name + " grad");
    }

    [Fact]
    public void EveryGoldenCaseHasACSharpCounterpart()
    {
        // Guards against a golden case silently falling through to the wrong function.
        foreach (var c in NNGolden.Root.GetProperty("functional").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            Assert.True(Ops.ContainsKey(name) || Losses.ContainsKey(name[..name.LastIndexOf('_')]), name);
        }
    }
}
