using System.IO.MemoryMappedFiles;
using Flint.IO;
using Flint.IO.SafeTensors;

namespace Flint;

/// <summary>
/// The safetensors format, as Python's <c>safetensors.torch</c> spells it: <c>save_file</c>/<c>load_file</c>
/// and <c>save</c>/<c>load</c> for bytes. A safetensors file holds only named tensors and string metadata,
/// so loading one can never run code. Files are read through a memory map (each tensor's bytes are
/// copied once, straight from the page cache) and their headers are validated: offsets that overlap,
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
    public static unsafe Dictionary<string, Tensor> load(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        fixed (byte* p = data)
            return SafeTensorsFormat.Read(p, data.Length, "safetensors data").Tensors;
    }

    private static unsafe (Dictionary<string, Tensor> Tensors, Dictionary<string, string>? Metadata) ReadFile(string filename, bool metadataOnly)
    {
        string source = $"'{filename}'";
        using var fs = new FileStream(filename, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        long length = fs.Length;
        if (length < 8) // a memory map of an empty file is not allowed; report the real problem instead
            throw new InvalidDataException($"{source}: {length} bytes is too short for a safetensors file (it starts with an 8-byte header length).");
        using var map = MemoryMappedFile.CreateFromFile(fs, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        try
        {
            return SafeTensorsFormat.Read(p + view.PointerOffset, length, source, metadataOnly);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }
}
