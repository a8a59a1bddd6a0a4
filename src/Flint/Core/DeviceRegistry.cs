namespace Flint;

/// <summary>
/// Where non-CPU backends register themselves (the CUDA backend lives in its own assembly so
/// the core library has no GPU dependency). Without a registered backend only the CPU exists.
/// </summary>
internal static class DeviceRegistry
{
    private static Func<Device, bool>? _cudaAvailable;

    public static void RegisterCuda(Func<Device, bool> isAvailable) => _cudaAvailable = isAvailable;

    public static bool IsAvailable(Device device) => device.type == DeviceType.CPU || (_cudaAvailable?.Invoke(device) ?? false);
}
