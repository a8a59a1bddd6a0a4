using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Matrix products on strided 2-D operands into a dense row-major result. float32 and float64
/// go to the packed AVX2 <see cref="Gemm"/> (transposed operands are handled by its packing, so
/// <c>x.t().mm(g)</c> copies nothing); other types use the plain reference loop.
/// </summary>
internal static class MatMulKernels
{
    /// <summary>c[batch] = a[batch] @ b[batch] with per-batch offsets (batch strides may be 0 for broadcast).</summary>
    public static void Run(ScalarType t, int batch, int m, int n, int k,
        Array a, long aOffset, long aBatchStride, long aRs, long aCs,
        Array b, long bOffset, long bBatchStride, long bRs, long bCs,
        Array c, long cOffset)
    {
        for (int i = 0; i < batch; i++)
        {
            long ao = aOffset + i * aBatchStride, bo = bOffset + i * bBatchStride, co = cOffset + (long)i * m * n;
            switch (t)
            {
                case ScalarType.Float32:
                    Gemm.Sgemm(m, n, k, Tail<float>(a, ao), (int)aRs, (int)aCs, Tail<float>(b, bo), (int)bRs, (int)bCs, ((float[])c).AsSpan((int)co, m * n), n, false);
                    break;
                case ScalarType.Float64:
                    Gemm.Dgemm(m, n, k, Tail<double>(a, ao), (int)aRs, (int)aCs, Tail<double>(b, bo), (int)bRs, (int)bCs, ((double[])c).AsSpan((int)co, m * n), n, false);
                    break;
                case ScalarType.Int64: Reference((long[])a, ao, aRs, aCs, (long[])b, bo, bRs, bCs, (long[])c, co, m, n, k); break;
                case ScalarType.Int32: Reference((int[])a, ao, aRs, aCs, (int[])b, bo, bRs, bCs, (int[])c, co, m, n, k); break;
                case ScalarType.Int16: Reference((short[])a, ao, aRs, aCs, (short[])b, bo, bRs, bCs, (short[])c, co, m, n, k); break;
                case ScalarType.Int8: Reference((sbyte[])a, ao, aRs, aCs, (sbyte[])b, bo, bRs, bCs, (sbyte[])c, co, m, n, k); break;
                case ScalarType.Byte: Reference((byte[])a, ao, aRs, aCs, (byte[])b, bo, bRs, bCs, (byte[])c, co, m, n, k); break;
                default: throw new ArgumentException($"\"addmm_impl_cpu_\" not implemented for '{DTypes.ShortName(t)}'");
            }
        }
    }

    private static ReadOnlySpan<T> Tail<T>(Array data, long offset) => ((T[])data).AsSpan((int)offset);

    /// <summary>The living definition of a matrix product: a triple loop.</summary>
    public static void Reference<T>(T[] a, long ao, long aRs, long aCs, T[] b, long bo, long bRs, long bCs, T[] c, long co, int m, int n, int k)
        where T : INumber<T>
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T s = T.Zero;
                for (int p = 0; p < k; p++) s += a[ao + i * aRs + p * aCs] * b[bo + p * bRs + j * bCs];
                c[co + (long)i * n + j] = s;
            }
    }
}
