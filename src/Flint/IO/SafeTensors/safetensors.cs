using Flint.IO;
using Flint.IO.SafeTensors;

namespace Flint;

/// <summary>
/// The safetensors format, as Python's <c>safetensors.torch</c> spells it: <c>save_file</c>/<c>load_file</c>
/// and <c>save</c>/<c>load</c> for bytes. A safetensors file holds only named tensors and string metadata,
/// so loading one can never run code. Each tensor's bytes are read once, straight into its storage, after
/// the header has been validated: offsets that overlap,
/// leave gaps or run past the end, bad dtype names and size mismatches raise
/// <see cref="InvalidDataException"/>.
/// </summary>
public static class safetensors
{
    /// <summary>
    /// Saves tensors and optional string metadata to <paramref name="filename"/>, atomically. Each tensor is
    /// written contiguously in its own bytes (views are saved as their values; tensors that share memory
    /// are saved once each).
    /// </summary>
    public static void save_file(IDictionary<string, Tensor> tensors, string filename, IDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        AtomicFile.Write(filename, s => SafeTensorsFormat.Write(tensors, metadata, s));
    }

    /// <summary>The safetensors bytes of <paramref name="tensors"/> (see <see cref="save_file"/>).</summary>
    public static byte[] save(IDictionary<string, Tensor> tensors, IDictionary<string, string>? metadata = null)
    {
        var ms = new MemoryStream();
        SafeTensorsFormat.Write(tensors, metadata, ms);
        return ms.ToArray();
    }

    /// <summary>Loads every tensor of a safetensors file onto the CPU, by name in ordinal order.</summary>
    /// <exception cref="InvalidDataException">The file is truncated or corrupt.</exception>
    public static Dictionary<string, Tensor> load_file(string filename) => ReadFile(filename, metadataOnly: false).Tensors;

    /// <summary>The <c>__metadata__</c> of a safetensors file (empty when it has none); reads only the header.</summary>
    public static Dictionary<string, string> load_metadata(string filename) =>
        ReadFile(filename, metadataOnly: true).Metadata ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Loads tensors from safetensors bytes.</summary>
    public static Dictionary<string, Tensor> load(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SafeTensorsFormat.Read((offset, destination) =>
        {
            int n = (int)Math.Clamp(data.Length - offset, 0, destination.Length);
            data.AsSpan((int)offset, n).CopyTo(destination);
            return n;
        }, data.Length, "safetensors data").Tensors;
    }

    /// <remarks>
    /// Read with positioned reads, not a memory map: another process truncating a mapped file makes the next
    /// access raise SIGBUS, which ends the .NET runtime; a short read is just a truncated file.
    /// </remarks>
    private static (Dictionary<string, Tensor> Tensors, Dictionary<string, string>? Metadata) ReadFile(string filename, bool metadataOnly)
    {
        string source = $"'{filename}'";
        using var handle = File.OpenHandle(filename, FileMode.Open, FileAccess.Read, FileShare.Read);
        long length = RandomAccess.GetLength(handle);
        return SafeTensorsFormat.Read((offset, destination) => RandomAccess.Read(handle, destination, offset), length, source, metadataOnly);
    }
}
