namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>TorchSharp's name for <see cref="numel"/>: the number of elements.</summary>
        public long NumberOfElements => numel();

        /// <summary>
        /// An identifier of the address of this tensor's first element, as PyTorch's <c>x.data_ptr()</c> is used:
        /// tensors that view the same storage at the same offset give the same value, a view starting
        /// <c>k</c> elements further gives <c>k * element_size()</c> more, and distinct live storages never collide.
        /// </summary>
        /// <remarks>
        /// It is not a machine address: CPU storage is a pooled managed array that the garbage collector may move
        /// (pinning it for the tensor's life would fragment the heap), so Flint numbers each storage instead
        /// (storage number × 2^32, then the byte offset). Like a freed address in PyTorch's caching allocator,
        /// the number of a storage is not reused while the storage is alive. Do not dereference it.
        /// </remarks>
        public long data_ptr()
        {
            ThrowIfDisposed();
            return StorageAddress.Of(Storage) + Offset * element_size();
        }

        /// <summary>Zeros of <paramref name="size"/> with the given dtype (this tensor's device unless <paramref name="device"/> is given).</summary>
        public Tensor new_zeros(long[] size, ScalarType dtype, Device? device = null, bool requires_grad = false) =>
            torch.zeros(size, dtype, device ?? this.device, requires_grad);

        /// <summary>Ones of <paramref name="size"/> with the given dtype (this tensor's device unless <paramref name="device"/> is given).</summary>
        public Tensor new_ones(long[] size, ScalarType dtype, Device? device = null, bool requires_grad = false) =>
            torch.ones(size, dtype, device ?? this.device, requires_grad);

        /// <summary><paramref name="value"/> in every element, with the given dtype (this tensor's device unless <paramref name="device"/> is given).</summary>
        public Tensor new_full(long[] size, double value, ScalarType dtype, Device? device = null, bool requires_grad = false) =>
            torch.full(size, value, dtype, device ?? this.device, requires_grad);

        /// <summary>An uninitialised tensor with the given dtype (this tensor's device unless <paramref name="device"/> is given).</summary>
        public Tensor new_empty(long[] size, ScalarType dtype, Device? device = null, bool requires_grad = false) =>
            torch.empty(size, dtype, device ?? this.device, requires_grad);
    }
}
