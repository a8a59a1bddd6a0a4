using System.Numerics;
using System.Runtime.CompilerServices;

namespace Flint.Backends.Cpu;

/// <summary>
/// Fallback micro-kernel for CPUs without FMA (e.g. ARM, old x86). Same packed layout and tile shape
/// as the AVX2 kernels, so the driver and packing code are shared; accumulates in a stack tile with
/// <see cref="Vector{T}"/> when the tile width is a multiple of the vector width, else scalar.
/// </summary>
internal static unsafe class GemmMicroKernelPortable
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Run<T>(int mr, int nr, int kc, T* a, T* b, T* c, nint ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        T* acc = stackalloc T[mr * nr];
        new Span<T>(acc, mr * nr).Clear();

        if (Vector.IsHardwareAccelerated && nr % Vector<T>.Count == 0)
        {
            int w = Vector<T>.Count;
            for (int k = 0; k < kc; k++, a += mr, b += nr)
            {
                for (int i = 0; i < mr; i++)
                {
                    var av = new Vector<T>(a[i]);
                    T* row = acc + i * nr;
                    for (int j = 0; j < nr; j += w)
                        Vector.Store(Vector.Load(row + j) + av * Vector.Load(b + j), row + j);
                }
            }
        }
        else
        {
            for (int k = 0; k < kc; k++, a += mr, b += nr)
            {
                for (int i = 0; i < mr; i++)
                {
                    T ai = a[i];
                    T* row = acc + i * nr;
                    for (int j = 0; j < nr; j++)
                        row[j] += ai * b[j];
                }
            }
        }

        for (int i = 0; i < mr; i++)
        {
            T* dst = c + i * ldc;
            T* src = acc + i * nr;
            if (accumulate)
                for (int j = 0; j < nr; j++) dst[j] += src[j];
            else
                for (int j = 0; j < nr; j++) dst[j] = src[j];
        }
    }
}
