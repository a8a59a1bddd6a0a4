using Flint.Modules;
using static Flint.torch.nn;

namespace Flint.Tests.Autograd;

/// <summary>register_full_backward_hook / register_full_backward_pre_hook on a Linear layer, against analytic gradients.</summary>
public class ModuleBackwardHookTests
{
    private static Tensor Mat(int rows, int cols, double seed) =>
        torch.tensor(Enumerable.Range(0, rows * cols).Select(i => Math.Sin(seed + i * 0.77)).ToArray(), dtype: ScalarType.Float64).reshape(rows, cols);

    private static (Modules.Linear lin, Tensor x) Setup()
    {
        var lin = Linear(new Parameter(Mat(2, 3, 1)), new Parameter(Mat(1, 2, 2).reshape(2)));
        return (lin, Mat(4, 3, 3).requires_grad_());
    }

    private static double[] V(Tensor t) => t.detach().reshape(-1).data<double>().ToArray();

    [Fact]
    public void FullHookSeesGradInputAndGradOutputAndMayReplaceGradInput()
    {
        var (lin, x) = Setup();
        Tensor?[]? seenIn = null, seenOut = null;
        var h = lin.register_full_backward_hook((m, gin, gout) =>
        {
            Assert.Same(lin, m);
            seenIn = gin; seenOut = gout;
            return [gin[0]! * 3];
        });
        var y = lin.call(x);
        (y * y).sum().backward();
        var gradOut = V(y * 2);                 // d(sum y²)/dy
        var gradIn = V((y * 2).mm(lin.weight)); // dy/dx
        Assert.Equal(gradOut, V(seenOut![0]!));
        Assert.Equal(gradIn, V(seenIn![0]!));
        Assert.Equal(gradIn.Select(v => v * 3).ToArray(), V(x.grad!));
        var wGrad = V((y * 2).t().mm(x));
        Assert.Equal(wGrad, V(lin.weight.grad!)); // parameters keep the true gradient

        h.remove();
        x.grad = null;
        (lin.call(x).pow(2)).sum().backward();
        Assert.Equal(gradIn, V(x.grad!));
    }

    [Fact]
    public void PreHookReplacesGradOutputForTheWholeModule()
    {
        var (lin, x) = Setup();
        var order = new List<string>();
        lin.register_full_backward_pre_hook((m, gout) => { order.Add("pre"); return [gout[0]! * 0.5]; });
        lin.register_full_backward_hook((m, gin, gout) => { order.Add("full"); Assert.Equal(V(gout[0]!), V(gout[0]!)); return null; });
        var y = lin.call(x);
        y.sum().backward();
        Assert.Equal(["pre", "full"], order);
        Assert.Equal(V(torch.full([4, 2], 0.5, ScalarType.Float64).mm(lin.weight)), V(x.grad!));
        Assert.Equal(Enumerable.Repeat(2.0, 2).ToArray(), V(lin.bias!.grad!)); // 4 rows · 0.5
    }

    [Fact]
    public void FullHookRunsWithNullGradInputWhenTheInputNeedsNoGrad()
    {
        var (lin, _) = Setup();
        var x = Mat(4, 3, 3);
        int calls = 0;
        lin.register_full_backward_hook((m, gin, gout) => { calls++; Assert.Null(gin[0]); Assert.NotNull(gout[0]); return null; });
        lin.call(x).sum().backward();
        Assert.Equal(1, calls);
        Assert.NotNull(lin.weight.grad);
    }
}
