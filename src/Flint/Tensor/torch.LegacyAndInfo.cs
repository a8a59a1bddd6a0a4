using System.Runtime.InteropServices;
using Flint.Ops;

namespace Flint;

public static partial class torch
{
    // ---- Legacy typed constructors (TorchSharp: a cast of an existing tensor) ----

    /// <summary><c>torch.FloatTensor(t)</c>: <paramref name="t"/> as float32 (the tensor itself when it already is).</summary>
    public static Tensor FloatTensor(Tensor t) => t.to(ScalarType.Float32);
    /// <summary><c>torch.DoubleTensor(t)</c>: <paramref name="t"/> as float64 (the tensor itself when it already is).</summary>
    public static Tensor DoubleTensor(Tensor t) => t.to(ScalarType.Float64);
    /// <summary><c>torch.LongTensor(t)</c>: <paramref name="t"/> as int64 (the tensor itself when it already is).</summary>
    public static Tensor LongTensor(Tensor t) => t.to(ScalarType.Int64);
    /// <summary><c>torch.IntTensor(t)</c>: <paramref name="t"/> as int32 (the tensor itself when it already is).</summary>
    public static Tensor IntTensor(Tensor t) => t.to(ScalarType.Int32);
    /// <summary><c>torch.ShortTensor(t)</c>: <paramref name="t"/> as int16 (the tensor itself when it already is).</summary>
    public static Tensor ShortTensor(Tensor t) => t.to(ScalarType.Int16);
    /// <summary><c>torch.ByteTensor(t)</c>: <paramref name="t"/> as uint8 (the tensor itself when it already is).</summary>
    public static Tensor ByteTensor(Tensor t) => t.to(ScalarType.Byte);
    /// <summary><c>torch.BoolTensor(t)</c>: <paramref name="t"/> as bool (the tensor itself when it already is).</summary>
    public static Tensor BoolTensor(Tensor t) => t.to(ScalarType.Bool);

    // ---- as_tensor / frombuffer / from_file ----

    /// <summary>
    /// <c>torch.as_tensor(data, dtype, device)</c>: <paramref name="data"/> itself when it already has the dtype and device
    /// (no copy, as PyTorch); otherwise <c>data.to(dtype, device)</c>, which autograd records.
    /// </summary>
    public static Tensor as_tensor(Tensor data, ScalarType? dtype = null, Device? device = null)
    {
        var t = data;
        if (dtype is { } dt && t.dtype != dt) t = t.to(dt);
        if (device is not null && t.device != device) t = t.to(device);
        return t;
    }

    /// <summary>
    /// <c>torch.as_tensor(array, dtype, device)</c>: a tensor of the array's shape. The array's own element type is kept
    /// (as NumPy arrays keep theirs: <c>double[]</c> gives float64, <c>int[]</c> int32) unless <paramref name="dtype"/> says
    /// otherwise. A one-dimensional array whose element type is the target dtype, on the CPU, is shared without a copy
    /// (writes show through both ways, as <c>torch.as_tensor(ndarray)</c>); anything else is copied.
    /// </summary>
    public static Tensor as_tensor(Array data, ScalarType? dtype = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var own = DTypes.FromClrType(data.GetType().GetElementType()!);
        var target = dtype ?? own;
        if (data.Rank == 1 && own == target && (device is null || device.type == DeviceType.CPU))
            return Dispatcher.Adopt(data, own, [data.LongLength]);
        var flat = Dispatcher.NewHostArray(own, data.LongLength);
        if (data.Rank == 1) Array.Copy(data, flat, data.LongLength);
        else { long i = 0; foreach (var v in data) flat.SetValue(v, i++); }
        var shape = new long[data.Rank];
        for (int d = 0; d < data.Rank; d++) shape[d] = data.GetLongLength(d);
        var t = Dispatcher.Adopt(flat, own, shape);
        if (own != target) t = t.to(target);
        return device is null || device.type == DeviceType.CPU ? t : t.to(device);
    }

    private static int ClrElementSize(Array a) => DTypes.ElementSize(DTypes.FromClrType(a.GetType().GetElementType()!));

    /// <summary>Copies <paramref name="count"/> bytes from a pinned array at a byte offset into a new host array of <paramref name="dtype"/>.</summary>
    private static Array ReinterpretBytes(Array source, long byteOffset, ScalarType dtype, long count)
    {
        var dst = Dispatcher.NewHostArray(dtype, count);
        long bytes = count * DTypes.ElementSize(dtype);
        var hs = GCHandle.Alloc(source, GCHandleType.Pinned);
        var hd = GCHandle.Alloc(dst, GCHandleType.Pinned);
        try
        {
            unsafe { Buffer.MemoryCopy((byte*)hs.AddrOfPinnedObject() + byteOffset, (void*)hd.AddrOfPinnedObject(), bytes, bytes); }
        }
        finally { hs.Free(); hd.Free(); }
        return dst;
    }

    /// <summary>
    /// <c>torch.frombuffer(buffer, dtype, count, offset)</c>: the bytes of <paramref name="rawArray"/> after <paramref name="offset"/>
    /// elements of the array (TorchSharp counts the offset in the array's elements; PyTorch's messages speak in bytes), read as
    /// a 1-D tensor of <paramref name="count"/> elements of <paramref name="dtype"/> (all that remain when -1). When the array's
    /// element type is <paramref name="dtype"/> the tensor shares the array's memory (writes show through both ways, as in
    /// PyTorch); a reinterpretation as another type is a copy, because Flint's storages are typed arrays.
    /// </summary>
    public static Tensor frombuffer(Array rawArray, ScalarType dtype, long count = -1, long offset = 0, bool requires_grad = false)
    {
        ArgumentNullException.ThrowIfNull(rawArray);
        if (rawArray.Rank != 1) throw new ArgumentException("frombuffer: the buffer must be a one-dimensional array");
        int srcSize = ClrElementSize(rawArray), elSize = DTypes.ElementSize(dtype);
        long len = rawArray.LongLength * srcSize, off = offset * srcSize;
        if (len <= 0 || count == 0) throw new ArgumentException($"both buffer length ({len}) and count ({count}) must not be 0");
        if (offset < 0 || off >= len) throw new ArgumentException($"offset ({off} bytes) must be non-negative and no greater than buffer length ({len} bytes) minus 1");
        if (count < 0)
        {
            if ((len - off) % elSize != 0)
                throw new ArgumentException($"buffer length ({len - off} bytes) after offset ({off} bytes) must be a multiple of element size ({elSize})");
            count = (len - off) / elSize;
        }
        else if (count > (len - off) / elSize)
            throw new ArgumentException($"requested buffer length ({count} * {elSize} bytes) after offset ({off} bytes) must not be greater than actual buffer length ({len} bytes)");
        Tensor t = DTypes.FromClrType(rawArray.GetType().GetElementType()!) == dtype
            ? Dispatcher.Adopt(rawArray, dtype, [rawArray.LongLength]).narrow(0, offset, count)
            : Dispatcher.Adopt(ReinterpretBytes(rawArray, off, dtype, count), dtype, [count]);
        return requires_grad ? t.requires_grad_(true) : t;
    }

    /// <summary>
    /// <c>torch.from_file(filename, shared, size, dtype)</c>: the first <paramref name="size"/> elements of <paramref name="dtype"/>
    /// (the default dtype when null) stored in the file, as a 1-D tensor. Flint reads the file into memory: <c>shared=true</c>
    /// (PyTorch's writable shared mapping) is refused. A file shorter than the requested bytes, a negative or overflowing
    /// size, or a size beyond a single host array are refused before anything is allocated.
    /// </summary>
    public static Tensor from_file(string filename, bool? shared = null, long? size = 0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ArgumentNullException.ThrowIfNull(filename);
        if (shared == true)
            throw new NotSupportedException("from_file: shared=True (a writable shared mapping of the file) is not supported; Flint reads the file into memory (use shared=False or null)");
        var dt = dtype ?? get_default_dtype();
        long n = size ?? 0;
        int el = DTypes.ElementSize(dt);
        if (n < 0 || n > long.MaxValue / el)
            throw new ArgumentException($"unable to mmap {(n < 0 ? n * el : n)} {(n < 0 ? "bytes" : "elements")} from file <{filename}>: Cannot allocate memory (12)");
        long bytes = n * el;
        FileStream fs;
        try { fs = new FileStream(filename, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new IOException($"unable to open file <{filename}> in read-only mode: No such file or directory (2)", e);
        }
        using (fs)
        {
            if (fs.Length < bytes) throw new ArgumentException($"file <{filename}> size is smaller than the required mapping size <{bytes}>");
            if (n > Array.MaxLength) throw new ArgumentException($"unable to mmap {bytes} bytes from file <{filename}>: {n} elements exceed one host array ({Array.MaxLength})");
            var raw = new byte[bytes];
            fs.ReadExactly(raw);
            var t = Dispatcher.Adopt(n == 0 ? Dispatcher.NewHostArray(dt, 0) : ReinterpretBytes(raw, 0, dt, n), dt, [n]);
            if (device is not null && device.type != DeviceType.CPU) t = t.to(device);
            return requires_grad ? t.requires_grad_(true) : t;
        }
    }

    // ---- version, assertions, dtype facts ----

    /// <summary><c>torch.__version__</c>: the PyTorch version whose behaviour Flint follows ("1.13.0").</summary>
    public static string __version__ => "1.13.0";

    /// <summary><c>torch._assert(condition, message)</c>: throws <see cref="InvalidOperationException"/> with <paramref name="message"/> (PyTorch's AssertionError) when the condition is false.</summary>
    public static void _assert(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }

    /// <summary><c>torch._assert</c> with a lazily evaluated condition.</summary>
    public static void _assert(Func<bool> condition, string message)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _assert(condition(), message);
    }

    /// <summary>The largest value of an integer dtype (TorchSharp's helper); bool and floating types throw.</summary>
    public static long max_int_value(ScalarType type) => type switch
    {
        ScalarType.Byte => byte.MaxValue,
        ScalarType.Int8 => sbyte.MaxValue,
        ScalarType.Int16 => short.MaxValue,
        ScalarType.Int32 => int.MaxValue,
        ScalarType.Int64 => long.MaxValue,
        _ => throw new ArgumentException("Not an integral type"),
    };

    /// <summary>
    /// <c>torch.can_cast(from, to)</c>: whether PyTorch's type promotion allows the cast (c10's canCast): a floating type
    /// never casts to an integral one, and nothing but bool casts to bool.
    /// </summary>
    public static bool can_cast(ScalarType from, ScalarType to)
    {
        if (DTypes.IsFloatingPoint(from) && DTypes.IsIntegral(to, includeBool: false)) return false;
        if (from != ScalarType.Bool && to == ScalarType.Bool) return false;
        return true;
    }

    /// <summary><c>torch.finfo</c>: the numerical properties of a floating dtype, as TorchSharp's struct.</summary>
    public struct FInfo
    {
        /// <summary>The number of bits the type occupies.</summary>
        public int bits;
        /// <summary>The smallest number such that 1.0 + eps != 1.0.</summary>
        public double eps;
        /// <summary>The largest finite value.</summary>
        public double max;
        /// <summary>The smallest finite value (the negative of <see cref="max"/>).</summary>
        public double min;
        /// <summary>The smallest positive normal number.</summary>
        public double tiny;
        /// <summary>The smallest positive normal number (an alias of <see cref="tiny"/>).</summary>
        public double smallest_normal;
        /// <summary>The approximate decimal resolution: 10^-precision.</summary>
        public double resolution;
    }

    /// <summary><c>torch.finfo()</c>: the default dtype's properties.</summary>
    public static FInfo finfo() => finfo(get_default_dtype());

    /// <summary><c>torch.finfo(dtype)</c>: eps, max, min, tiny and resolution of float16, bfloat16, float32 or float64.</summary>
    public static FInfo finfo(ScalarType dtype) => dtype switch
    {
        ScalarType.BFloat16 => new FInfo { bits = 16, eps = 0.0078125, max = 3.3895313892515355e+38, min = -3.3895313892515355e+38, tiny = 1.1754943508222875e-38, smallest_normal = 1.1754943508222875e-38, resolution = 0.01 },
        ScalarType.Float16 => new FInfo { bits = 16, eps = 0.0009765625, max = 65504.0, min = -65504.0, tiny = 6.103515625e-05, smallest_normal = 6.103515625e-05, resolution = 0.001 },
        ScalarType.Float32 => new FInfo { bits = 32, eps = 1.1920928955078125e-07, max = 3.4028234663852886e+38, min = -3.4028234663852886e+38, tiny = 1.1754943508222875e-38, smallest_normal = 1.1754943508222875e-38, resolution = 1e-06 },
        ScalarType.Float64 => new FInfo { bits = 64, eps = 2.220446049250313e-16, max = 1.7976931348623157e+308, min = -1.7976931348623157e+308, tiny = 2.2250738585072014e-308, smallest_normal = 2.2250738585072014e-308, resolution = 1e-15 },
        _ => throw new ArgumentException("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'"),
    };
}
