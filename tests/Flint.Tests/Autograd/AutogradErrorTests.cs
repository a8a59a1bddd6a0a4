namespace Flint.Tests.Autograd;

/// <summary>Autograd's errors, with PyTorch's wording.</summary>
public class AutogradErrorTests
{
    private static Tensor Leaf() => torch.tensor(new[] { 1.0f, -2.0f, 3.0f }, requires_grad: true);

    [Fact]
    public void BackwardOnTensorWithoutGrad()
    {
        var x = torch.ones(3);
        var ex = Assert.Throws<InvalidOperationException>(() => (x * 2).sum().backward());
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn", ex.Message);
        var ex2 = Assert.Throws<InvalidOperationException>(() => torch.autograd.backward([(Leaf() * 2).sum(), x.sum()]));
        Assert.Equal("element 1 of tensors does not require grad and does not have a grad_fn", ex2.Message);
    }

    [Fact]
    public void BackwardUnderNoGradResultHasNoGraph()
    {
        var x = Leaf();
        Tensor y;
        using (torch.no_grad()) y = (x * 2).sum();
        Assert.False(y.requires_grad);
        Assert.Throws<InvalidOperationException>(() => y.backward());
    }

    [Fact]
    public void SecondBackwardThroughFreedGraph()
    {
        var x = Leaf();
        var loss = (x * x).sum();
        loss.backward();
        var ex = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.StartsWith("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed).", ex.Message);
        Assert.Contains("Specify retain_graph=True", ex.Message);
        // The first backward's gradient is intact.
        Assert.Equal(new[] { 2f, -4f, 6f }, x.grad!.data<float>());
    }

    [Fact]
    public void InPlaceChangeOfSavedTensor()
    {
        var x = Leaf();
        var y = x.exp();      // saves its result
        var z = y.sum();
        y.add_(1);           // bumps y's version
        var ex = Assert.Throws<InvalidOperationException>(() => z.backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of", ex.Message);
        Assert.Contains("is at version 1; expected version 0 instead", ex.Message);
    }

    [Fact]
    public void InPlaceChangeOfSavedInputViaNoGrad()
    {
        var x = Leaf();
        var w = torch.tensor(new[] { 1f, 2f, 3f }, requires_grad: true);
        var loss = (x * w).sum();
        using (torch.no_grad()) w.mul_(2);
        var ex = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation", ex.Message);
    }

    [Fact]
    public void InPlaceOnLeafThatRequiresGrad()
    {
        var x = Leaf();
        var ex = Assert.Throws<InvalidOperationException>(() => x.add_(1));
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.", ex.Message);
        Assert.Throws<InvalidOperationException>(() => x.mul_(2));
        Assert.Throws<InvalidOperationException>(() => x.zero_());
        Assert.Throws<InvalidOperationException>(() => { x[0] = 5; });
        Assert.Throws<InvalidOperationException>(() => x.copy_(torch.zeros(3)));
        // Untouched by the failed attempts; under no_grad the same ops are allowed.
        Assert.Equal(new[] { 1f, -2f, 3f }, x.data<float>());
        using (torch.no_grad()) x.add_(1);
        Assert.Equal(new[] { 2f, -1f, 4f }, x.data<float>());
        Assert.True(x.is_leaf && x.requires_grad);
    }

    [Fact]
    public void ImplicitGradientOnlyForScalars()
    {
        var y = Leaf() * 2;
        var ex = Assert.Throws<InvalidOperationException>(() => y.backward());
        Assert.Equal("grad can be implicitly created only for scalar outputs", ex.Message);
        var ex2 = Assert.Throws<InvalidOperationException>(() => torch.autograd.grad([y], [Leaf()]));
        Assert.Equal("grad can be implicitly created only for scalar outputs", ex2.Message);
    }

    [Fact]
    public void GradientOfWrongShape()
    {
        var y = Leaf() * 2;
        var ex = Assert.Throws<ArgumentException>(() => y.backward(torch.ones(4)));
        Assert.Equal("Mismatch in shape: grad_output[0] has a shape of torch.Size([4]) and output[0] has a shape of torch.Size([3]).", ex.Message);
    }

    [Fact]
    public void RequiresGradOnIntegerTensor()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => torch.ones(3, dtype: torch.int64).requires_grad_());
        Assert.Equal("only Tensors of floating point dtype can require gradients", ex.Message);
    }

    [Fact]
    public void RequiresGradFalseOnNonLeaf()
    {
        var y = Leaf() * 2;
        var ex = Assert.Throws<InvalidOperationException>(() => y.requires_grad = false);
        Assert.StartsWith("you can only change requires_grad flags of leaf variables.", ex.Message);
    }

    [Fact]
    public void AutogradGradOfUnusedInput()
    {
        var x = Leaf();
        var unused = torch.ones(2, requires_grad: true);
        var ex = Assert.Throws<InvalidOperationException>(() => torch.autograd.grad([(x * 2).sum()], [x, unused]));
        Assert.Equal("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.", ex.Message);
        var grads = torch.autograd.grad([(x * 2).sum()], [x, unused], allow_unused: true);
        Assert.Equal(new[] { 2f, 2f, 2f }, grads[0].data<float>());
        Assert.Null(grads[1]);
    }

    [Fact]
    public void AutogradGradOfInputWithoutGrad()
    {
        var x = Leaf();
        var ex = Assert.Throws<InvalidOperationException>(() => torch.autograd.grad([(x * 2).sum()], [torch.ones(3)]));
        Assert.Equal("One of the differentiated Tensors does not require grad", ex.Message);
    }

    [Fact]
    public void AutogradGradCountMismatch()
    {
        var x = Leaf();
        var ex = Assert.Throws<ArgumentException>(() => torch.autograd.grad([x * 2], [x], [torch.ones(3), torch.ones(3)]));
        Assert.Equal("got 1 tensors and 2 gradients", ex.Message);
    }
}
