using static Flint.torch;
using static Flint.torch.nn;

namespace Flint.Tests.Api;

/// <summary>
/// TorchSharp programs spell the tensor type <c>torch.Tensor</c> (or <c>Tensor</c> under <c>using static TorchSharp.torch</c>);
/// in Flint both compile and name the one tensor class. The module and loop below are TorchSharp's README example
/// with only the <c>using</c> changed.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class TorchTensorTypeNameTests
{
    private sealed class TwoLayer : Module<torch.Tensor, torch.Tensor>
    {
        private readonly Module<torch.Tensor, torch.Tensor> lin1 = Linear(4, 8);
        private readonly Module<torch.Tensor, torch.Tensor> lin2 = Linear(8, 2);

        public TwoLayer() : base(nameof(TwoLayer)) => RegisterComponents();

        public override torch.Tensor forward(torch.Tensor input)
        {
            using var h = functional.relu(lin1.forward(input));
            return lin2.forward(h);
        }
    }

    [Fact]
    public void TorchTensorIsTheTensorClass()
    {
        Assert.Same(typeof(torch.Tensor), typeof(Tensor));
        Assert.Equal("Tensor", typeof(torch.Tensor).Name);
        torch.Tensor t = torch.ones(2, 3);
        Tensor u = t * 2;
        Assert.Equal(new[] { 2f, 2f, 2f, 2f, 2f, 2f }, u.data<float>().ToArray());
    }

    [Fact]
    public void ATorchSharpModuleAndLoopPortByChangingTheUsing()
    {
        torch.manual_seed(0);
        var model = new TwoLayer();
        Assert.Equal(4, model.parameters().Count());

        using var x = torch.randn(16, 4);
        using var y = torch.randn(16, 2);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.01);
        double first = 0, last = 0;
        for (int i = 0; i < 50; i++)
        {
            using var eval = model.forward(x);
            using var output = functional.mse_loss(eval, y, Reduction.Sum);
            if (i == 0) first = output.item<float>();
            last = output.item<float>();
            optimizer.zero_grad();
            output.backward();
            optimizer.step();
        }
        Assert.True(last < 0.9 * first, $"loss {first} -> {last}");
    }

    /// <summary>
    /// TorchSharp's programs name the device and the element type through torch as well (<c>torch.Device device =
    /// torch.cuda.is_available() ? torch.CUDA : torch.CPU;</c>, <c>torch.ScalarType.Float32</c>); the bare names
    /// still work through the global aliases.
    /// </summary>
    [Fact]
    public void TorchDeviceAndScalarTypeAreTypeNames()
    {
        torch.Device device = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        torch.ScalarType dtype = torch.ScalarType.Float64;
        var t = torch.zeros([2, 3], dtype, device);
        Assert.Equal(torch.ScalarType.Float64, t.dtype);
        Assert.Equal(torch.CPU, t.device);
        Assert.Equal(typeof(torch.Device), typeof(Device));
        Assert.Equal(typeof(torch.ScalarType), typeof(ScalarType));
        Assert.Equal("Flint.torch+Device", typeof(Device).FullName);
        Assert.Equal("Flint.torch+ScalarType", typeof(ScalarType).FullName);
    }
}
