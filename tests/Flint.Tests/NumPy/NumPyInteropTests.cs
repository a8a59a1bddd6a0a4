namespace Flint.Tests.NumPy;

/// <summary>Memory sharing with tensors, views, masks and in-place updates behave as in NumPy/PyTorch.</summary>
public class NumPyInteropTests
{
    [Fact]
    public void FromNumpySharesMemoryBothWays()
    {
        var a = np.zeros(2, 3);
        var t = torch.from_numpy(a);
        Assert.Equal(ScalarType.Float64, t.dtype);
        t[0, 1] = torch.tensor(5.0);
        Assert.Equal(5.0, (double)a[0, 1]);
        a[1, 2] = 7;
        Assert.Equal(7.0, t[1, 2].item<double>());
    }

    [Fact]
    public void NumpySharesMemoryAndRefusesGradOrGpu()
    {
        var t = torch.ones(3);
        var a = t.numpy();
        Assert.Equal(np.float32, a.dtype);
        a += 1;
        Assert.Equal(new float[] { 2, 2, 2 }, t.data<float>());
        var e = Assert.Throws<InvalidOperationException>(() => torch.ones([2], requires_grad: true).numpy());
        Assert.Equal("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.", e.Message);
    }

    [Fact]
    public void BooleanMaskAssignmentWritesInPlace()
    {
        var h = np.array(new[] { -1.0, 2.0, -3.0, 4.0 });
        var g = np.ones(4);
        var view = g[1..3];
        g[h < 0] = 0;
        Assert.Equal("array([0., 1., 0., 1.])", g.ToString());
        Assert.Equal("array([1., 0.])", view.ToString());
        Assert.Equal("array([2., 4.])", h[h > 0].ToString());
    }

    [Fact]
    public void CompoundAssignmentUpdatesTheSameMemory()
    {
        var w = np.ones(2, 2);
        var alias = w.T;
        w -= 0.5 * np.ones(2, 2);
        Assert.Equal("array([[0.5, 0.5],\n       [0.5, 0.5]])", alias.ToString());
        var i = np.arange(3);
        i *= 2;
        Assert.Equal("array([0, 2, 4])", i.ToString());
        var f = np.zeros([2], np.float32);
        f += 1.5;   // a Python float does not widen a float32 array
        Assert.Equal(np.float32, f.dtype);
        Assert.Equal("array([1.5, 1.5], dtype=float32)", f.ToString());
    }

    [Fact]
    public void CopyAndAstypeDoNotShare()
    {
        var a = np.arange(4.0);
        var c = a.copy();
        var i = a.astype(np.int32);
        a += 1;
        Assert.Equal("array([0., 1., 2., 3.])", c.ToString());
        Assert.Equal("array([0, 1, 2, 3], dtype=int32)", i.ToString());
        Assert.Equal("array([1, 1], dtype=int32)", (np.array(new[] { 1.9, 1.2 }).astype(np.int32)).ToString());
    }

    [Fact]
    public void ScalarsBehaveLikeNumPyScalars()
    {
        var s = np.array(new[] { 1.5, 2.0 }).sum();
        Assert.Equal("3.5", s.ToString());
        Assert.Equal(3.5, (double)s);
        Assert.Equal("7.0", (s * 2).ToString());
        Assert.Equal("array(3.5)", np.array(3.5).ToString());
        Assert.Equal("1.0", np.ones(2, 2)[1, 1].ToString());
        Assert.Equal("array([1., 1.])", np.ones(2, 2)[1].ToString());
    }
}
