using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// An n-dimensional array with autograd, PyTorch's <c>torch.Tensor</c>. A tensor is a view:
    /// a buffer (<see cref="storage{T}"/> exposes it) plus shape, strides and offset, so views (transpose, slicing,
    /// reshape of contiguous data) share memory and cost O(1).
    /// </summary>
    public partial class Tensor : IDisposable
    {
        internal global::Flint.Storage Storage;
        internal long[] Shape;
        internal long[] Strides;
        internal long Offset;

        /// <summary>A C# number wrapped as a 0-dim tensor: it takes part in type promotion as a scalar.</summary>
        internal bool IsWrappedNumber;

        internal Tensor(global::Flint.Storage storage, long[] shape, long[] strides, long offset)
        {
            Storage = storage;
            Shape = shape;
            Strides = strides;
            Offset = offset;
            ShapeMath.Numel(shape); // PyTorch refuses a view whose element count overflows; so does every Flint tensor
            storage.AddView();
            DisposeScope.Register(this);
        }

        /// <summary>A fresh contiguous tensor of the given shape (uninitialised contents are zero).</summary>
        /// <remarks>Pass <paramref name="clear"/> = false only when every element is about to be written;
        /// <paramref name="contiguousStrides"/> when the caller already has the row-major strides of <paramref name="shape"/> (shared, not copied).</remarks>
        internal static Tensor Empty(long[] shape, ScalarType dtype, Device? device = null, bool clear = true, long[]? contiguousStrides = null)
        {
            foreach (var s in shape)
                if (s < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {s}: {Shapes.Str(shape)}");
            ShapeMath.StorageBytes(shape, DTypes.ElementSize(dtype));
            var storage = Ops.Dispatcher.Allocate(dtype, Shapes.Numel(shape), device, clear);
            return new Tensor(storage, shape, contiguousStrides ?? Shapes.ContiguousStrides(shape), 0);
        }

        /// <summary>The tensor's sizes, one per dimension.</summary>
        public long[] shape => (long[])Shape.Clone();

        /// <summary>The element type.</summary>
        public ScalarType dtype => Storage.DType;

        /// <summary>The device the data lives on.</summary>
        public Device device => Storage.Device;

        /// <summary>The number of dimensions (<c>ndim</c> in PyTorch).</summary>
        public long ndim => Shape.Length;

        /// <summary>The number of dimensions.</summary>
        public long dim() => Shape.Length;

        /// <summary>The number of elements.</summary>
        public long numel() => Shapes.Numel(Shape);

        /// <summary>The sizes, printed as <c>torch.Size([2, 4])</c>.</summary>
        public Size size() => new(Shape);

        /// <summary>The size of one dimension (negative dims count from the end).</summary>
        public long size(long dim) => Shape[Shapes.WrapDim(dim, Shape.Length)];

        /// <summary>The strides in elements.</summary>
        public long[] stride() => (long[])Strides.Clone();

        /// <summary>The stride of one dimension.</summary>
        public long stride(long dim) => Strides[Shapes.WrapDim(dim, Shape.Length)];

        /// <summary>The element offset of this view into its storage.</summary>
        public long storage_offset() => Offset;

        /// <summary>The size of one element in bytes.</summary>
        public long element_size() => DTypes.ElementSize(dtype);

        /// <summary>True for floating-point dtypes.</summary>
        public bool is_floating_point() => DTypes.IsFloatingPoint(dtype);

        /// <summary>True when the elements are laid out densely in row-major order.</summary>
        public bool is_contiguous() => Shapes.IsDense(Shape, Strides);

        /// <summary>True when both views share one storage.</summary>
        public bool is_same_storage(Tensor other) => ReferenceEquals(Storage, other.Storage);

        internal bool IsFloating => DTypes.IsFloatingPoint(Storage.DType);

        internal bool IsDisposed;

        private static long _serialCounter;

        /// <summary>Creation order: lets the autograd engine tell the temporaries it made from older tensors.</summary>
        internal readonly long Serial = Interlocked.Increment(ref _serialCounter);

        /// <summary>The serial the next tensor will exceed.</summary>
        internal static long CurrentSerial => Volatile.Read(ref _serialCounter);

        /// <summary>
        /// Releases this tensor. Optional: memory is managed and recycled when tensors become
        /// unreachable. Disposing (directly or through <see cref="torch.NewDisposeScope"/>) hands a
        /// large buffer back for reuse at once when no other view of it is alive. Using a disposed
        /// tensor throws <see cref="ObjectDisposedException"/>.
        /// </summary>
        public void Dispose()
        {
            if (IsDisposed) return;
            IsDisposed = true;
            Storage.ReleaseView();
        }

        internal void ThrowIfDisposed()
        {
            if (IsDisposed) throw new ObjectDisposedException("Tensor", "Tried to access a disposed tensor.");
        }
    }
}

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The dispose scope that owns this tensor, if any.</summary>
        internal DisposeScope? Scope;

        /// <summary>Moves this tensor to the dispose scope enclosing its current one.</summary>
        public Tensor MoveToOuterDisposeScope()
        {
            Scope?.MoveToOuter(this);
            return this;
        }

        /// <summary>Takes this tensor out of dispose scopes: it lives until collected or disposed by hand.</summary>
        public Tensor DetachFromDisposeScope()
        {
            Scope?.Detach(this);
            return this;
        }
    }
}

public static partial class torch
{
    /// <summary>Opens a dispose scope on this thread: <c>using var scope = torch.NewDisposeScope();</c>.</summary>
    public static DisposeScope NewDisposeScope() => new();
}
