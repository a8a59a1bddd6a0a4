using System.Text.Json;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// tests/golden/pool.json (tools/golden/gen_pool.py, PyTorch 1.13) on any device: each case's call in Flint's
/// spelling, its output, indices and the gradient of sum(out · weight) against PyTorch's. One body for the
/// CPU suite (<see cref="PoolGoldenTests"/>) and tests/Flint.Cuda.Tests, which links this file.
/// </summary>
public static class PoolGoldenSuite
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "pool.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    private delegate (Tensor output, Tensor? indices) Call(Tensor x, Tensor[] extras, Tensor? runningMean, Tensor? runningVar);

    private static Call One(Func<Tensor, Tensor> f) => (x, _, _, _) => (f(x), null);
    private static Call Two(Func<Tensor, (Tensor, Tensor)> f) => (x, _, _, _) => f(x);

    private static readonly Dictionary<string, Call> Calls = new()
    {
        ["max_pool2d_k2"] = One(x => F.max_pool2d(x, 2)),
        ["max_pool2d_k3_s2_p1"] = One(x => F.max_pool2d(x, 3, stride: 2, padding: 1)),
        ["max_pool2d_rect_dilated"] = One(x => F.max_pool2d(x, [2, 3], stride: [1, 2], padding: [1, 0], dilation: [2, 1])),
        ["max_pool2d_ceil"] = One(x => F.max_pool2d(x, 3, stride: 2, ceil_mode: true)),
        ["max_pool2d_ceil_pad_dil"] = One(x => F.max_pool2d(x, 3, stride: 2, padding: 1, dilation: 2, ceil_mode: true)),
        ["max_pool2d_indices"] = Two(x => F.max_pool2d_with_indices(x, 2, stride: 2, padding: 1)),
        ["max_pool2d_3d"] = One(x => F.max_pool2d(x, 2, stride: 1)),
        ["max_pool2d_float64"] = One(x => F.max_pool2d(x, [2, 3])),
        ["max_pool2d_nan"] = Two(x => F.max_pool2d_with_indices(x, 2)),
        ["max_pool1d_k3_s2_p1"] = One(x => F.max_pool1d(x, 3, stride: 2, padding: 1)),
        ["max_pool1d_ceil_dil"] = Two(x => F.max_pool1d_with_indices(x, 3, stride: 2, dilation: 2, ceil_mode: true)),
        ["max_pool1d_2d"] = One(x => F.max_pool1d(x, 2)),
        ["avg_pool2d_k2"] = One(x => F.avg_pool2d(x, 2)),
        ["avg_pool2d_k3_s2_p1"] = One(x => F.avg_pool2d(x, 3, stride: 2, padding: 1)),
        ["avg_pool2d_exclude_pad"] = One(x => F.avg_pool2d(x, 3, stride: 2, padding: 1, count_include_pad: false)),
        ["avg_pool2d_ceil"] = One(x => F.avg_pool2d(x, [3, 2], stride: [2, 2], padding: [1, 1], ceil_mode: true)),
        ["avg_pool2d_ceil_exclude"] = One(x => F.avg_pool2d(x, 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false)),
        ["avg_pool2d_divisor"] = One(x => F.avg_pool2d(x, 2, stride: 1, padding: 1, divisor_override: 3)),
        ["avg_pool2d_3d"] = One(x => F.avg_pool2d(x, [2, 1])),
        ["avg_pool1d_k3_s2_p1"] = One(x => F.avg_pool1d(x, 3, stride: 2, padding: 1)),
        ["avg_pool1d_ceil_exclude"] = One(x => F.avg_pool1d(x, 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false)),
        ["adaptive_avg_pool2d_3x2"] = One(x => F.adaptive_avg_pool2d(x, [3, 2])),
        ["adaptive_avg_pool2d_1"] = One(x => F.adaptive_avg_pool2d(x, 1)),
        ["adaptive_avg_pool2d_up"] = One(x => F.adaptive_avg_pool2d(x, [5, 4])),
        ["adaptive_avg_pool2d_none"] = One(x => F.adaptive_avg_pool2d(x, [null, 2])),
        ["adaptive_avg_pool1d_3"] = One(x => F.adaptive_avg_pool1d(x, 3)),
        ["adaptive_max_pool2d_3x4"] = Two(x => F.adaptive_max_pool2d_with_indices(x, [3, 4])),
        ["adaptive_max_pool2d_3d"] = One(x => F.adaptive_max_pool2d(x, 2)),
        ["adaptive_max_pool1d_4"] = Two(x => F.adaptive_max_pool1d_with_indices(x, 4)),
        ["interpolate_nearest_size"] = One(x => F.interpolate(x, size: [5, 7])),
        ["interpolate_nearest_scale2"] = One(x => F.interpolate(x, scale_factor: [2])),
        ["interpolate_nearest_scale1_5"] = One(x => F.interpolate(x, scale_factor: [1.5])),
        ["interpolate_nearest_down"] = One(x => F.interpolate(x, size: [3, 4], mode: "nearest")),
        ["interpolate_nearest_1d"] = One(x => F.interpolate(x, size: [8])),
        ["interpolate_bilinear_size"] = One(x => F.interpolate(x, size: [5, 7], mode: "bilinear", align_corners: false)),
        ["interpolate_bilinear_align"] = One(x => F.interpolate(x, size: [5, 7], mode: "bilinear", align_corners: true)),
        ["interpolate_bilinear_scale"] = One(x => F.interpolate(x, scale_factor: [2], mode: "bilinear")),
        ["interpolate_bilinear_scale_align"] = One(x => F.interpolate(x, scale_factor: [1.5], mode: "bilinear", align_corners: true)),
        ["interpolate_bilinear_down"] = One(x => F.interpolate(x, size: [3, 4], mode: "bilinear")),
        ["interpolate_bilinear_scale_down"] = One(x => F.interpolate(x, scale_factor: [0.6], mode: "bilinear")),
        ["pixel_shuffle_2"] = One(x => F.pixel_shuffle(x, 2)),
        ["pixel_shuffle_3d"] = One(x => F.pixel_shuffle(x, 3)),
        ["pixel_unshuffle_2"] = One(x => F.pixel_unshuffle(x, 2)),
        ["bn_train_4d"] = (x, e, rm, rv) => (F.batch_norm(x, rm, rv, e[0], e[1], training: true, momentum: 0.1), null),
        ["bn_train_2d"] = (x, e, rm, rv) => (F.batch_norm(x, rm, rv, e[0], e[1], training: true, momentum: 0.3), null),
        ["bn_train_3d"] = (x, e, rm, rv) => (F.batch_norm(x, rm, rv, e[0], e[1], training: true, momentum: 0.1), null),
        ["bn_eval_4d"] = (x, e, rm, rv) => (F.batch_norm(x, rm, rv, e[0], e[1], training: false), null),
        ["bn_no_stats_no_affine"] = (x, _, _, _) => (F.batch_norm(x, null, null, training: true, eps: 1e-3), null),
    };

    /// <summary>Whether golden case <paramref name="name"/> has a Flint call.</summary>
    public static bool HasCall(string name) => Calls.ContainsKey(name);

    public static IEnumerable<string> CaseNames() => Root.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    private static JsonElement Case(string name) =>
        Root.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    /// <summary>Runs golden case <paramref name="name"/> on <paramref name="device"/> and compares everything PyTorch recorded.</summary>
    public static void Check(string name, Device device)
    {
        var c = Case(name);
        var x = NNGolden.Tensor(c.GetProperty("input")).to(device).requires_grad_(true);
        var extras = new List<Tensor>();
        for (int i = 0; c.TryGetProperty($"extra{i}", out var e); i++) extras.Add(NNGolden.Tensor(e).to(device).requires_grad_(true));
        Tensor? rm = c.TryGetProperty("running_mean_before", out var rme) ? NNGolden.Tensor(rme).to(device) : null;
        Tensor? rv = c.TryGetProperty("running_var_before", out var rve) ? NNGolden.Tensor(rve).to(device) : null;
        var (y, idx) = Calls[name](x, extras.ToArray(), rm, rv);
        bool f32 = x.dtype == ScalarType.Float32;
        double rtol = f32 ? 2e-6 : 1e-12, atol = f32 ? 2e-6 : 1e-12;
        NNGolden.AssertClose(c.GetProperty("out"), y.cpu(), rtol, atol, name + " out");
        if (c.TryGetProperty("indices", out var ie))
        {
            Assert.NotNull(idx);
            Assert.Equal(ie.GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToArray(), idx!.cpu().data<long>());
            Assert.Equal(NNGolden.Shape(ie), idx.shape);
        }
        var w = NNGolden.Tensor(c.GetProperty("weight")).to(device);
        (y * w).sum().backward();
        NNGolden.AssertClose(c.GetProperty("grad"), x.grad!.cpu(), rtol * 5, atol * 5, name + " grad");
        for (int i = 0; i < extras.Count; i++)
            NNGolden.AssertClose(c.GetProperty($"extra{i}_grad"), extras[i].grad!.cpu(), rtol * 5, atol * 5, $"{name} extra{i} grad");
        if (rm is not null) NNGolden.AssertClose(c.GetProperty("running_mean_after"), rm.cpu(), 1e-6, 1e-6, name + " running_mean");
        if (rv is not null) NNGolden.AssertClose(c.GetProperty("running_var_after"), rv.cpu(), 1e-6, 1e-6, name + " running_var");
    }

    /// <summary>Two training steps and one evaluation of a batch-norm module, then its state dict, against PyTorch's.</summary>
    public static void CheckModule(string name, Device device)
    {
        var m = Root.GetProperty("modules").EnumerateArray().First(e => e.GetProperty("name").GetString() == name);
        Modules.BatchNorm bn = name switch
        {
            "BatchNorm2d" => torch.nn.BatchNorm2d(3),
            "BatchNorm2d_cma" => torch.nn.BatchNorm2d(3, momentum: null),
            "BatchNorm1d" => torch.nn.BatchNorm1d(3, eps: 1e-3, momentum: 0.2),
            "BatchNorm1d_3d_untracked" => torch.nn.BatchNorm1d(2, track_running_stats: false, affine: false),
            _ => throw new ArgumentException(name),
        };
        bn.to(device);
        Assert.Equal(m.GetProperty("repr").GetString(), bn.ToString());
        var inputs = m.GetProperty("inputs").EnumerateArray().ToArray();
        var outputs = m.GetProperty("outputs").EnumerateArray().ToArray();
        for (int i = 0; i < 3; i++)
        {
            if (i == 2) bn.eval();
            var y = bn.forward(NNGolden.Tensor(inputs[i]).to(device));
            NNGolden.AssertClose(outputs[i], y.cpu(), 1e-5, 1e-5, $"{name} step {i}");
        }
        var state = bn.state_dict();
        Assert.Equal(m.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!).ToArray(), state.Keys.ToArray());
        foreach (var p in m.GetProperty("state").EnumerateObject())
        {
            var actual = state[p.Name].cpu();
            if (p.Value.GetProperty("dtype").GetString() == "int64")
                Assert.Equal(p.Value.GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToArray(), actual.data<long>());
            else NNGolden.AssertClose(p.Value, actual, 1e-5, 1e-6, $"{name} {p.Name}");
        }
    }
}
