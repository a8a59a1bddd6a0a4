using Xunit;

namespace Flint.Tests.Api;

/// <summary>torch.Storage as TorchSharp spells it: a typed, writable view of the whole buffer a tensor views.</summary>
public class StorageTests
{
    [Fact]
    public void AWriteThroughTheStorageShowsInTheTensor()
    {
        var x = torch.arange(6L).reshape(2, 3);
        var s = x.storage<long>();
        Assert.Equal(6, s.Count);
        s[4] = 40;
        Assert.Equal(40L, x[1, 1].item<long>());
        s.fill_(7);
        Assert.All(x.data<long>(), v => Assert.Equal(7L, v));
    }

    [Fact]
    public void AViewsStorageIsTheWholeBuffer()
    {
        var x = torch.arange(10.0).@double();
        var view = x[TensorIndex.Slice(3, 6)];
        var s = view.storage<double>();
        Assert.Equal(10, s.Count);
        Assert.Equal(new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, s.ToArray());
        Assert.Equal(8, s.element_size());
        Assert.Equal(80UL, s.nbytes());
        Assert.Equal(x.data_ptr(), s.data_ptr());
    }

    [Fact]
    public void SlicesShareMemory()
    {
        var x = torch.zeros(5, dtype: ScalarType.Int32);
        var s = x.storage<int>();
        var part = s[(1, 3)];
        Assert.Equal(2, part.Count);
        part[0] = 11;
        s[^1..][0] = 44;
        Assert.Equal(new[] { 0, 11, 0, 0, 44 }, x.data<int>());
        Assert.Throws<IndexOutOfRangeException>(() => s[5]);
        Assert.Throws<IndexOutOfRangeException>(() => s[(0, 6)]);
    }

    [Fact]
    public void AnotherElementTypeConvertsToACopy()
    {
        var x = torch.tensor(new float[] { 1.5f, -2.5f, 3 });
        var s = x.storage<long>();
        Assert.Equal(new long[] { 1, -2, 3 }, s.ToArray());
        s[0] = 100;
        Assert.Equal(1.5f, x[0].item<float>());
        Assert.Equal(new double[] { 1.5, -2.5, 3 }, x.storage<float>().@double().ToArray());
        Assert.Equal(ScalarType.Float64, x.storage<float>().@double().dtype);
    }

    [Fact]
    public void ListMembersAndIsStorage()
    {
        var s = torch.tensor(new long[] { 3, 1, 4, 1 }).storage<long>();
        Assert.Equal(1, s.IndexOf(1));
        Assert.Equal(-1, s.IndexOf(9));
        Assert.True(s.Contains(4));
        Assert.Equal(new long[] { 3, 1, 4, 1 }, s.ToList());
        s.copy_(new long[] { 9, 8, 7, 6 });
        Assert.Equal(new long[] { 9, 8, 7, 6 }, s.tolist());
        Assert.Throws<ArgumentException>(() => s.copy_(new long[] { 1 }));
        torch.Storage<double> one = 2.5;
        Assert.Equal(1, one.Count);
        Assert.Equal(2.5, one[0]);
        Assert.True(torch.is_storage(s));
        Assert.False(torch.is_storage(torch.ones(1)));
        Assert.Equal("cpu", s.device.ToString());
    }
}
