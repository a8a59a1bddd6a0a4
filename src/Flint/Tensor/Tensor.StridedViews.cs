using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// A view of this tensor's storage with the given sizes, strides and storage offset (this tensor's offset when
        /// null); checked against the storage's size as PyTorch's setStorage is. Its gradient accumulates into every
        /// storage position the view reads.
        /// </summary>
        public Tensor as_strided(long[] size, long[] strides, long? storageOffset = null) => StridedViews.AsStrided(this, size, strides, storageOffset);

        /// <summary>A new tensor object over the same storage, sizes and strides (PyTorch's aten::alias); gradients pass through unchanged.</summary>
        public Tensor alias() => StridedViews.Alias(this);

        /// <summary>
        /// Resizes this tensor in place to contiguous <paramref name="size"/>, keeping its elements in storage order; when the
        /// storage is too small it moves to a larger one (the new elements uninitialised). A tensor that requires grad cannot be resized.
        /// </summary>
        public Tensor resize_(params long[] size) => StridedViews.Resize(this, size);
    }

    /// <summary>A view of <paramref name="input"/>'s storage with the given sizes, strides and storage offset.</summary>
    public static Tensor as_strided(Tensor input, long[] size, long[] strides, long? storageOffset = null) => input.as_strided(size, strides, storageOffset);

    /// <summary>An uninitialised tensor with the given sizes and strides, over a storage just large enough for them.</summary>
    public static Tensor empty_strided(long[] size, long[] strides, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        StridedViews.EmptyStrided(size, strides, dtype ?? get_default_dtype(), device ?? CPU, requires_grad);
}
