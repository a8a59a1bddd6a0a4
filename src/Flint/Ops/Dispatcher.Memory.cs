using Flint.Backends;
using Flint.Backends.Cpu;

namespace Flint.Ops;

// Storage memory: allocation, transfers between devices, and the few host reads and writes
// (scalars, exported arrays, index values) that the op layer needs.
internal static partial class Dispatcher
{
    /// <summary>A new storage on <paramref name="device"/> (the CPU when null); zeroed when <paramref name="clear"/>.</summary>
    public static Storage Allocate(ScalarType dtype, long numel, Device? device, bool clear) =>
        device is null || device.type == DeviceType.CPU
            ? Storage.Allocate(dtype, numel, clear)
            : Backend.For(device).Allocate(dtype, numel, device, clear);

    /// <summary>A fresh host array of <paramref name="dtype"/>'s element type (picked by dtype, not by reflection: NativeAOT-safe).</summary>
    public static Array NewHostArray(ScalarType dtype, long length)
    {
        var s = Storage.Allocate(dtype, length, clear: false);
        s.Escape(); // the array outlives this storage: never recycle it
        return s.Buffer;
    }

    /// <summary>A CPU tensor over <paramref name="values"/> itself (no copy); the array must not be used afterwards.</summary>
    public static Tensor Adopt(Array values, ScalarType dtype, long[] shape) =>
        new(new Storage(values, dtype, Device.Host), shape, Shapes.ContiguousStrides(shape), 0);

    /// <summary>Copies a host array of <paramref name="dst"/>'s element type into a contiguous tensor on any device.</summary>
    public static void Upload(Tensor dst, Array values)
    {
        dst.ThrowIfDisposed();
        using var lease = new KernelLease(dst);
        Backend.For(dst.device).Upload(values, 0, dst.numel(), dst.Storage, dst.Offset);
    }

    /// <summary>Fills with an integer exactly (int64 values beyond 2^53 survive on the CPU; other devices fill through a double).</summary>
    public static void Fill(Tensor t, long value)
    {
        if (t.dtype == ScalarType.Int64 && t.device.type == DeviceType.CPU && t.is_contiguous())
        {
            using var lease = new KernelLease(t);
            t.Storage.As<long>().AsSpan(checked((int)t.Offset), checked((int)t.numel())).Fill(value);
        }
        else Fill(t, (double)value);
    }

    /// <summary>A dense copy of a contiguous tensor's elements in <paramref name="device"/>'s memory (no autograd).</summary>
    public static Tensor CopyToDevice(Tensor src, Device device)
    {
        src.ThrowIfDisposed();
        long n = src.numel();
        var r = Tensor.Empty((long[])src.Shape.Clone(), src.dtype, device, clear: false);
        if (n == 0) return r;
        using var lease = new KernelLease(src, r);
        if (src.device.type == DeviceType.CPU)
            Backend.For(device).Upload(src.Storage.Buffer, src.Offset, n, r.Storage, 0);
        else if (device.type == DeviceType.CPU)
            Backend.For(src.device).Download(src.Storage, src.Offset, r.Storage.Buffer);
        else
            throw new NotSupportedException($"copying directly from {src.device} to {device}: go through the CPU");
        return r;
    }

    /// <summary>The element at storage index <paramref name="offset"/> of a CPU tensor, as <typeparamref name="T"/> (its element type).</summary>
    public static T ReadHost<T>(Tensor t, long offset) where T : unmanaged
    {
        using var lease = new KernelLease(t);
        return ((T[])t.Storage.Buffer)[offset];
    }

    /// <summary>The element at storage index <paramref name="offset"/> converted to double, on any device.</summary>
    public static double ReadDouble(Tensor t, long offset)
    {
        using var lease = new KernelLease(t);
        Span<double> v = stackalloc double[1];
        if (t.device.type == DeviceType.CPU)
        {
            CastKernels.ReadDouble(t.dtype, t.Storage.Buffer, offset, 1, v);
            return v[0];
        }
        var one = NewHostArray(t.dtype, 1);
        Backend.For(t.device).Download(t.Storage, offset, one);
        CastKernels.ReadDouble(t.dtype, one, 0, 1, v);
        return v[0];
    }

    /// <summary>
    /// Writes <paramref name="value"/> (converted as a cast would) at storage index
    /// <paramref name="offset"/>, on any device, without bumping the version (callers that
    /// restore the value exactly, like gradcheck's perturbations, rely on that).
    /// </summary>
    public static void WriteElement(Tensor t, long offset, double value)
    {
        using var lease = new KernelLease(t);
        Backend.For(t.device).Fill(t.dtype, [], new Operand(t.Storage, offset, []), value);
    }

    /// <summary>
    /// The elements of a contiguous CPU tensor whose storage holds exactly them, handed out as its
    /// array: the storage is marked escaped so the buffer is never recycled under the caller.
    /// </summary>
    public static Array Export(Tensor dense)
    {
        dense.Storage.Escape();
        return dense.Storage.Buffer;
    }

    /// <summary>An int64 tensor's values in row-major order, on the host (a device index costs one transfer).</summary>
    public static long[] ReadIndices(Tensor index) => (long[])ReadAll(index);

    /// <summary>A bool tensor's values in row-major order, on the host.</summary>
    public static bool[] ReadMask(Tensor mask) => (bool[])ReadAll(mask);

    private static Array ReadAll(Tensor t)
    {
        var dense = Dense(t.device.type == DeviceType.CPU ? t : HostCopy(t));
        if (!ReferenceEquals(dense, t)) return Export(dense); // a temporary: hand out its own array
        using var lease = new KernelLease(t);
        return (Array)t.Storage.Buffer.Clone(); // the caller's tensor: copy, so its buffer stays recyclable
    }

    /// <summary>A dense CPU copy of a device tensor's elements (a temporary: callers use it at once).</summary>
    private static Tensor HostCopy(Tensor t)
    {
        var src = t.is_contiguous() ? t : Contiguous(t);
        var r = CopyToDevice(src, Device.Host);
        if (!ReferenceEquals(src, t)) src.Dispose();
        return r;
    }

    /// <summary><paramref name="t"/> itself when its storage holds exactly its elements in order, else a dense copy.</summary>
    public static Tensor Dense(Tensor t) =>
        t.is_contiguous() && t.Offset == 0 && t.Storage.Length == t.numel() ? t : Contiguous(t);
}
