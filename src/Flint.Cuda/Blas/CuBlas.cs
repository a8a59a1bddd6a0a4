using System.Runtime.InteropServices;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Flint.Cuda.Blas;

/// <summary>
/// cuBLAS through function pointers resolved at run time (no link-time dependency: the library
/// is probed by name, versions 13 then 12, so one build runs on either toolkit). Matrix
/// products go to <c>cublasGemmStridedBatchedEx</c>; row-major tensors are handed over as
/// their column-major transposes (C^T = B^T A^T), so no operand is copied.
/// </summary>
internal static unsafe class CuBlas
{
    private const int OpN = 0, OpT = 1;
    private const int CudaR32F = 0, CudaR64F = 1;
    private const int Compute32F = 68, Compute32FFastTf32 = 77, Compute64F = 70;
    private const int GemmDefault = -1;

    private static readonly Lock Gate = new();
    private static bool _probed;
    private static IntPtr _library;
    private static delegate* unmanaged[Cdecl]<IntPtr*, int> _create;
    private static delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int> _setStream;
    private static delegate* unmanaged[Cdecl]<IntPtr, int, int, int, int, int, void*, IntPtr, int, int, long, IntPtr, int, int, long, void*, IntPtr, int, int, long, int, int, int, int> _gemmStridedBatchedEx;
    private static readonly Dictionary<Accelerator, IntPtr> Handles = new();

    /// <summary>The file cuBLAS was loaded from, or null.</summary>
    public static string? LoadedFrom { get; private set; }

    /// <summary>True when cuBLAS was found and loaded.</summary>
    public static bool IsAvailable
    {
        get
        {
            lock (Gate)
            {
                Probe();
                return _library != IntPtr.Zero;
            }
        }
    }

    /// <summary>Runs c[i] = a[i] @ b[i] through cuBLAS; false when it cannot (no library, dtype or layout unsupported).</summary>
    /// <remarks>a, b, c are device pointers to the first element; c is dense row-major [batch, m, n].</remarks>
    public static bool TryMatMul(Accelerator accelerator, ScalarType t, int batch, int m, int n, int k,
        IntPtr a, long aBatchStride, long aRs, long aCs, IntPtr b, long bBatchStride, long bRs, long bCs, IntPtr c)
    {
        if (accelerator is not CudaAccelerator cuda || t is not (ScalarType.Float32 or ScalarType.Float64)) return false;
        if (m == 0 || n == 0 || batch == 0) return true;
        if (k == 0) return false; // the caller's kernel writes the zeros
        // Column-major view of the row-major product: C^T[n×m] = B^T[n×k] · A^T[k×m].
        if (!ColumnMajorOperand(k, n, bRs, bCs, out int opB, out int ldB)) return false;
        if (!ColumnMajorOperand(m, k, aRs, aCs, out int opA, out int ldA)) return false;
        lock (Gate)
        {
            Probe();
            if (_library == IntPtr.Zero) return false;
            // cuBLAS runs in the calling thread's current context: bind on every call (a thread-static
            // check in ILGPU when already bound), since ops may come from any thread.
            cuda.Bind();
            var handle = HandleFor(cuda);
            if (handle == IntPtr.Zero) return false;
            bool f32 = t == ScalarType.Float32;
            int type = f32 ? CudaR32F : CudaR64F;
            int compute = f32 ? (torch.backends.cuda.matmul.allow_tf32 ? Compute32FFastTf32 : Compute32F) : Compute64F;
            float alphaF = 1, betaF = 0;
            double alphaD = 1, betaD = 0;
            void* alpha = f32 ? &alphaF : &alphaD;
            void* beta = f32 ? &betaF : &betaD;
            int status = _gemmStridedBatchedEx(handle, opB, opA, n, m, k, alpha,
                b, type, ldB, bBatchStride,
                a, type, ldA, aBatchStride,
                beta, c, type, n, (long)m * n, batch, compute, GemmDefault);
            if (status != 0) throw new InvalidOperationException($"CUDA error: cublasGemmStridedBatchedEx failed with status {status} (m={m}, n={n}, k={k}, batch={batch})");
            return true;
        }
    }

    /// <summary>
    /// How cuBLAS should read a row-major [rows, cols] operand with strides (rs, cs) so that it
    /// sees its transpose: rows contiguous → no-transpose with ld = rs; columns contiguous (a
    /// transposed view) → transpose with ld = cs. Other layouts are refused (the caller copies).
    /// </summary>
    private static bool ColumnMajorOperand(int rows, int cols, long rs, long cs, out int op, out int ld)
    {
        // A dim of size 1 may carry any stride, so it never decides the layout.
        if (cs == 1 || cols == 1)
        {
            long lead = rows == 1 ? Math.Max(cols, 1) : rs;
            if (lead >= Math.Max(cols, 1) && lead <= int.MaxValue) { op = OpN; ld = (int)lead; return true; }
        }
        if (rs == 1 || rows == 1)
        {
            long lead = cols == 1 ? Math.Max(rows, 1) : cs;
            if (lead >= Math.Max(rows, 1) && lead <= int.MaxValue) { op = OpT; ld = (int)lead; return true; }
        }
        op = OpN; ld = 0;
        return false;
    }

    private static IntPtr HandleFor(CudaAccelerator cuda)
    {
        if (Handles.TryGetValue(cuda, out var h)) return h;
        IntPtr handle;
        if (_create(&handle) != 0) handle = IntPtr.Zero;
        else if (cuda.DefaultStream is CudaStream stream) _setStream(handle, stream.StreamPtr);
        Handles[cuda] = handle;
        return handle;
    }

    private static void Probe()
    {
        if (_probed) return;
        _probed = true;
        foreach (var path in Candidates())
        {
            // Checked before loading: loading runs the library's initialisers.
            if (!CuBlasSearchPath.IsSafeToLoad(path) || !NativeLibrary.TryLoad(path, out var lib)) continue;
            if (NativeLibrary.TryGetExport(lib, "cublasCreate_v2", out var create)
                && NativeLibrary.TryGetExport(lib, "cublasSetStream_v2", out var setStream)
                && NativeLibrary.TryGetExport(lib, "cublasGemmStridedBatchedEx", out var gemm))
            {
                _create = (delegate* unmanaged[Cdecl]<IntPtr*, int>)create;
                _setStream = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int>)setStream;
                _gemmStridedBatchedEx = (delegate* unmanaged[Cdecl]<IntPtr, int, int, int, int, int, void*, IntPtr, int, int, long, IntPtr, int, int, long, void*, IntPtr, int, int, long, int, int, int, int>)gemm;
                _library = lib;
                LoadedFrom = path;
                return;
            }
            NativeLibrary.Free(lib);
        }
    }

    /// <summary>Where cuBLAS may live, and which files are refused: see <see cref="CuBlasSearchPath"/>.</summary>
    private static IEnumerable<string> Candidates() =>
        CuBlasSearchPath.Candidates(Environment.GetEnvironmentVariable,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), Environment.CurrentDirectory);
}
