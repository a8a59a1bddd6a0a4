using Flint.IO.Npy;

namespace Flint.Tests.IO;

/// <summary>.npy/.npz: NumPy-written golden files read bit for bit, Flint's output byte-identical to NumPy's.</summary>
public class NpyTests
{
    private static Tensor ReadNpy(string file)
    {
        using var s = File.OpenRead(IOGolden.PathOf(file));
        return NpyFormat.Read(s, file);
    }

    private static byte[] WriteNpy(Tensor t)
    {
        var ms = new MemoryStream();
        NpyFormat.Write(t, ms);
        return ms.ToArray();
    }

    [Theory]
    [InlineData("f4.npy")]
    [InlineData("fortran.npy")]
    [InlineData("bigendian.npy")]
    [InlineData("scalar.npy")]
    [InlineData("bool.npy")]
    public void ReadsNumPyFilesBitExactly(string file)
    {
        var want = IOGolden.Root.GetProperty("npy").GetProperty(file);
        var t = ReadNpy(file);
        Assert.Equal(want.GetProperty("dtype").GetString(), IOGolden.DTypeName(t.dtype));
        Assert.Equal(want.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), t.shape);
        Assert.Equal(want.GetProperty("bytes").GetString(), IOGolden.Hex(t));
    }

    [Fact]
    public void FortranOrderIsAColumnMajorView()
    {
        var t = ReadNpy("fortran.npy");
        Assert.Equal(new long[] { 1, 2 }, t.stride());
        Assert.Equal(5L, t[1, 2].item<long>());
    }

    [Theory]
    [InlineData("f4.npy")]
    [InlineData("scalar.npy")]
    [InlineData("bool.npy")]
    public void WritesTheSameBytesAsNumPy(string file)
    {
        var t = ReadNpy(file);
        Assert.Equal(File.ReadAllBytes(IOGolden.PathOf(file)), WriteNpy(t));
    }

    [Fact]
    public void ReadsNpzFilesStoredAndCompressed()
    {
        using (var s = File.OpenRead(IOGolden.PathOf("dtypes.npz")))
        {
            var arrays = NpyFormat.ReadNpz(s, "dtypes.npz");
            var want = IOGolden.Root.GetProperty("dtypes.pt");
            Assert.Equal(9, arrays.Count); // every dtype but bfloat16, which NumPy lacks
            foreach (var (name, t) in arrays)
            {
                Assert.Equal(want.GetProperty(name).GetProperty("bytes").GetString(), IOGolden.Hex(t));
                Assert.Equal(name, IOGolden.DTypeName(t.dtype));
            }
        }
        using (var s = File.OpenRead(IOGolden.PathOf("compressed.npz")))
        {
            var arrays = NpyFormat.ReadNpz(s, "compressed.npz");
            Assert.Equal(IOGolden.Hex(ReadNpy("f4.npy")), IOGolden.Hex(arrays["a"]));
            Assert.Equal(IOGolden.Hex(torch.arange(5L).to(torch.int16)), IOGolden.Hex(arrays["b"]));
        }
    }

    [Fact]
    public void RoundTripsEveryNumPyDTypeAndRefusesBFloat16()
    {
        var arrays = new Dictionary<string, Tensor>();
        foreach (var dt in TorchSaveTests.AllDTypes)
            if (dt != ScalarType.BFloat16) arrays[IOGolden.DTypeName(dt)] = torch.arange(-3L, 3L).reshape(3, 2).t().to(dt);
        var ms = new MemoryStream();
        NpyFormat.WriteNpz(arrays, ms, compress: false);
        ms.Position = 0;
        var back = NpyFormat.ReadNpz(ms, "roundtrip");
        foreach (var (k, t) in arrays)
        {
            Assert.Equal(t.dtype, back[k].dtype);
            Assert.Equal(t.shape, back[k].shape);
            Assert.Equal(IOGolden.Hex(t), IOGolden.Hex(back[k]));
        }
        var e = Assert.Throws<ArgumentException>(() => WriteNpy(torch.ones(2, dtype: torch.bfloat16)));
        Assert.Equal("Got unsupported ScalarType BFloat16", e.Message);
    }

    [Fact]
    public void CorruptFilesGiveClearErrors()
    {
        byte[] good = File.ReadAllBytes(IOGolden.PathOf("f4.npy"));
        InvalidDataException Fails(byte[] bytes) => Assert.Throws<InvalidDataException>(() => NpyFormat.Read(new MemoryStream(bytes), "x.npy"));
        Assert.Contains("not a .npy file", Fails("PK\u0003\u0004rest"u8.ToArray()).Message);
        Assert.Contains("truncated", Fails(good[..^4]).Message);
        Assert.Contains("truncated", Fails(good[..20]).Message);
        byte[] badHeader = (byte[])good.Clone();
        "{'descr': os.system('x')"u8.ToArray().CopyTo(badHeader, 10);
        Assert.Contains("malformed .npy header", Fails(badHeader).Message);
        byte[] badType = (byte[])good.Clone();
        "<c8"u8.ToArray().CopyTo(badType, 21);
        Assert.Contains("'<c8' has no Flint equivalent", Fails(badType).Message);
    }
}
