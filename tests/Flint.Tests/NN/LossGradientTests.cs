using Flint.Modules;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// Analytical gradients of losses and functional ops against central finite differences in float64, plus
/// numerical-stability and error checks.
/// </summary>
public class LossGradientTests
{
    /// <summary>
    /// Compares d sum(f(x) * w)/dx from backward with central differences, element by element
    /// (a local stand-in for torch.autograd.gradcheck).
    /// </summary>
    private static void CheckGradient(Func<Tensor, Tensor> f, Tensor x0, string what, double eps = 1e-6, double tol = 1e-6)
    {
        Assert.Equal(float64, x0.dtype);
        var y0 = f(x0.detach());
        var w = y0.dim() == 0 ? ones_like(y0) : linspace(0.5, 1.5, y0.numel(), dtype: float64).reshape(y0.shape);
        double Objective(Tensor x) { using (no_grad()) return f(x).mul(w).sum().item<double>(); }

        var x = x0.detach().clone().requires_grad_();
        f(x).mul(w).sum().backward();
        var analytic = x.grad!.data<double>();
        var flat = x0.detach().clone().flatten();
        var values = flat.data<double>();
        for (int i = 0; i < values.Length; i++)
        {
            var plus = (double[])values.Clone(); plus[i] += eps;
            var minus = (double[])values.Clone(); minus[i] -= eps;
            double numeric = (Objective(tensor(plus, float64).reshape(x0.shape)) - Objective(tensor(minus, float64).reshape(x0.shape))) / (2 * eps);
            Assert.True(Math.Abs(numeric - analytic[i]) <= tol + 1e-5 * Math.Abs(numeric),
                $"{what}: d/dx[{i}] numeric {numeric:R} vs analytic {analytic[i]:R}");
        }
    }

    private static Tensor R(params long[] shape) => randn(shape, dtype: float64);

    public static TheoryData<nn.Reduction> Reductions() => new(nn.Reduction.None, nn.Reduction.Mean, nn.Reduction.Sum);

    [Theory]
    [MemberData(nameof(Reductions))]
    public void RegressionLossGradients(nn.Reduction r)
    {
        var target = R(3, 4);
        CheckGradient(x => F.mse_loss(x, target, r), R(3, 4), $"mse {r}");
        CheckGradient(x => F.mse_loss(target, x, r), R(3, 4), $"mse wrt target {r}");
        CheckGradient(x => F.mse_loss(x, target[0], r), R(3, 4), $"mse broadcast {r}");
        // away from the kink at input == target
        CheckGradient(x => F.l1_loss(x, target, r), target + R(3, 4).sign() * 0.5, $"l1 {r}");
    }

    [Theory]
    [MemberData(nameof(Reductions))]
    public void ClassificationLossGradients(nn.Reduction r)
    {
        var cls = tensor(new long[] { 1, 0, 4, 2, 1 });
        var weight = rand(5, dtype: float64) + 0.5;
        var probs = R(5, 5).softmax(1);
        CheckGradient(x => F.cross_entropy(x, cls, reduction: r), R(5, 5), $"ce {r}");
        CheckGradient(x => F.cross_entropy(x, cls, weight, 1, r, 0.15), R(5, 5), $"ce weight+ignore+smoothing {r}");
        CheckGradient(x => F.cross_entropy(x, probs, weight, reduction: r, label_smoothing: 0.1), R(5, 5), $"ce probabilities {r}");
        CheckGradient(t => F.cross_entropy(probs.log(), t, reduction: r), probs.clone(), $"ce wrt probability target {r}");
        CheckGradient(x => F.cross_entropy(x, tensor(new long[,] { { 0, 2 }, { 1, 1 } }), reduction: r), R(2, 3, 2), $"ce 3-d {r}");
        CheckGradient(x => F.nll_loss(x, cls, weight, r, ignore_index: 4), R(5, 5), $"nll {r}");

        var p = rand(6, dtype: float64) * 0.9 + 0.05;
        var t = rand(6, dtype: float64);
        var bw = rand(6, dtype: float64);
        CheckGradient(x => F.binary_cross_entropy(x, t, reduction: r), p, $"bce {r}");
        CheckGradient(x => F.binary_cross_entropy(p, x, bw, r), t, $"bce wrt target {r}");

        var logits = tensor(new double[] { -30, -5, -0.5, 0.3, 2, 30 }, float64);
        var pw = tensor(new double[] { 0.5, 1, 2, 3, 1, 4 }, float64);
        CheckGradient(x => F.binary_cross_entropy_with_logits(x, t, reduction: r), logits, $"bce logits {r}");
        CheckGradient(x => F.binary_cross_entropy_with_logits(x, t, bw, r, pw), logits, $"bce logits pos_weight {r}");
    }

    [Fact]
    public void SoftmaxAndLinearGradients()
    {
        foreach (var d in new long[] { 0, 1, -1 })
        {
            CheckGradient(x => x.softmax(d), R(3, 4), $"softmax dim {d}");
            CheckGradient(x => x.log_softmax(d), R(3, 4), $"log_softmax dim {d}");
        }
        CheckGradient(x => F.log_softmax(x, 1), R(2, 3, 4) * 20, "log_softmax large");
        var w = R(2, 4);
        var b = R(2);
        var input = R(3, 4);
        CheckGradient(x => F.linear(x, w, b), input, "linear input");
        CheckGradient(x => F.linear(input, x, b), w, "linear weight");
        CheckGradient(x => F.linear(input, w, x), b, "linear bias");
    }

    [Fact]
    public void SoftmaxIsStableForHugeInputs()
    {
        var x = tensor(new float[,] { { 1000f, 0f, -1000f }, { 1e30f, 1e30f, -1e30f } });
        var s = x.softmax(1);
        Assert.False(s.ne(s).any().item<bool>()); // no NaN
        Assert.Equal(1f, s[0, 0].item<float>());
        Assert.Equal(0.5f, s[1, 0].item<float>());
        var ls = x.log_softmax(1);
        Assert.Equal(-2000f, ls[0, 2].item<float>());
        Assert.Equal(new long[] { 2, 0 }, zeros(new long[] { 2, 0 }).softmax(1).shape);
        Assert.Equal("SoftmaxBackward0", randn(3, requires_grad: true).softmax(0).grad_fn!.name());
        Assert.Throws<IndexOutOfRangeException>(() => randn(3, 4).softmax(2));
    }

    [Fact]
    public void CrossEntropyWithLogitsHundredIsFinite()
    {
        var logits = tensor(new float[,] { { 100f, -100f }, { -100f, 100f } }, requires_grad: true);
        var loss = F.cross_entropy(logits, tensor(new long[] { 1, 1 }));
        Assert.Equal(100f, loss.item<float>(), 3);
        loss.backward();
        Assert.False(logits.grad!.ne(logits.grad!).any().item<bool>()); // no NaN
        var bce = F.binary_cross_entropy_with_logits(tensor(new float[] { 100f, -100f }), tensor(new float[] { 0f, 1f }), reduction: nn.Reduction.None);
        Assert.Equal(new[] { 100f, 100f }, bce.data<float>());
    }

    [Fact]
    public void LossErrorsUsePyTorchWording()
    {
        var x = randn(4, 5);
        var t = tensor(new long[] { 1, 0, 4, 2 });
        Assert.Equal("expected scalar type Long but found Int", Assert.Throws<ArgumentException>(() => F.nll_loss(x, t.@int())).Message);
        Assert.Equal("Expected input batch_size (4) to match target batch_size (3).", Assert.Throws<ArgumentException>(() => F.nll_loss(x, t[..3])).Message);
        Assert.Equal("Target 7 is out of bounds.", Assert.Throws<IndexOutOfRangeException>(() => F.cross_entropy(x, tensor(new long[] { 1, 0, 7, 2 }))).Message);
        Assert.Equal("Target -3 is out of bounds.", Assert.Throws<IndexOutOfRangeException>(() => F.nll_loss(x, tensor(new long[] { 1, 0, -3, 2 }))).Message);
        Assert.Equal("weight tensor should be defined either for all 5 classes or no classes but got weight tensor of shape: [3]",
            Assert.Throws<ArgumentException>(() => F.nll_loss(x, t, ones(3))).Message);
        Assert.Equal("Expected target size [2, 4], got [2, 5]", Assert.Throws<ArgumentException>(() => F.nll_loss(randn(2, 3, 4), zeros(2, 5, dtype: int64))).Message);
        Assert.Equal("Expected floating point type for target with class probabilities, got Long",
            Assert.Throws<ArgumentException>(() => F.cross_entropy(x, zeros(4, 5, dtype: int64))).Message);
        Assert.Equal("label_smoothing must be between 0.0 and 1.0. Got: 1.5", Assert.Throws<ArgumentException>(() => F.cross_entropy(x, t, label_smoothing: 1.5)).Message);
        Assert.Equal("all elements of input should be between 0 and 1",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(tensor(new float[] { 0.5f, 1.5f }), tensor(new float[] { 0f, 1f }))).Message);
        Assert.Equal("Using a target size (torch.Size([1, 2])) that is different to the input size (torch.Size([2])) is deprecated. Please ensure they have the same size.",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(tensor(new float[] { 0.5f, 0.5f }), zeros(1, 2))).Message);
        Assert.Equal("Target size (torch.Size([1, 2])) must be the same as input size (torch.Size([2]))",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy_with_logits(zeros(2), zeros(1, 2))).Message);
        Assert.Equal("dropout probability has to be between 0 and 1, but got 1.5", Assert.Throws<ArgumentException>(() => nn.Dropout(1.5)).Message);
        Assert.Equal("result type Float can't be cast to the desired output type Long", Assert.Throws<ArgumentException>(() => F.dropout(ones(3, dtype: int64))).Message);
        // All targets ignored: the mean is 0/0, as in PyTorch.
        Assert.True(float.IsNaN(F.cross_entropy(x, full(new long[] { 4 }, -100L, dtype: int64)).item<float>()));
    }

    [Fact]
    public void BinaryCrossEntropyClampsLogsLikePyTorch()
    {
        var x = tensor(new float[] { 0f, 1f, 0.5f }, requires_grad: true);
        var loss = F.binary_cross_entropy(x, tensor(new float[] { 1f, 0f, 1f }), reduction: nn.Reduction.None);
        Assert.Equal(new[] { 100f, 100f, (float)Math.Log(2) }, loss.data<float>());
        loss.mean().backward();
        // PyTorch: (x - t) / max(x (1 - x), 1e-12) / n
        var g = x.grad!.data<float>();
        Assert.Equal(-3.3333e11, g[0], 0.0001e11);
        Assert.Equal(3.3333e11, g[1], 0.0001e11);
        Assert.Equal(-2.0 / 3, g[2], 6);
    }
}
