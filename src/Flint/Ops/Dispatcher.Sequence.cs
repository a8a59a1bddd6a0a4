using Flint.Backends;

namespace Flint.Ops;

// The row primitives of the sequence ops: sorting and inclusive scans.
internal static partial class Dispatcher
{
    /// <summary>Stable row sort of a dense [rows, n] <paramref name="block"/> into dense <paramref name="values"/> and int64 <paramref name="indices"/>.</summary>
    public static void Sort(ScalarType t, Tensor block, int rows, int n, Tensor values, Tensor indices, bool descending)
    {
        using var lease = new KernelLease(block, values, indices);
        Backend.For(block.device).Sort(t, block.Storage, rows, n, values.Storage, indices.Storage, descending);
    }

    /// <summary>Inclusive running sum or product of each row of a dense [rows, n] <paramref name="block"/> into dense <paramref name="output"/>.</summary>
    public static void Scan(ScanKind kind, ScalarType t, Tensor block, int rows, int n, Tensor output, bool reverse)
    {
        using var lease = new KernelLease(block, output);
        Backend.For(block.device).Scan(kind, t, block.Storage, rows, n, output.Storage, reverse);
    }
}
