namespace Flint.Cuda.Blas;
/// <summary>cuBLAS through P/Invoke (written by the lead; this placeholder reports "not loaded").</summary>
internal static class CuBlas
{
    /// <summary>True when cuBLAS was found and loaded.</summary>
    public static bool IsAvailable => false;
    /// <summary>Runs c[i] = a[i] @ b[i] through cuBLAS; false when it cannot (no library, dtype or layout unsupported).</summary>
    public static bool TryMatMul(ILGPU.Runtime.Accelerator accelerator, ScalarType t, int batch, int m, int n, int k,
        IntPtr a, long aBatchStride, long aRs, long aCs, IntPtr b, long bBatchStride, long bRs, long bCs, IntPtr c) => false;
}
