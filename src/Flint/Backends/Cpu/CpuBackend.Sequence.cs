namespace Flint.Backends.Cpu;

// Sorting and scans: the row primitives behind sort/argsort/topk and cumsum/cumprod.
internal sealed partial class CpuBackend
{
    public void Sort(ScalarType t, Storage block, int rows, int n, Storage values, Storage indices, bool descending)
    {
        switch (t)
        {
            case ScalarType.Float32: SortKernels.Sort(block.As<float>(), rows, n, values.As<float>(), indices.As<long>(), descending); break;
            case ScalarType.Float64: SortKernels.Sort(block.As<double>(), rows, n, values.As<double>(), indices.As<long>(), descending); break;
            case ScalarType.Int64: SortKernels.Sort(block.As<long>(), rows, n, values.As<long>(), indices.As<long>(), descending); break;
            default: throw DTypeSwitch.Unsupported("sort", t);
        }
    }

    public void Scan(ScanKind kind, ScalarType t, Storage block, int rows, int n, Storage output, bool reverse)
    {
        switch (t)
        {
            case ScalarType.Float64: ScanKernels.Scan(block.As<double>(), rows, n, output.As<double>(), kind, reverse); break;
            case ScalarType.Int64: ScanKernels.Scan(block.As<long>(), rows, n, output.As<long>(), kind, reverse); break;
            default: throw DTypeSwitch.Unsupported(kind == ScanKind.Sum ? "cumsum" : "cumprod", t);
        }
    }
}
