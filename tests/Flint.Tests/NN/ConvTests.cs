using System.Text.Json;
using Flint.Modules;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>Convolutions, transposed convolutions and their layers against PyTorch 1.13 (tests/golden/conv.json).</summary>
public class ConvFunctionalTests
{
    public static IEnumerable<object[]> Functional => ConvGolden.Names("functional");

    [Theory]
    [MemberData(nameof(Functional))]
    public void ValuesAndGradientsMatchPyTorch(string name) => ConvGolden.CheckFunctional(name, CPU);

    [Fact]
    public void ChunkedBatchGivesTheSameValuesAsOneChunk()
    {
        // Force one image per col chunk: the results must not depend on the chunking.
        var saved = Flint.Ops.Convolution.ColChunkBytes;
        try
        {
            Flint.Ops.Convolution.ColChunkBytes = 1;
            foreach (var n in new[] { "conv2d_basic", "conv2d_groups", "conv_transpose2d_stride", "conv3d_basic" })
                ConvGolden.CheckFunctional(n, CPU);
        }
        finally { Flint.Ops.Convolution.ColChunkBytes = saved; }
    }

    [Fact]
    public void ConvolutionRecordsPyTorchsNodeName()
    {
        var x = randn(1, 2, 4, 4, requires_grad: true);
        var w = randn(3, 2, 3, 3, requires_grad: true);
        Assert.Equal("ConvolutionBackward0", F.conv2d(x, w).grad_fn!.name());
        Assert.Equal("ConvolutionBackward0", F.conv_transpose2d(x, randn(2, 3, 3, 3, requires_grad: true)).grad_fn!.name());
    }

    [Fact]
    public void UnbatchedInputGivesTheBatchedResultWithoutTheBatchDim()
    {
        var x = randn(3, 6, 5);
        var w = randn(4, 3, 3, 3);
        var y = F.conv2d(x, w, padding: [1]);
        Assert.Equal(new long[] { 4, 6, 5 }, y.shape);
        Assert.True(y.allclose(F.conv2d(x.unsqueeze(0), w, padding: [1]).squeeze(0)));
    }

    [Fact]
    public void LargeConvolutionMatchesTheDefinition()
    {
        // Big enough for the parallel im2col/col2im and the packed GEMM; checked against a direct sum in float64.
        var x = randn(2, 8, 20, 17, dtype: ScalarType.Float64, requires_grad: true);
        var w = randn(12, 8, 3, 3, dtype: ScalarType.Float64, requires_grad: true);
        var y = F.conv2d(x, w, null, [2, 1], [1, 2], [1, 2]);
        var xp = F.pad(x.detach(), [2, 2, 1, 1]);
        var reference = zeros(y.shape, ScalarType.Float64);
        for (int kh = 0; kh < 3; kh++)
            for (int kw = 0; kw < 3; kw++)
            {
                // output (oh, ow) reads xp[oh*2 + kh, ow + 2*kw]
                var patch = xp.narrow(2, kh, 2 * (y.shape[2] - 1) + 1).narrow(3, 2 * kw, y.shape[3]);
                patch = patch.index_select(2, arange(0, patch.shape[2], 2));
                reference += einsumLike(patch, w.detach().select(3, kw).select(2, kh));
            }
        Assert.True(y.allclose(reference, rtol: 1e-12, atol: 1e-12));
    }

    // sum over input channels: [N, C, H, W] x [O, C] -> [N, O, H, W]
    private static Tensor einsumLike(Tensor patch, Tensor w) =>
        patch.permute(0, 2, 3, 1).matmul(w.t()).permute(0, 3, 1, 2);
}

[Collection(DefaultGeneratorCollection.Name)]
public class ConvModuleTests
{
    public static IEnumerable<object[]> Modules => ConvGolden.Names("modules");

    private static Convolution Build(string name) => name switch
    {
        "Conv2d_1_32_3" => nn.Conv2d(1, 32, 3),
        "Conv2d_full" => nn.Conv2d(4, 6, (3, 2), stride: (2, 1), padding: (1, 0), dilation: (1, 2), groups: 2, bias: false),
        "Conv2d_same" => nn.Conv2d(2, 3, 4, Padding.Same),
        "Conv2d_valid" => nn.Conv2d(2, 3, 3, Padding.Valid),
        "Conv2d_reflect" => nn.Conv2d(2, 3, 3, padding: 1, padding_mode: PaddingModes.Reflect),
        "Conv2d_replicate" => nn.Conv2d(2, 3, (3, 3), padding: (2, 1), padding_mode: PaddingModes.Replicate),
        "Conv2d_circular" => nn.Conv2d(2, 3, 3, padding: 2, padding_mode: PaddingModes.Circular),
        "Conv2d_same_reflect" => nn.Conv2d(2, 3, (4, 3), Padding.Same, padding_mode: PaddingModes.Reflect),
        "Conv2d_unbatched" => nn.Conv2d(3, 2, 2),
        "Conv2d_depthwise" => nn.Conv2d(4, 8, 3, groups: 4, padding: 1),
        "Conv1d" => nn.Conv1d(3, 5, 3, stride: 2),
        "Conv1d_circular" => nn.Conv1d(2, 3, 3, padding: 1, padding_mode: PaddingModes.Circular),
        "Conv3d" => nn.Conv3d(2, 3, (2, 3, 3), padding: (0, 1, 1)),
        "Conv3d_replicate" => nn.Conv3d(2, 2, 3, padding: 1, padding_mode: PaddingModes.Replicate),
        "ConvTranspose2d" => nn.ConvTranspose2d(3, 4, 3, stride: 2, padding: 1, output_padding: 1),
        "ConvTranspose2d_groups" => nn.ConvTranspose2d(4, 6, (2, 3), groups: 2, bias: false, dilation: (2, 2)),
        "ConvTranspose1d" => nn.ConvTranspose1d(2, 3, 4, stride: 2),
        "Conv2d_big_init" => nn.Conv2d(64, 64, 3, padding: 1),
        "Conv2d_double" => nn.Conv2d(2, 3, 2, dtype: ScalarType.Float64),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void InitPrintingKeysAndTrainingStepMatchPyTorch(string name)
    {
        var c = ConvGolden.Case("modules", name);
        Convolution m;
        double next;
        manual_seed(0);
        m = Build(name);
        next = rand(1).item<float>();
        Assert.Equal(c.GetProperty("repr").GetString(), m.ToString());
        var sd = m.state_dict();
        Assert.Equal(c.GetProperty("keys").EnumerateArray().Select(k => k.GetString()), sd.Keys);
        foreach (var p in c.GetProperty("params").EnumerateObject())
            NNGolden.AssertExact(p.Value, sd[p.Name], $"{name}.{p.Name}");
        Assert.Equal(c.GetProperty("next_rand").GetDouble(), next);
        if (!c.TryGetProperty("x", out var xe)) return;
        var x = NNGolden.Tensor(xe).requires_grad_();
        var y = m.call(x);
        NNGolden.AssertClose(c.GetProperty("y"), y, 1e-5, 1e-5, name + " y");
        (y * NNGolden.Tensor(c.GetProperty("r"))).sum().backward();
        NNGolden.AssertClose(c.GetProperty("gx"), x.grad!, 1e-5, 1e-5, name + " gx");
        foreach (var (pn, p) in m.named_parameters())
            NNGolden.AssertClose(c.GetProperty("grads").GetProperty(pn), p.grad!, 1e-5, 1e-5, $"{name} grad {pn}");
    }
}

public class ConvErrorTests
{
    private static void Expect(string golden, Action act)
    {
        var (type, message) = ConvGolden.Error(golden);
        var e = Assert.ThrowsAny<Exception>(act);
        Assert.Equal(message, e.Message);
        Assert.IsAssignableFrom(type == "NotImplementedError" ? typeof(NotSupportedException) : typeof(ArgumentException), e);
    }

    private static readonly Tensor W4 = zeros([32, 1, 3, 3]);

    [Fact]
    public void ConvolutionErrorsUsePyTorchsWords()
    {
        Expect("conv2d_rank", () => F.conv2d(zeros([2, 3]), W4));
        Expect("conv2d_rank5", () => F.conv2d(zeros([1, 1, 1, 5, 5]), W4));
        Expect("conv1d_rank", () => F.conv1d(zeros([5]), zeros([2, 1, 3])));
        Expect("conv3d_rank", () => F.conv3d(zeros([2, 3, 4]), zeros([2, 1, 3, 3, 3])));
        Expect("conv_transpose2d_rank", () => F.conv_transpose2d(zeros([2, 3]), W4));
        Expect("conv2d_channels", () => F.conv2d(zeros([64, 3, 28, 28]), W4));
        Expect("conv2d_channels_groups", () => F.conv2d(zeros([2, 3, 8, 8]), zeros([4, 2, 3, 3]), groups: 2));
        Expect("conv2d_weight_rank", () => F.conv2d(zeros([2, 1, 8, 8]), zeros([4, 1, 3]), strides: [1, 1]));
        Expect("conv2d_groups_div", () => F.conv2d(zeros([2, 4, 8, 8]), zeros([3, 2, 3, 3]), groups: 2));
        Expect("conv2d_groups_big", () => F.conv2d(zeros([2, 4, 8, 8]), zeros([3, 1, 3, 3]), groups: 4));
        Expect("conv2d_bias", () => F.conv2d(zeros([2, 1, 8, 8]), W4, zeros([3])));
        Expect("conv2d_kernel_too_big", () => F.conv2d(zeros([2, 1, 2, 8]), W4));
        Expect("conv2d_stride0", () => F.conv2d(zeros([2, 1, 8, 8]), W4, strides: [0]));
        Expect("conv2d_negpad", () => F.conv2d(zeros([2, 1, 8, 8]), W4, padding: [-1]));
        Expect("conv2d_dilation0", () => F.conv2d(zeros([2, 1, 8, 8]), W4, dilation: [0]));
        Expect("conv2d_groups0", () => F.conv2d(zeros([2, 1, 8, 8]), W4, groups: 0));
        Expect("conv2d_stride_len", () => F.conv2d(zeros([2, 1, 8, 8]), W4, strides: [1, 1, 1]));
        Expect("conv2d_same_strided", () => F.conv2d(zeros([2, 1, 8, 8]), W4, null, [2], Padding.Same));
        Expect("conv2d_dtype", () => F.conv2d(zeros([2, 1, 8, 8], dtype: ScalarType.Float64), W4));
        Expect("conv_transpose2d_channels", () => F.conv_transpose2d(zeros([2, 3, 4, 4]), zeros([2, 3, 3, 3])));
        Expect("conv_transpose2d_bias", () => F.conv_transpose2d(zeros([2, 2, 4, 4]), zeros([2, 3, 3, 3]), zeros([2])));
        Expect("conv_transpose2d_output_padding", () => F.conv_transpose2d(zeros([2, 2, 4, 4]), zeros([2, 3, 3, 3]), output_padding: [1]));
    }

    [Fact]
    public void LayerConstructorErrorsUsePyTorchsWords()
    {
        Expect("module_groups_in", () => nn.Conv2d(3, 4, 3, groups: 2));
        Expect("module_groups_out", () => nn.Conv2d(4, 3, 3, groups: 2));
        Expect("module_same_strided", () => nn.Conv2d(4, 3, 3, Padding.Same, stride: 2));
        Expect("module_transpose_mode", () => nn.ConvTranspose2d(4, 3, 3, padding_mode: PaddingModes.Reflect));
    }

    [Fact]
    public void PadErrorsUsePyTorchsWords()
    {
        Expect("pad_odd", () => F.pad(zeros([2, 3]), [1, 1, 1]));
        Expect("pad_too_long", () => F.pad(zeros([2, 3]), [1, 1, 1, 1, 1, 1]));
        Expect("pad_negative_size", () => F.pad(zeros([2, 3]), [-2, -2]));
        Expect("pad_reflect_too_big", () => F.pad(zeros([1, 2, 3]), [3, 3], PaddingModes.Reflect));
        Expect("pad_reflect_rank", () => F.pad(zeros([3]), [1, 1], PaddingModes.Reflect));
        Expect("pad_circular_wrap", () => F.pad(zeros([1, 2, 3]), [4, 0], PaddingModes.Circular));
        Expect("pad_value_nonconstant", () => F.pad(zeros([1, 2, 3]), [1, 1], PaddingModes.Replicate, 1.0));
    }
}

public class PadTests
{
    public static IEnumerable<object[]> Cases => ConvGolden.Names("pad");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesAndGradientsMatchPyTorch(string name) => ConvGolden.CheckPad(name, CPU);
}

public class FoldTests
{
    public static IEnumerable<object[]> Cases => ConvGolden.Names("fold");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesAndGradientsMatchPyTorch(string name) => FoldGolden.Check(name, CPU);

    [Fact]
    public void LayersPrintAsPyTorch()
    {
        // PyTorch prints each argument as it was given (an int or a pair); golden: Fold(..., stride=2), Unfold(kernel_size=(2, 3), dilation=2, ...).
        Assert.StartsWith("Fold(output_size=(4, 5), kernel_size=(2, 3), dilation=1, padding=0, stride=", ConvGolden.Root.GetProperty("fold_repr").GetString());
        Assert.Equal("Fold(output_size=(4, 5), kernel_size=(2, 3), dilation=1, padding=0, stride=(2, 2))", nn.Fold((4, 5), (2, 3), stride: (2, 2)).ToString());
        Assert.Equal("Unfold(kernel_size=(2, 3), dilation=(2, 2), padding=(1, 1), stride=1)", nn.Unfold((2, 3), (2, 2), (1, 1)).ToString());
        Assert.Equal("Unfold(kernel_size=3, dilation=1, padding=0, stride=1)", nn.Unfold(3).ToString());
    }

    [Fact]
    public void FoldOfUnfoldCountsEachElementsBlocks()
    {
        // fold(unfold(x)) multiplies each element by the number of blocks that cover it (PyTorch's documented identity).
        var x = randn(2, 3, 5, 6, dtype: ScalarType.Float64);
        var ones = ones_like(x);
        var divisor = F.fold(F.unfold(ones, (2, 3), stride: (1, 2)), (5, 6), (2, 3), stride: (1, 2));
        var back = F.fold(F.unfold(x, (2, 3), stride: (1, 2)), (5, 6), (2, 3), stride: (1, 2));
        Assert.True(back.allclose(x * divisor));
    }

    [Fact]
    public void ErrorsUsePyTorchsWords()
    {
        Assert.Equal(ConvGolden.Error("unfold_rank").message, Assert.Throws<ArgumentException>(() => F.unfold(zeros([2, 3, 4, 5, 6]), 2)).Message);
        Assert.Equal(ConvGolden.Error("fold_rank").message, Assert.Throws<ArgumentException>(() => F.fold(zeros([2, 3, 4, 5]), 4, 2)).Message);
        Assert.Equal(ConvGolden.Error("fold_channels").message, Assert.Throws<ArgumentException>(() => F.fold(zeros([2, 7, 9]), 4, 2)).Message);
        Assert.Equal(ConvGolden.Error("fold_blocks").message, Assert.Throws<ArgumentException>(() => F.fold(zeros([2, 8, 8]), 4, 2)).Message);
    }
}

public class ConvLayoutTests
{
    [Fact]
    public void ExpandedGradientAndStridedOperandsGiveTheDenseResults()
    {
        // y.sum().backward() hands the convolution an expanded (stride 0) gradient; inputs may be transposed views.
        var x = randn(3, 2, 5, 4, dtype: ScalarType.Float64).transpose(2, 3).detach().requires_grad_();
        var w = randn(4, 2, 3, 2, dtype: ScalarType.Float64, requires_grad: true);
        F.conv2d(x, w, null, [1], [1]).sum().backward();
        var xd = x.detach().contiguous().requires_grad_();
        var wd = w.detach().clone().requires_grad_();
        (F.conv2d(xd, wd, null, [1], [1]) * 1.0).sum().backward();
        Assert.True(x.grad!.allclose(xd.grad!, rtol: 1e-12, atol: 1e-12));
        Assert.True(w.grad!.allclose(wd.grad!, rtol: 1e-12, atol: 1e-12));
        var xt = randn(2, 3, 4, 2, dtype: ScalarType.Float64).transpose(1, 2).detach().requires_grad_();
        var wt = randn(4, 2, 2, 2, dtype: ScalarType.Float64, requires_grad: true);
        F.conv_transpose2d(xt, wt).sum().backward();
        var xtd = xt.detach().contiguous().requires_grad_();
        var wtd = wt.detach().clone().requires_grad_();
        (F.conv_transpose2d(xtd, wtd) * 1.0).sum().backward();
        Assert.True(xt.grad!.allclose(xtd.grad!, rtol: 1e-12, atol: 1e-12));
        Assert.True(wt.grad!.allclose(wtd.grad!, rtol: 1e-12, atol: 1e-12));
    }
}
