using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Flint.Cuda;

/// <summary>
/// Flint's CUDA backend: referencing this assembly makes <c>torch.cuda.is_available()</c> true on a
/// machine with an NVIDIA GPU and driver. Set the environment variable <c>FLINT_CUDA_EMULATE=1</c>
/// (or call <see cref="UseEmulator"/> before the first CUDA use) to run cuda:0 on ILGPU's CPU
/// accelerator instead: slow, but it runs the same kernels without a GPU.
/// </summary>
public static class FlintCuda
{
    private static readonly Lock Gate = new();
    private static bool _emulate = Environment.GetEnvironmentVariable("FLINT_CUDA_EMULATE") == "1";
    private static bool _started;
    private static Context? _context;
    private static Accelerator? _accelerator;
    private static CudaBackend? _backend;

    /// <summary>Runs cuda:0 on ILGPU's CPU accelerator (call before the first CUDA use; later calls throw).</summary>
    public static void UseEmulator()
    {
        lock (Gate)
        {
            if (_started && !_emulate) throw new InvalidOperationException("FlintCuda.UseEmulator() must be called before the first CUDA use");
            _emulate = true;
        }
    }

    /// <summary>True when cuda:0 is ILGPU's CPU accelerator rather than a GPU.</summary>
    public static bool IsEmulated { get { Start(); return _accelerator is CPUAccelerator; } }

    /// <summary>The device's name (empty when no device is available).</summary>
    public static string DeviceName { get { Start(); return _accelerator?.Name ?? ""; } }

    /// <summary>True when matrix products go to cuBLAS (false on the emulator or without the library).</summary>
    public static bool HasCuBlas { get { Start(); return _accelerator is CudaAccelerator && Blas.CuBlas.IsAvailable; } }

    /// <summary>Compiles the kernels a training step uses (elementwise float32 ops, casts, sums, matmul), so the first step is not slowed by compilation.</summary>
    public static void WarmUp()
    {
        if (Backend is null) return;
        using var x = torch.ones(new long[] { 4, 4 }, device: torch.CUDA);
        using var y = (x * 2 + 1 - x / 3).clamp(min: 0).relu().exp().sum();
        using var z = x.mm(x).t().contiguous().@long().@float();
        using var r = torch.randn(new long[] { 4 }, device: torch.CUDA);
        _ = y.item<float>() + z.sum().item<float>() + r.sum().item<float>();
    }

    /// <summary>The backend, or null when no device (nor emulator) is usable.</summary>
    internal static CudaBackend? Backend { get { Start(); return _backend; } }

    private static void Start()
    {
        lock (Gate)
        {
            if (_started) return;
            _started = true;
            try
            {
                if (_emulate)
                {
                    // The CPU accelerator runs each group member as an OS thread and each barrier as a
                    // rendezvous: small groups (8 × 8 threads) keep the emulator usable; kernels read
                    // the group size at run time, so the same code runs 256-thread groups on a GPU.
                    _context = Context.Create(b => b.CPU(new CPUDevice(8, 8, 1)).EnableAlgorithms().Optimize(OptimizationLevel.O2));
                    _accelerator = _context.CreateCPUAccelerator(0);
                }
                else
                {
                    NativeResolver.Install();
                    _context = Context.Create(b => b.Cuda().EnableAlgorithms().Optimize(OptimizationLevel.O2));
                    var devices = _context.GetCudaDevices();
                    if (devices.Count == 0) { Fail(); return; }
                    _accelerator = devices[0].CreateAccelerator(_context);
                }
                _backend = new CudaBackend(_accelerator, DeviceRegistry.CudaSeed ?? DefaultSeed);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // No driver, a broken one, or no device: CUDA is simply not available.
                Fail();
            }
        }
    }

    /// <summary>PyTorch's default seed.</summary>
    internal const ulong DefaultSeed = 67280421310721;

    private static void Fail()
    {
        _accelerator?.Dispose();
        _context?.Dispose();
        _accelerator = null;
        _context = null;
        _backend = null;
    }
}
