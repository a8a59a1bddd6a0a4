using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Single-threaded Goto/BLIS blocked GEMM loop nest: NC columns of B are packed per K block (kept in
/// L3), MC rows of A are packed per (K block, row block) (kept in L2), and the micro-kernel sweeps MR x NR
/// tiles with the current B micro-panel resident in L1. Every C element is produced by the same
/// sequence of operations (one FMA chain per K block, then one add into C) no matter how the caller
/// splits M or N, which is what makes the parallel path bit-identical to the serial one.
/// </summary>
internal static unsafe class GemmDriver
{
    public static void Run<T, TK>(int M, int N, int K, T* a, nint ars, nint acs, T* b, nint brs, nint bcs,
                                  T* c, nint ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
        where TK : struct, IGemmMicroKernel<T>
    {
        int MR = TK.MR, NR = TK.NR;

        // Even-sized blocks (e.g. K=300 -> 150+150, not 256+44) keep every kernel call long. The K
        // blocking depends only on K, so it is the same in every thread: required for determinism.
        int kcBlock = KBlock(K, TK.KC);
        int mcBlock = BalancedBlock(M, TK.MC, MR);
        int ncBlock = Math.Min(RoundUp(N, NR), TK.NC);

        T* ap = GemmScratch<T>.A(mcBlock * kcBlock + GemmPacking.PackASlack);
        T* bp = GemmScratch<T>.B(ncBlock * kcBlock);
        T* tile = stackalloc T[MR * NR];

        for (int jc = 0; jc < N; jc += ncBlock)
        {
            int nc = Math.Min(ncBlock, N - jc);
            for (int pc = 0; pc < K; pc += kcBlock)
            {
                int kc = Math.Min(kcBlock, K - pc);
                bool overwrite = pc == 0 && !accumulate;
                GemmPacking.PackB(b + pc * brs + jc * bcs, brs, bcs, kc, nc, NR, bp);

                for (int ic = 0; ic < M; ic += mcBlock)
                {
                    int mc = Math.Min(mcBlock, M - ic);
                    GemmPacking.PackA(a + ic * ars + pc * acs, ars, acs, mc, kc, MR, ap);

                    for (int jr = 0; jr < nc; jr += NR)
                    {
                        int nr = Math.Min(NR, nc - jr);
                        T* bPanel = bp + jr * kc;
                        T* cCol = c + ic * ldc + (jc + jr);
                        for (int ir = 0; ir < mc; ir += MR)
                        {
                            int mr = Math.Min(MR, mc - ir);
                            T* aPanel = ap + ir * kc;
                            T* cTile = cCol + ir * ldc;
                            if (mr == MR && nr == NR)
                            {
                                TK.Run(kc, aPanel, bPanel, cTile, ldc, !overwrite);
                            }
                            else
                            {
                                // Partial tile: compute the full padded tile off to the side, then
                                // merge only the valid part (same single add into C as a full tile).
                                TK.Run(kc, aPanel, bPanel, tile, NR, false);
                                MergeTile(tile, NR, cTile, ldc, mr, nr, overwrite);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void MergeTile<T>(T* tile, int tileLd, T* c, nint ldc, int mr, int nr, bool overwrite)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < mr; i++, c += ldc, tile += tileLd)
        {
            if (overwrite)
                for (int j = 0; j < nr; j++) c[j] = tile[j];
            else
                for (int j = 0; j < nr; j++) c[j] += tile[j];
        }
    }

    /// <summary>
    /// Depth of each K block. It must depend on K only (never on how M or N is split), and every path
    /// must use it, so a C element's arithmetic is the same whichever path or thread computes it.
    /// </summary>
    public static int KBlock(int K, int kc) => BalancedBlock(K, kc, 1);

    /// <summary>Splits <paramref name="n"/> into the fewest blocks of at most <paramref name="max"/>, equal-sized and rounded up to <paramref name="multiple"/>.</summary>
    private static int BalancedBlock(int n, int max, int multiple)
    {
        if (n <= 0) return multiple;
        int blocks = (n + max - 1) / max;
        return Math.Min(max, RoundUp((n + blocks - 1) / blocks, multiple));
    }

    private static int RoundUp(int n, int multiple) => (n + multiple - 1) / multiple * multiple;
}
