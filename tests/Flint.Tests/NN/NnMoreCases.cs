using System.Text.Json;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// The cases of tests/golden/nn-more.json (tools/golden/gen_nn_more.py): each name maps to the same function of the same
/// inputs as the script's. <see cref="Check"/> compares output and gradients with PyTorch's on a device;
/// <see cref="GradCheck"/> compares the gradients with finite differences.
/// </summary>
public static class NnMoreCases
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "nn-more.json"))));

    /// <summary>The golden file's root.</summary>
    public static JsonElement Root => Doc.Value.RootElement;

    private static readonly string[] ReductionNames = ["none", "mean", "sum"];

    private static nn.Reduction Red(string r) => r switch { "none" => nn.Reduction.None, "mean" => nn.Reduction.Mean, _ => nn.Reduction.Sum };

    /// <summary>The functions, by case name.</summary>
    public static readonly Dictionary<string, Func<Tensor[], Tensor>> Table = Build();

    private static Dictionary<string, Func<Tensor[], Tensor>> Build()
    {
        var t = new Dictionary<string, Func<Tensor[], Tensor>>();
        foreach (var name in ReductionNames)
        {
            var r = Red(name);
            t[$"huber_{name}"] = x => F.huber_loss(x[0], x[1], 0.7, r);
            t[$"smooth_l1_{name}"] = x => F.smooth_l1_loss(x[0], x[1], r, 0.6);
            t[$"kl_div_{name}"] = x => F.kl_div(x[0].log_softmax(1), x[1], r);
            t[$"kl_div_log_target_{name}"] = x => F.kl_div(x[0].log_softmax(1), x[1], r, log_target: true);
            t[$"poisson_{name}"] = x => F.poisson_nll_loss(x[0], x[1], reduction: r);
            t[$"poisson_rate_full_{name}"] = x => F.poisson_nll_loss(x[0], x[1], log_input: false, full: true, reduction: r);
            t[$"gaussian_{name}"] = x => F.gaussian_nll_loss(x[0], x[1], x[2], reduction: r);
            t[$"gaussian_homo_full_{name}"] = x => F.gaussian_nll_loss(x[0], x[1], x[2], full: true, reduction: r);
            t[$"margin_ranking_{name}"] = x => F.margin_ranking_loss(x[0], x[1], x[2], 0.3, r);
            t[$"hinge_embedding_{name}"] = x => F.hinge_embedding_loss(x[0], x[1], 1.2, r);
            t[$"cosine_embedding_{name}"] = x => F.cosine_embedding_loss(x[0], x[1], x[2], 0.1, r);
            t[$"soft_margin_{name}"] = x => F.soft_margin_loss(x[0], x[1], r);
            t[$"multilabel_soft_margin_{name}"] = x => F.multilabel_soft_margin_loss(x[0], x[1], x[2], r);
            t[$"multilabel_margin_{name}"] = x => F.multilabel_margin_loss(x[0], x[1], r);
            t[$"multi_margin_{name}"] = x => F.multi_margin_loss(x[0], x[1], reduction: r);
            t[$"multi_margin_p2_weight_{name}"] = x => F.multi_margin_loss(x[0], x[1], 2, 0.7, x[2], r);
            t[$"triplet_{name}"] = x => F.triplet_margin_loss(x[0], x[1], x[2], 1.5, reduction: r);
            t[$"triplet_swap_p1_{name}"] = x => F.triplet_margin_loss(x[0], x[1], x[2], p: 1, swap: true, reduction: r);
            t[$"triplet_distance_{name}"] = x => F.triplet_margin_with_distance_loss(x[0], x[1], x[2], (a, b) => 1 - F.cosine_similarity(a, b), 0.5, true, r);
            t[$"ctc_{name}"] = x => F.ctc_loss(x[0].log_softmax(2), x[1], x[2], x[3], reduction: r);
        }
        t["kl_div_batchmean"] = x => F.kl_div(x[0].log_softmax(1), x[1], "batchmean");
        t["huber_broadcast"] = x => F.huber_loss(x[0], x[1]);
        t["smooth_l1_beta0"] = x => F.smooth_l1_loss(x[0], x[1], beta: 0.0);
        t["multi_margin_1d"] = x => F.multi_margin_loss(x[0], x[1], reduction: nn.Reduction.None);
        t["multilabel_margin_1d"] = x => F.multilabel_margin_loss(x[0], x[1], nn.Reduction.None);
        t["cosine_embedding_1d"] = x => F.cosine_embedding_loss(x[0], x[1], x[2], reduction: nn.Reduction.None);
        t["ctc_concatenated"] = x => F.ctc_loss(x[0].log_softmax(2), x[1], x[2], x[3], blank: 2);
        t["ctc_unbatched"] = x => F.ctc_loss(x[0].log_softmax(1), x[1], x[2], x[3]);
        t["ctc_zero_infinity"] = x => F.ctc_loss(x[0].log_softmax(2), x[1], x[2], x[3], reduction: nn.Reduction.Sum, zero_infinity: true);
        t["ctc_infinity_none"] = x => F.ctc_loss(x[0].log_softmax(2), x[1], x[2], x[3], reduction: nn.Reduction.None);
        t["instance_norm"] = x => F.instance_norm(x[0], weight: x[1], bias: x[2]);
        t["instance_norm_1d"] = x => F.instance_norm(x[0]);
        t["instance_norm2d_running"] = x =>
        {
            var m = nn.InstanceNorm2d(3, momentum: 0.3, affine: true, track_running_stats: true, device: x[0].device, dtype: ScalarType.Float64);
            m.train();
            var y = m.call(x[0]);
            return cat([y.reshape(-1), m.running_mean!, m.running_var!]);
        };
        t["instance_norm1d_eval_unbatched"] = x =>
        {
            var m = nn.InstanceNorm1d(3, track_running_stats: true, device: x[0].device, dtype: ScalarType.Float64);
            using (no_grad())
            {
                m.running_mean!.copy_(tensor(new[] { 0.5, -0.2, 0.1 }, ScalarType.Float64));
                m.running_var!.copy_(tensor(new[] { 2.0, 0.5, 1.5 }, ScalarType.Float64));
            }
            m.eval();
            return m.call(x[0]);
        };
        t["batch_norm3d_train"] = x =>
        {
            var m = nn.BatchNorm3d(3, momentum: 0.2, device: x[0].device, dtype: ScalarType.Float64);
            m.train();
            var y = m.call(x[0]);
            return cat([y.reshape(-1), m.running_mean!, m.running_var!]);
        };
        t["hardshrink"] = x => F.hardshrink(x[0], 0.4);
        t["softshrink"] = x => F.softshrink(x[0], 0.3);
        t["unflatten"] = x => nn.Unflatten(1, [2, 3]).call(x[0]) * arange(6, dtype: ScalarType.Float64, device: x[0].device).reshape(2, 3, 1);
        t["softmax2d"] = x => nn.Softmax2d().call(x[0]);
        t["channel_shuffle"] = x => nn.ChannelShuffle(3).call(x[0]);
        t["reflection_pad1d"] = x => nn.ReflectionPad1d([2, 1]).call(x[0]);
        t["reflection_pad2d"] = x => nn.ReflectionPad2d(1).call(x[0]);
        t["replication_pad3d"] = x => nn.ReplicationPad3d([1, 0, 2, 1, 0, 1]).call(x[0]);
        t["constant_pad2d"] = x => nn.ConstantPad2d([1, 0, 2, 1], 3.5).call(x[0]);
        t["zero_pad2d"] = x => nn.ZeroPad2d([1, 2, 0, 1]).call(x[0]);
        t["cosine_similarity_module"] = x => nn.CosineSimilarity(dim: 0).call(x[0], x[1]);
        t["pairwise_distance_module"] = x => nn.PairwiseDistance(p: 3.0, keepdim: true).call(x[0], x[1]);
        return t;
    }

    /// <summary>Cases whose output includes running statistics (updated without autograd): no finite-difference check.</summary>
    public static bool HasUntrackedOutputs(string name) => name.Contains("_running") || name == "batch_norm3d_train";

    /// <summary>The case names in the golden file.</summary>
    public static IEnumerable<string> Names => Root.GetProperty("cases").EnumerateObject().Select(p => p.Name);

    private static (Tensor[] inputs, int[] grad) Inputs(JsonElement c, Device device)
    {
        var grad = c.GetProperty("grad").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(e => NNGolden.Tensor(e).to(device)).ToArray();
        return (inputs, grad);
    }

    /// <summary>Runs the case on <paramref name="device"/> and compares output and input gradients with PyTorch's.</summary>
    public static void Check(string name, Device device, double rtol = 1e-7, double atol = 1e-9)
    {
        var c = Root.GetProperty("cases").GetProperty(name);
        var (inputs, grad) = Inputs(c, device);
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

    /// <summary>Finite differences in float64 against autograd for the case's differentiated inputs.</summary>
    public static bool GradCheck(string name, Device device)
    {
        var c = Root.GetProperty("cases").GetProperty(name);
        var (inputs, grad) = Inputs(c, device);
        foreach (var i in grad) inputs[i].requires_grad_();
        return autograd.gradcheck(Table[name], inputs);
    }
}
