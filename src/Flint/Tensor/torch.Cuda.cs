namespace Flint;

public static partial class torch
{
    /// <summary>
    /// <c>torch.cuda</c>: NVIDIA GPUs. Available when the application references Flint.Cuda and
    /// the machine has a GPU and driver; without them every query answers as PyTorch's CPU-only
    /// build does (not available, zero devices, zero bytes).
    /// </summary>
    public static partial class cuda
    {
        /// <summary>True when a CUDA device can run tensors.</summary>
        public static bool is_available() => DeviceRegistry.Cuda is { DeviceCount: > 0 };

        /// <summary>The number of CUDA devices.</summary>
        public static int device_count() => DeviceRegistry.Cuda?.DeviceCount ?? 0;

        /// <summary>Waits for every queued kernel on the device to finish.</summary>
        public static void synchronize() => Runtime("synchronize").Backend.Synchronize();

        /// <summary>Seeds the CUDA generator (its own counter-based stream, not the CPU's numbers).</summary>
        public static void manual_seed(long seed)
        {
            DeviceRegistry.CudaSeed = unchecked((ulong)seed);
            DeviceRegistry.Cuda?.ManualSeed(unchecked((ulong)seed));
        }

        /// <summary>Seeds every CUDA device's generator.</summary>
        public static void manual_seed_all(long seed) => manual_seed(seed);

        /// <summary>Returns the allocator's cached, unused blocks to the driver.</summary>
        public static void empty_cache() => DeviceRegistry.Cuda?.EmptyCache();

        /// <summary>Bytes held by live tensors on the device.</summary>
        public static long memory_allocated(Device? device = null) => DeviceRegistry.Cuda?.MemoryAllocated(Ordinal(device)) ?? 0;

        /// <summary>The peak of <see cref="memory_allocated"/> since start or the last reset.</summary>
        public static long max_memory_allocated(Device? device = null) => DeviceRegistry.Cuda?.MaxMemoryAllocated(Ordinal(device)) ?? 0;

        /// <summary>Restarts the peak counter of <see cref="max_memory_allocated"/>.</summary>
        public static void reset_peak_memory_stats(Device? device = null) => DeviceRegistry.Cuda?.ResetPeakMemoryStats(Ordinal(device));

        private static int Ordinal(Device? device) => device is null ? 0 : Math.Max(device.index, 0);

        private static IDeviceRuntime Runtime(string what) => DeviceRegistry.Cuda
            ?? throw new InvalidOperationException($"torch.cuda.{what}(): Torch not compiled with CUDA enabled (no CUDA device: reference Flint.Cuda and run on a machine with an NVIDIA GPU and driver)");
    }

    /// <summary><c>torch.backends</c>: switches that change how backends compute.</summary>
    public static partial class backends
    {
        /// <summary><c>torch.backends.cuda</c>.</summary>
        public static partial class cuda
        {
            /// <summary><c>torch.backends.cuda.matmul</c>.</summary>
            public static partial class matmul
            {
                /// <summary>
                /// Lets float32 matrix products use TF32 tensor cores (10-bit mantissa inputs):
                /// faster, less precise. Off by default, as in PyTorch ≥ 1.12.
                /// </summary>
                public static bool allow_tf32 { get; set; }
            }
        }
    }
}
