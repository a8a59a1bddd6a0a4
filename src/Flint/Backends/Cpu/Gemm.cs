using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// General matrix multiply C = (accumulate ? C : 0) + A * B over arbitrarily strided A and B (so
/// transposed views need no copy) into row-major C. Packed and cache-blocked with an AVX2/FMA
/// micro-kernel (<see cref="GemmDriver"/>), or, for skinny shapes where packing cannot be amortised,
/// unpacked (<see cref="GemmDirect"/>); both give the same bits. Large problems are split over M or
/// N (never K) across cores, so results are bit-identical whatever the thread count.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>
    /// Below this many multiply-adds (M*N*K) a call stays on the calling thread. Waking a pool worker
    /// costs from a few to tens of microseconds (more on VMs); measured on 2 Zen cores, splitting gains
    /// reliably from about 3M multiply-adds (~60 us serial, e.g. 64x100x500: 76 -> 49 us). Square 128
    /// (2.1M, ~40 us serial) still gains: median 103 -> 124-150 GFLOP/s, up to ~180 with the second
    /// core idle, and ~1% lost with it busy (chunks are claimed dynamically); below ~1.5M it is a coin flip.
    /// Tests lower it to force the parallel path.
    /// </summary>
    internal static long ParallelThreshold = 1_500_000;

    /// <summary>Upper bound on workers; tests lower it to 1 to compare serial against parallel.</summary>
    internal static int MaxThreads = Environment.ProcessorCount;

    /// <summary>Threads for a call of <paramref name="work"/> multiply-adds: each extra worker must get at least half a threshold's worth.</summary>
    internal static int ThreadCount(long work)
        => work < ParallelThreshold ? 1 : (int)Math.Clamp(work / Math.Max(1, ParallelThreshold / 2), 1, Math.Max(1, MaxThreads));

    /// <summary>
    /// C[i,j] = (accumulate ? C[i,j] : 0) + sum_k A[i,k] * B[k,j], with A[i,k] = a[i*aRowStride + k*aColStride],
    /// B[k,j] = b[k*bRowStride + j*bColStride] and C[i,j] = c[i*ldc + j].
    /// </summary>
    public static void Sgemm(int M, int N, int K, ReadOnlySpan<float> a, int aRowStride, int aColStride,
                             ReadOnlySpan<float> b, int bRowStride, int bColStride, Span<float> c, int ldc, bool accumulate)
        => Run<float, GemmMicroKernelF32>(M, N, K, a, aRowStride, aColStride, b, bRowStride, bColStride, c, ldc, accumulate);

    /// <inheritdoc cref="Sgemm"/>
    public static void Dgemm(int M, int N, int K, ReadOnlySpan<double> a, int aRowStride, int aColStride,
                             ReadOnlySpan<double> b, int bRowStride, int bColStride, Span<double> c, int ldc, bool accumulate)
        => Run<double, GemmMicroKernelF64>(M, N, K, a, aRowStride, aColStride, b, bRowStride, bColStride, c, ldc, accumulate);

    private static void Run<T, TK>(int M, int N, int K, ReadOnlySpan<T> a, int ars, int acs,
                                   ReadOnlySpan<T> b, int brs, int bcs, Span<T> c, int ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
        where TK : struct, IGemmMicroKernel<T>
    {
        Validate(M, N, K, a.Length, ars, acs, b.Length, brs, bcs, c.Length, ldc);
        if (M == 0 || N == 0)
            return;
        if (K == 0)
        {
            if (!accumulate)
                for (int i = 0; i < M; i++)
                    c.Slice(i * ldc, N).Clear();
            return;
        }

        fixed (T* pa = a, pb = b, pc = c)
        {
            int threads = ThreadCount((long)M * N * K);
            if (UseDirect<T>(M, N, K, brs, bcs))
            {
                int kcBlock = GemmDriver.KBlock(K, TK.KC);
                if (threads < 2)
                    GemmDirect.Run(M, N, K, kcBlock, pa, ars, acs, pb, brs, bcs, pc, ldc, accumulate);
                else
                    RunDirectParallel(threads, M, N, K, kcBlock, pa, ars, acs, pb, brs, bcs, pc, ldc, accumulate);
            }
            else if (threads < 2)
                GemmDriver.Run<T, TK>(M, N, K, pa, ars, acs, pb, brs, bcs, pc, ldc, accumulate);
            else
                RunParallel<T, TK>(threads, M, N, K, pa, ars, acs, pb, brs, bcs, pc, ldc, accumulate);
        }
    }

    /// <summary>
    /// Splits C into contiguous row or column strips (whole micro-tiles each) and runs the serial driver
    /// on each strip. Splitting N duplicates A packing in every strip, splitting M duplicates B packing;
    /// pick whichever has the cheaper critical path (largest strip's padded work + its packing).
    /// One strip per worker: measured faster than finer strips (which each repeat the packing of the
    /// shared operand); a worker that starts late has its strip taken over by the caller instead.
    /// </summary>
    private static void RunParallel<T, TK>(int threads, int M, int N, int K, T* a, nint ars, nint acs,
                                           T* b, nint brs, nint bcs, T* c, nint ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
        where TK : struct, IGemmMicroKernel<T>
    {
        int MR = TK.MR, NR = TK.NR;
        long tilesM = (M + MR - 1) / MR, tilesN = (N + NR - 1) / NR;
        int chunks = threads;
        long costSplitN = CeilDiv(tilesN, chunks) * NR * tilesM * MR * K + (long)M * K;
        long costSplitM = CeilDiv(tilesM, chunks) * MR * tilesN * NR * K + (long)N * K;
        bool splitN = costSplitN <= costSplitM;
        int tiles = (int)(splitN ? tilesN : tilesM);
        int unit = splitN ? NR : MR;
        int extent = splitN ? N : M;
        chunks = Math.Min(chunks, tiles);
        if (chunks < 2)
        {
            GemmDriver.Run<T, TK>(M, N, K, a, ars, acs, b, brs, bcs, c, ldc, accumulate);
            return;
        }

        // Pointers cannot be captured by a lambda; pass addresses as integers.
        nint ia = (nint)a, ib = (nint)b, ic = (nint)c;
        GemmParallel.For(chunks, threads, t =>
        {
            int start = (int)((long)tiles * t / chunks) * unit;
            int end = Math.Min(extent, (int)((long)tiles * (t + 1) / chunks) * unit);
            if (end <= start)
                return;
            if (splitN)
                GemmDriver.Run<T, TK>(M, end - start, K, (T*)ia, ars, acs, (T*)ib + start * bcs, brs, bcs,
                                      (T*)ic + start, ldc, accumulate);
            else
                GemmDriver.Run<T, TK>(end - start, N, K, (T*)ia + start * ars, ars, acs, (T*)ib, brs, bcs,
                                      (T*)ic + start * ldc, ldc, accumulate);
        });
    }

    /// <summary>
    /// Whether the unpacked path runs. It needs B rows in place (unit column stride, or N narrower than
    /// one panel, which is copied anyway) and pays off when a packed panel would be reused by few tiles.
    /// Depends on the shape only, never on threads. Tests set <see cref="ForcePath"/> to pin a path.
    /// </summary>
    private static bool UseDirect<T>(int M, int N, int K, int brs, int bcs) where T : unmanaged
    {
        if (!GemmDirect.IsSupported || (bcs != 1 && N >= GemmDirect.NR<T>()))
            return false;
        if (ForcePath != 0)
            return ForcePath > 0;
        // Measured on Zen 4 against the packed path: unpacked wins for few rows of A (64x1000x100: 152 ->
        // 130 us) or a short K (x.t() with K=64), while B rows are short. For long B rows (>= 1 KiB) the
        // unpacked panel spans many pages and L1 sets and packing wins again (128x1000x1000: -8%).
        return (M <= DirectMaxM || K <= DirectMaxK) && (long)brs * sizeof(T) <= DirectMaxRowBytes;
    }

    /// <summary>Tests only: +1 forces the unpacked path where it applies, -1 the packed path, 0 chooses by shape (per calling thread).</summary>
    [ThreadStatic] internal static int ForcePath;

    private const int DirectMaxM = 192, DirectMaxK = 96, DirectMaxRowBytes = 1024;

    /// <summary>
    /// Unpacked path over threads: nothing is packed per strip, so strips can be small, and a worker that
    /// wakes late or runs on a busy core only takes fewer of them (the caller claims the rest).
    /// </summary>
    private static void RunDirectParallel<T>(int threads, int M, int N, int K, int kcBlock, T* a, nint ars, nint acs,
                                             T* b, nint brs, nint bcs, T* c, nint ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        int nr = GemmDirect.NR<T>(), mr = GemmDirect.MR;
        int tilesM = (M + mr - 1) / mr, tilesN = (N + nr - 1) / nr;
        // Prefer column strips: the serial loop already re-reads A once per panel, so splitting N costs
        // nothing, while row strips would each re-stream every B panel.
        bool splitM = tilesN < 2 * threads && tilesM > tilesN;
        int tiles = splitM ? tilesM : tilesN, unit = splitM ? mr : nr, extent = splitM ? M : N;
        int chunks = Math.Min(tiles, threads * DirectChunksPerThread);
        nint ia = (nint)a, ib = (nint)b, ic = (nint)c;
        GemmParallel.For(chunks, threads, t =>
        {
            int start = (int)((long)tiles * t / chunks) * unit;
            int end = Math.Min(extent, (int)((long)tiles * (t + 1) / chunks) * unit);
            if (end <= start)
                return;
            if (splitM)
                GemmDirect.Run(end - start, N, K, kcBlock, (T*)ia + start * ars, ars, acs, (T*)ib, brs, bcs,
                               (T*)ic + start * ldc, ldc, accumulate);
            else
                GemmDirect.Run(M, end - start, K, kcBlock, (T*)ia, ars, acs, (T*)ib + start * bcs, brs, bcs,
                               (T*)ic + start, ldc, accumulate);
        });
    }

    /// <summary>Strips per worker on the unpacked path (capped by the panel or tile count).</summary>
    internal static int DirectChunksPerThread = 4;

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;

    private static void Validate(int M, int N, int K, int aLen, int ars, int acs, int bLen, int brs, int bcs, int cLen, int ldc)
    {
        if (M < 0) throw new ArgumentOutOfRangeException(nameof(M));
        if (N < 0) throw new ArgumentOutOfRangeException(nameof(N));
        if (K < 0) throw new ArgumentOutOfRangeException(nameof(K));
        if (ars < 0 || acs < 0) throw new ArgumentOutOfRangeException(nameof(ars), "A strides must be non-negative.");
        if (brs < 0 || bcs < 0) throw new ArgumentOutOfRangeException(nameof(brs), "B strides must be non-negative.");
        // Rows of C must not overlap, otherwise parallel strips would race.
        if (ldc < N) throw new ArgumentOutOfRangeException(nameof(ldc), "ldc must be at least N.");
        if (M > 0 && K > 0 && (long)(M - 1) * ars + (long)(K - 1) * acs >= aLen)
            throw new ArgumentException("A span is too short for the given shape and strides.", "a");
        if (K > 0 && N > 0 && (long)(K - 1) * brs + (long)(N - 1) * bcs >= bLen)
            throw new ArgumentException("B span is too short for the given shape and strides.", "b");
        if (M > 0 && N > 0 && (long)(M - 1) * ldc + N > cLen)
            throw new ArgumentException("C span is too short for the given shape and ldc.", "c");
    }
}
