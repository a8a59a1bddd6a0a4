namespace Flint.Backends.Cpu;

/// <summary>
/// A register-blocked GEMM micro-kernel plus the cache-block sizes tuned for it. Implemented by
/// structs so the generic driver is specialised (and the kernel inlined/devirtualised) per type.
/// </summary>
internal unsafe interface IGemmMicroKernel<T> where T : unmanaged
{
    /// <summary>Rows of C computed per kernel call (height of a packed A micro-panel).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of C computed per kernel call (width of a packed B micro-panel).</summary>
    static abstract int NR { get; }

    /// <summary>Depth of a K block: one packed B micro-panel (KC x NR) should stay in L1.</summary>
    static abstract int KC { get; }

    /// <summary>Rows of a packed A block (MC x KC) that should stay in L2.</summary>
    static abstract int MC { get; }

    /// <summary>Columns of a packed B block (KC x NC) that should stay in L3.</summary>
    static abstract int NC { get; }

    /// <summary>
    /// C[0..MR, 0..NR] (row-major, leading dimension ldc) = (accumulate ? C : 0) + Ap * Bp, where Ap is a
    /// packed MR x kc micro-panel (k-major: MR values per k) and Bp a packed kc x NR micro-panel.
    /// </summary>
    static abstract void Run(int kc, T* a, T* b, T* c, nint ldc, bool accumulate);
}
