using F = Flint.torch.nn.functional;
using nn = Flint.torch.nn;

namespace Flint.Tests.NN;

/// <summary>Pooling, batch norm, dropout2d, interpolate and pixel shuffle against PyTorch 1.13 (tests/golden/pool.json) on the CPU.</summary>
public class PoolGoldenTests
{
    public static TheoryData<string> Cases() => [.. PoolGoldenSuite.CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesIndicesAndGradientsMatchPyTorch(string name) => PoolGoldenSuite.Check(name, torch.CPU);

    [Theory]
    [InlineData("BatchNorm2d")]
    [InlineData("BatchNorm2d_cma")]
    [InlineData("BatchNorm1d")]
    [InlineData("BatchNorm1d_3d_untracked")]
    public void BatchNormModulesTrainEvaluateAndSaveAsPyTorch(string name) => PoolGoldenSuite.CheckModule(name, torch.CPU);

    [Fact]
    public void EveryGoldenCaseIsCalled()
    {
        // A case added to gen_pool.py without a Flint call is named here rather than as a KeyNotFoundException.
        var missing = PoolGoldenSuite.CaseNames().Where(n => !PoolGoldenSuite.HasCall(n)).ToArray();
        Assert.Empty(missing);
        Assert.True(PoolGoldenSuite.CaseNames().Count() >= 48);
    }

    private static readonly Dictionary<string, Func<torch.nn.Module>> Reprs = new()
    {
        ["MaxPool2d(2)"] = () => nn.MaxPool2d(2),
        ["MaxPool2d((2,3),return_indices)"] = () => nn.MaxPool2d([2, 3], return_indices: true),
        ["MaxPool2d(3,1,1,2,ceil)"] = () => nn.MaxPool2d(3, stride: 1, padding: 1, dilation: 2, ceil_mode: true),
        ["MaxPool1d(3)"] = () => nn.MaxPool1d(3),
        ["MaxPool1d(3,2,1)"] = () => nn.MaxPool1d(3, stride: 2, padding: 1),
        ["AvgPool2d(2)"] = () => nn.AvgPool2d(2),
        ["AvgPool2d((3,2),1,(1,0))"] = () => nn.AvgPool2d([3, 2], stride: [1], padding: [1, 0]),
        ["AvgPool2d(3,divisor)"] = () => nn.AvgPool2d(3, divisor_override: 2, count_include_pad: false, ceil_mode: true),
        ["AvgPool1d(2)"] = () => nn.AvgPool1d(2),
        ["AvgPool1d(3,2,1)"] = () => nn.AvgPool1d(3, stride: 2, padding: 1),
        ["AdaptiveAvgPool2d((2,3))"] = () => nn.AdaptiveAvgPool2d([2, 3]),
        ["AdaptiveAvgPool2d(1)"] = () => nn.AdaptiveAvgPool2d(1),
        ["AdaptiveAvgPool2d((None,3))"] = () => nn.AdaptiveAvgPool2d([null, 3]),
        ["AdaptiveAvgPool1d(2)"] = () => nn.AdaptiveAvgPool1d(2),
        ["AdaptiveMaxPool2d(2)"] = () => nn.AdaptiveMaxPool2d(2),
        ["AdaptiveMaxPool2d((3,4),indices)"] = () => nn.AdaptiveMaxPool2d([3, 4], return_indices: true),
        ["AdaptiveMaxPool1d(5)"] = () => nn.AdaptiveMaxPool1d(5),
        ["BatchNorm2d(4)"] = () => nn.BatchNorm2d(4),
        ["BatchNorm1d(3,None)"] = () => nn.BatchNorm1d(3, momentum: null),
        ["BatchNorm1d(5,0.001,0.2,False,False)"] = () => nn.BatchNorm1d(5, eps: 0.001, momentum: 0.2, affine: false, track_running_stats: false),
        ["Dropout2d()"] = () => nn.Dropout2d(),
        ["Dropout2d(0.25,True)"] = () => nn.Dropout2d(0.25, inplace: true),
        ["Upsample(scale=2)"] = () => nn.Upsample(scale_factor: 2.0),
        ["Upsample(size=(3,4),bilinear,align)"] = () => nn.Upsample(size: [3, 4], mode: "bilinear", align_corners: true),
        ["Upsample(size=5)"] = () => nn.Upsample(5),
        ["Upsample(scale=1.5,bilinear)"] = () => nn.Upsample(1.5, mode: "bilinear"),
        ["PixelShuffle(2)"] = () => nn.PixelShuffle(2),
        ["PixelUnshuffle(3)"] = () => nn.PixelUnshuffle(3),
    };

    public static TheoryData<string> ReprNames() => [.. PoolGoldenSuite.Root.GetProperty("reprs").EnumerateObject().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ReprNames))]
    public void ModulesPrintAsPyTorch(string key) =>
        Assert.Equal(PoolGoldenSuite.Root.GetProperty("reprs").GetProperty(key).GetString(), Reprs[key]().ToString());

    private static readonly Tensor X4 = torch.randn(1, 2, 5, 5);

    private static readonly Dictionary<string, Action> Errors = new()
    {
        ["max_pool2d_kernel0"] = () => F.max_pool2d(X4, 0, stride: 1),
        ["max_pool2d_stride0"] = () => F.max_pool2d(X4, 2, stride: 0),
        ["max_pool2d_pad_too_big"] = () => F.max_pool2d(X4, 2, padding: 2),
        ["max_pool2d_pad_negative"] = () => F.max_pool2d(X4, 2, padding: -1),
        ["max_pool2d_dilation0"] = () => F.max_pool2d(X4, 2, dilation: 0),
        ["max_pool2d_1d_input"] = () => F.max_pool2d(torch.randn(5), 2),
        ["max_pool2d_too_small"] = () => F.max_pool2d(torch.randn(1, 1, 1, 1), 2),
        ["max_pool2d_empty_plane"] = () => F.max_pool2d(torch.randn(1, 2, 0, 4), 2),
        ["max_pool2d_long"] = () => F.max_pool2d(X4.to(ScalarType.Int64), 2),
        ["max_pool1d_kernel0"] = () => F.max_pool1d(torch.randn(1, 2, 5), 0),
        ["max_pool1d_1d_input"] = () => F.max_pool1d(torch.randn(5), 2),
        ["max_pool1d_pad_too_big"] = () => F.max_pool1d(torch.randn(1, 2, 5), 2, padding: 2),
        ["max_pool1d_stride0"] = () => F.max_pool1d(torch.randn(1, 2, 5), 2, stride: 0),
        ["max_pool1d_too_small"] = () => Assert.Equal([1L, 1, 0], F.max_pool1d(torch.randn(1, 1, 1), 3).shape),
        ["avg_pool2d_pad_too_big"] = () => F.avg_pool2d(X4, 2, padding: 2),
        ["avg_pool2d_too_small"] = () => F.avg_pool2d(torch.randn(1, 1, 1, 1), 2),
        ["avg_pool2d_divisor0"] = () => F.avg_pool2d(X4, 2, divisor_override: 0),
        ["avg_pool2d_stride0"] = () => F.avg_pool2d(X4, 2, stride: 0),
        ["avg_pool2d_5d"] = () => F.avg_pool2d(torch.randn([1, 1, 2, 2, 2]), 2),
        ["avg_pool1d_too_small"] = () => F.avg_pool1d(torch.randn(1, 1, 1), 2),
        ["avg_pool1d_4d"] = () => F.avg_pool1d(torch.randn(1, 1, 2, 2), 2),
        ["adaptive_avg_pool2d_1d_input"] = () => F.adaptive_avg_pool2d(torch.randn(5), 2),
        ["adaptive_avg_pool2d_empty"] = () => F.adaptive_avg_pool2d(torch.randn(1, 2, 0, 3), 2),
        ["adaptive_avg_pool2d_long"] = () => F.adaptive_avg_pool2d(X4.to(ScalarType.Int64), 2),
        ["adaptive_max_pool2d_1d_input"] = () => F.adaptive_max_pool2d(torch.randn(5), 2),
        ["adaptive_avg_pool1d_4d"] = () => F.adaptive_avg_pool1d(torch.randn(5, 2, 3, 4), 2),
        ["batch_norm_running_size"] = () => F.batch_norm(X4, torch.zeros(3), torch.ones(3)),
        ["batch_norm_weight_size"] = () => F.batch_norm(X4, torch.zeros(2), torch.ones(2), weight: torch.ones(3)),
        ["batch_norm_one_value"] = () => F.batch_norm(torch.randn(1, 2), torch.zeros(2), torch.ones(2), training: true),
        ["BatchNorm2d_2d_input"] = () => nn.BatchNorm2d(2).forward(torch.randn(2, 5)),
        ["BatchNorm1d_4d_input"] = () => nn.BatchNorm1d(2).forward(torch.randn(2, 3, 4, 5)),
        ["BatchNorm1d_one_value"] = () => nn.BatchNorm1d(2).forward(torch.randn(1, 2)),
        ["BatchNorm2d_channels"] = () => nn.BatchNorm2d(3).forward(X4),
        ["dropout2d_p"] = () => F.dropout2d(X4, 1.5),
        ["pixel_shuffle_channels"] = () => F.pixel_shuffle(torch.randn(1, 3, 2, 2), 2),
        ["pixel_shuffle_2d"] = () => F.pixel_shuffle(torch.randn(4, 4), 2),
        ["pixel_unshuffle_height"] = () => F.pixel_unshuffle(torch.randn(1, 3, 3, 4), 2),
        ["pixel_unshuffle_width"] = () => F.pixel_unshuffle(torch.randn(1, 3, 4, 3), 2),
        ["interpolate_bilinear_3d"] = () => F.interpolate(torch.randn(1, 2, 3), size: [3], mode: "bilinear"),
        ["interpolate_nothing"] = () => F.interpolate(X4),
        ["interpolate_both"] = () => F.interpolate(X4, size: [3], scale_factor: [2]),
        ["interpolate_align_nearest"] = () => F.interpolate(X4, size: [3], align_corners: true),
        ["interpolate_size_len"] = () => F.interpolate(X4, size: [3, 4, 5]),
        ["interpolate_mode"] = () => F.interpolate(X4, size: [3], mode: "cubic"),
    };

    public static TheoryData<string> ErrorNames() => [.. PoolGoldenSuite.Root.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ErrorNames))]
    public void ErrorsReadAsPyTorch(string key)
    {
        var expected = PoolGoldenSuite.Root.GetProperty("errors").GetProperty(key);
        if (expected.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            Errors[key]();
            return;
        }
        var type = expected.GetProperty("type").GetString();
        Exception ex = type == "NotImplementedError" ? Assert.Throws<NotSupportedException>(Errors[key]) : Assert.Throws<ArgumentException>(Errors[key]);
        Assert.Equal(expected.GetProperty("message").GetString(), ex.Message);
    }

    [Collection(DefaultGeneratorCollection.Name)]
    public class Seeded
    {
        [Theory]
        [InlineData("dropout2d_4d")]
        [InlineData("dropout2d_3d")]
        public void Dropout2dDrawsPyTorchsChannelMasks(string name)
        {
            var d = PoolGoldenSuite.Root.GetProperty("dropouts").EnumerateArray().First(e => e.GetProperty("name").GetString() == name);
            var x = NNGolden.Tensor(d.GetProperty("input"));
            torch.manual_seed(7);
            var y = F.dropout2d(x, d.GetProperty("p").GetDouble(), training: true);
            NNGolden.AssertExact(d.GetProperty("out"), y, name);
        }
    }

    [Fact]
    public void Dropout2dZeroesWholeChannelsAndPassesThroughInEval()
    {
        var x = torch.ones([4, 8, 3, 3]);
        var m = nn.Dropout2d(0.5);
        var y = m.forward(x);
        var perChannel = y.reshape(32, 9);
        for (int i = 0; i < 32; i++)
        {
            var row = perChannel[i].data<float>();
            Assert.True(row.All(v => v == 0) || row.All(v => v == 2), $"channel {i} mixes dropped and kept elements");
        }
        m.eval();
        Assert.Same(x, m.forward(x));
    }

    [Fact]
    public void MaxPoolModuleReturnsIndicesThatUnpoolTheMaxima()
    {
        var x = torch.randn(2, 3, 6, 6);
        var (y, idx) = nn.MaxPool2d(2, return_indices: true).forward_with_indices(x);
        var gathered = x.reshape(2, 3, 36).gather(2, idx.reshape(2, 3, 9)).reshape(2, 3, 3, 3);
        Assert.True(torch.equal(y, gathered));
    }

    [Fact]
    public void PoolsRunOnNonContiguousAndHalfInput()
    {
        var x = torch.randn(2, 6, 6, 3).permute(0, 3, 1, 2);
        Assert.True(torch.allclose(F.avg_pool2d(x, 2), F.avg_pool2d(x.contiguous(), 2)));
        var h = F.max_pool2d(x.to(ScalarType.Float16), 2);
        Assert.Equal(ScalarType.Float16, h.dtype);
        Assert.True(torch.allclose(h.to(ScalarType.Float32), F.max_pool2d(x, 2), 1e-2, 1e-2));
    }
}
