using System.Collections;
using Flint.Ops;

namespace Flint;

// TorchSharp's remaining Tensor members: the *_like and out= factories, conversions (to_type, char, short),
// element access (ReadCpu*, tolist), in-place view changes (squeeze_, unsqueeze_, transpose_, set_), slice/index,
// the unfold view, where/isin/is_nonzero, pin_memory, dispose-scope members, rrelu and the random *_out members.
public static partial class torch
{
    public partial class Tensor
    {
        // ---------------------------------------------------------------- *_like factories

        /// <summary>An uninitialised (here: zeroed) tensor of this shape, in this dtype and device unless given.</summary>
        public Tensor empty_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.empty_like(this, dtype, device, requires_grad);

        /// <summary>A tensor of this shape filled with zeros.</summary>
        public Tensor zeros_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.zeros_like(this, dtype, device, requires_grad);

        /// <summary>A tensor of this shape filled with ones.</summary>
        public Tensor ones_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.ones_like(this, dtype, device, requires_grad);

        /// <summary>A tensor of this shape filled with <paramref name="value"/>.</summary>
        public Tensor full_like(double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.full_like(this, value, dtype, device, requires_grad);

        /// <summary>U[0, 1) samples of this shape (<c>torch.rand_like</c>).</summary>
        public Tensor rand_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.rand_like(this, dtype, device, requires_grad);

        /// <summary>N(0, 1) samples of this shape (<c>torch.randn_like</c>).</summary>
        public Tensor randn_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.randn_like(this, dtype, device, requires_grad);

        /// <summary>Integers uniformly from [low, high) in this shape (<c>torch.randint_like</c>), in this dtype unless given.</summary>
        public Tensor randint_like(long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
            torch.randint(low, high, (long[])Shape.Clone(), dtype ?? this.dtype, device ?? this.device, requires_grad);

        // ---------------------------------------------------------------- out= factories (TorchSharp's *_out)

        /// <summary>Resizes this tensor to <paramref name="sizes"/> filled with zeros (TorchSharp's <c>empty_out</c>: Flint's empty is zeroed), keeping its dtype and device.</summary>
        public Tensor empty(params long[] sizes) => InPlaceForwards.Out(this, torch.zeros(sizes, dtype, device));

        /// <summary>Resizes this tensor to <paramref name="sizes"/> filled with zeros, keeping its dtype and device.</summary>
        public Tensor zeros(params long[] sizes) => InPlaceForwards.Out(this, torch.zeros(sizes, dtype, device));

        /// <summary>Resizes this tensor to <paramref name="sizes"/> filled with ones, keeping its dtype and device.</summary>
        public Tensor ones(params long[] sizes) => InPlaceForwards.Out(this, torch.ones(sizes, dtype, device));

        /// <summary>Resizes this tensor to <paramref name="sizes"/> filled with <paramref name="value"/>, keeping its dtype and device.</summary>
        public Tensor full(long[] sizes, double value) => InPlaceForwards.Out(this, torch.full(sizes, value, dtype, device));

        /// <summary>Makes this tensor the rows × columns identity-like matrix, keeping its dtype and device.</summary>
        public Tensor eye(long rows, long columns) => InPlaceForwards.Out(this, torch.eye(rows, columns, dtype, device));

        // ---------------------------------------------------------------- conversions

        /// <summary>Sets <see cref="requires_grad"/> and returns this tensor (TorchSharp's fluent spelling of <c>requires_grad_</c>).</summary>
        public Tensor with_requires_grad(bool requires_grad = true) => requires_grad_(requires_grad);

        /// <summary>This tensor in <paramref name="type"/> (itself when it already is, unless <paramref name="copy"/>); <paramref name="disposeAfter"/> disposes this tensor when a new one was made.</summary>
        public Tensor to_type(ScalarType type, bool copy = false, bool disposeAfter = false, bool non_blocking = false)
        {
            var r = to(type, copy);
            if (disposeAfter && !ReferenceEquals(r, this)) Dispose();
            return r;
        }

        /// <summary>This tensor as int8 (TorchSharp's <c>char()</c>: <c>torch.int8</c>).</summary>
        public Tensor @char() => to(ScalarType.Int8);

        /// <summary>This tensor as int16.</summary>
        public Tensor @short() => to(ScalarType.Int16);

        // ---------------------------------------------------------------- element access

        /// <summary>The element at row-major position <paramref name="i"/> of a CPU tensor whose element type is <typeparamref name="T"/>.</summary>
        public T ReadCpuValue<T>(long i) where T : unmanaged
        {
            ThrowIfDisposed();
            if (device.type != DeviceType.CPU) throw new InvalidOperationException("ReadCpuValue: the tensor is not on the CPU");
            if (typeof(T) != DTypes.ClrType(dtype))
                throw new InvalidOperationException($"ReadCpuValue<{typeof(T).Name}>() called on a tensor of dtype {DTypes.Name(dtype)}");
            long n = numel();
            if (i < 0 || i >= n) throw new IndexOutOfRangeException("The index is greater than the number of elements in the tensor");
            long offset = Offset, rest = i;
            for (int d = Shape.Length - 1; d >= 0; d--)
            {
                offset += rest % Shape[d] * Strides[d];
                rest /= Shape[d];
            }
            return Dispatcher.ReadHost<T>(this, offset);
        }

        /// <summary>The float32 element at row-major position <paramref name="i"/> (CPU).</summary>
        public float ReadCpuSingle(long i) => ReadCpuValue<float>(i);
        /// <summary>The float64 element at row-major position <paramref name="i"/> (CPU).</summary>
        public double ReadCpuDouble(long i) => ReadCpuValue<double>(i);
        /// <summary>The int8 element at row-major position <paramref name="i"/> (CPU).</summary>
        public sbyte ReadCpuSByte(long i) => ReadCpuValue<sbyte>(i);
        /// <summary>The uint8 element at row-major position <paramref name="i"/> (CPU).</summary>
        public byte ReadCpuByte(long i) => ReadCpuValue<byte>(i);
        /// <summary>The int16 element at row-major position <paramref name="i"/> (CPU).</summary>
        public short ReadCpuInt16(long i) => ReadCpuValue<short>(i);
        /// <summary>The int32 element at row-major position <paramref name="i"/> (CPU).</summary>
        public int ReadCpuInt32(long i) => ReadCpuValue<int>(i);
        /// <summary>The int64 element at row-major position <paramref name="i"/> (CPU).</summary>
        public long ReadCpuInt64(long i) => ReadCpuValue<long>(i);
        /// <summary>The bool element at row-major position <paramref name="i"/> (CPU).</summary>
        public bool ReadCpuBool(long i) => ReadCpuValue<bool>(i);
        /// <summary>The float16 element at row-major position <paramref name="i"/> (CPU).</summary>
        public Half ReadCpuFloat16(long i) => ReadCpuValue<Half>(i);
        /// <summary>The bfloat16 element at row-major position <paramref name="i"/> (CPU).</summary>
        public BFloat16 ReadCpuBFloat16(long i) => ReadCpuValue<BFloat16>(i);

        /// <summary>
        /// The elements as nested lists, as PyTorch's <c>tolist()</c>: a 0-d tensor gives its value, otherwise an
        /// <see cref="ArrayList"/> per dimension (as TorchSharp). Values are <c>double</c> for floating dtypes, <c>long</c>
        /// for integer dtypes and <c>bool</c> for bool (Python's float, int and bool).
        /// </summary>
        public object tolist()
        {
            ThrowIfDisposed();
            Array flat = dtype == ScalarType.Bool ? detach().data<bool>()
                : is_floating_point() ? detach().to(ScalarType.Float64).data<double>()
                : detach().to(ScalarType.Int64).data<long>();
            if (Shape.Length == 0) return flat.GetValue(0)!;
            long pos = 0;
            return Nest(flat, Shape, 0, ref pos);
        }

        private static ArrayList Nest(Array flat, long[] shape, int d, ref long pos)
        {
            var list = new ArrayList((int)shape[d]);
            for (long k = 0; k < shape[d]; k++)
                list.Add(d == shape.Length - 1 ? flat.GetValue(pos++)! : Nest(flat, shape, d + 1, ref pos));
            return list;
        }

        // ---------------------------------------------------------------- in-place view changes

        /// <summary>In place: removes the dimensions of size 1 (only <paramref name="dim"/> when given).</summary>
        public Tensor squeeze_(long? dim = null) => InPlaceForwards.ViewInPlace(this, t => dim is { } d ? t.squeeze(d) : t.squeeze());

        /// <summary>In place: inserts a dimension of size 1 at <paramref name="dim"/>.</summary>
        public Tensor unsqueeze_(long dim) => InPlaceForwards.ViewInPlace(this, t => t.unsqueeze(dim));

        /// <summary>In place: swaps dimensions <paramref name="dim0"/> and <paramref name="dim1"/>.</summary>
        public Tensor transpose_(long dim0, long dim1) => InPlaceForwards.ViewInPlace(this, t => t.transpose(dim0, dim1));

        /// <summary>
        /// Makes this tensor share <paramref name="source"/>'s storage, shape, strides and offset (and so its dtype and
        /// device), keeping its own identity. No autograd: refused while grad mode is on and either tensor requires grad.
        /// </summary>
        public Tensor set_(Tensor source)
        {
            if (Autograd.GradMode.IsEnabled && (requires_grad || source.requires_grad))
                throw new InvalidOperationException("set_: Flint does not record set_ for autograd; call it under torch.no_grad() or on tensors that do not require grad.");
            return InPlaceForwards.Out(this, source);
        }

        // ---------------------------------------------------------------- views and selection

        /// <summary>The view of elements start, start + step, ... before finish along <paramref name="dim"/> (Python slice bounds).</summary>
        public Tensor slice(long dim, long start, long finish, long step)
        {
            if (step < 1) throw new ArgumentException($"step is {step}, but it should always be positive.");
            int d = Shapes.WrapDim(dim, Shape.Length);
            var idx = new TensorIndex[d + 1];
            for (int i = 0; i < d; i++) idx[i] = TensorIndex.Colon;
            idx[d] = TensorIndex.Slice(start, finish, step);
            return this[idx];
        }

        /// <summary>Indexing as <c>this[indices]</c> (TorchSharp's method spelling).</summary>
        public Tensor index(params TensorIndex[] indices) => this[indices];

        /// <summary>Advanced indexing with one index tensor per leading dimension, as <c>this[t0, t1, ...]</c>.</summary>
        public Tensor index(params Tensor[] indices) => this[indices.Select(TensorIndex.Tensor).ToArray()];

        /// <summary>
        /// The view whose dimension <paramref name="dimension"/> indexes windows of <paramref name="size"/> elements taken every
        /// <paramref name="step"/>, each window a new last dimension (PyTorch's <c>Tensor.unfold</c>).
        /// </summary>
        public Tensor unfold(long dimension, long size, long step) => WindowView.Unfold(this, dimension, size, step);

        /// <summary>Elements of this tensor where <paramref name="condition"/> holds, else of <paramref name="y"/> (<c>torch.where(condition, this, y)</c>).</summary>
        public Tensor where(Tensor condition, Tensor y) => torch.where(condition, this, y);

        /// <summary>Whether each element is in <paramref name="test_elements"/> (<c>torch.isin</c>).</summary>
        public Tensor isin(Tensor test_elements, bool assumeUnique = false, bool invert = false) => torch.isin(this, test_elements, assumeUnique, invert);

        /// <summary>Whether the single element is non-zero (NaN counts as non-zero, as in PyTorch).</summary>
        public bool is_nonzero()
        {
            long n = numel();
            if (n == 0) throw new InvalidOperationException("Boolean value of Tensor with no values is ambiguous");
            if (n > 1) throw new InvalidOperationException("Boolean value of Tensor with more than one value is ambiguous");
            return ToDouble() != 0;
        }

        /// <summary>
        /// This tensor: Flint's CPU tensors live in managed memory that needs no page-locking for copies to a device
        /// (the CUDA backend stages its own transfers), so pinning is a no-op. Only dense CPU tensors can be pinned, as in PyTorch.
        /// </summary>
        public Tensor pin_memory()
        {
            if (device.type != DeviceType.CPU) throw new InvalidOperationException($"cannot pin '{EmbeddingOps.TensorTypeName(this)}' only dense CPU tensors can be pinned");
            return this;
        }
    
        // ---------------------------------------------------------------- TorchSharp housekeeping members

        /// <summary>TorchSharp's misspelt alias of <see cref="DetachFromDisposeScope"/>.</summary>
        public Tensor DetatchFromDisposeScope() => DetachFromDisposeScope();

        /// <summary>Moves this tensor into the dispose scope that owns <paramref name="other"/> (out of every scope when none does).</summary>
        public Tensor MoveToOtherDisposeScope(Tensor other) => MoveToOtherDisposeScope(other.Scope);

        /// <summary>Moves this tensor into <paramref name="other"/> (out of every scope when null).</summary>
        public Tensor MoveToOtherDisposeScope(DisposeScope? other)
        {
            if (other is null) return DetachFromDisposeScope();
            other.Adopt(this);
            return this;
        }

        /// <summary>Whether this tensor has been disposed (TorchSharp: its native handle is gone).</summary>
        public bool IsInvalid => IsDisposed;

        // ---------------------------------------------------------------- TorchSharp's random *_out members

        /// <summary>Resizes this tensor to <paramref name="sizes"/> and fills it with U[0, 1) samples (<c>torch.rand(sizes, out=this)</c>), in its dtype.</summary>
        public Tensor rand_out(params long[] sizes) => InPlaceForwards.Out(this, torch.rand(sizes, dtype, device));

        /// <summary>Resizes this tensor to <paramref name="sizes"/> and fills it with N(0, 1) samples (<c>torch.randn(sizes, out=this)</c>), in its dtype.</summary>
        public Tensor randn_out(params long[] sizes) => InPlaceForwards.Out(this, torch.randn(sizes, dtype, device));

        /// <summary>Resizes this tensor to <paramref name="sizes"/> and fills it with integers from [0, high) (<c>torch.randint(high, sizes, out=this)</c>).</summary>
        public Tensor randint_out(long high, long[] sizes) => InPlaceForwards.Out(this, torch.randint(0, high, sizes, dtype, device));

        /// <summary>Makes this tensor a random permutation of 0..n-1 (<c>torch.randperm(n, out=this)</c>), in its dtype.</summary>
        public Tensor randperm_out(long n) => InPlaceForwards.Out(this, torch.randperm(n, dtype, device));

        /// <summary>Makes this tensor start, start + step, ... below stop (<c>torch.arange(start, stop, step, out=this)</c>), in its dtype.</summary>
        public Tensor arange_out(double start, double stop, double step = 1) => InPlaceForwards.Out(this, torch.arange(start, stop, step, dtype, device));
    }
}
