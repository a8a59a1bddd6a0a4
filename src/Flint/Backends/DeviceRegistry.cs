using Flint.Backends;

namespace Flint;

/// <summary>
/// The runtime side of a non-CPU device: what <c>torch.cuda.*</c> asks (availability, memory
/// counters, seeding) besides the kernels of <see cref="IBackend"/>.
/// </summary>
internal interface IDeviceRuntime
{
    IBackend Backend { get; }
    int DeviceCount { get; }
    void ManualSeed(ulong seed);
    void EmptyCache();
    long MemoryAllocated(int device);
    long MaxMemoryAllocated(int device);
    void ResetPeakMemoryStats(int device);
}

/// <summary>
/// Where non-CPU backends register themselves. The CUDA backend lives in its own assembly
/// (Flint.Cuda) so the core library has no GPU dependency: when the first CUDA question comes,
/// the registry loads that assembly if the application references it and lets it register.
/// Without it only the CPU exists.
/// </summary>
internal static class DeviceRegistry
{
    private static IDeviceRuntime? _cuda;

    /// <summary>The last seed given to torch.manual_seed or torch.cuda.manual_seed; a runtime starts from it.</summary>
    public static ulong? CudaSeed;
    private static bool _probed;
    private static readonly Lock Gate = new();

    /// <summary>Called by the CUDA assembly's registration hook; null registers "no usable device".</summary>
    public static void RegisterCuda(IDeviceRuntime? runtime)
    {
        lock (Gate) { _cuda = runtime; _probed = true; }
    }

    /// <summary>The CUDA runtime if it was already loaded (never triggers loading).</summary>
    public static IDeviceRuntime? LoadedCuda => _cuda;

    /// <summary>The CUDA runtime, or null when Flint.Cuda is absent or found no device.</summary>
    public static IDeviceRuntime? Cuda
    {
        get
        {
            lock (Gate)
            {
                if (!_probed)
                {
                    _probed = true;
                    ProbeCudaAssembly();
                }
                return _cuda;
            }
        }
    }

    /// <summary>Loads Flint.Cuda by name and runs its registration hook (it calls <see cref="RegisterCuda"/>).</summary>
    // A literal type name the trimmer understands: when an app (JIT, trimmed or NativeAOT) contains
    // Flint.Cuda, the hook is kept; when it does not, Type.GetType answers null.
    private static void ProbeCudaAssembly()
    {
        Type? registration;
        try { registration = Type.GetType("Flint.Cuda.CudaRegistration, Flint.Cuda", throwOnError: false); }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException) { return; }
        var hook = registration?.GetMethod("Register", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        // The hook takes the lock itself through RegisterCuda; Lock is re-entrant on one thread.
        hook?.Invoke(null, null);
    }

    public static bool IsAvailable(Device device) =>
        device.type == DeviceType.CPU || (device.type == DeviceType.CUDA && Cuda is { } rt && HasOrdinal(rt, device));

    private static bool HasOrdinal(IDeviceRuntime rt, Device device) => Math.Max(device.index, 0) < rt.DeviceCount;

    /// <summary>Throws torch's "not available" error unless <paramref name="device"/> (null: the CPU) can hold tensors.</summary>
    public static void CheckAvailable(Device? device)
    {
        if (device is { type: DeviceType.MPS })
            throw new InvalidOperationException("PyTorch is not linked with support for mps devices (Flint has no MPS backend; torch.mps_is_available() is false).");
        if (device is not null && device.type != DeviceType.CPU && !IsAvailable(device))
            throw new InvalidOperationException(Cuda is null
                ? $"Device {device} is not available: no CUDA device was found (reference Flint.Cuda and run on a machine with an NVIDIA GPU and driver)."
                : $"CUDA error: invalid device ordinal (device {device}; {Cuda.DeviceCount} device(s) present)");
    }

    /// <summary>The backend of a non-CPU device; throws torch's "not available" error when there is none.</summary>
    public static IBackend Get(Device device)
    {
        // Hot path (every op on a device): no lock once the runtime is registered.
        if (device.type == DeviceType.CUDA && Volatile.Read(ref _cuda) is { } rt && HasOrdinal(rt, device)) return rt.Backend;
        CheckAvailable(device);
        return Cuda!.Backend;
    }
}
