using System.Numerics;
using Flint.Backends;
using Flint.Cuda.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Flint.Cuda;

// Reductions, matrix products and random numbers.
internal sealed partial class CudaBackend
{
    /// <summary>Rows shorter than this reduce one thread per row; longer ones one thread group per row.</summary>
    private const int GroupRowMin = 64;

    public void Reduce(ReduceKind kind, ScalarType t, Storage block, int rows, int n, Storage values, Storage? indices)
    {
        if (rows == 0) return;
        switch (kind, t)
        {
            case (ReduceKind.Sum, ScalarType.Float32): ReduceT<float, SumReduce>(block, rows, n, values); break;
            case (ReduceKind.Sum, ScalarType.Float64): ReduceT<double, SumReduce>(block, rows, n, values); break;
            case (ReduceKind.Sum, _): ReduceT<long, SumReduce>(block, rows, n, values); break;
            case (ReduceKind.Prod, ScalarType.Float32): ReduceT<float, ProdReduce>(block, rows, n, values); break;
            case (ReduceKind.Prod, ScalarType.Float64): ReduceT<double, ProdReduce>(block, rows, n, values); break;
            case (ReduceKind.Prod, _): ReduceT<long, ProdReduce>(block, rows, n, values); break;
            case (ReduceKind.Max or ReduceKind.Min, ScalarType.Float32): ExtremeT<float>(block, rows, n, values, indices!, kind == ReduceKind.Max); break;
            case (ReduceKind.Max or ReduceKind.Min, ScalarType.Float64): ExtremeT<double>(block, rows, n, values, indices!, kind == ReduceKind.Max); break;
            case (ReduceKind.Max or ReduceKind.Min, _): ExtremeT<long>(block, rows, n, values, indices!, kind == ReduceKind.Max); break;
            // Bools are 0/1 bytes: all = product, any = maximum.
            case (ReduceKind.All, _): ReduceT<byte, ProdReduce>(block, rows, n, values); break;
            case (ReduceKind.Any, _): ReduceT<byte, MaxReduce>(block, rows, n, values); break;
        }
    }

    public void SumOuter(ScalarType t, Storage block, long offset, int outer, int inner, Storage values)
    {
        if (inner == 0) return;
        if (t == ScalarType.Float64) SumOuterT<double>(block, offset, outer, inner, values);
        else SumOuterT<float>(block, offset, outer, inner, values);
    }

    private void SumOuterT<T>(Storage block, long offset, int outer, int inner, Storage values) where T : unmanaged, INumber<T> =>
        _k.Auto<ArrayView<T>, long, int, int, ArrayView<T>, int>(ReduceKernels.SumOuter<T>)(
            inner, View<T>(block), offset, outer, inner, View<T>(values), IBackend.SumOuterGroup);

    private void ReduceT<T, TR>(Storage block, int rows, int n, Storage values) where T : unmanaged, INumber<T> where TR : IReduceOp
        => ReduceViews<T, TR>(View<T>(block), rows, n, View<T>(values));

    private void ReduceViews<T, TR>(ArrayView<T> x, int rows, int n, ArrayView<T> o) where T : unmanaged, INumber<T> where TR : IReduceOp
    {
        if (n < GroupRowMin)
        {
            _k.Auto<ArrayView<T>, ArrayView<T>, int>(ReduceKernels.RowsPerThread<T, TR>)(rows, x, o, n);
            return;
        }
        var kernel = _k.Grouped<ArrayView<T>, ArrayView<T>, int, int>(ReduceKernels.RowsPerGroup<T, TR>);
        // Fewer rows than a GPU has multiprocessors: split each long row over several groups, then reduce the partials.
        int segments = rows >= SegmentRowsMax ? 1 : (int)Math.Min(SegmentsMax, n / SegmentMinLength);
        if (segments <= 1)
        {
            kernel(new KernelConfig(rows, _group), x, o, n, 1);
            return;
        }
        using var partial = Allocator.Allocate((long)rows * segments * System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), clear: false).Lease();
        var pv = partial.Memory.Block.View<T>();
        kernel(new KernelConfig(rows * segments, _group), x, pv, n, segments);
        ReduceViews<T, TR>(pv, rows, segments, o);
    }

    private const int SegmentRowsMax = 64, SegmentsMax = 256, SegmentMinLength = 4096;

    private void ExtremeT<T>(Storage block, int rows, int n, Storage values, Storage indices, bool max) where T : unmanaged, INumber<T>
    {
        if (n < Math.Max(GroupRowMin, _group))
            _k.Auto<ArrayView<T>, ArrayView<T>, ArrayView<long>, int, int>(ReduceKernels.ExtremePerThread<T>)(
                rows, View<T>(block), View<T>(values), View<long>(indices), n, max ? 1 : 0);
        else
            _k.Grouped<ArrayView<T>, ArrayView<T>, ArrayView<long>, int, int>(ReduceKernels.ExtremePerGroup<T>)(
                new KernelConfig(rows, _group), View<T>(block), View<T>(values), View<long>(indices), n, max ? 1 : 0);
    }

    public void MatMul(ScalarType t, int batch, int m, int n, int k,
        Storage a, long aOffset, long aBatchStride, long aRs, long aCs,
        Storage b, long bOffset, long bBatchStride, long bRs, long bCs,
        Storage c)
    {
        if (batch == 0 || m == 0 || n == 0) return;
        if (k == 0)
        {
            // An empty inner dimension sums nothing: c is zero.
            Fill(t, [(long)batch * m * n], new Operand(c, 0, [1]), 0);
            return;
        }
        if (_acc is CudaAccelerator)
        {
            long es = DTypes.ElementSize(t);
            IntPtr pa = View<byte>(a).SubView(aOffset * es).LoadEffectiveAddressAsPtr();
            IntPtr pb = View<byte>(b).SubView(bOffset * es).LoadEffectiveAddressAsPtr();
            IntPtr pc = View<byte>(c).LoadEffectiveAddressAsPtr();
            if (Blas.CuBlas.TryMatMul(_acc, t, batch, m, n, k, pa, aBatchStride, aRs, aCs, pb, bBatchStride, bRs, bCs, pc)) return;
            // A layout cuBLAS cannot read (rare: both strides non-unit) falls through silently.
            if (!_warnedNoBlas && t is ScalarType.Float32 or ScalarType.Float64 && !Blas.CuBlas.IsAvailable)
            {
                _warnedNoBlas = true;
                Console.Error.WriteLine("Flint.Cuda: cuBLAS not found; using the ILGPU tiled GEMM (slower)");
            }
        }
        var g = new GemmArgs
        {
            M = m, N = n, K = k,
            AOffset = aOffset, ABatch = aBatchStride, ARs = aRs, ACs = aCs,
            BOffset = bOffset, BBatch = bBatchStride, BRs = bRs, BCs = bCs,
        };
        var launch = new GemmLaunch(this, a, b, c, g, batch);
        DTypeSwitch.Number("addmm_cuda", t, ref launch);
    }

    private readonly struct GemmLaunch(CudaBackend be, Storage a, Storage b, Storage c, GemmArgs g, int batch) : INumberKernel
    {
        public void Invoke<T>() where T : unmanaged, INumber<T> => be.GemmT<T>(a, b, c, g, batch);
    }

    private void GemmT<T>(Storage a, Storage b, Storage c, GemmArgs g, int batch) where T : unmanaged, INumber<T>
    {
        int tile = _tile;
        var kernel = _k.Grouped<ArrayView<T>, ArrayView<T>, ArrayView<T>, GemmArgs>(MatMulKernel.Gemm<T>);
        // CUDA caps grid z at 65535: larger batches go in slices.
        for (int start = 0; start < batch; start += 65535)
        {
            int count = Math.Min(65535, batch - start);
            g.BatchBase = start;
            var grid = new Index3D((g.N + tile - 1) / tile, (g.M + tile - 1) / tile, count);
            kernel(new KernelConfig(grid, new Index3D(tile, tile, 1)), View<T>(a), View<T>(b), View<T>(c), g);
        }
    }

    public void ManualSeed(ulong seed)
    {
        lock (_rngGate) { _seed = seed; _call = 0; }
    }

    public void Random(RandomKind kind, ScalarType t, Storage dst, long offset, long count, double a, double b)
    {
        if (count == 0) return;
        if (count > int.MaxValue) throw new ArgumentException($"Flint.Cuda: {count} random draws exceed one launch's 2^31 elements");
        var args = new RandomArgs { Offset = offset, Kind = (int)kind, A = a, B = b };
        // Each launch takes the next counter value, so consecutive calls draw different numbers.
        lock (_rngGate) { args.Seed = _seed; args.Call = _call++; }
        if (t == ScalarType.Float64) _k.Auto<ArrayView<double>, RandomArgs>(PhiloxKernel.Float64)((int)count, View<double>(dst), args);
        else if (t == ScalarType.Float32) _k.Auto<ArrayView<float>, RandomArgs>(PhiloxKernel.Float32)((int)count, View<float>(dst), args);
        else throw Unsupported("random", t);
    }
}
