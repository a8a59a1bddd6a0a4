using System.Runtime.InteropServices;
using Flint.Cuda;

[assembly: AssemblyFixture(typeof(Flint.Cuda.Tests.CudaDeviceFixture))]

namespace Flint.Cuda.Tests;

/// <summary>
/// Decides once per test run which cuda:0 the suite talks to: the real GPU when the NVIDIA
/// driver is present and FLINT_CUDA_EMULATE is not set, otherwise ILGPU's CPU accelerator
/// (<see cref="FlintCuda.UseEmulator"/>), so the suite runs everywhere CI runs.
/// </summary>
public static class CudaDevice
{
    private static readonly Lazy<bool> Real = new(Decide, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>cuda:0, initialised.</summary>
    public static Device Device
    {
        get { _ = Real.Value; return torch.CUDA; }
    }

    /// <summary>True when cuda:0 is an NVIDIA GPU, false when the emulator plays it.</summary>
    public static bool IsReal => Real.Value;

    /// <summary>Skips the calling test (reported as skipped, never passed) unless a real GPU runs it.</summary>
    public static void RequireRealGpu()
    {
        if (!IsReal) Assert.Skip("needs a real NVIDIA GPU (cuda:0 is ILGPU's CPU emulator in this run)");
    }

    /// <summary>The environment asks for the emulator explicitly.</summary>
    public static bool EmulationRequested => Environment.GetEnvironmentVariable("FLINT_CUDA_EMULATE") is { Length: > 0 } v && v != "0";

    private static bool Decide()
    {
        // Without the emulate switch, a loadable driver library means a real GPU is meant to be used;
        // asking Flint.Cuda first would commit it to the real device before UseEmulator could run.
        if (!EmulationRequested && !DriverPresent()) FlintCuda.UseEmulator();
        if (!torch.cuda.is_available())
            throw new InvalidOperationException(EmulationRequested || !DriverPresent()
                ? "torch.cuda.is_available() is false under the emulator: Flint.Cuda did not register its CPU accelerator"
                : "the NVIDIA driver is present but torch.cuda.is_available() is false; set FLINT_CUDA_EMULATE=1 to test on the emulator");
        return !FlintCuda.IsEmulated;
    }

    private static bool DriverPresent()
    {
        string lib = OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1";
        if (!NativeLibrary.TryLoad(lib, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }
}

/// <summary>The assembly fixture: initialises the device before the first test and prints which one it is.</summary>
public sealed class CudaDeviceFixture
{
    public CudaDeviceFixture()
    {
        bool real = CudaDevice.IsReal;
        TestContext.Current.SendDiagnosticMessage(
            $"Flint.Cuda.Tests: cuda:0 is {(real ? "a real GPU" : "the ILGPU CPU emulator")}: {FlintCuda.DeviceName} (cuBLAS: {FlintCuda.HasCuBlas})");
    }
}
