namespace Flint.Backends.Cpu;

/// <summary>
/// Iteration plan for an elementwise loop over k strided operands sharing one shape. Adjacent
/// dimensions that are contiguous for every operand are merged, so a dense tensor becomes one
/// flat loop and a transposed one two loops. The innermost dimension is run by the kernel; the
/// outer ones are walked with an odometer that updates offsets incrementally.
/// </summary>
internal sealed class LoopPlan
{
    public readonly int Operands;
    /// <summary>Sizes after merging; the last entry is the inner loop length.</summary>
    public readonly long[] Sizes;
    /// <summary>Strides[operand][dim] after merging.</summary>
    public readonly long[][] Strides;

    public LoopPlan(ReadOnlySpan<long> shape, params long[][] strides)
    {
        Operands = strides.Length;
        int rank = Math.Max(shape.Length, 1);
        // Merge into scratch on the stack, then allocate exact arrays once: a plan is built per strided kernel call.
        Span<long> sizes = rank <= 16 ? stackalloc long[16] : new long[rank];
        Span<long> merged = Operands * rank <= 64 ? stackalloc long[64] : new long[Operands * rank];
        int count = 0;
        // An empty shape runs nothing; skipping its dims also keeps the merged sizes from overflowing.
        bool empty = Shapes.Numel(shape) == 0;
        for (int d = 0; d < shape.Length && !empty; d++)
        {
            if (shape[d] == 1) continue; // size-1 dims do not move any operand
            int last = count - 1;
            bool canMerge = last >= 0;
            for (int k = 0; k < Operands && canMerge; k++)
                canMerge = merged[k * rank + last] == strides[k][d] * shape[d];
            if (canMerge)
            {
                sizes[last] = ShapeMath.Multiply(sizes[last], shape[d]);
                for (int k = 0; k < Operands; k++) merged[k * rank + last] = strides[k][d];
            }
            else
            {
                sizes[count] = shape[d];
                for (int k = 0; k < Operands; k++) merged[k * rank + count] = strides[k][d];
                count++;
            }
        }
        if (count == 0)
        {
            sizes[0] = empty ? 0 : 1;
            for (int k = 0; k < Operands; k++) merged[k * rank] = 1;
            count = 1;
        }
        Sizes = sizes[..count].ToArray();
        Strides = new long[Operands][];
        for (int k = 0; k < Operands; k++) Strides[k] = merged.Slice(k * rank, count).ToArray();
    }

    public long InnerSize => Sizes[^1];
    public long InnerStride(int operand) => Strides[operand][^1];
    public long OuterCount
    {
        get
        {
            long n = 1;
            for (int i = 0; i < Sizes.Length - 1; i++) n *= Sizes[i];
            return n;
        }
    }

    /// <summary>Walks the outer dimensions: fills Offsets (start offsets per operand) for each inner run.</summary>
    public struct Cursor
    {
        private readonly LoopPlan _plan;
        private readonly long[] _counter;
        public readonly long[] Offsets;
        private bool _started;

        public Cursor(LoopPlan plan, ReadOnlySpan<long> baseOffsets)
        {
            _plan = plan;
            _counter = new long[Math.Max(plan.Sizes.Length - 1, 0)];
            Offsets = baseOffsets.ToArray();
            _started = false;
        }

        public bool MoveNext()
        {
            if (!_started)
            {
                _started = true;
                return _plan.InnerSize > 0 && Array.IndexOf(_plan.Sizes, 0L) < 0;
            }
            for (int d = _counter.Length - 1; d >= 0; d--)
            {
                _counter[d]++;
                for (int k = 0; k < _plan.Operands; k++) Offsets[k] += _plan.Strides[k][d];
                if (_counter[d] < _plan.Sizes[d]) return true;
                for (int k = 0; k < _plan.Operands; k++) Offsets[k] -= _plan.Strides[k][d] * _plan.Sizes[d];
                _counter[d] = 0;
            }
            return false;
        }
    }
}
