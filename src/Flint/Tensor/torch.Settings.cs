namespace Flint;

/// <summary>The values of <c>torch.set_deterministic_debug_mode</c> (PyTorch's 0, 1, 2).</summary>
public enum DebugMode
{
    /// <summary>No check (deterministic algorithms off).</summary>
    @default = 0,
    /// <summary>Warn on a nondeterministic op (deterministic algorithms on, warn only).</summary>
    warn = 1,
    /// <summary>Throw on a nondeterministic op (deterministic algorithms on).</summary>
    error = 2,
}

/// <summary>The values of <c>torch.set_float32_matmul_precision</c>.</summary>
public enum Float32MatmulPrecision
{
    /// <summary>Full float32 products (the default).</summary>
    highest,
    /// <summary>TF32 or bfloat16x3 products allowed.</summary>
    high,
    /// <summary>bfloat16 products allowed.</summary>
    medium,
}

public static partial class torch
{
    // ---- threads ----

    /// <summary>
    /// <c>torch.get_num_threads()</c>: the most threads one CPU op uses (the processor count unless
    /// <see cref="set_num_threads"/> changed it).
    /// </summary>
    public static int get_num_threads() => Parallelism.IntraOpThreads;

    /// <summary>
    /// <c>torch.set_num_threads(num)</c>: bounds every CPU parallel loop (GEMM, convolutions, elementwise and GELU
    /// chunks, sort, layer norm, pooling, batched linalg, CTC) to <paramref name="num"/> threads, process-wide;
    /// 1 runs every op on the calling thread. Results do not depend on it: the work is split the same way.
    /// </summary>
    public static void set_num_threads(int num)
    {
        if (num <= 0) throw new ArgumentException("set_num_threads expects a positive integer");
        Parallelism.IntraOpThreads = num;
    }

    /// <summary><c>torch.get_num_interop_threads()</c>: the inter-op thread count (the processor count by default).</summary>
    public static int get_num_interop_threads() => Parallelism.InteropThreads;

    /// <summary>
    /// <c>torch.set_num_interop_threads(num)</c>: records the inter-op thread count. Flint runs the ops of one thread
    /// one after another (there is no inter-op pool), so the value is only reported back.
    /// </summary>
    public static void set_num_interop_threads(int num)
    {
        if (num <= 0) throw new ArgumentException("Expected positive number of threads");
        Parallelism.InteropThreads = num;
    }

    // ---- determinism, warnings, matmul precision ----

    private static volatile bool _deterministic, _deterministicWarnOnly, _warnAlways;
    private static volatile Float32MatmulPrecision _matmulPrecision = Float32MatmulPrecision.highest;

    /// <summary>
    /// <c>torch.use_deterministic_algorithms(mode, warn_only)</c>. Flint's CPU kernels are deterministic already (each
    /// chunk's arithmetic is independent of scheduling) and its CUDA kernels use no atomics for floating sums, so the
    /// flag is recorded and reported, as PyTorch's, without changing any result.
    /// </summary>
    public static void use_deterministic_algorithms(bool mode, bool warn_only = false)
    {
        _deterministic = mode;
        _deterministicWarnOnly = warn_only;
    }

    /// <summary><c>torch.are_deterministic_algorithms_enabled()</c>.</summary>
    public static bool are_deterministic_algorithms_enabled() => _deterministic;

    /// <summary><c>torch.is_deterministic_algorithms_warn_only_enabled()</c>.</summary>
    public static bool is_deterministic_algorithms_warn_only_enabled() => _deterministicWarnOnly;

    /// <summary>
    /// <c>torch.set_deterministic_debug_mode(mode)</c>: <c>default</c> turns deterministic algorithms off, <c>warn</c> on
    /// with warn_only, <c>error</c> on.
    /// </summary>
    public static void set_deterministic_debug_mode(DebugMode mode)
    {
        switch (mode)
        {
            case DebugMode.@default: use_deterministic_algorithms(false); break;
            case DebugMode.warn: use_deterministic_algorithms(true, warn_only: true); break;
            case DebugMode.error: use_deterministic_algorithms(true); break;
            default: throw new ArgumentException($"invalid value of debug_mode, expected 0, 1, or 2, but got {(int)mode}");
        }
    }

    /// <summary><c>torch.set_deterministic_debug_mode("default" | "warn" | "error")</c>.</summary>
    public static void set_deterministic_debug_mode(string mode) => set_deterministic_debug_mode(mode switch
    {
        "default" => DebugMode.@default,
        "warn" => DebugMode.warn,
        "error" => DebugMode.error,
        _ => throw new ArgumentException($"invalid value of debug_mode, expected one of `default`, `warn`, `error`, but got {mode}"),
    });

    /// <summary><c>torch.get_deterministic_debug_mode()</c>: <c>error</c>, <c>warn</c> or <c>default</c> from the deterministic flags.</summary>
    public static DebugMode get_deterministic_debug_mode() =>
        !_deterministic ? DebugMode.@default : _deterministicWarnOnly ? DebugMode.warn : DebugMode.error;

    /// <summary>
    /// <c>torch.set_float32_matmul_precision(precision)</c>. Flint's float32 products are always full float32 on the CPU;
    /// on CUDA, <c>high</c> and <c>medium</c> also set <see cref="backends.cuda.matmul.allow_tf32"/> (and <c>highest</c>
    /// clears it), as PyTorch's setting does.
    /// </summary>
    public static void set_float32_matmul_precision(Float32MatmulPrecision precision)
    {
        if (precision is not (Float32MatmulPrecision.highest or Float32MatmulPrecision.high or Float32MatmulPrecision.medium))
            throw new ArgumentException($"{precision} is not one of 'highest', 'high', or 'medium'");
        _matmulPrecision = precision;
        backends.cuda.matmul.allow_tf32 = precision != Float32MatmulPrecision.highest;
    }

    /// <summary><c>torch.set_float32_matmul_precision("highest" | "high" | "medium")</c>; another string throws (PyTorch only warns and ignores it).</summary>
    public static void set_float32_matmul_precision(string precision) => set_float32_matmul_precision(precision switch
    {
        "highest" => Float32MatmulPrecision.highest,
        "high" => Float32MatmulPrecision.high,
        "medium" => Float32MatmulPrecision.medium,
        _ => throw new ArgumentException($"{precision} is not one of 'highest', 'high', or 'medium'; the current setFloat32MatmulPrecision call has no effect."),
    });

    /// <summary><c>torch.get_float32_matmul_precision()</c>.</summary>
    public static Float32MatmulPrecision get_float32_matmul_precision() => _matmulPrecision;

    /// <summary><c>torch.set_warn_always(mode)</c>: records whether once-only warnings should repeat.</summary>
    public static void set_warn_always(bool mode = true) => _warnAlways = mode;

    /// <summary><c>torch.is_warn_always_enabled()</c>.</summary>
    public static bool is_warn_always_enabled() => _warnAlways;

    // ---- default device and tensor type ----

    private static Device? _defaultDevice;

    /// <summary><c>torch.get_default_device()</c>: where factories put tensors when no device is given (the CPU unless changed).</summary>
    public static Device get_default_device() => _defaultDevice ?? CPU;

    /// <summary>
    /// <c>torch.set_default_device(device)</c>: factories (<c>zeros</c>, <c>ones</c>, <c>empty</c>, <c>full</c>, <c>rand</c>,
    /// <c>randn</c>, <c>tensor</c>, <c>arange</c>, ...) called without a device create their tensors there. The device must
    /// be available.
    /// </summary>
    public static void set_default_device(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        CheckDevice(device);
        _defaultDevice = device.type == DeviceType.CPU ? null : device;
    }

    /// <summary><c>torch.set_default_device("cuda:0")</c>.</summary>
    public static void set_default_device(string device) => set_default_device(new Device(device));

    /// <summary>
    /// <c>torch.set_default_tensor_type(t)</c> (TorchSharp passes a tensor of the wanted type): sets the default floating
    /// dtype to <paramref name="t"/>'s dtype; an integer or bool tensor throws PyTorch's "only floating-point types are
    /// supported as the default type".
    /// </summary>
    public static void set_default_tensor_type(Tensor t) => set_default_dtype(t.dtype);

    /// <summary><c>torch.set_default_tensor_type(torch.float64)</c>: the dtype form.</summary>
    public static void set_default_tensor_type(ScalarType dtype) => set_default_dtype(dtype);

    /// <summary><c>torch.compiled_with_cxx11_abi()</c>: false (Flint is managed code, no libtorch C++ ABI).</summary>
    public static bool compiled_with_cxx11_abi() => false;

    // ---- TorchSharp's device initialisation ----

    /// <summary>
    /// TorchSharp's <c>CheckForErrors()</c>: raises the native library's pending error. Flint reports every error as an
    /// exception at the failing call, so there is never one pending and this returns at once.
    /// </summary>
    public static void CheckForErrors() { }

    /// <summary>
    /// TorchSharp's <c>TryInitializeDeviceType(type)</c>: true when tensors can live on devices of this type (the CPU
    /// always; CUDA when Flint.Cuda is referenced and a GPU is present).
    /// </summary>
    public static bool TryInitializeDeviceType(DeviceType deviceType) =>
        deviceType == DeviceType.CPU || (deviceType == DeviceType.CUDA && cuda.is_available());

    /// <summary>TorchSharp's <c>InitializeDeviceType(type)</c>: throws when <see cref="TryInitializeDeviceType"/> is false.</summary>
    public static void InitializeDeviceType(DeviceType deviceType)
    {
        if (!TryInitializeDeviceType(deviceType))
            throw new InvalidOperationException($"Torch device type {deviceType} did not initialise on the current machine.");
    }

    /// <summary>TorchSharp's <c>InitializeDevice(device)</c>: the device (the default device when null), checked to be available.</summary>
    public static Device InitializeDevice(Device? device)
    {
        device ??= get_default_device();
        InitializeDeviceType(device.type);
        CheckDevice(device);
        return device;
    }

    /// <summary>TorchSharp's <c>torch.CurrentDisposeScope</c>: this thread's innermost dispose scope, or null.</summary>
    public static DisposeScope? CurrentDisposeScope => DisposeScope.Current;

    public static partial class cuda
    {
        /// <summary><c>torch.cuda.is_cudnn_available()</c>: false; Flint's CUDA backend uses its own kernels and cuBLAS, not cuDNN.</summary>
        public static bool is_cudnn_available() => false;
    }

    public static partial class backends
    {
        public static partial class cuda
        {
            private static volatile bool _flash = true, _math = true;

            /// <summary><c>torch.backends.cuda.flash_sdp_enabled()</c> (true by default, as PyTorch). Flint's attention is one composed kernel path on every device; the flag is recorded.</summary>
            public static bool flash_sdp_enabled() => _flash;

            /// <summary><c>torch.backends.cuda.enable_flash_sdp(enable)</c>.</summary>
            public static void enable_flash_sdp(bool enable) => _flash = enable;

            /// <summary><c>torch.backends.cuda.math_sdp_enabled()</c> (true by default): the math path is the one Flint runs.</summary>
            public static bool math_sdp_enabled() => _math;

            /// <summary><c>torch.backends.cuda.enable_math_sdp(enable)</c>.</summary>
            public static void enable_math_sdp(bool enable) => _math = enable;

            public static partial class matmul
            {
                /// <summary>
                /// <c>torch.backends.cuda.matmul.allow_fp16_reduced_precision_reduction</c> (true by default, as PyTorch). Flint's
                /// float16 products accumulate in float32 on every device, so the flag is recorded without effect.
                /// </summary>
                public static bool allow_fp16_reduced_precision_reduction { get; set; } = true;
            }
        }

        /// <summary><c>torch.backends.cudnn</c>: Flint does not use cuDNN; the switches are recorded.</summary>
        public static partial class cudnn
        {
            /// <summary><c>torch.backends.cudnn.allow_tf32</c> (true by default, as PyTorch).</summary>
            public static bool allow_tf32 { get; set; } = true;
        }
    }
}
