using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// as_strided (a view with any sizes, strides and storage offset over the same storage, bounds-checked against the
/// storage as PyTorch's setStorage is), alias, empty_strided and resize_. as_strided's backward is PyTorch's
/// as_strided_backward by index accumulation: the output gradient is index-added into a zero buffer spanning the
/// storage range both geometries touch, divided by how often the input's geometry reads each position when the input
/// overlaps itself, and read back at the input's positions.
/// </summary>
internal static class StridedViews
{
    internal static Tensor AsStrided(Tensor self, long[] size, long[] stride, long? storageOffset)
    {
        self.ThrowIfDisposed();
        long offset = storageOffset ?? self.Offset;
        if (size.Length != stride.Length) throw new ArgumentException("mismatch in length of strides and shape");
        if (stride.Any(s => s < 0))
            throw new ArgumentException($"as_strided: Negative strides are not supported at the moment, got strides: {Shapes.Str(stride)}");
        if (offset < 0) throw new ArgumentException($"Tensor: invalid storage offset {offset}");
        CheckInBounds(size, stride, offset, self.dtype, self.Storage.Length);
        long[] inShape = (long[])self.Shape.Clone(), inStrides = (long[])self.Strides.Clone();
        long inOffset = self.Offset;
        long[] outShape = (long[])size.Clone(), outStrides = (long[])stride.Clone();
        return self.MakeView(outShape, outStrides, offset, "AsStridedBackward0",
            g => Backward(g, inShape, inStrides, inOffset, outShape, outStrides, offset));
    }

    /// <summary>PyTorch's checkInBoundsForStorage, in bytes as its message says them.</summary>
    internal static void CheckInBounds(long[] size, long[] stride, long offset, ScalarType dtype, long storageElements)
    {
        foreach (var s in size)
            if (s < 0)
                throw new ArgumentException($"Storage size calculation overflowed with sizes={Shapes.Str(size)} and strides={Shapes.Str(stride)}");
        long item = DTypes.ElementSize(dtype);
        long needed = Extent(size, stride) * item;
        if (needed == 0) return;
        long have = storageElements * item;
        if (needed + offset * item > have)
            throw new ArgumentException($"setStorage: sizes {Shapes.Str(size)}, strides {Shapes.Str(stride)}, storage offset {offset}, and itemsize {item} requiring a storage size of {needed + offset * item} are out of bounds for storage of size {have}");
    }

    /// <summary>How many elements a geometry spans from its offset (PyTorch's computeStorageNbytes / itemsize): 0 when empty.</summary>
    internal static long Extent(long[] size, long[] stride)
    {
        long e = 1;
        for (int i = 0; i < size.Length; i++)
        {
            if (size[i] == 0) return 0;
            e += (size[i] - 1) * stride[i];
        }
        return e;
    }

    /// <summary>The storage positions of a geometry's elements, row-major.</summary>
    private static long[] Positions(long[] size, long[] stride, long offset)
    {
        long n = 1;
        foreach (var s in size) n *= s;
        var p = new long[n];
        var idx = new long[size.Length];
        for (long k = 0; k < n; k++)
        {
            long pos = offset;
            for (int d = 0; d < size.Length; d++) pos += idx[d] * stride[d];
            p[k] = pos;
            for (int d = size.Length - 1; d >= 0; d--)
            {
                if (++idx[d] < size[d]) break;
                idx[d] = 0;
            }
        }
        return p;
    }

    private static Tensor Backward(Tensor g, long[] inShape, long[] inStrides, long inOffset, long[] outShape, long[] outStrides, long outOffset)
    {
        var inPos = Positions(inShape, inStrides, inOffset);
        var outPos = Positions(outShape, outStrides, outOffset);
        if (inPos.Length == 0) return torch.zeros(inShape, g.dtype, g.device);
        long lo = Math.Min(inPos.Min(), outPos.Length > 0 ? outPos.Min() : long.MaxValue);
        long hi = Math.Max(inPos.Max(), outPos.Length > 0 ? outPos.Max() : long.MinValue);
        var buffer = torch.zeros([hi - lo + 1], g.dtype, g.device);
        if (outPos.Length > 0)
            buffer = buffer.index_add(0, torch.tensor(outPos.Select(p => p - lo).ToArray()).to(g.device), g.reshape(-1));
        var inIndex = inPos.Select(p => p - lo).ToArray();
        if (inIndex.Distinct().Count() != inIndex.Length)
        {
            // The input reads some positions more than once: each of its reads gets an equal share (PyTorch's count division).
            var count = new double[hi - lo + 1];
            foreach (var i in inIndex) count[i]++;
            for (int i = 0; i < count.Length; i++) if (count[i] == 0) count[i] = 1;
            buffer = buffer / torch.tensor(count).to(g.dtype).to(g.device);
        }
        return buffer.index_select(0, torch.tensor(inIndex).to(g.device)).reshape(inShape);
    }

    internal static Tensor Alias(Tensor self) => self.MakeView((long[])self.Shape.Clone(), (long[])self.Strides.Clone(), self.Offset, "AliasBackward0", g => g);

    internal static Tensor EmptyStrided(long[] size, long[] stride, ScalarType dtype, Device device, bool requiresGrad)
    {
        if (size.Length != stride.Length)
            throw new ArgumentException($"dimensionality of sizes ({size.Length}) must match dimensionality of strides ({stride.Length})");
        foreach (var s in size)
            if (s < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {s}: {Shapes.Str(size)}");
        var storage = Tensor.Empty([Extent(size, stride)], dtype, device, clear: false);
        var t = new Tensor(storage.Storage, (long[])size.Clone(), (long[])stride.Clone(), 0);
        return requiresGrad ? t.requires_grad_(true) : t;
    }

    /// <summary>
    /// PyTorch's resize_: contiguous strides for <paramref name="size"/>, the data kept in storage order; a larger size
    /// moves the tensor to a bigger storage holding a copy of the old one (the new elements uninitialised).
    /// </summary>
    internal static Tensor Resize(Tensor self, long[] size)
    {
        self.ThrowIfDisposed();
        if (self.requires_grad) throw new ArgumentException("cannot resize variables that require grad");
        long n = ShapeMath.Numel(size);
        if (size.Any(s => s < 0)) throw new ArgumentException($"Trying to create tensor with negative dimension {size.First(s => s < 0)}: {Shapes.Str(size)}");
        long needed = self.Offset + n;
        if (n > 0 && needed > self.Storage.Length)
        {
            var bigger = Tensor.Empty([needed], self.dtype, self.device, clear: false);
            var old = new Tensor(self.Storage, [self.Storage.Length], [1], 0);
            Dispatcher.CopyInto(bigger.narrow(0, 0, self.Storage.Length), old);
            self.Storage.ReleaseView();
            self.Storage = bigger.Storage;
            self.Storage.AddView();
        }
        self.Shape = (long[])size.Clone();
        self.Strides = Shapes.ContiguousStrides(size);
        return self;
    }
}
