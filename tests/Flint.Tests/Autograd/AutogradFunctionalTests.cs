using Flint.Modules;
using static Flint.torch.nn;

namespace Flint.Tests.Autograd;

/// <summary>torch.autograd.functional against analytic results and central finite differences (float64), and checkpoint.</summary>
public class AutogradFunctionalTests
{
    private static Tensor Vec(params double[] v) => torch.tensor(v, dtype: ScalarType.Float64);

    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).reshape(-1).data<double>().ToArray();

    private static void AssertClose(double[] expected, Tensor actual, double tol = 1e-9)
    {
        var a = Values(actual);
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(expected[i] - a[i]) <= tol * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {a[i]:R}");
    }

    // f: R³ → R², nonlinear in every input. (No indexing: Flint's select backward does not record a graph
    // under create_graph yet, so second-order results through x[i] would miss terms.)
    private static Tensor F(Tensor x) => torch.stack([x.sin().sum() * x.sum(), (x * x).prod() + x.exp().sum()], 0);

    private static Tensor Scalar(Tensor x) => (x.sin() * x.pow(3)).sum() + x.prod();

    /// <summary>The Jacobian of <paramref name="f"/> by central differences, row-major (outputs × inputs).</summary>
    private static double[] FiniteJacobian(Func<Tensor, Tensor> f, double[] x, double h = 1e-6)
    {
        int m = (int)f(Vec(x)).numel();
        var j = new double[m * x.Length];
        for (int k = 0; k < x.Length; k++)
        {
            var xp = (double[])x.Clone(); xp[k] += h;
            var xm = (double[])x.Clone(); xm[k] -= h;
            var fp = Values(f(Vec(xp))); var fm = Values(f(Vec(xm)));
            for (int i = 0; i < m; i++) j[i * x.Length + k] = (fp[i] - fm[i]) / (2 * h);
        }
        return j;
    }

    private static readonly double[] X0 = [0.3, -1.2, 0.7];

    [Fact]
    public void JacobianMatchesFiniteDifferences()
    {
        var jac = torch.autograd.functional.jacobian(F, Vec(X0));
        Assert.Equal(new long[] { 2, 3 }, jac.shape);
        Assert.False(jac.requires_grad);
        AssertClose(FiniteJacobian(F, X0), jac, 1e-7);
    }

    [Fact]
    public void JacobianOfSeveralInputsAndOutputsHasOneBlockPerPair()
    {
        var a = Vec(1, 2); var b = Vec(3, 4, 5);
        var jac = torch.autograd.functional.jacobian(xs => [xs[0] * xs[0], xs[1].sum() * xs[0]], [a, b]);
        AssertClose([2, 0, 0, 4], jac[0][0]);       // d(a²)/da = diag(2a)
        AssertClose(new double[6], jac[0][1]);      // a² does not depend on b: zeros (strict = false)
        Assert.Equal(new long[] { 2, 3 }, jac[0][1].shape);
        AssertClose([12, 0, 0, 12], jac[1][0]);     // sum(b) · I
        AssertClose([1, 1, 1, 2, 2, 2], jac[1][1]); // a ⊗ 1
        var e = Assert.Throws<InvalidOperationException>(() =>
            torch.autograd.functional.jacobian(xs => [xs[0] * xs[0], xs[1].sum() * xs[0]], [a, b], strict: true));
        Assert.Equal("Output 0 of the user-provided function is independent of input 1. This is not allowed in strict mode.", e.Message);
    }

    [Fact]
    public void HessianMatchesTheJacobianOfTheGradient()
    {
        var hes = torch.autograd.functional.hessian(Scalar, Vec(X0));
        Assert.Equal(new long[] { 3, 3 }, hes.shape);
        Tensor Gradient(Tensor x) => torch.autograd.functional.vjp(Scalar, x).vjp;
        AssertClose(FiniteJacobian(Gradient, X0), hes, 1e-6);
        var h = Values(hes);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) Assert.Equal(h[i * 3 + j], h[j * 3 + i], 12);
    }

    [Fact]
    public void VectorProductsAgreeWithTheMatrices()
    {
        var x = Vec(X0);
        var J = Values(torch.autograd.functional.jacobian(F, x));
        var H = Values(torch.autograd.functional.hessian(Scalar, x));
        double[] v3 = [0.5, -1, 2], v2 = [1.5, -0.25];

        var (y, vjp) = torch.autograd.functional.vjp(F, x, Vec(v2));
        AssertClose(Values(F(x)), y);
        AssertClose(Enumerable.Range(0, 3).Select(k => v2[0] * J[k] + v2[1] * J[3 + k]).ToArray(), vjp);

        var (_, jvp) = torch.autograd.functional.jvp(F, x, Vec(v3));
        AssertClose(Enumerable.Range(0, 2).Select(i => Enumerable.Range(0, 3).Sum(k => J[i * 3 + k] * v3[k])).ToArray(), jvp);

        var Hv = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(k => H[i * 3 + k] * v3[k])).ToArray();
        var (s, hvp) = torch.autograd.functional.hvp(Scalar, x, Vec(v3));
        AssertClose([Values(Scalar(x))[0]], s);
        AssertClose(Hv, hvp);
        AssertClose(Hv, torch.autograd.functional.vhp(Scalar, x, Vec(v3)).vhp); // H is symmetric
        Assert.False(hvp.requires_grad);
        Assert.False(x.requires_grad); // the caller's tensor is untouched
    }

    [Fact]
    public void CreateGraphKeepsResultsDifferentiable()
    {
        // d/dx of the trace of the Hessian of sum(x⁴) = sum(12 x²) is 24 x.
        var x = Vec(1, -2).requires_grad_();
        var hes = torch.autograd.functional.hessian(t => t.pow(4).sum(), x, create_graph: true);
        Assert.True(hes.requires_grad);
        (hes[0, 0] + hes[1, 1]).backward();
        AssertClose([24, -48], x.grad!);
    }

    [Fact]
    public void VOmittedOnlyForSingleElements()
    {
        var (_, g) = torch.autograd.functional.vjp(t => (t * t).sum(), Vec(1, 2));
        AssertClose([2, 4], g);
        var e = Assert.Throws<ArgumentException>(() => torch.autograd.functional.vjp(t => t * t, Vec(1, 2)));
        Assert.Equal("The vector v can only be None if the user-provided function returns a single Tensor with a single element.", e.Message);
        Assert.Equal("The function given to hessian should return a single element Tensor",
            Assert.Throws<ArgumentException>(() => torch.autograd.functional.hessian(t => t * t, Vec(1, 2))).Message);
    }

    [Fact]
    public void CheckpointGivesTheSameGradientsAsThePlainRun()
    {
        var w1 = new Parameter(Mat(4, 5, 1));
        var w2 = new Parameter(Mat(5, 3, 2));
        var x = Mat(2, 4, 3).requires_grad_();
        Tensor Segment(Tensor t) => t.mm(w1).tanh().mm(w2);

        Segment(x).pow(2).sum().backward();
        var expected = new[] { x.grad!, w1.grad!, w2.grad! }.Select(Values).ToArray();
        x.grad = null; w1.grad = null; w2.grad = null;

        var y = torch.utils.checkpoint(Segment, x);
        Assert.Equal("CheckpointBackward", y.grad_fn!.name());
        y.pow(2).sum().backward();
        AssertClose(expected[0], x.grad!, 1e-12);
        AssertClose(expected[1], w1.grad!, 1e-12);
        AssertClose(expected[2], w2.grad!, 1e-12);
    }

    private static Tensor Mat(int rows, int cols, int seed) =>
        torch.tensor(Enumerable.Range(0, rows * cols).Select(i => Math.Sin(seed * 1.7 + i * 0.91)).ToArray(), dtype: ScalarType.Float64).reshape(rows, cols);
}

/// <summary>checkpoint's generator handling; seeds the global generator, so it runs alone.</summary>
[Collection(GlobalRandomCollection.Name)]
public class CheckpointRandomStateTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).reshape(-1).data<double>().ToArray();

    [Fact]
    public void CheckpointReplaysDropoutsRandomDraws()
    {
        var x = torch.ones([64], dtype: ScalarType.Float64).requires_grad_();
        Tensor Segment(Tensor t) => functional.dropout(t * 3, 0.5, training: true);

        torch.manual_seed(11);
        var plain = Segment(x);
        plain.sum().backward();
        var expected = Values(x.grad!);
        x.grad = null;

        torch.manual_seed(11);
        var y = torch.utils.checkpoint(Segment, x);
        Assert.Equal(Values(plain), Values(y));
        y.sum().backward(); // recomputes with the saved generator state, then puts the current one back
        var afterBackward = torch.rand([1]).item<float>();
        Assert.Equal(expected, Values(x.grad!)); // same mask: the gradient is 6 where kept, 0 where dropped
        Assert.Contains(0.0, expected);
        Assert.Contains(6.0, expected);

        torch.manual_seed(11);
        Segment(x);
        Assert.Equal(torch.rand([1]).item<float>(), afterBackward); // the caller's stream is undisturbed by the replay
    }
}
