using static Flint.torch.autograd;
using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

/// <summary>Two outputs from one input and a scale argument: (x * scale, x²), for the MultiTensorFunction path.</summary>
internal sealed class ScaleAndSquare : MultiTensorFunction<ScaleAndSquare>
{
    public override string Name => "ScaleAndSquare";

    public override List<Tensor> forward(AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        double scale = (double)vars[1];
        ctx.save_for_backward([x]);
        ctx.save_data("scale", scale);
        Assert.False(torch.is_grad_enabled()); // forward runs without recording
        return [x * scale, x * x];
    }

    public override List<Tensor> backward(AutogradContext ctx, List<Tensor> grad_outputs)
    {
        var x = ctx.get_saved_variables()[0];
        double scale = (double)ctx.get_data("scale")!;
        return [grad_outputs[0] * scale + grad_outputs[1] * 2 * x, null!];
    }
}

/// <summary>x * y with gradients only where needed, and an argmax output marked non-differentiable.</summary>
internal sealed class MulWithIndex : MultiTensorFunction<MulWithIndex>
{
    public static readonly List<IReadOnlyList<bool>> NeedsSeen = [];

    public override string Name => "MulWithIndex";

    public override List<Tensor> forward(AutogradContext ctx, params object[] vars)
    {
        var (x, y) = ((Tensor)vars[0], (Tensor)vars[1]);
        ctx.save_for_backward(x, y);
        var product = x * y;
        var index = product.argmax().to(torch.float32); // floating, so only the mark keeps it out of the graph
        ctx.mark_non_differentiable(index);
        return [product, index];
    }

    public override List<Tensor> backward(AutogradContext ctx, List<Tensor> grad_outputs)
    {
        lock (NeedsSeen) NeedsSeen.Add(ctx.needs_input_grad);
        var saved = ctx.saved_tensors;
        var g = grad_outputs[0];
        return [ctx.needs_input_grad[0] ? g * saved[1] : null!, ctx.needs_input_grad[1] ? g * saved[0] : null!];
    }
}

/// <summary>A Function whose backward returns what the test asks for, to exercise the checks.</summary>
internal sealed class Misbehaving : SingleTensorFunction<Misbehaving>
{
    public override string Name => "Misbehaving";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        ctx.save_data("make", ((Carrier)vars[1]).Make);
        return ((Tensor)vars[0]) * 2;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) =>
        ((Func<Tensor, List<Tensor>>)ctx.get_data("make")!)(grad_output);
}

internal sealed record Carrier(Func<Tensor, List<Tensor>> Make);

/// <summary>Squares its input in place (marks it dirty) and returns it.</summary>
internal sealed class SquareInPlace : SingleTensorFunction<SquareInPlace>
{
    public override string Name => "SquareInPlace";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        ctx.save_for_backward(x.clone());
        x.mul_(x);
        ctx.mark_dirty(x);
        return x;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) => [grad_output * 2 * ctx.saved_tensors[0]];
}

/// <summary>Returns its input unchanged (an identity Function).</summary>
internal sealed class Identity : SingleTensorFunction<Identity>
{
    public override string Name => "Identity";
    public override Tensor forward(AutogradContext ctx, params object[] vars) => (Tensor)vars[0];
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) => [grad_output];
}

public class CustomFunctionTests
{
    [Fact]
    public void MyReLUForwardBackwardAndName()
    {
        var x = torch.tensor(new[] { -1f, 2f, -3f, 4f }, requires_grad: true);
        var y = MyReLU.apply(x);
        Assert.Equal(new[] { 0f, 2f, 0f, 4f }, y.data<float>());
        Assert.Equal("MyReLUBackward", y.grad_fn!.name());
        Assert.Equal("tensor([0., 2., 0., 4.], grad_fn=<MyReLUBackward>)", y.ToString());
        Assert.False(y.is_leaf);
        Assert.Single(y.grad_fn.next_functions);
        Assert.Equal("AccumulateGrad", y.grad_fn.next_functions[0].node!.name());
        (y * torch.tensor(new[] { 1f, 2f, 3f, 4f })).sum().backward();
        Assert.Equal(new[] { 0f, 2f, 0f, 4f }, x.grad!.data<float>());
    }

    [Fact]
    public void MyReLUGradcheck()
    {
        var x = AwayFromZero(21, [3, 4]);
        Assert.True(gradcheck(xs => MyReLU.apply(xs[0]), [x]));
        Assert.True(gradcheck(xs => MyReLU.apply(xs[0] * xs[1]).pow(2), [x, Rand(22, [3, 4])]));
    }

    [Fact]
    public void MultiTensorFunctionGradcheck()
    {
        var x = Rand(23, [2, 3]);
        Assert.True(gradcheck(xs => ScaleAndSquare.apply(xs[0], 1.5), [x]));
        var outs = ScaleAndSquare.apply(x, 1.5);
        Assert.Equal(2, outs.Count);
        Assert.Same(outs[0].grad_fn, outs[1].grad_fn);
        Assert.Equal("ScaleAndSquareBackward", outs[0].grad_fn!.name());
        Assert.Equal(1, outs[1].OutputNr);
    }

    [Fact]
    public void UnusedOutputGetsZeroGradient()
    {
        var x = torch.tensor(new[] { 1.0, 2.0 }, torch.float64, requires_grad: true);
        var outs = ScaleAndSquare.apply(x, 3.0);
        outs[1].sum().backward(); // only the second output is used: the first arrives as zeros
        Assert.Equal(new[] { 2.0, 4.0 }, x.grad!.data<double>());
    }

    [Fact]
    public void NonDifferentiableOutputAndNeedsInputGrad()
    {
        var x = torch.tensor(new[] { 1f, 5f, 2f }, requires_grad: true);
        var c = torch.tensor(new[] { 2f, 1f, 3f });
        var outs = MulWithIndex.apply(x, c);
        Assert.False(outs[1].requires_grad);
        Assert.Null(outs[1].grad_fn);
        Assert.Equal(2f, outs[1].item<float>());
        int before;
        lock (MulWithIndex.NeedsSeen) before = MulWithIndex.NeedsSeen.Count;
        outs[0].sum().backward();
        Assert.Equal(new[] { 2f, 1f, 3f }, x.grad!.data<float>());
        lock (MulWithIndex.NeedsSeen) Assert.Contains(MulWithIndex.NeedsSeen.Skip(before), n => n.SequenceEqual([true, false]));
    }

    [Fact]
    public void NoGraphWhenNothingRequiresGradOrUnderNoGrad()
    {
        var y = MyReLU.apply(torch.tensor(new[] { -1f, 1f }));
        Assert.Null(y.grad_fn);
        Assert.False(y.requires_grad);
        var x = torch.tensor(new[] { -1f, 1f }, requires_grad: true);
        using (torch.no_grad()) y = MyReLU.apply(x);
        Assert.Null(y.grad_fn);
        Assert.False(y.requires_grad);
    }

    [Fact]
    public void SavedTensorsAreFreedAfterBackward()
    {
        var x = torch.tensor(new[] { -1f, 2f }, requires_grad: true);
        var loss = MyReLU.apply(x).sum();
        loss.backward();
        var ex = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.StartsWith("Trying to backward through the graph a second time", ex.Message);

        var loss2 = MyReLU.apply(x).sum();
        loss2.backward(retain_graph: true);
        loss2.backward();
        Assert.Equal(new[] { 0f, 3f }, x.grad!.data<float>());
    }

    [Fact]
    public void SavedTensorsAreVersionChecked()
    {
        var x = torch.tensor(new[] { -1f, 2f }, requires_grad: true);
        var h = x * 1;
        var loss = MyReLU.apply(h).sum();
        using (torch.no_grad()) h.add_(1);
        var ex = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation", ex.Message);
        Assert.Contains("MyReLUBackward", ex.Message);
    }

    [Fact]
    public void WrongNumberOfGradientsNamesTheFunction()
    {
        var x = torch.ones(3, requires_grad: true);
        var y = Misbehaving.apply(x, new Carrier(g => [g, g, g]));
        var ex = Assert.Throws<InvalidOperationException>(() => y.sum().backward());
        Assert.Equal("function MisbehavingBackward returned an incorrect number of gradients (expected 2, got 3)", ex.Message);
    }

    [Fact]
    public void WrongGradientShapeNamesTheFunction()
    {
        var x = torch.ones(3, requires_grad: true);
        var y = Misbehaving.apply(x, new Carrier(g => [torch.ones(2), null!]));
        var ex = Assert.Throws<InvalidOperationException>(() => y.sum().backward());
        Assert.Equal("Function MisbehavingBackward returned an invalid gradient at index 0 - got [2] but expected shape compatible with [3]", ex.Message);
    }

    [Fact]
    public void BroadcastGradientIsSummedToTheInputShape()
    {
        // PyTorch's engine (validate_outputs) sums a gradient the input expands to: [2, 3] -> [3].
        var x = torch.ones(3, requires_grad: true);
        var y = Misbehaving.apply(x, new Carrier(g => [torch.tensor(new[] { 1f, 2f, 3f, 10f, 20f, 30f }, [2, 3]), null!]));
        y.sum().backward();
        Assert.Equal([11f, 22f, 33f], x.grad!.data<float>());
    }

    [Fact]
    public void GradientForNonTensorArgumentIsAnError()
    {
        var x = torch.ones(3, requires_grad: true);
        var y = Misbehaving.apply(x, new Carrier(g => [g, g]));
        var ex = Assert.Throws<InvalidOperationException>(() => y.sum().backward());
        Assert.Contains("MisbehavingBackward", ex.Message);
        Assert.Contains("position 2", ex.Message);
    }

    [Fact]
    public void GradcheckCatchesAWrongBackward()
    {
        var x = Rand(24, [3]);
        // Backward off by a factor of two: gradcheck must notice.
        Func<Tensor[], Tensor> f = xs => Misbehaving.apply(xs[0], new Carrier(g => [g, null!]));
        Assert.False(gradcheck(f, [x], raise_exception: false));
        var ex = Assert.Throws<InvalidOperationException>(() => gradcheck(f, [x]));
        Assert.StartsWith("Jacobian mismatch for output 0 with respect to input 0,", ex.Message);
        Assert.Contains("max difference 1 ", ex.Message);
        // And accepts the right one.
        Assert.True(gradcheck(xs => Misbehaving.apply(xs[0], new Carrier(g => [g * 2, null!])), [x]));
    }

    [Fact]
    public void MarkDirtyGivesTheInputTheNode()
    {
        var x = torch.tensor(new[] { 1.0, -3.0 }, torch.float64, requires_grad: true);
        var h = x * 1;
        var y = SquareInPlace.apply(h);
        Assert.Same(h, y);
        Assert.Equal("SquareInPlaceBackward", h.grad_fn!.name());
        Assert.Equal(new[] { 1.0, 9.0 }, h.data<double>());
        y.sum().backward();
        Assert.Equal(new[] { 2.0, -6.0 }, x.grad!.data<double>());
        var ex = Assert.Throws<InvalidOperationException>(() => SquareInPlace.apply(x));
        Assert.Equal("a leaf Variable that requires grad has been used in an in-place operation.", ex.Message);
    }

    [Fact]
    public void ReturningAnInputUnchangedMakesAnAlias()
    {
        var x = torch.tensor(new[] { 1f, 2f }, requires_grad: true);
        var y = Identity.apply(x);
        Assert.NotSame(x, y);
        Assert.True(x.is_leaf);
        Assert.Equal("IdentityBackward", y.grad_fn!.name());
        (y * 3).sum().backward();
        Assert.Equal(new[] { 3f, 3f }, x.grad!.data<float>());
    }

    [Fact]
    public void ContextApi()
    {
        var x = torch.ones(2, requires_grad: true);
        var outs = ScaleAndSquare.apply(x, 2.0);
        Assert.NotNull(outs[0].grad_fn);
        Assert.Throws<ArgumentException>(() => new SaveTensorAsData().Check());
    }

    private sealed class SaveTensorAsData
    {
        public void Check() => Capture.apply(torch.ones(1));
    }

    private sealed class Capture : SingleTensorFunction<Capture>
    {
        public override string Name => "Capture";
        public override Tensor forward(AutogradContext ctx, params object[] vars)
        {
            ctx.save_data("t", vars[0]); // tensors belong in save_for_backward
            return (Tensor)vars[0];
        }
        public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) => [grad_output];
    }
}
