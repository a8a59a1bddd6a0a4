using System.Collections;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// PyTorch's <c>torch.Storage</c> as TorchSharp spells it: the one-dimensional buffer of a single dtype that a
    /// tensor views (<c>x.storage&lt;float&gt;()</c>). It shares memory with the tensor: a write through the storage
    /// shows in every tensor that views it.
    /// </summary>
    public abstract class Storage
    {
        /// <summary>A flat, contiguous view over the buffer (the whole buffer, or a slice of it).</summary>
        private protected readonly Tensor _flat;

        private protected Storage(Tensor flat) => _flat = flat;

        /// <summary>The size of one element in bytes.</summary>
        public int element_size() => (int)_flat.element_size();

        /// <summary>The number of bytes in the storage.</summary>
        public ulong nbytes() => (ulong)(_flat.numel() * _flat.element_size());

        /// <summary>The address identifier of the first element, as <see cref="Tensor.data_ptr"/> (not a machine address).</summary>
        public long data_ptr() => _flat.data_ptr();

        /// <summary>The device the storage lives on.</summary>
        public Device device => _flat.device;

        /// <summary>The storage's dtype.</summary>
        public ScalarType dtype => _flat.dtype;

        /// <summary>A bool copy (this storage when already bool).</summary>
        public Storage<bool> @bool() => _flat.to(ScalarType.Bool).storage<bool>();
        /// <summary>A uint8 copy (this storage when already uint8).</summary>
        public Storage<byte> @byte() => _flat.to(ScalarType.Byte).storage<byte>();
        /// <summary>An int32 copy (this storage when already int32).</summary>
        public Storage<int> @int() => _flat.to(ScalarType.Int32).storage<int>();
        /// <summary>An int64 copy (this storage when already int64).</summary>
        public Storage<long> @long() => _flat.to(ScalarType.Int64).storage<long>();
        /// <summary>A float32 copy (this storage when already float32).</summary>
        public Storage<float> @float() => _flat.to(ScalarType.Float32).storage<float>();
        /// <summary>A float64 copy (this storage when already float64).</summary>
        public Storage<double> @double() => _flat.to(ScalarType.Float64).storage<double>();
    }

    /// <summary>A typed <see cref="Storage"/>: its elements as <typeparamref name="T"/>, readable and writable in place.</summary>
    public sealed class Storage<T> : Storage, IDisposable, IEnumerable<T> where T : unmanaged
    {
        internal Storage(Tensor flat) : base(flat) { }

        /// <summary>The number of elements.</summary>
        public int Count => checked((int)_flat.numel());

        /// <summary>One element; setting it writes through to every tensor that views this storage.</summary>
        public T this[int index]
        {
            get => _flat[CheckIndex(index)].item<T>();
            set => _flat[CheckIndex(index)].copy_(torch.tensor(new[] { value }).reshape([]));
        }

        /// <summary>Elements <c>[start, end)</c> as a storage sharing this one's memory (null bounds mean the ends).</summary>
        public Storage<T> this[(int? start, int? end) range]
        {
            get
            {
                int start = range.start ?? 0, end = range.end ?? Count;
                if (end < start) throw new ArgumentException("end < start");
                CheckBound(start);
                CheckBound(end);
                return new Storage<T>(_flat[TensorIndex.Slice(start, end)]);
            }
        }

        /// <summary>Elements in a C# range as a storage sharing this one's memory.</summary>
        public Storage<T> this[Range range]
        {
            get
            {
                var (offset, length) = range.GetOffsetAndLength(Count);
                return this[(offset, offset + length)];
            }
        }

        /// <summary>Moves the storage (a copy of its elements) to the first CUDA device, or <paramref name="device"/>.</summary>
        public Storage<T> cuda(Device? device = null) => _flat.to(device ?? torch.CUDA).storage<T>();

        /// <summary>The storage on the CPU (this one when already there).</summary>
        public Storage<T> cpu() => _flat.cpu().storage<T>();

        /// <summary>A copy of the elements as an array.</summary>
        public T[] ToArray() => _flat.cpu().data<T>();

        /// <summary>A copy of the elements as a list (PyTorch's <c>tolist()</c>).</summary>
        public IList<T> tolist() => ToArray();

        /// <summary>Writes <paramref name="value"/> into every element.</summary>
        public void fill_(T value) => _flat.copy_(torch.tensor(new[] { value }).reshape([]).expand(_flat.shape));

        /// <summary>Overwrites the elements with <paramref name="array"/> (of exactly <see cref="Count"/> elements).</summary>
        public void copy_(IList<T> array)
        {
            if (array.Count != Count)
                throw new ArgumentException($"copy_: the storage has {Count} elements but the source has {array.Count}");
            _flat.copy_(torch.tensor(array.ToArray()));
        }

        /// <summary>A one-element storage holding <paramref name="value"/>.</summary>
        public static implicit operator Storage<T>(T value) => torch.tensor(new[] { value }).storage<T>();

        /// <summary>False: a storage is writable.</summary>
        public bool IsReadOnly => false;

        /// <summary>The index of the first element equal to <paramref name="item"/>, or -1.</summary>
        public int IndexOf(T item) => Array.IndexOf(ToArray(), item);

        /// <summary>True when some element equals <paramref name="item"/>.</summary>
        public bool Contains(T item) => Array.IndexOf(ToArray(), item) >= 0;

        /// <summary>Copies the elements into <paramref name="array"/> from <paramref name="arrayIndex"/> on.</summary>
        public void CopyTo(IList<T> array, int arrayIndex)
        {
            var values = ToArray();
            for (int i = 0; i < values.Length; i++) array[arrayIndex + i] = values[i];
        }

        /// <summary>Overwrites the elements with those of <paramref name="array"/> from <paramref name="arrayIndex"/> on.</summary>
        public void CopyFrom(IList<T> array, int arrayIndex)
        {
            var values = new T[Count];
            for (int i = 0; i < values.Length; i++) values[i] = array[arrayIndex + i];
            copy_(values);
        }

        /// <inheritdoc/>
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Nothing to release: the tensor owns the memory (kept so TorchSharp's <c>using</c> blocks compile).</summary>
        public void Dispose() { }

        private int CheckIndex(int index)
        {
            if (index < 0 || index >= Count) throw new IndexOutOfRangeException($"index {index} out of range for storage of size {Count}");
            return index;
        }

        private void CheckBound(int bound)
        {
            if (bound < 0 || bound > Count) throw new IndexOutOfRangeException($"index {bound} out of range for storage of size {Count}");
        }
    }

    /// <summary>True when <paramref name="obj"/> is a storage (PyTorch's <c>torch.is_storage</c>).</summary>
    public static bool is_storage(object? obj) => obj is Storage;

    public partial class Tensor
    {
        /// <summary>
        /// The storage this tensor views, as <typeparamref name="T"/> elements: the whole buffer (not only the part this
        /// view covers), sharing memory. When <typeparamref name="T"/> is not this tensor's element type the tensor is
        /// converted first, as TorchSharp does, and the storage is the copy's.
        /// </summary>
        public Storage<T> storage<T>() where T : unmanaged
        {
            ThrowIfDisposed();
            if (typeof(T) != DTypes.ClrType(dtype)) return to(DTypes.FromClrType(typeof(T))).storage<T>();
            var buffer = this.Storage;
            var flat = new Tensor(buffer, [buffer.Length], [1], 0);
            return new Storage<T>(flat);
        }
    }
}
