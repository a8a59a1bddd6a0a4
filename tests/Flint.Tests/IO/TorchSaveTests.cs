using System.IO.Compression;

namespace Flint.Tests.IO;

/// <summary>torch.save → torch.load round trips and the shape of what Flint writes.</summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class TorchSaveTests
{
    internal static readonly ScalarType[] AllDTypes =
    [
        ScalarType.Float32, ScalarType.Float64, ScalarType.Float16, ScalarType.BFloat16, ScalarType.Int64,
        ScalarType.Int32, ScalarType.Int16, ScalarType.Int8, ScalarType.Byte, ScalarType.Bool,
    ];

    private static object? RoundTrip(object? value)
    {
        var ms = new MemoryStream();
        torch.save(value, ms);
        ms.Position = 0;
        return torch.load(ms);
    }

    [Fact]
    public void RoundTripsEveryDTypeBitExactly()
    {
        var dict = new Dictionary<string, Tensor>();
        foreach (var dt in AllDTypes)
            dict[IOGolden.DTypeName(dt)] = torch.tensor(new[] { 1.5, -2.25, 0.0, double.NaN, double.PositiveInfinity, 300.0 }, [2, 3]).to(dt);
        var back = Assert.IsType<Dictionary<string, Tensor>>(RoundTrip(dict));
        Assert.Equal(dict.Keys, back.Keys);
        foreach (var (k, t) in dict)
        {
            Assert.Equal(t.dtype, back[k].dtype);
            Assert.Equal(t.shape, back[k].shape);
            Assert.Equal(IOGolden.Hex(t), IOGolden.Hex(back[k]));
        }
    }

    [Fact]
    public void KeepsViewsStridesOffsetsAndSharing()
    {
        torch.manual_seed(3);
        var x = torch.randn(3, 4);
        var dict = new Dictionary<string, Tensor>
        {
            ["x"] = x, ["t"] = x.t(), ["row"] = x.select(0, 1), ["scalar"] = torch.tensor(-1.25, dtype: torch.float64),
            ["empty"] = torch.zeros(0, 2, dtype: torch.int32),
        };
        var back = Assert.IsType<Dictionary<string, Tensor>>(RoundTrip(dict));
        Assert.Equal(new long[] { 1, 4 }, back["t"].stride());
        Assert.Equal(4, back["row"].storage_offset());
        Assert.True(back["x"].is_same_storage(back["t"]) && back["x"].is_same_storage(back["row"]));
        Assert.False(back["x"].is_same_storage(x));
        Assert.Equal(0, back["scalar"].dim());
        Assert.Equal(-1.25, back["scalar"].item<double>());
        Assert.Equal(new long[] { 0, 2 }, back["empty"].shape);
        foreach (var (k, t) in dict) Assert.Equal(IOGolden.Hex(t), IOGolden.Hex(back[k]));
    }

    [Fact]
    public void KeepsRequiresGradAndParameters()
    {
        var w = torch.ones(2, 2, requires_grad: true);
        var p = torch.nn.Parameter(torch.full([3], 0.5));
        var frozen = torch.nn.Parameter(torch.zeros(1), requires_grad: false);
        var back = Assert.IsType<List<object?>>(RoundTrip(new List<object?> { w, p, frozen }));
        Assert.True(Assert.IsType<Tensor>(back[0]).requires_grad);
        var p2 = Assert.IsType<Modules.Parameter>(back[1]);
        Assert.True(p2.requires_grad && p2.is_leaf);
        Assert.Equal(IOGolden.Hex(p), IOGolden.Hex(p2));
        Assert.False(Assert.IsType<Modules.Parameter>(back[2]).requires_grad);
    }

    [Fact]
    public void RoundTripsNestedPythonValues()
    {
        var value = new Dictionary<string, object?>
        {
            ["ints"] = new List<object?> { 0L, 255L, 256L, 65535L, 65536L, -1L, int.MinValue, (long)int.MaxValue + 1, long.MinValue, long.MaxValue, 7 },
            ["floats"] = new object?[] { 0.1, -0.0, double.NaN, double.NegativeInfinity, 1e-310, 2.5f },
            ["misc"] = new object?[] { true, false, null, "", "héllo ✓", new object?[] { } },
            ["by_int"] = new Dictionary<long, object?> { [3] = "three", [-1] = new List<object?>() },
        };
        var back = Assert.IsType<Dictionary<string, object?>>(RoundTrip(value));
        Assert.Equal(new List<object?> { 0L, 255L, 256L, 65535L, 65536L, -1L, (long)int.MinValue, (long)int.MaxValue + 1, long.MinValue, long.MaxValue, 7L },
                     Assert.IsType<List<object?>>(back["ints"]));
        var floats = Assert.IsType<object?[]>(back["floats"]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits((double)floats[1]!));
        Assert.True(double.IsNaN((double)floats[2]!));
        Assert.Equal([0.1, -0.0, double.NaN, double.NegativeInfinity, 1e-310, 2.5], floats.Cast<double>());
        Assert.Equal(new object?[] { true, false, null, "", "héllo ✓", Array.Empty<object?>() }, Assert.IsType<object?[]>(back["misc"]));
        var byInt = Assert.IsType<Dictionary<object, object?>>(back["by_int"]);
        Assert.Equal("three", byInt[3L]);
        Assert.Empty(Assert.IsType<List<object?>>(byInt[-1L]));
    }

    [Fact]
    public void SharedAndCyclicContainersKeepTheirIdentity()
    {
        var shared = new List<object?> { 1L };
        var cyclic = new List<object?>();
        cyclic.Add(cyclic);
        var t = torch.ones(2);
        var back = Assert.IsType<List<object?>>(RoundTrip(new List<object?> { shared, shared, cyclic, t, t }));
        Assert.Same(back[0], back[1]);
        var c = Assert.IsType<List<object?>>(back[2]);
        Assert.Same(c, c[0]);
        Assert.Same(back[3], back[4]);
    }

    [Fact]
    public void WritesPyTorchsLayoutUncompressedAndDeterministically()
    {
        var dict = new Dictionary<string, Tensor> { ["a"] = torch.arange(5.0), ["b"] = torch.ones(2, dtype: torch.int8) };
        var first = new MemoryStream();
        var second = new MemoryStream();
        torch.save(dict, first);
        torch.save(dict, second);
        Assert.Equal(first.ToArray(), second.ToArray());
        first.Position = 0;
        using var zip = new ZipArchive(first, ZipArchiveMode.Read);
        Assert.Equal(["archive/data.pkl", "archive/byteorder", "archive/data/0", "archive/data/1", "archive/version"], zip.Entries.Select(e => e.FullName));
        foreach (var e in zip.Entries) Assert.Equal(e.Length, e.CompressedLength); // stored, as PyTorch stores
        Assert.Equal(5 * 4, zip.GetEntry("archive/data/0")!.Length); // arange(5.0) is float32, as in PyTorch
        using var version = new StreamReader(zip.GetEntry("archive/version")!.Open());
        Assert.Equal("3\n", version.ReadToEnd());
    }

    [Fact]
    public void RejectsUnsaveableValuesWithoutTouchingTheFile()
    {
        using var dir = new IOGolden.TempDir();
        string path = dir.File("keep.pt");
        torch.save(torch.ones(3), path);
        byte[] before = File.ReadAllBytes(path);
        var e = Assert.Throws<ArgumentException>(() => torch.save(new List<object?> { torch.zeros(2), new Uri("http://x") }, path));
        Assert.Contains("System.Uri", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["keep.pt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PathOverloadsWriteAndReadFiles()
    {
        using var dir = new IOGolden.TempDir();
        var sd = new Dictionary<string, Tensor> { ["w"] = torch.eye(3) };
        torch.save(sd, dir.File("sd.pt"));
        var back = torch.load_state_dict(dir.File("sd.pt"));
        Assert.Equal(IOGolden.Hex(sd["w"]), IOGolden.Hex(back["w"]));
        torch.save(torch.ones(1), dir.File("t.pt"));
        var e = Assert.Throws<InvalidDataException>(() => torch.load_state_dict(dir.File("t.pt")));
        Assert.Contains("does not hold a state dict", e.Message);
    }
}
