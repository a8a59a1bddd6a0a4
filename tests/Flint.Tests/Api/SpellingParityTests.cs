namespace Flint.Tests.Api;

/// <summary>TorchSharp's introspection spellings: <c>data_ptr</c>, <c>NumberOfElements</c>, <c>new_*</c> with a dtype, availability queries, disposable optimizers.</summary>
[Collection(GlobalRandomCollection.Name)]
public class SpellingParityTests
{
    [Fact]
    public void DataPtrIdentifiesStorageAndOffset()
    {
        var x = torch.zeros(4, 5);
        Assert.Equal(x.data_ptr(), x.view(20).data_ptr());
        Assert.Equal(x.data_ptr(), x.t().data_ptr());
        Assert.Equal(x.data_ptr() + 5 * 4, x[1].data_ptr());
        Assert.Equal(x.data_ptr() + 2 * 4, x.select(1, 2).data_ptr());
        var d = torch.zeros([3], ScalarType.Float64);
        Assert.Equal(d.data_ptr() + 8, d[1].data_ptr());
        var y = torch.zeros(4, 5);
        Assert.NotEqual(x.data_ptr(), y.data_ptr());
        Assert.NotEqual(x.data_ptr(), x.clone().data_ptr());
        Assert.Equal(x.data_ptr(), x.detach().data_ptr());
        Assert.Equal(x.data_ptr(), torch.from_numpy(x.numpy()).data_ptr());
    }

    [Fact]
    public void NumberOfElementsIsNumel()
    {
        Assert.Equal(60, torch.zeros(3, 4, 5).NumberOfElements);
        Assert.Equal(1, torch.tensor(2.0).NumberOfElements);
        Assert.Equal(0, torch.zeros(0, 3).NumberOfElements);
    }

    [Fact]
    public void NewFactoriesTakeADtype()
    {
        var x = torch.zeros([2], ScalarType.Float64);
        var z = x.new_zeros([2, 3], ScalarType.Int32);
        Assert.Equal(ScalarType.Int32, z.dtype);
        Assert.Equal([2L, 3L], z.shape);
        Assert.Equal(new[] { 1, 1 }, x.new_ones([2], ScalarType.Int32).data<int>());
        Assert.Equal(new[] { 2.5f, 2.5f, 2.5f }, x.new_full([3], 2.5, ScalarType.Float32).data<float>());
        Assert.Equal(ScalarType.Int64, x.new_empty([4], ScalarType.Int64).dtype);
        Assert.Equal(ScalarType.Float64, x.new_zeros([1]).dtype);
        Assert.True(x.new_ones([2], ScalarType.Float32, requires_grad: true).requires_grad);
        Assert.Equal(8, x.element_size());
        Assert.Equal(2, torch.zeros([1], ScalarType.Float16).element_size());
    }

    [Fact]
    public void AvailabilityQueries()
    {
        Assert.False(torch.mps_is_available());
        Assert.Equal(torch.cuda.is_available(), torch.cuda_is_available());
        Assert.True(torch.zeros(2, 2).is_contiguous());
        Assert.False(torch.zeros(2, 3).t().is_contiguous());
    }

    [Fact]
    public void DisposingAnOptimizerReleasesItsState()
    {
        var w = torch.nn.Parameter(torch.ones(3));
        var opt = torch.optim.Adam(new[] { w }, lr: 0.1);
        (w * w).sum().backward();
        opt.step();
        var buffers = new Dictionary<string, object?>();
        opt.state[w].SaveTo(buffers);
        var states = buffers.Values.OfType<Tensor>().ToList();
        Assert.NotEmpty(states);
        opt.Dispose();
        Assert.Empty(opt.state);
        foreach (var t in states) Assert.Throws<ObjectDisposedException>(() => t.sum());
        Assert.Equal(new[] { 0.9f, 0.9f, 0.9f }, w.detach().data<float>().Select(v => MathF.Round(v, 5)).ToArray());
        Assert.Throws<ObjectDisposedException>(() => opt.step());
        opt.Dispose();
    }

    [Fact]
    public void ShapeOverloadsOfFullAndRand()
    {
        Assert.Equal([3L], torch.full(3, 1.5).shape);
        Assert.Equal(new[] { 1.5f, 1.5f, 1.5f }, torch.full(3, 1.5).data<float>());
        Assert.Equal([2L, 3L], torch.full(2, 3, 7.0, ScalarType.Float64).shape);
        Assert.Equal(7.0 * 6, torch.full(2, 3, 7.0, ScalarType.Float64).sum().item<double>());
        Assert.Equal([2L, 3L, 4L], torch.full(2, 3, 4, -1.0).shape);
        Assert.Equal([1L, 2L, 3L, 4L], torch.full(1, 2, 3, 4, 0.5).shape);
        var r = torch.rand(2, 3, 4, 5, ScalarType.Float64);
        Assert.Equal([2L, 3L, 4L, 5L], r.shape);
        Assert.True(r.min().item<double>() >= 0 && r.max().item<double>() < 1);
        Assert.Equal([2L, 5L], torch.randint(10, new Size([2, 5])).shape);
    }
}
