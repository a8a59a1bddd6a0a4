using System.IO.Compression;
using System.Text;
using Flint.IO.Pickle;

namespace Flint.IO.ZipCheckpoint;

/// <summary>
/// Writes PyTorch's zip checkpoint format (what <c>torch.save</c> has written since 1.6):
/// <c>archive/data.pkl</c> (a protocol-2 pickle whose tensors refer to storages by persistent id),
/// <c>archive/byteorder</c>, <c>archive/data/&lt;key&gt;</c> (each storage's raw little-endian bytes)
/// and <c>archive/version</c>. Entries are stored uncompressed, as PyTorch stores them, and carry a
/// fixed timestamp so the same value always gives the same bytes.
/// </summary>
internal static class TorchSave
{
    private const string Archive = "archive";
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Save(object? value, Stream stream)
    {
        var storages = new List<Storage>();
        var keys = new Dictionary<Storage, string>(ReferenceEqualityComparer.Instance);
        var pickler = new PickleWriter { WriteTensor = (w, t) => WriteTensor(w, t, storages, keys) };
        byte[] pickle = pickler.Dump(value);

        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, Archive + "/data.pkl", pickle);
        WriteEntry(zip, Archive + "/byteorder", Encoding.ASCII.GetBytes("little"));
        foreach (var storage in storages)
            WriteEntry(zip, $"{Archive}/data/{keys[storage]}", StorageBytes.Of(storage.Buffer, storage.DType, 0, storage.Length));
        WriteEntry(zip, Archive + "/version", Encoding.ASCII.GetBytes("3\n"));
    }

    private static void WriteEntry(ZipArchive zip, string name, ReadOnlySpan<byte> bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        entry.LastWriteTime = FixedTime;
        using var s = entry.Open();
        s.Write(bytes);
    }

    /// <summary>
    /// A tensor pickles as PyTorch's <c>Tensor.__reduce_ex__</c> does:
    /// <c>_rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())</c>, and a
    /// parameter as <c>_rebuild_parameter(data, requires_grad, OrderedDict())</c>. The whole storage is
    /// saved once, so views keep their strides and offsets and shared storages stay shared.
    /// </summary>
    private static void WriteTensor(PickleWriter w, Tensor t, List<Storage> storages, Dictionary<Storage, string> keys)
    {
        if (t is Modules.Parameter)
        {
            w.WriteGlobal("torch._utils", "_rebuild_parameter");
            w.Op(Opcodes.Mark);
            WriteRebuildTensor(w, t, false, storages, keys);
            w.WriteValue(t.requires_grad);
            w.WriteEmptyOrderedDict();
            w.Op(Opcodes.Tuple);
            w.Op(Opcodes.Reduce);
            return;
        }
        WriteRebuildTensor(w, t, t.requires_grad, storages, keys);
    }

    private static void WriteRebuildTensor(PickleWriter w, Tensor t, bool requiresGrad, List<Storage> storages, Dictionary<Storage, string> keys)
    {
        // Flint files always say "cpu": they load on any machine; move tensors with .to() after loading.
        if (t.device.type != DeviceType.CPU) t = t.to(torch.CPU);
        var storage = t.Storage;
        if (!keys.TryGetValue(storage, out var key))
        {
            key = storages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys[storage] = key;
            storages.Add(storage);
        }
        w.WriteGlobal("torch._utils", "_rebuild_tensor_v2");
        w.Op(Opcodes.Mark);
        // The persistent id: ('storage', torch.FloatStorage, key, 'cpu', numel).
        w.Op(Opcodes.Mark);
        w.WriteString("storage");
        w.WriteGlobal("torch", StorageTypes.PickleName(storage.DType));
        w.WriteString(key);
        w.WriteString("cpu");
        w.WriteInt(storage.Length);
        w.Op(Opcodes.Tuple);
        w.Op(Opcodes.BinPersId);
        w.WriteInt(t.Offset);
        w.WriteTuple(t.Shape);
        w.WriteTuple(t.Strides);
        w.WriteValue(requiresGrad);
        w.WriteEmptyOrderedDict();
        w.Op(Opcodes.Tuple);
        w.Op(Opcodes.Reduce);
    }
}
