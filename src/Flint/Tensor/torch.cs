using Flint.Autograd;
using Flint.Ops;

namespace Flint;

/// <summary>
/// The <c>torch</c> namespace as TorchSharp spells it: dtypes, devices, factories, grad mode
/// and free functions. <c>using static Flint.torch;</c> brings it all into scope.
/// </summary>
public static partial class torch
{
    /// <summary><c>torch.float32</c>, the default floating type.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary><c>torch.float</c> (alias of float32).</summary>
    public const ScalarType @float = ScalarType.Float32;
    /// <summary><c>torch.float64</c>.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary><c>torch.double</c> (alias of float64).</summary>
    public const ScalarType @double = ScalarType.Float64;
    /// <summary><c>torch.float16</c>.</summary>
    public const ScalarType float16 = ScalarType.Float16;
    /// <summary><c>torch.half</c> (alias of float16).</summary>
    public const ScalarType half = ScalarType.Float16;
    /// <summary><c>torch.bfloat16</c>.</summary>
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    /// <summary><c>torch.int8</c>.</summary>
    public const ScalarType int8 = ScalarType.Int8;
    /// <summary><c>torch.uint8</c>.</summary>
    public const ScalarType uint8 = ScalarType.Byte;
    /// <summary><c>torch.int16</c>.</summary>
    public const ScalarType int16 = ScalarType.Int16;
    /// <summary><c>torch.short</c> (alias of int16).</summary>
    public const ScalarType @short = ScalarType.Int16;
    /// <summary><c>torch.int32</c>.</summary>
    public const ScalarType int32 = ScalarType.Int32;
    /// <summary><c>torch.int</c> (alias of int32).</summary>
    public const ScalarType @int = ScalarType.Int32;
    /// <summary><c>torch.int64</c>, the default integer type.</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary><c>torch.long</c> (alias of int64).</summary>
    public const ScalarType @long = ScalarType.Int64;
    /// <summary><c>torch.bool</c>.</summary>
    public const ScalarType @bool = ScalarType.Bool;

    /// <summary>The host CPU.</summary>
    public static readonly Device CPU = new(DeviceType.CPU);
    /// <summary>The first CUDA device (usable once the Flint.Cuda backend is referenced and a GPU is present).</summary>
    public static readonly Device CUDA = new(DeviceType.CUDA, 0);
    /// <summary>Apple's MPS device, as TorchSharp names it; never available in Flint (tensors moved there throw PyTorch's error).</summary>
    public static readonly Device MPS = new(DeviceType.MPS, 0);

    /// <summary>Parses a device description: "cpu", "cuda", "cuda:0".</summary>
    public static Device device(string description) => new(description);
    /// <summary>A device of a kind and ordinal.</summary>
    public static Device device(DeviceType type, int index = -1) => new(type, index);

    private static ScalarType _defaultDType = ScalarType.Float32;

    /// <summary>The dtype floating factories use when none is given (float32 unless changed).</summary>
    public static ScalarType get_default_dtype() => _defaultDType;

    /// <summary>Sets the default floating dtype (float32 or float64).</summary>
    public static void set_default_dtype(ScalarType dtype)
    {
        if (!DTypes.IsFloatingPoint(dtype)) throw new ArgumentException("only floating-point types are supported as the default type");
        _defaultDType = dtype;
    }

    /// <summary>Seeds the default generator; the same seed gives PyTorch's CPU random numbers.</summary>
    public static void manual_seed(long seed)
    {
        global::Flint.Generator.Default.ManualSeed(unchecked((ulong)seed));
        // As in PyTorch, the same call seeds the CUDA generator (if Flint.Cuda is loaded, or once it is).
        DeviceRegistry.CudaSeed = unchecked((ulong)seed);
        DeviceRegistry.LoadedCuda?.ManualSeed(unchecked((ulong)seed));
    }

    /// <summary>Turns off graph recording until the returned guard is disposed: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static GradModeGuard no_grad() => GradMode.Set(false);

    /// <summary>Turns graph recording on until the returned guard is disposed.</summary>
    public static GradModeGuard enable_grad() => GradMode.Set(true);

    /// <summary>Sets grad mode until the returned guard is disposed.</summary>
    public static GradModeGuard set_grad_enabled(bool enabled) => GradMode.Set(enabled);

    /// <summary>Whether ops record the graph on this thread.</summary>
    public static bool is_grad_enabled() => GradMode.IsEnabled;

    /// <summary>The dtype an op on these operands produces (PyTorch's <c>torch.result_type</c>).</summary>
    public static ScalarType result_type(Tensor a, Tensor b) => TypePromotion.ResultType(a, b);

    /// <summary>The smallest dtype both can be promoted to.</summary>
    public static ScalarType promote_types(ScalarType a, ScalarType b) => TypePromotion.Promote(a, b);

    /// <summary>True for floating-point dtypes.</summary>
    public static bool is_floating_point(Tensor t) => t.is_floating_point();

    /// <summary>True when <paramref name="obj"/> is a tensor.</summary>
    public static bool is_tensor(object? obj) => obj is Tensor;

    /// <summary>The number of elements.</summary>
    public static long numel(Tensor t) => t.numel();

    internal static Tensor WrappedScalar(double value)
    {
        var t = Dispatcher.Adopt(new[] { value }, ScalarType.Float64, []);
        t.IsWrappedNumber = true;
        return t;
    }

    internal static Tensor WrappedScalar(long value)
    {
        var t = Dispatcher.Adopt(new[] { value }, ScalarType.Int64, []);
        t.IsWrappedNumber = true;
        return t;
    }

    internal static Tensor WrappedScalar(bool value)
    {
        var t = Dispatcher.Adopt(new[] { value }, ScalarType.Bool, []);
        t.IsWrappedNumber = true;
        return t;
    }

    internal static void CheckDevice(Device? device) => DeviceRegistry.CheckAvailable(device);
}
