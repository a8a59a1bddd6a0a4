using static Flint.torch;

namespace Flint.Tests.Api;

/// <summary>
/// TorchSharp's small types that its programs name: torch.Size, torch.TensorIndex (with Bool and Null), Scalar and
/// ToScalar, torch.MPS, nn.Activations. Indexing values are PyTorch 1.13's (printed by python3-torch, quoted beside).
/// </summary>
public class TorchSharpTypesTests
{
    private static Tensor X() => arange(12.0).reshape(3, 4).@double();

    [Fact]
    public void BoolIndexAddsADimOfOneOrZeroAsPyTorchDoes()
    {
        var x = X();
        Assert.Equal([1L, 3, 4], x[TensorIndex.Bool(true)].shape);          // x[True]
        Assert.Equal([0L, 3, 4], x[TensorIndex.Bool(false)].shape);         // x[False]
        Assert.Equal([3L, 4, 1], x[TensorIndex.Ellipsis, true].shape);      // x[..., True]
        Assert.Equal([0L, 4], x[1, false].shape);                            // x[1, False]
        Assert.Equal([1L, 1, 4], x[TensorIndex.None, true, 0].shape);       // x[None, True, 0]
        Assert.Equal([4.0, 5, 6, 7], x[true, 1].data<double>());             // x[True, 1] -> [[4, 5, 6, 7]]
        Assert.Equal([1L, 4], x[true, 1].shape);
        // A bool broadcasts with tensor indices: x[True, [0, 1]] has shape [2, 4], x[[0, 2], True] rows 0 and 2.
        var rows = tensor(new long[] { 0, 1 });
        Assert.Equal([2L, 4], x[true, rows].shape);
        Assert.Equal([0.0, 1, 2, 3, 4, 5, 6, 7], x[true, rows].data<double>());
        Assert.Equal([0.0, 1, 2, 3, 8, 9, 10, 11], x[tensor(new long[] { 0, 2 }), true].data<double>());
    }

    [Fact]
    public void AZeroDimBoolTensorIndexesAsABool()
    {
        var x = X();
        Assert.Equal([1L, 3, 4], x[tensor(true)].shape);                        // x[torch.tensor(True)]
        Assert.Equal([3L, 0, 4], x[TensorIndex.Colon, tensor(false)].shape);   // x[:, torch.tensor(False)]
    }

    [Fact]
    public void BoolIndexWritesAllOrNothing()
    {
        var y = X();
        y[true] = 5.0;
        Assert.Equal(60.0, y.sum().item<double>());
        y = X();
        y[false] = 5.0;
        Assert.Equal(66.0, y.sum().item<double>());
        y = X();
        y[true, tensor(new long[] { 0, 2 })] = -1.0;                    // [[-1]*4, [4..7], [-1]*4]
        Assert.Equal([-1.0, -1, -1, -1, 4, 5, 6, 7, -1, -1, -1, -1], y.data<double>());
    }

    [Fact]
    public void TorchSharpSliceSpellingsAndNull()
    {
        var x = X();
        Assert.Equal(x[TensorIndex.Slice(1, 3)].data<double>(), x[TensorIndex.Slice((1, 3))].data<double>());
        Assert.Equal(x[TensorIndex.Slice(1, 3)].data<double>(), x[TensorIndex.Slice(1..3)].data<double>());
        Assert.Equal([0.0, 2], x[0, TensorIndex.Slice(null, null, 2)][TensorIndex.Slice(0, 2)].data<double>());
        Assert.Equal([1L, 3, 4], x[TensorIndex.Null].shape); // libtorch reads TorchSharp's Null as None
        Assert.Throws<ArgumentException>(() => TensorIndex.Slice(0, 2, 0));
    }

    [Fact]
    public void SizeHasTorchSharpsConstructorsAndValueEquality()
    {
        Size a = (2L, 3L);
        Assert.Equal(new Size(new long[] { 2, 3 }), a);
        Assert.True(new Size((2, 3)) == a);
        Assert.Equal(6, a.numel());
        Assert.Equal("torch.Size([2, 3])", a.ToString());
        Assert.Equal(new Size(new long[] { 2, 3, 4 }), a + new Size(4L));
        Assert.Equal(new Size(3L), new Size(new long[] { 2, 3, 4 }).Slice(1, -1));
        Assert.True(new Size(new long[] { 2, 3 }).Slice(1, 1).IsEmpty);
        Assert.Equal([2L, 3], a.ToArray());
        Assert.Equal(3, a[-1]);
        Assert.Equal([2L, 3], a.Take(5).ToArray());
        Assert.True(Size.Empty.IsScalar);
        var normal = distributions.Normal(zeros(2), ones(2));
        Assert.Equal([5L, 2], normal.sample(new Size(5L)).shape);
    }

    [Fact]
    public void ToScalarCarriesTheValueAndDtype()
    {
        var s = tensor(new[] { 2.5f }).ToScalar();
        Assert.Equal(ScalarType.Float32, s.Type);
        Assert.Equal(2.5, s.ToDouble());
        var big = tensor(new[] { long.MaxValue - 1 }).ToScalar();
        Assert.Equal(ScalarType.Int64, big.Type);
        Assert.Equal(long.MaxValue - 1, big.ToInt64()); // exact, not through a double
        Assert.True(tensor(true).ToScalar().ToBoolean());
        Assert.Equal("True", tensor(true).ToScalar().ToString());
        var e = Assert.Throws<InvalidOperationException>(() => ones(3).ToScalar());
        Assert.Equal("a Tensor with 3 elements cannot be converted to Scalar", e.Message);
        // TorchSharp code passes Scalars where Flint takes numbers.
        Assert.Equal([0f, 0.5f, 1f], tensor(new[] { -1f, 0.5f, 3f }).clamp(0.0.ToScalar(), 1.0.ToScalar()).data<float>());
        Assert.Equal(ScalarType.Int32, 3.ToScalar().Type);
        Assert.Equal(-3, ((Scalar)(-3.7)).ToInt32());
    }

    [Fact]
    public void MpsIsNamedButNeverAvailable()
    {
        Assert.False(mps_is_available());
        Assert.Equal("mps:0", MPS.ToString());
        Assert.Equal(DeviceType.MPS, device("mps").type);
        var e = Assert.Throws<InvalidOperationException>(() => ones(2).mps());
        Assert.StartsWith("PyTorch is not linked with support for mps devices", e.Message);
        Assert.Throws<InvalidOperationException>(() => zeros(new long[] { 2 }, device: MPS));
        var bad = Assert.Throws<ArgumentException>(() => device("tpu"));
        Assert.Contains("Expected one of cpu, cuda, mps device type", bad.Message);
    }

    [Fact]
    public void TransformerLayersTakeTorchSharpsActivationNames()
    {
        manual_seed(0);
        var gelu = nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation: nn.Activations.GELU);
        manual_seed(0);
        var byName = nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation: "gelu");
        manual_seed(1);
        var x = randn(3, 2, 8);
        Assert.Equal(byName.call(x).data<float>(), gelu.call(x).data<float>());
        manual_seed(0);
        var relu = nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation: nn.Activations.ReLU);
        Assert.NotEqual(gelu.call(x).data<float>(), relu.call(x).data<float>());
    }
}
