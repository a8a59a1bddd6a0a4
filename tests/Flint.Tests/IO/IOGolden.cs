using System.Text.Json;
using Flint.IO;

namespace Flint.Tests.IO;

/// <summary>Shared helpers: golden paths, expected.json (from tools/golden/gen_io.py), bit-level tensor comparison.</summary>
internal static class IOGolden
{
    public static string Dir => Path.Combine(AppContext.BaseDirectory, "golden", "io");

    public static string PathOf(string name) => Path.Combine(Dir, name);

    private static readonly Lazy<JsonDocument> Expected = new(() => JsonDocument.Parse(File.ReadAllText(PathOf("expected.json"))));

    public static JsonElement Root => Expected.Value.RootElement;

    /// <summary>The hex of a tensor's bytes in row-major order, as the script writes them.</summary>
    public static string Hex(Tensor t)
    {
        var c = t.contiguous();
        return Convert.ToHexStringLower(StorageBytes.Of(c.Storage.Buffer, c.dtype, c.Offset, c.numel()));
    }

    public static string DTypeName(ScalarType t) => DTypes.Name(t)["torch.".Length..];

    /// <summary>Asserts dtype, shape, strides, offset, requires_grad and every byte match what PyTorch recorded.</summary>
    public static void AssertMatches(JsonElement want, Tensor got, string context)
    {
        Assert.True(want.GetProperty("dtype").GetString() == DTypeName(got.dtype), $"{context}: dtype {DTypeName(got.dtype)}");
        Assert.Equal(want.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(), got.shape);
        Assert.Equal(want.GetProperty("stride").EnumerateArray().Select(e => e.GetInt64()).ToArray(), got.stride());
        Assert.Equal(want.GetProperty("offset").GetInt64(), got.storage_offset());
        Assert.Equal(want.GetProperty("requires_grad").GetBoolean(), got.requires_grad);
        Assert.True(want.GetProperty("bytes").GetString() == Hex(got), $"{context}: bytes differ: {Hex(got)}");
    }

    /// <summary>A fresh directory under the system temp dir, removed by the caller's <c>using</c>.</summary>
    public sealed class TempDir : IDisposable
    {
        public readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "flint-io-" + Guid.NewGuid().ToString("N"));
        public TempDir() => Directory.CreateDirectory(Path);
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
    }

    /// <summary>Where tests also write the files PyTorch checks (tools/golden/gen_io.py check), when FLINT_WRITE_GOLDEN is set.</summary>
    public static string? FlintWrittenDir => Environment.GetEnvironmentVariable("FLINT_WRITE_GOLDEN") is { Length: > 0 } d ? d : null;
}
