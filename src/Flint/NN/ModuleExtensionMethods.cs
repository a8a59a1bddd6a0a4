namespace Flint;

/// <summary>
/// <c>module.to(...)</c>, <c>module.@double()</c> and friends (TorchSharp's extension methods): they convert the
/// module in place and return it typed as it was, so <c>var model = nn.Sequential(...).to(torch.float64);</c> works.
/// </summary>
public static class ModuleExtensionMethods
{
    /// <summary>Converts the floating-point parameters and buffers to <paramref name="type"/>.</summary>
    public static T to<T>(this T module, ScalarType type) where T : torch.nn.Module => (T)module._to(null, type);

    /// <summary>Moves the parameters and buffers to <paramref name="device"/>.</summary>
    public static T to<T>(this T module, Device device) where T : torch.nn.Module => (T)module._to(device, null);

    /// <summary>Moves to <paramref name="device"/> and converts floating-point state to <paramref name="type"/>.</summary>
    public static T to<T>(this T module, Device device, ScalarType type) where T : torch.nn.Module => (T)module._to(device, type);

    /// <summary>Moves to the device named by <paramref name="device"/> (<c>"cpu"</c>, <c>"cuda:0"</c>).</summary>
    public static T to<T>(this T module, string device) where T : torch.nn.Module => module.to(new Device(device));

    /// <summary>Moves to the CPU.</summary>
    public static T cpu<T>(this T module) where T : torch.nn.Module => module.to(torch.CPU);

    /// <summary>Moves to a CUDA device.</summary>
    public static T cuda<T>(this T module, int deviceIndex = -1) where T : torch.nn.Module => module.to(new Device(DeviceType.CUDA, deviceIndex));

    /// <summary>Converts floating-point state to float32.</summary>
    public static T @float<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float32);

    /// <summary>Converts floating-point state to float64.</summary>
    public static T @double<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float64);

    /// <summary>Converts floating-point state to float16.</summary>
    public static T half<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.Float16);

    /// <summary>Converts floating-point state to bfloat16.</summary>
    public static T bfloat16<T>(this T module) where T : torch.nn.Module => module.to(ScalarType.BFloat16);
}
