namespace Flint.Cuda;

/// <summary>The hook the core calls (by name) when Flint.Cuda is loaded: registers cuda:0, or null when no device is usable.</summary>
internal static class CudaRegistration
{
    public static void Register()
    {
        var backend = FlintCuda.Backend;
        DeviceRegistry.RegisterCuda(backend is null ? null : new CudaRuntime(backend));
    }
}
