using Flint.IO;

namespace Flint;

// TorchSharp's byte-level Tensor members (bytes, WriteBytesToStream, ReadBytesFromStream) and Tensor.save; they live in
// IO/ because they read and write storage bytes through IO/StorageBytes.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A dense CPU copy (or this tensor) held while its bytes are read.</summary>
        private Tensor DenseHost() => device.type == DeviceType.CPU ? detach().contiguous() : detach().to(torch.CPU).contiguous();

        /// <summary>
        /// The elements' raw little-endian bytes in row-major order (a copy; any layout and device). Setting it writes
        /// exactly numel × element-size bytes into this tensor, as TorchSharp's <c>bytes</c> setter does.
        /// </summary>
        public byte[] bytes
        {
            get
            {
                var t = DenseHost();
                using var lease = new Ops.KernelLease(t);
                return StorageBytes.Of(t.Storage.Buffer, t.dtype, t.Offset, t.numel()).ToArray();
            }
            set
            {
                long size = numel() * DTypes.ElementSize(dtype);
                if (value.LongLength != size)
                    throw new ArgumentException($"bytes: the tensor holds {size} bytes but {value.LongLength} were given");
                WriteRaw(value);
            }
        }

        /// <summary>Writes the elements' raw little-endian bytes (row-major) to <paramref name="stream"/>, <paramref name="bufferSize"/> bytes at a time.</summary>
        public void WriteBytesToStream(Stream stream, int bufferSize = 1024)
        {
            ArgumentNullException.ThrowIfNull(stream);
            var t = DenseHost();
            using var lease = new Ops.KernelLease(t);
            var all = StorageBytes.Of(t.Storage.Buffer, t.dtype, t.Offset, t.numel());
            for (int start = 0; start < all.Length; start += Math.Max(bufferSize, 1))
                stream.Write(all.Slice(start, Math.Min(Math.Max(bufferSize, 1), all.Length - start)));
        }

        /// <summary>Reads numel × element-size raw little-endian bytes from <paramref name="stream"/> into this tensor's elements (row-major).</summary>
        public void ReadBytesFromStream(Stream stream, int bufferSize = 1024)
        {
            ArgumentNullException.ThrowIfNull(stream);
            var raw = new byte[numel() * DTypes.ElementSize(dtype)];
            stream.ReadExactly(raw);
            WriteRaw(raw);
        }

        private void WriteRaw(byte[] raw)
        {
            var tmp = Tensor.Empty((long[])Shape.Clone(), dtype, torch.CPU, clear: false);
            using (var lease = new Ops.KernelLease(tmp))
            {
                raw.CopyTo(StorageBytes.Writable(tmp.Storage.Buffer, dtype)[(int)(tmp.Offset * DTypes.ElementSize(dtype))..]);
                StorageBytes.NormalizeBools(tmp.Storage);
            }
            using (torch.no_grad()) copy_(tmp);
        }

        /// <summary>Saves this tensor to <paramref name="location"/> in PyTorch's zip format (<c>torch.save(this, location)</c>; <c>torch.load</c> reads it).</summary>
        public void save(string location) => torch.save(this, location);
    }
}
