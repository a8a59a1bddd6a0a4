using System.Text.Json;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// tests/golden/pool3d.json (tools/golden/gen_pool3d.py) and tests/golden/sampling.json (tools/golden/gen_sampling.py),
/// PyTorch 1.13, on any device: each case's call in Flint's spelling, its output, indices and the gradients of
/// sum(out · weight) for the input and any extra input (the grid of grid_sample). One body for the CPU
/// (<see cref="SamplingGoldenTests"/>) and tests/Flint.Cuda.Tests, which links this file.
/// </summary>
public static class SamplingGoldenSuite
{
    public static readonly string[] Files = ["pool3d.json", "sampling.json"];

    private static readonly Dictionary<string, JsonDocument> Docs = [];

    public static JsonElement Root(string file)
    {
        lock (Docs)
        {
            if (!Docs.TryGetValue(file, out var d))
                Docs[file] = d = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", file)));
            return d.RootElement;
        }
    }

    private delegate (Tensor output, Tensor? indices) Call(Tensor x, Tensor[] extras);

    private static Call One(Func<Tensor, Tensor> f) => (x, _) => (f(x), null);
    private static Call Two(Func<Tensor, (Tensor, Tensor)> f) => (x, _) => f(x);
    private static Call WithExtra(Func<Tensor, Tensor, Tensor> f) => (x, e) => (f(x, e[0]), null);

    private static readonly Dictionary<string, Call> Calls = new()
    {
        // ---- pool3d.json
        ["max_pool3d_k2"] = One(x => F.max_pool3d(x, 2)),
        ["max_pool3d_k3_s2_p1"] = One(x => F.max_pool3d(x, 3, stride: 2, padding: 1)),
        ["max_pool3d_rect_dilated_ceil"] = One(x => F.max_pool3d(x, [2, 3, 2], stride: [2, 1, 2], padding: [1, 1, 0], dilation: [2, 1, 2], ceil_mode: true)),
        ["max_pool3d_indices"] = Two(x => F.max_pool3d_with_indices(x, 2, stride: 2, padding: 1)),
        ["max_pool3d_4d"] = Two(x => F.max_pool3d_with_indices(x, [2, 2, 3], stride: [1])),
        ["max_pool3d_float64"] = Two(x => F.max_pool3d_with_indices(x, [1, 2, 3])),
        ["max_pool3d_nan"] = Two(x => F.max_pool3d_with_indices(x, 2)),
        ["avg_pool3d_k2"] = One(x => F.avg_pool3d(x, 2)),
        ["avg_pool3d_k3_s2_p1"] = One(x => F.avg_pool3d(x, 3, stride: 2, padding: 1)),
        ["avg_pool3d_exclude_pad_ceil"] = One(x => F.avg_pool3d(x, 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false)),
        ["avg_pool3d_rect_ceil"] = One(x => F.avg_pool3d(x, [3, 2, 2], stride: [2, 2, 1], padding: [1, 0, 1], ceil_mode: true)),
        ["avg_pool3d_divisor"] = One(x => F.avg_pool3d(x, 2, stride: 1, padding: 1, divisor_override: 3)),
        ["avg_pool3d_4d_float64"] = One(x => F.avg_pool3d(x, [2, 1, 2])),
        ["adaptive_avg_pool3d_2x3x2"] = One(x => F.adaptive_avg_pool3d(x, [2, 3, 2])),
        ["adaptive_avg_pool3d_1"] = One(x => F.adaptive_avg_pool3d(x, 1)),
        ["adaptive_avg_pool3d_up_none"] = One(x => F.adaptive_avg_pool3d(x, [5, null, 4])),
        ["adaptive_max_pool3d_2x3x4"] = Two(x => F.adaptive_max_pool3d_with_indices(x, [2, 3, 4])),
        ["adaptive_max_pool3d_4d"] = Two(x => F.adaptive_max_pool3d_with_indices(x, 2)),
        ["adaptive_max_pool3d_none"] = One(x => F.adaptive_max_pool3d(x, [null, 3, 2])),
        // ---- sampling.json
        ["grid_sample_float64_far"] = WithExtra((x, g) => F.grid_sample(x, g, "bilinear", "reflection", align_corners: false)),
        ["grid_sample_default"] = WithExtra((x, g) => F.grid_sample(x, g)),
        ["affine_grid_2d"] = One(t => F.affine_grid(t, [2, 3, 4, 5], align_corners: false)),
        ["affine_grid_2d_align"] = One(t => F.affine_grid(t, [1, 1, 3, 2], align_corners: true)),
        ["affine_grid_3d"] = One(t => F.affine_grid(t, [2, 1, 2, 3, 4], align_corners: false)),
        ["pdist_2"] = One(x => torch.pdist(x)),
        ["pdist_1"] = One(x => F.pdist(x, 1)),
        ["pdist_3_5"] = One(x => torch.pdist(x, 3.5)),
        ["pdist_inf"] = One(x => torch.pdist(x, double.PositiveInfinity)),
        ["interp_nearest_exact_1d"] = One(x => F.interpolate(x, size: [8], mode: "nearest-exact")),
        ["interp_nearest_exact_2d_scale"] = One(x => F.interpolate(x, scale_factor: [1.7], mode: "nearest-exact")),
        ["interp_nearest_exact_3d_down"] = One(x => F.interpolate(x, size: [3, 4, 5], mode: "nearest-exact")),
        ["interp_nearest_5d"] = One(x => F.interpolate(x, scale_factor: [2, 1.5, 0.5])),
        ["interp_linear_size"] = One(x => F.interpolate(x, size: [8], mode: "linear")),
        ["interp_linear_align_down"] = One(x => F.interpolate(x, size: [4], mode: "linear", align_corners: true)),
        ["interp_linear_scale"] = One(x => F.interpolate(x, scale_factor: [2.5], mode: "linear")),
        ["interp_bicubic_size"] = One(x => F.interpolate(x, size: [7, 3], mode: "bicubic")),
        ["interp_bicubic_align"] = One(x => F.interpolate(x, size: [5, 6], mode: "bicubic", align_corners: true)),
        ["interp_bicubic_scale"] = One(x => F.interpolate(x, scale_factor: [1.5], mode: "bicubic")),
        ["interp_trilinear_size"] = One(x => F.interpolate(x, size: [5, 3, 6], mode: "trilinear")),
        ["interp_trilinear_align"] = One(x => F.interpolate(x, scale_factor: [2], mode: "trilinear", align_corners: true)),
        ["interp_area_1d"] = One(x => F.interpolate(x, size: [3], mode: "area")),
        ["interp_area_2d"] = One(x => F.interpolate(x, scale_factor: [0.5], mode: "area")),
        ["interp_area_3d"] = One(x => F.interpolate(x, size: [2, 3, 4], mode: "area")),
        ["interp_bilinear_recompute"] = One(x => F.interpolate(x, scale_factor: [1.7], mode: "bilinear", recompute_scale_factor: true)),
        ["interp_nearest_recompute"] = One(x => F.interpolate(x, scale_factor: [1.7], recompute_scale_factor: true)),
        ["upsample_bilinear_fn"] = One(x => F.upsample_bilinear(x, scale_factor: [2])),
        ["upsample_nearest_fn"] = One(x => F.upsample_nearest(x, size: [5, 6])),
        ["upsample_fn"] = One(x => F.upsample(x, size: [5], mode: "linear", align_corners: false)),
    };

    static SamplingGoldenSuite()
    {
        // grid_sample_{mode}_{padding}_{align|noalign}: every mode, padding mode and corner rule, through the string overload.
        foreach (var mode in new[] { "bilinear", "nearest", "bicubic" })
            foreach (var pad in new[] { "zeros", "border", "reflection" })
                foreach (var align in new[] { false, true })
                    Calls[$"grid_sample_{mode}_{pad}_{(align ? "align" : "noalign")}"] = WithExtra((x, g) => F.grid_sample(x, g, mode, pad, align));
    }

    /// <summary>Whether golden case <paramref name="name"/> has a Flint call.</summary>
    public static bool HasCall(string name) => Calls.ContainsKey(name);

    /// <summary>"file/case" for every case of every file.</summary>
    public static IEnumerable<string> CaseKeys() =>
        Files.SelectMany(f => Root(f).GetProperty("cases").EnumerateArray().Select(c => f + "/" + c.GetProperty("name").GetString()));

    /// <summary>Runs golden case <paramref name="key"/> ("file/case") on <paramref name="device"/> and compares everything PyTorch recorded.</summary>
    public static void Check(string key, Device device)
    {
        var (file, name) = (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
        var c = Root(file).GetProperty("cases").EnumerateArray().First(e => e.GetProperty("name").GetString() == name);
        var x = NNGolden.Tensor(c.GetProperty("input")).to(device).requires_grad_(true);
        var extras = new List<Tensor>();
        for (int i = 0; c.TryGetProperty($"extra{i}", out var e); i++) extras.Add(NNGolden.Tensor(e).to(device).requires_grad_(true));
        var (y, idx) = Calls[name](x, [.. extras]);
        bool f32 = x.dtype == ScalarType.Float32;
        double rtol = f32 ? 1e-5 : 1e-11, atol = f32 ? 1e-5 : 1e-11;
        NNGolden.AssertClose(c.GetProperty("out"), y.cpu(), rtol, atol, name + " out");
        if (c.TryGetProperty("indices", out var ie))
        {
            Assert.NotNull(idx);
            Assert.Equal(ie.GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToArray(), idx!.cpu().data<long>());
            Assert.Equal(NNGolden.Shape(ie), idx.shape);
        }
        var w = NNGolden.Tensor(c.GetProperty("weight")).to(device);
        (y * w).sum().backward();
        var gx = x.grad ?? torch.zeros_like(x);
        NNGolden.AssertClose(c.GetProperty("grad"), gx.cpu(), rtol * 5, atol * 5, name + " grad");
        for (int i = 0; i < extras.Count; i++)
            NNGolden.AssertClose(c.GetProperty($"extra{i}_grad"), (extras[i].grad ?? torch.zeros_like(extras[i])).cpu(), rtol * 5, atol * 5, $"{name} extra{i} grad");
    }
}
