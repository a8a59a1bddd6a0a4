using System.Runtime.CompilerServices;
using Flint.Ops;

namespace Flint;

public static partial class torch
{
    private static Tensor Make(long[] size, ScalarType? dtype, Device? device, bool requires_grad, ScalarType fallback)
    {
        device ??= _defaultDevice; // torch.set_default_device
        CheckDevice(device);
        var t = Tensor.Empty((long[])size.Clone(), dtype ?? fallback, device);
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    private static Tensor Finish(Tensor t, bool requires_grad)
    {
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    // ---- zeros / ones / empty / full ------------------------------------------------------

    /// <summary>A tensor of zeros.</summary>
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(size, dtype, device, requires_grad, get_default_dtype());
    /// <summary>A 1-D tensor of zeros.</summary>
    public static Tensor zeros(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0], dtype, device, requires_grad);
    /// <summary>A 2-D tensor of zeros.</summary>
    [OverloadResolutionPriority(2)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor zeros(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1], dtype, device, requires_grad);
    /// <summary>A 3-D tensor of zeros.</summary>
    [OverloadResolutionPriority(3)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor zeros(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1, d2], dtype, device, requires_grad);

    /// <summary>A tensor of ones.</summary>
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(size, 1.0, dtype ?? get_default_dtype(), device, requires_grad);
    /// <summary>A 1-D tensor of ones.</summary>
    public static Tensor ones(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0], dtype, device, requires_grad);
    /// <summary>A 2-D tensor of ones.</summary>
    [OverloadResolutionPriority(2)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor ones(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1], dtype, device, requires_grad);
    /// <summary>A 3-D tensor of ones.</summary>
    [OverloadResolutionPriority(3)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor ones(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1, d2], dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (Flint zero-fills it).</summary>
    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(size, dtype, device, requires_grad);
    /// <summary>An uninitialised 1-D tensor.</summary>
    public static Tensor empty(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0], dtype, device, requires_grad);
    /// <summary>An uninitialised 2-D tensor.</summary>
    [OverloadResolutionPriority(2)] // a literal 0 size also converts to ScalarType: prefer the sizes
    public static Tensor empty(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1], dtype, device, requires_grad);

    /// <summary>A tensor filled with a floating value (default dtype unless given).</summary>
    public static Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = Make(size, dtype, device, false, get_default_dtype());
        CheckFits(value, t.dtype);
        Dispatcher.Fill(t, value);
        return Finish(t, requires_grad);
    }

    /// <summary>A tensor filled with an integer value (int64 unless given).</summary>
    public static Tensor full(long[] size, long value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = Make(size, dtype, device, false, ScalarType.Int64);
        Dispatcher.Fill(t, value);
        return Finish(t, requires_grad);
    }

    /// <summary>A tensor filled with a bool value.</summary>
    public static Tensor full(long[] size, bool value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var t = Make(size, dtype, device, false, ScalarType.Bool);
        Dispatcher.Fill(t, value ? 1 : 0);
        return Finish(t, requires_grad);
    }

    /// <summary>PyTorch's checked Scalar conversion: a finite value beyond a floating dtype's range is an error, not inf.</summary>
    private static void CheckFits(double value, ScalarType dtype)
    {
        double max = dtype switch { ScalarType.Float16 => 65504, ScalarType.BFloat16 => 3.3895313892515355e38, ScalarType.Float32 => float.MaxValue, _ => double.PositiveInfinity };
        if (double.IsFinite(value) && Math.Abs(value) > max)
        {
            string name = dtype switch { ScalarType.Float16 => "at::Half", ScalarType.BFloat16 => "at::BFloat16", _ => "float" };
            throw new ArgumentException($"value cannot be converted to type {name} without overflow");
        }
    }

    /// <summary>Zeros with the shape, dtype and device of <paramref name="t"/>.</summary>
    public static Tensor zeros_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros(t.Shape, dtype ?? t.dtype, device ?? t.device, requires_grad);
    /// <summary>Ones with the shape, dtype and device of <paramref name="t"/>.</summary>
    public static Tensor ones_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(t.Shape, 1.0, dtype ?? t.dtype, device ?? t.device, requires_grad);
    /// <summary>An uninitialised tensor like <paramref name="t"/>.</summary>
    public static Tensor empty_like(Tensor t, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros_like(t, dtype, device, requires_grad);
    /// <summary>A filled tensor like <paramref name="t"/>.</summary>
    public static Tensor full_like(Tensor t, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => full(t.Shape, value, dtype ?? t.dtype, device ?? t.device, requires_grad);

    // ---- ranges ---------------------------------------------------------------------------

    /// <summary>0, 1, ..., end-1 as int64.</summary>
    public static Tensor arange(long end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0L, end, 1L, dtype, device, requires_grad);

    /// <summary>start, start+step, ... below end, as int64 unless a dtype is given.</summary>
    public static Tensor arange(long start, long end, long step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (step == 0) throw new ArgumentException("step must be nonzero");
        if ((step > 0 && start > end) || (step < 0 && start < end)) throw new ArgumentException("upper bound and larger bound inconsistent with step sign");
        long n = (end - start + step - Math.Sign(step)) / step;
        var t = Make([n], dtype, null, false, ScalarType.Int64);
        var values = new double[n];
        if (t.dtype == ScalarType.Int64) { var d = new long[n]; for (long i = 0; i < n; i++) d[i] = start + i * step; Dispatcher.Upload(t, d); }
        else { for (long i = 0; i < n; i++) values[i] = start + i * step; FillFrom(t, values); }
        return Finish(MoveTo(t, device), requires_grad);
    }

    /// <summary>0, 1, ... below end in the default floating dtype.</summary>
    public static Tensor arange(double end, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => arange(0.0, end, 1.0, dtype, device, requires_grad);

    /// <summary>start, start+step, ... below end in the default floating dtype.</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        // An integral dtype computes in int64, as PyTorch does: the bounds and step truncate first.
        if (dtype is { } it && DTypes.IsIntegral(it, includeBool: false))
            return arange((long)start, (long)end, (long)step, dtype, device, requires_grad);
        if (step == 0) throw new ArgumentException("step must be nonzero");
        if ((step > 0 && start > end) || (step < 0 && start < end)) throw new ArgumentException("upper bound and larger bound inconsistent with step sign");
        long n = (long)Math.Ceiling((end - start) / step);
        var values = new double[n];
        for (long i = 0; i < n; i++) values[i] = start + i * step;
        var t = Make([n], dtype, null, false, get_default_dtype());
        FillFrom(t, values);
        return Finish(MoveTo(t, device), requires_grad);
    }

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (steps < 0) throw new ArgumentException("number of steps must be non-negative");
        var values = new double[steps];
        if (steps == 1) values[0] = start;
        else if (steps > 1)
        {
            // PyTorch fills the first half from start and the second half back from end (symmetric rounding).
            double step = (end - start) / (steps - 1);
            long half = steps / 2;
            for (long i = 0; i < steps; i++) values[i] = i < half ? start + step * i : end - step * (steps - i - 1);
        }
        var t = Make([steps], dtype, null, false, get_default_dtype());
        if (DTypes.IsFloatingPoint(t.dtype) && t.dtype == ScalarType.Float32)
        {
            // Compute in float as PyTorch does for float32 outputs.
            var d = new float[steps];
            if (steps == 1) d[0] = (float)start;
            else if (steps > 1)
            {
                float fs = (float)start, fe = (float)end, step = (fe - fs) / (steps - 1);
                long half = steps / 2;
                // Fused multiply-add, as PyTorch's compiled kernel does (the product is not rounded first).
                for (long i = 0; i < steps; i++) d[i] = i < half ? MathF.FusedMultiplyAdd(step, i, fs) : MathF.FusedMultiplyAdd(-step, steps - i - 1, fe);
            }
            Dispatcher.Upload(t, d);
        }
        else FillFrom(t, values);
        return Finish(MoveTo(t, device), requires_grad);
    }

    /// <summary>The n×m identity matrix (m defaults to n).</summary>
    public static Tensor eye(long n, long m = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (m < 0) m = n;
        var t = zeros([n, m], dtype, device);
        var values = new double[n * m];
        for (long i = 0; i < Math.Min(n, m); i++) values[i * m + i] = 1;
        FillFrom(t, values);
        return Finish(t, requires_grad);
    }

    /// <summary>Copies doubles into a contiguous tensor, converting to its dtype.</summary>
    internal static void FillFrom(Tensor t, double[] values)
    {
        var src = Dispatcher.Adopt(values, ScalarType.Float64, (long[])t.Shape.Clone());
        Dispatcher.CopyInto(t, t.device.type == DeviceType.CPU ? src : src.to(t.device));
    }

    /// <summary>A tensor built on the host, moved to <paramref name="device"/> when that is not the CPU.</summary>
    internal static Tensor MoveTo(Tensor hostBuilt, Device? device)
    {
        device ??= _defaultDevice; // torch.set_default_device
        return device is null || device.type == DeviceType.CPU ? hostBuilt : hostBuilt.to(device);
    }
}
