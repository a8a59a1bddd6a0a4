using F = Flint.torch.nn.functional;
using nn = Flint.torch.nn;

namespace Flint.Tests.NN;

/// <summary>
/// 3-d pooling, grid sampling, interpolation modes and pdist against PyTorch 1.13 (tests/golden/pool3d.json,
/// tests/golden/sampling.json) on the CPU: values, indices, gradients, module reprs and error texts.
/// </summary>
public class SamplingGoldenTests
{
    public static TheoryData<string> Cases() => [.. SamplingGoldenSuite.CaseKeys()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesIndicesAndGradientsMatchPyTorch(string key) => SamplingGoldenSuite.Check(key, torch.CPU);

    [Fact]
    public void EveryGoldenCaseIsCalled()
    {
        var missing = SamplingGoldenSuite.CaseKeys().Where(k => !SamplingGoldenSuite.HasCall(k[(k.IndexOf('/') + 1)..])).ToArray();
        Assert.Empty(missing);
        Assert.True(SamplingGoldenSuite.CaseKeys().Count() >= 19);
    }

    private static readonly Dictionary<string, Func<torch.nn.Module>> Reprs = new()
    {
        ["MaxPool3d(2)"] = () => nn.MaxPool3d(2),
        ["MaxPool3d((2,3,1),1,(1,0,0),2,ceil)"] = () => nn.MaxPool3d([2, 3, 1], stride: [1], padding: [1, 0, 0], dilation: [2], ceil_mode: true),
        ["AvgPool3d(2)"] = () => nn.AvgPool3d(2),
        ["AvgPool3d((2,3,1),1,(1,0,0))"] = () => nn.AvgPool3d([2, 3, 1], stride: [1], padding: [1, 0, 0], count_include_pad: false),
        ["AdaptiveAvgPool3d(2)"] = () => nn.AdaptiveAvgPool3d(2),
        ["AdaptiveAvgPool3d((2,None,3))"] = () => nn.AdaptiveAvgPool3d([2, null, 3]),
        ["AdaptiveMaxPool3d(2)"] = () => nn.AdaptiveMaxPool3d(2),
        ["AdaptiveMaxPool3d((1,2,3),indices)"] = () => nn.AdaptiveMaxPool3d([1, 2, 3], return_indices: true),
    };

    public static TheoryData<string> ReprKeys() =>
        [.. SamplingGoldenSuite.Files.SelectMany(f => SamplingGoldenSuite.Root(f).TryGetProperty("reprs", out var r) ? r.EnumerateObject().Select(p => f + "/" + p.Name) : [])];

    [Theory]
    [MemberData(nameof(ReprKeys))]
    public void ModulesPrintAsPyTorch(string key)
    {
        var (file, name) = (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
        Assert.Equal(SamplingGoldenSuite.Root(file).GetProperty("reprs").GetProperty(name).GetString(), Reprs[name]().ToString());
    }

    private static readonly Tensor X5 = torch.randn([1, 2, 3, 4, 5]);
    private static readonly Tensor X4 = torch.randn(2, 3, 4, 5);
    private static readonly Tensor G4 = torch.rand(2, 3, 4, 2) * 2 - 1;

    private static readonly Dictionary<string, Action> Errors = new()
    {
        ["max_pool3d_kernel_zero"] = () => F.max_pool3d(X5, 0),
        ["max_pool3d_3d_input"] = () => F.max_pool3d(torch.randn(3, 4, 5), 2),
        ["max_pool3d_pad"] = () => F.max_pool3d(X5, 2, padding: 2),
        ["max_pool3d_too_small"] = () => F.max_pool3d(X5, 4),
        ["max_pool3d_empty"] = () => F.max_pool3d(torch.randn(1, 0, 4, 5), 2),
        ["max_pool3d_kernel_len"] = () => F.max_pool3d(X5, [2, 2]),
        ["max_pool3d_stride_len"] = () => F.max_pool3d(X5, [2], stride: [1, 1]),
        ["max_pool3d_dilation_zero"] = () => F.max_pool3d(X5, 2, stride: 1, padding: 0, dilation: 0),
        ["avg_pool3d_small"] = () => F.avg_pool3d(X5, 4),
        ["avg_pool3d_3d_input"] = () => F.avg_pool3d(torch.randn(3, 4, 5), 2),
        ["avg_pool3d_pad"] = () => F.avg_pool3d(X5, 3, padding: 2),
        ["avg_pool3d_divisor_zero"] = () => F.avg_pool3d(X5, 2, divisor_override: 0),
        ["avg_pool3d_kernel_len"] = () => F.avg_pool3d(X5, [2, 2]),
        ["adaptive_avg_pool3d_3d_input"] = () => F.adaptive_avg_pool3d(torch.randn(3, 4, 5), 2),
        ["adaptive_max_pool3d_3d_input"] = () => F.adaptive_max_pool3d(torch.randn(3, 4, 5), 2),
        ["adaptive_avg_pool3d_empty"] = () => F.adaptive_avg_pool3d(torch.randn(1, 0, 4, 5), 2),
        ["adaptive_max_pool3d_empty"] = () => F.adaptive_max_pool3d(torch.randn(1, 0, 4, 5), 2),
        ["adaptive_avg_pool3d_size_len"] = () => F.adaptive_avg_pool3d(X5, [1L, 1L]),
        ["grid_sample_mode"] = () => F.grid_sample(X4, G4, "cubic"),
        ["grid_sample_padding"] = () => F.grid_sample(X4, G4, "bilinear", "wrap"),
        ["grid_sample_batch"] = () => F.grid_sample(X4, G4[..1]),
        ["grid_sample_last"] = () => F.grid_sample(X4, torch.rand(2, 3, 4, 3)),
        ["grid_sample_bicubic_5d"] = () => F.grid_sample(torch.randn([2, 3, 4, 5, 6]), torch.rand([2, 3, 4, 5, 3]), "bicubic"),
        ["grid_sample_empty"] = () => F.grid_sample(torch.randn(2, 3, 0, 5), G4),
        ["grid_sample_dtype"] = () => F.grid_sample(X4.to(ScalarType.Float64), G4),
        ["affine_grid_3d_size"] = () => F.affine_grid(torch.randn(2, 2, 3), [2, 3, 4]),
        ["affine_grid_theta_shape"] = () => F.affine_grid(torch.randn(2, 3, 3), [2, 3, 4, 5]),
        ["affine_grid_zero"] = () => F.affine_grid(torch.randn(2, 2, 3), [2, 3, 4, 0]),
        ["affine_grid_int"] = () => F.affine_grid(torch.randn(2, 2, 3).to(ScalarType.Int32), [2, 3, 4, 5]),
        ["pdist_1d"] = () => torch.pdist(torch.randn(3)),
        ["pdist_negative_p"] = () => torch.pdist(torch.randn(3, 2), -1),
        ["pdist_int"] = () => torch.pdist(torch.randn(3, 2).to(ScalarType.Int32)),
        ["interp_linear_4d"] = () => F.interpolate(X4, size: [3], mode: "linear"),
        ["interp_trilinear_4d"] = () => F.interpolate(X4, size: [3], mode: "trilinear"),
        ["interp_bicubic_3d"] = () => F.interpolate(torch.randn(1, 2, 3), size: [3], mode: "bicubic"),
        ["interp_area_align"] = () => F.interpolate(X4, size: [3], mode: "area", align_corners: true),
    };

    public static TheoryData<string> ErrorKeys() =>
        [.. SamplingGoldenSuite.Files.SelectMany(f => SamplingGoldenSuite.Root(f).TryGetProperty("errors", out var r) ? r.EnumerateObject().Select(p => f + "/" + p.Name) : [])];

    [Theory]
    [MemberData(nameof(ErrorKeys))]
    public void ErrorsReadAsPyTorch(string key)
    {
        var (file, name) = (key[..key.IndexOf('/')], key[(key.IndexOf('/') + 1)..]);
        var expected = SamplingGoldenSuite.Root(file).GetProperty("errors").GetProperty(name);
        if (expected.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            Errors[name]();
            return;
        }
        var type = expected.GetProperty("type").GetString();
        Exception ex = type == "NotImplementedError" ? Assert.Throws<NotSupportedException>(Errors[name]) : Assert.ThrowsAny<ArgumentException>(Errors[name]);
        Assert.Equal(expected.GetProperty("message").GetString(), ex.Message);
    }

    [Fact]
    public void MaxPool3dIndicesGatherTheMaxima()
    {
        var x = torch.randn([2, 3, 4, 6, 6]);
        var (y, idx) = nn.MaxPool3d(2, return_indices: true).forward_with_indices(x);
        var gathered = x.reshape(2, 3, 144).gather(2, idx.reshape(2, 3, 18)).reshape(2, 3, 2, 3, 3);
        Assert.True(torch.equal(y, gathered));
    }

    [Fact]
    public void Pool3dRunsOnNonContiguousAndHalfInput()
    {
        var x = torch.randn([2, 4, 6, 6, 3]).permute(0, 4, 1, 2, 3);
        Assert.True(torch.allclose(F.avg_pool3d(x, 2), F.avg_pool3d(x.contiguous(), 2)));
        var h = F.max_pool3d(x.to(ScalarType.Float16), 2);
        Assert.Equal(ScalarType.Float16, h.dtype);
        Assert.True(torch.allclose(h.to(ScalarType.Float32), F.max_pool3d(x, 2), 1e-2, 1e-2));
    }
}
