using System.Numerics;
using Flint.Backends;
using Flint.Cuda.Kernels;
using ILGPU;

namespace Flint.Cuda;

// Row sorts and scans (sort/argsort/topk, cumsum/cumprod): one thread per row.
internal sealed partial class CudaBackend
{
    public void Sort(ScalarType t, Storage block, int rows, int n, Storage values, Storage indices, bool descending)
    {
        if (rows == 0 || n == 0) return;
        switch (t)
        {
            case ScalarType.Float32: SortT<float>(block, rows, n, values, indices, descending); break;
            case ScalarType.Float64: SortT<double>(block, rows, n, values, indices, descending); break;
            case ScalarType.Int64: SortT<long>(block, rows, n, values, indices, descending); break;
            default: throw Unsupported("sort", t);
        }
    }

    private void SortT<T>(Storage block, int rows, int n, Storage values, Storage indices, bool descending) where T : unmanaged, INumber<T>
    {
        if (n <= SequenceKernels.InsertionMax)
        {
            _k.Auto<ArrayView<T>, ArrayView<T>, ArrayView<long>, int, int>(SequenceKernels.SortRows<T>)(
                rows, View<T>(block), View<T>(values), View<long>(indices), n, descending ? 1 : 0);
            return;
        }
        long count = (long)rows * n;
        using var scratchValues = Allocator.Allocate(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), clear: false).Lease();
        using var scratchIndices = Allocator.Allocate(count * sizeof(long), clear: false).Lease();
        _k.Auto<ArrayView<T>, ArrayView<T>, ArrayView<long>, ArrayView<T>, ArrayView<long>, int, int>(SequenceKernels.MergeSortRows<T>)(
            rows, View<T>(block), View<T>(values), View<long>(indices),
            scratchValues.Memory.Block.View<T>(), scratchIndices.Memory.Block.View<long>(), n, descending ? 1 : 0);
    }

    public void Scan(ScanKind kind, ScalarType t, Storage block, int rows, int n, Storage output, bool reverse)
    {
        if (rows == 0 || n == 0) return;
        switch (t)
        {
            case ScalarType.Float64: ScanT<double>(block, rows, n, output, kind, reverse); break;
            case ScalarType.Int64: ScanT<long>(block, rows, n, output, kind, reverse); break;
            default: throw Unsupported(kind == ScanKind.Sum ? "cumsum" : "cumprod", t);
        }
    }

    private void ScanT<T>(Storage block, int rows, int n, Storage output, ScanKind kind, bool reverse) where T : unmanaged, INumber<T> =>
        _k.Auto<ArrayView<T>, ArrayView<T>, int, int, int>(SequenceKernels.ScanRows<T>)(
            rows, View<T>(block), View<T>(output), n, kind == ScanKind.Prod ? 1 : 0, reverse ? 1 : 0);
}
