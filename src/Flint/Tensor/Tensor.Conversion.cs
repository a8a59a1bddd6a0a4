using Flint.Backends;
using Flint.Backends.Cpu;
using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Converts to another dtype (a copy; this tensor itself when the dtype already matches).</summary>
        public Tensor to(ScalarType dtype, bool copy = false) => Conversion.ToDType(this, dtype, copy);

        /// <summary>Moves to a device (this tensor itself when already there).</summary>
        public Tensor to(Device device) => Conversion.ToDevice(this, device);

        /// <summary>A dense copy of this view's elements in <paramref name="device"/>'s memory (no autograd).</summary>
        private Tensor CopyToDevice(Device device) => Conversion.CopyToDevice(this, device);

        /// <summary>Moves to a device and converts the dtype.</summary>
        public Tensor to(Device device, ScalarType dtype) => to(device).to(dtype);

        /// <summary>Converts to the dtype and device of <paramref name="other"/>.</summary>
        public Tensor type_as(Tensor other) => to(other.device, other.dtype);

        /// <summary>Copies to the CPU (this tensor itself when already there).</summary>
        public Tensor cpu() => to(torch.CPU);
        /// <summary>Copies to the first CUDA device.</summary>
        public Tensor cuda() => to(torch.CUDA);
        /// <summary>
        /// TorchSharp's <c>mps()</c>: copies to Apple's MPS device, which Flint never has, so it throws PyTorch's
        /// "not linked with support for mps devices" error (check <c>torch.mps_is_available()</c> first).
        /// </summary>
        public Tensor mps(bool non_blocking = false) => to(torch.MPS);

        /// <summary>Converts to float32.</summary>
        public Tensor @float() => to(ScalarType.Float32);
        /// <summary>Converts to float64.</summary>
        public Tensor @double() => to(ScalarType.Float64);
        /// <summary>Converts to float16.</summary>
        public Tensor half() => to(ScalarType.Float16);
        /// <summary>Converts to bfloat16.</summary>
        public Tensor bfloat16() => to(ScalarType.BFloat16);
        /// <summary>Converts to int64.</summary>
        public Tensor @long() => to(ScalarType.Int64);
        /// <summary>Converts to int32.</summary>
        public Tensor @int() => to(ScalarType.Int32);
        /// <summary>Converts to bool (non-zero is true).</summary>
        public Tensor @bool() => to(ScalarType.Bool);
        /// <summary>Converts to uint8.</summary>
        public Tensor @byte() => to(ScalarType.Byte);

        /// <summary>A copy with its own storage; gradients flow back to this tensor.</summary>
        public Tensor clone() => Conversion.Clone(this);

        /// <summary>This tensor if it is contiguous, else a contiguous copy.</summary>
        public Tensor contiguous() => is_contiguous() ? this : clone();

        /// <summary>The single element of a one-element tensor, as <typeparamref name="T"/> (which must be the tensor's element type).</summary>
        public T item<T>() where T : unmanaged
        {
            ThrowIfDisposed();
            long n = numel();
            if (n != 1) throw new InvalidOperationException($"a Tensor with {n} elements cannot be converted to Scalar");
            if (typeof(T) != DTypes.ClrType(dtype))
                throw new InvalidOperationException($"item<{typeof(T).Name}>() called on a tensor of dtype {DTypes.Name(dtype)}; use item<{DTypes.ClrType(dtype).Name}>() or convert with .to(...) first");
            if (device.type != DeviceType.CPU) return HostCopy().item<T>();
            return Dispatcher.ReadHost<T>(this, Offset);
        }

        /// <summary>
        /// TorchSharp's <c>ToScalar()</c>: the single element as a <see cref="Scalar"/> of this tensor's dtype
        /// (integers exactly, as int64; floating values as double).
        /// </summary>
        public Scalar ToScalar()
        {
            ThrowIfDisposed();
            long n = numel();
            if (n != 1) throw new InvalidOperationException($"a Tensor with {n} elements cannot be converted to Scalar");
            if (DTypes.IsFloatingPoint(dtype)) return Scalar.Floating(ToDouble(), dtype);
            long value = dtype == ScalarType.Bool ? (ToDouble() != 0 ? 1 : 0) : to(ScalarType.Int64).item<long>();
            return Scalar.Integral(value, dtype);
        }

        /// <summary>The single element converted to double, whatever the dtype.</summary>
        internal double ToDouble()
        {
            if (numel() != 1) throw new InvalidOperationException($"a Tensor with {numel()} elements cannot be converted to Scalar");
            return Dispatcher.ReadDouble(this, Offset);
        }

        /// <summary>The elements in row-major order, copied into a new array of the tensor's element type.</summary>
        public T[] data<T>() where T : unmanaged
        {
            if (typeof(T) != DTypes.ClrType(dtype))
                throw new InvalidOperationException($"data<{typeof(T).Name}>() called on a tensor of dtype {DTypes.Name(dtype)}");
            var c = device.type == DeviceType.CPU ? Dispatcher.Contiguous(this) : HostCopy();
            return (T[])Dispatcher.Export(c);
        }

        /// <summary>A dense CPU copy of a device tensor's elements (waits for the device), outside autograd and dispose scopes.</summary>
        internal Tensor HostCopy()
        {
            using var suspended = DisposeScope.Suspend();
            return CopyToDevice(torch.CPU);
        }

        /// <summary>The elements in row-major order as an array (alias of <see cref="data{T}"/>).</summary>
        public T[] ToArray<T>() where T : unmanaged => data<T>();

        /// <summary>The elements in row-major order converted to double.</summary>
        internal double[] ToDoubleArray()
        {
            if (device.type != DeviceType.CPU) return HostCopy().ToDoubleArray();
            var c = Dispatcher.Cast(this, ScalarType.Float64);
            if (ReferenceEquals(c, this)) c = Dispatcher.Contiguous(c);
            return (double[])Dispatcher.Export(Dispatcher.Dense(c));
        }

        /// <summary>A tensor from <paramref name="data"/> with this tensor's dtype and device (PyTorch's <c>new_tensor</c>).</summary>
        public Tensor new_tensor<T>(T[] data, bool requires_grad = false) where T : unmanaged => torch.tensor(data, dtype, device, requires_grad);
        /// <summary>A 2-D tensor from <paramref name="data"/> with this tensor's dtype and device.</summary>
        public Tensor new_tensor<T>(T[,] data, bool requires_grad = false) where T : unmanaged => torch.tensor(data, dtype, device, requires_grad);
        /// <summary>A 3-D tensor from <paramref name="data"/> with this tensor's dtype and device.</summary>
        public Tensor new_tensor<T>(T[,,] data, bool requires_grad = false) where T : unmanaged => torch.tensor(data, dtype, device, requires_grad);
        /// <summary>A 0-dim tensor with this tensor's dtype and device.</summary>
        public Tensor new_tensor(double value, bool requires_grad = false) => torch.tensor(value, dtype, device, requires_grad);
        /// <summary>Zeros with this tensor's dtype and device.</summary>
        public Tensor new_zeros(long[] size, bool requires_grad = false) => torch.zeros(size, dtype, device, requires_grad);
        /// <summary>Ones with this tensor's dtype and device.</summary>
        public Tensor new_ones(long[] size, bool requires_grad = false) => torch.ones(size, dtype, device, requires_grad);
        /// <summary>A filled tensor with this tensor's dtype and device.</summary>
        public Tensor new_full(long[] size, double value, bool requires_grad = false) => torch.full(size, value, dtype, device, requires_grad);
        /// <summary>An uninitialised tensor with this tensor's dtype and device.</summary>
        public Tensor new_empty(long[] size, bool requires_grad = false) => torch.empty(size, dtype, device, requires_grad);

        /// <summary>
        /// PyTorch's repr, <c>tensor([[ 1., -1.], [ 1.,  1.]], requires_grad=True)</c> (options from
        /// <see cref="torch.set_printoptions(int?, double?, int?, int?, string?, bool?)"/>), unless
        /// <see cref="torch.TensorStringStyle"/> names another style.
        /// </summary>
        public override string ToString() => ToString(TensorStringStyle.Default);

        /// <summary>PyTorch's repr, whatever the default style.</summary>
        internal string PyTorchRepr()
        {
            var suffixes = new List<string>();
            if (GradFn is not null) suffixes.Add($"grad_fn=<{GradFn.name()}>");
            else if (requires_grad) suffixes.Add("requires_grad=True");
            return TensorFormatter.Format(Shape, dtype, ToDoubleArray(), suffixes, device.type != DeviceType.CPU ? $"cuda:{Math.Max(device.index, 0)}" : null);
        }
    }
}
