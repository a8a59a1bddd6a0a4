namespace Flint.Tests.Autograd;

/// <summary>no_grad / enable_grad / set_grad_enabled: nesting and per-thread state.</summary>
public class GradModeTests
{
    [Fact]
    public void NoGradStopsRecordingAndRestores()
    {
        var x = torch.ones(2, requires_grad: true);
        Assert.True(torch.is_grad_enabled());
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            var y = x * 2;
            Assert.False(y.requires_grad);
            Assert.Null(y.grad_fn);
            Assert.True(y.is_leaf);
        }
        Assert.True(torch.is_grad_enabled());
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void NestsCorrectly()
    {
        using (torch.no_grad())
        {
            using (torch.no_grad()) Assert.False(torch.is_grad_enabled());
            Assert.False(torch.is_grad_enabled());
            using (torch.enable_grad())
            {
                Assert.True(torch.is_grad_enabled());
                var x = torch.ones(2, requires_grad: true);
                Assert.Equal("MulBackward0", (x * 2).grad_fn!.name());
                using (torch.set_grad_enabled(false)) Assert.False(torch.is_grad_enabled());
                Assert.True(torch.is_grad_enabled());
            }
            Assert.False(torch.is_grad_enabled());
        }
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void DisposingTwiceRestoresOnce()
    {
        var outer = torch.no_grad();
        var inner = torch.enable_grad();
        inner.Dispose();
        inner.Dispose();
        Assert.False(torch.is_grad_enabled());
        outer.Dispose();
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void ModeIsPerThread()
    {
        using var inside = new ManualResetEventSlim();
        using var checkedOther = new ManualResetEventSlim();
        bool otherThreadEnabled = false, otherThreadRecorded = false, noGradThreadEnabled = true;
        var t1 = new Thread(() =>
        {
            using (torch.no_grad())
            {
                noGradThreadEnabled = torch.is_grad_enabled();
                inside.Set();
                checkedOther.Wait();
            }
        });
        var t2 = new Thread(() =>
        {
            inside.Wait();
            otherThreadEnabled = torch.is_grad_enabled();
            otherThreadRecorded = (torch.ones(2, requires_grad: true) * 2).requires_grad;
            checkedOther.Set();
        });
        t1.Start(); t2.Start();
        Assert.True(t1.Join(TimeSpan.FromSeconds(30)) && t2.Join(TimeSpan.FromSeconds(30)));
        Assert.False(noGradThreadEnabled);
        Assert.True(otherThreadEnabled);
        Assert.True(otherThreadRecorded);
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void UpdateUnderNoGradKeepsLeaf()
    {
        var w = torch.ones(3, requires_grad: true);
        (w * 3).sum().backward();
        using (torch.no_grad()) w -= 0.5 * w.grad!;
        Assert.True(w.is_leaf);
        Assert.True(w.requires_grad);
        Assert.Null(w.grad_fn);
        Assert.Equal(new[] { -0.5f, -0.5f, -0.5f }, w.data<float>());
    }
}
