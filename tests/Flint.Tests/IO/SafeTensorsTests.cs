using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Flint.Tests.IO;

/// <summary>safetensors: golden reads, round trips, the writer's layout, and every kind of corrupt header.</summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class SafeTensorsTests
{
    [Theory]
    [InlineData("state_dict.safetensors", "state_dict.pt")]
    [InlineData("dtypes.safetensors", "dtypes.pt")]
    public void ReadsFilesWrittenFromPyTorchBitExactly(string file, string expectedOf)
    {
        var loaded = safetensors.load_file(IOGolden.PathOf(file));
        var want = IOGolden.Root.GetProperty(expectedOf);
        Assert.Equal(want.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), loaded.Keys);
        foreach (var p in want.EnumerateObject())
        {
            var t = loaded[p.Name];
            Assert.Equal(p.Value.GetProperty("dtype").GetString(), IOGolden.DTypeName(t.dtype));
            Assert.Equal(p.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), t.shape);
            Assert.Equal(p.Value.GetProperty("bytes").GetString(), IOGolden.Hex(t));
            Assert.True(t.is_contiguous());
        }
    }

    [Fact]
    public void ReadsMetadata()
    {
        var meta = safetensors.load_metadata(IOGolden.PathOf("state_dict.safetensors"));
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt", ["source"] = "gen_io.py" }, meta);
        Assert.Empty(safetensors.load_metadata(IOGolden.PathOf("dtypes.safetensors")));
    }

    [Fact]
    public void RoundTripsEveryDTypeViewsScalarsAndEmptyTensors()
    {
        using var dir = new IOGolden.TempDir();
        torch.manual_seed(5);
        var x = torch.randn(3, 4);
        var tensors = new Dictionary<string, Tensor> { ["transposed"] = x.t(), ["scalar"] = torch.tensor(3.0), ["empty"] = torch.zeros(0, 5, dtype: torch.int16) };
        foreach (var dt in TorchSaveTests.AllDTypes) tensors[IOGolden.DTypeName(dt)] = torch.arange(-3L, 3L).reshape(2, 3).to(dt);
        string path = dir.File("t.safetensors");
        safetensors.save_file(tensors, path, new Dictionary<string, string> { ["k"] = "v ✓" });
        var back = safetensors.load_file(path);
        Assert.Equal(tensors.Keys.Order(StringComparer.Ordinal), back.Keys);
        foreach (var (k, t) in tensors)
        {
            Assert.Equal(t.dtype, back[k].dtype);
            Assert.Equal(t.shape, back[k].shape);
            Assert.Equal(IOGolden.Hex(t), IOGolden.Hex(back[k]));
        }
        Assert.Equal("v ✓", safetensors.load_metadata(path)["k"]);
        Assert.Equal(File.ReadAllBytes(path), safetensors.save(tensors, new Dictionary<string, string> { ["k"] = "v ✓" }));
        Assert.Equal(IOGolden.Hex(x.t()), IOGolden.Hex(safetensors.load(File.ReadAllBytes(path))["transposed"]));
    }

    [Fact]
    public void WritesAnAlignedHeaderInTheReferenceOrder()
    {
        byte[] bytes = safetensors.save(new Dictionary<string, Tensor>
        {
            ["b"] = torch.ones(3, dtype: torch.uint8), ["a"] = torch.ones(2, dtype: torch.float64), ["c"] = torch.ones(1, dtype: torch.float64),
        });
        long n = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)n));
        // Largest elements first, then by name: a, c (float64) before b (uint8).
        Assert.Equal(["a", "c", "b"], header.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[0,16]", header.RootElement.GetProperty("a").GetProperty("data_offsets").GetRawText());
        Assert.Equal("[24,27]", header.RootElement.GetProperty("b").GetProperty("data_offsets").GetRawText());
        Assert.Equal(8 + n + 27, bytes.Length);
    }

    /// <summary>A file with a hand-written header and <paramref name="dataBytes"/> zero bytes of data.</summary>
    private static byte[] Image(string header, int dataBytes, long? claimedLength = null)
    {
        byte[] h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + dataBytes];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, claimedLength ?? h.Length);
        h.CopyTo(bytes, 8);
        return bytes;
    }

    public static TheoryData<string, int, string> CorruptHeaders() => new()
    {
        { """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12, "overlaps the tensor before it" },
        { """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 8, "overlaps" },
        { """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 4, "holds only 4 after the header" },
        { """{"a":{"dtype":"F32","shape":[2],"data_offsets":[100,108]}}""", 8, "leaving a gap" },
        { """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 9, "trailing bytes" },
        { """{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "needs 12 bytes" },
        { """{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", 8, "end before they begin" },
        { """{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", 8, "invalid shape value -2" },
        { """{"a":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,8]}}""", 8, "overflows" },
        { """{"a":{"dtype":"Q8","shape":[2],"data_offsets":[0,2]}}""", 2, "unknown dtype 'Q8'" },
        { """{"a":{"dtype":"U16","shape":[1],"data_offsets":[0,2]}}""", 2, "dtype U16, which Flint does not support" },
        { """{"a":{"dtype":"F32","shape":[1]}}""", 4, "needs \"dtype\"" },
        { """{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "names 'a' twice" },
        { """{"__metadata__":{"n":1}}""", 0, "is not a string" },
        { """{"a":""", 0, "not valid JSON" },
        { """[1,2]""", 0, "not a JSON object" },
    };

    [Theory]
    [MemberData(nameof(CorruptHeaders))]
    public void CorruptHeadersGiveClearErrors(string header, int dataBytes, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => safetensors.load(Image(header, dataBytes)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void AHeaderLengthPastTheFileIsRejected()
    {
        using var dir = new IOGolden.TempDir();
        string path = dir.File("bad.safetensors");
        File.WriteAllBytes(path, Image("{}", 0, claimedLength: 1000));
        Assert.Contains("header length 1000 runs past the end of the 10-byte file", Assert.Throws<InvalidDataException>(() => safetensors.load_file(path)).Message);
        File.WriteAllBytes(path, Image("{}", 0, claimedLength: long.MaxValue));
        Assert.Contains("exceeds the 100000000-byte limit", Assert.Throws<InvalidDataException>(() => safetensors.load_file(path)).Message);
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Contains("3 bytes is too short", Assert.Throws<InvalidDataException>(() => safetensors.load_file(path)).Message);
        File.WriteAllBytes(path, []);
        Assert.Contains("0 bytes is too short", Assert.Throws<InvalidDataException>(() => safetensors.load_file(path)).Message);
    }

    [Fact]
    public void ATruncatedFileIsRejected()
    {
        using var dir = new IOGolden.TempDir();
        byte[] good = File.ReadAllBytes(IOGolden.PathOf("dtypes.safetensors"));
        string path = dir.File("cut.safetensors");
        File.WriteAllBytes(path, good[..^3]);
        Assert.Contains("truncated or corrupt", Assert.Throws<InvalidDataException>(() => safetensors.load_file(path)).Message);
        File.WriteAllBytes(path, good[..40]);
        Assert.Contains("runs past the end", Assert.Throws<InvalidDataException>(() => safetensors.load_file(path)).Message);
    }

    [Fact]
    public void InvalidInputsLeaveAnExistingFileUntouched()
    {
        using var dir = new IOGolden.TempDir();
        string path = dir.File("keep.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = torch.ones(2) }, path);
        byte[] before = File.ReadAllBytes(path);
        Assert.Throws<ArgumentException>(() => safetensors.save_file(new Dictionary<string, Tensor> { ["__metadata__"] = torch.ones(1) }, path));
        Assert.Throws<ArgumentException>(() => safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = torch.ones(1) }, path, new Dictionary<string, string> { ["k"] = null! }));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
