using static Flint.torch;

namespace Flint.Tests.Autograd;

/// <summary>
/// The internal post-accumulate-grad hook (PyTorch 2.1's register_post_accumulate_grad_hook) that
/// Flint.Distributed's DDP launches bucket all-reduces from: it runs once per backward, after .grad holds
/// the accumulated value, in registration order, and stops after its registration is disposed.
/// </summary>
public class PostAccumulateGradHookTests
{
    [Fact]
    public void RunsAfterTheGradientIsAccumulatedOncePerBackward()
    {
        var w = tensor(new float[] { 1, 2, 3 }, requires_grad: true);
        var seen = new List<float[]>();
        var order = new List<string>();
        using var first = w.RegisterPostAccumulateGradHook(t => { seen.Add(t.grad!.data<float>()); order.Add("first"); });
        var second = w.RegisterPostAccumulateGradHook(t => order.Add("second"));

        (w * w).sum().backward();                   // used once: grad 2w
        Assert.Equal([2f, 4f, 6f], seen[0]);
        (w * 3 + w).sum().backward();               // used twice in one graph: one accumulation of 4, added to 2w
        Assert.Equal([6f, 8f, 10f], seen[1]);
        Assert.Equal(["first", "second", "first", "second"], order);

        second.Dispose();
        w.sum().backward();
        Assert.Equal(["first", "second", "first", "second", "first"], order);
        Assert.Equal([7f, 9f, 11f], seen[2]);
    }

    [Fact]
    public void DoesNotRunForGradientsReturnedByAutogradGrad()
    {
        var w = tensor(new float[] { 1, 2 }, requires_grad: true);
        int calls = 0;
        using var hook = w.RegisterPostAccumulateGradHook(_ => calls++);
        var g = autograd.grad([(w * w).sum()], [w]);
        Assert.Equal([2f, 4f], g[0]!.data<float>());
        Assert.Equal(0, calls);
        Assert.Null(w.grad);
    }
}
