using System.Numerics;
using System.Runtime.Intrinsics;

namespace Flint.Backends.Cpu;

/// <summary>
/// Strided elementwise loops. Every loop runs over a <see cref="LoopPlan"/>; dense inner runs go
/// to the op's vectorised path when it has one. All operands share <c>shape</c> (broadcast
/// operands carry stride 0).
/// </summary>
internal static class ElementwiseKernels
{
    /// <summary>
    /// Dense runs at least this long (1 MiB of float32) are split over the cores: memory-bound
    /// loops gain from a second core's bandwidth. Elementwise results do not depend on the split.
    /// </summary>
    public const int ParallelMinElements = 1 << 18;
    private const int ParallelChunk = 1 << 16;

    /// <summary>
    /// Runs body(start, count) over [0, len) on the cores in chunks of at least <see cref="ParallelChunk"/>
    /// (the last chunk takes the remainder, so no chunk is a short run); len ≥ <see cref="ParallelMinElements"/>.
    /// </summary>
    private static void ParallelChunks(int len, Action<int, int> body)
    {
        int chunks = len / ParallelChunk;
        GemmParallel.For(chunks, Environment.ProcessorCount, c =>
        {
            int start = c * ParallelChunk;
            body(start, c == chunks - 1 ? len - start : ParallelChunk);
        });
    }

    private static void DenseBinary<T, TOp>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> o)
        where T : unmanaged, INumber<T> where TOp : IBinaryOp
    {
        if (TOp.TryVectorized(a, b, o)) return;
        for (int i = 0; i < o.Length; i++) o[i] = TOp.Invoke(a[i], b[i]);
    }

    private static void DenseUnary<T, TOp>(ReadOnlySpan<T> x, Span<T> o)
        where T : unmanaged, INumber<T> where TOp : IUnaryOp
    {
        if (TOp.TryVectorized(x, o)) return;
        for (int i = 0; i < o.Length; i++) o[i] = TOp.Invoke(x[i]);
    }

    private static bool IsZero(long[] strides)
    {
        foreach (var s in strides) if (s != 0) return false;
        return true;
    }

    public static void Binary<T, TOp>(long[] shape, Operand a, Operand b, Operand o)
        where T : unmanaged, INumber<T> where TOp : IBinaryOp
    {
        T[] A = (T[])a.Data, B = (T[])b.Data, O = (T[])o.Data;
        if (Shapes.IsDense(shape, a.Strides) && Shapes.IsDense(shape, b.Strides) && Shapes.IsDense(shape, o.Strides))
        {
            // Same-shape dense operands: one flat run, no loop plan (the common case in training loops).
            int len = (int)Shapes.Numel(shape);
            int ao = (int)a.Offset, bo = (int)b.Offset, oo = (int)o.Offset;
            if (len >= ParallelMinElements)
                ParallelChunks(len, (s, n) => DenseBinary<T, TOp>(A.AsSpan(ao + s, n), B.AsSpan(bo + s, n), O.AsSpan(oo + s, n)));
            else
                DenseBinary<T, TOp>(A.AsSpan(ao, len), B.AsSpan(bo, len), O.AsSpan(oo, len));
            return;
        }
        if (IsZero(b.Strides) && Shapes.IsDense(shape, a.Strides) && Shapes.IsDense(shape, o.Strides))
        {
            // Dense tensor with a scalar (a C# number or a broadcast 0-dim tensor): one flat run, no loop plan.
            int len = (int)Shapes.Numel(shape);
            var av = A.AsSpan((int)a.Offset, len);
            var ov = O.AsSpan((int)o.Offset, len);
            T bv = B[b.Offset];
            if (!TOp.TryVectorizedScalar(av, bv, ov))
                for (int i = 0; i < len; i++) ov[i] = TOp.Invoke(av[i], bv);
            return;
        }
        var plan = new LoopPlan(shape, a.Strides, b.Strides, o.Strides);
        long n = plan.InnerSize, sa = plan.InnerStride(0), sb = plan.InnerStride(1), so = plan.InnerStride(2);
        var cur = new LoopPlan.Cursor(plan, [a.Offset, b.Offset, o.Offset]);
        while (cur.MoveNext())
        {
            long ia = cur.Offsets[0], ib = cur.Offsets[1], io = cur.Offsets[2];
            if (so == 1 && sa == 1 && sb == 1 &&
                TOp.TryVectorized<T>(A.AsSpan((int)ia, (int)n), B.AsSpan((int)ib, (int)n), O.AsSpan((int)io, (int)n)))
                continue;
            if (so == 1 && sa == 1 && sb == 0 &&
                TOp.TryVectorizedScalar(A.AsSpan((int)ia, (int)n), B[ib], O.AsSpan((int)io, (int)n)))
                continue;
            for (long i = 0; i < n; i++, ia += sa, ib += sb, io += so)
                O[io] = TOp.Invoke(A[ia], B[ib]);
        }
    }

    public static void Unary<T, TOp>(long[] shape, Operand x, Operand o)
        where T : unmanaged, INumber<T> where TOp : IUnaryOp
    {
        T[] X = (T[])x.Data, O = (T[])o.Data;
        if (Shapes.IsDense(shape, x.Strides) && Shapes.IsDense(shape, o.Strides))
        {
            int len = (int)Shapes.Numel(shape);
            int xo = (int)x.Offset, oo = (int)o.Offset;
            if (len >= ParallelMinElements)
                ParallelChunks(len, (s, n) => DenseUnary<T, TOp>(X.AsSpan(xo + s, n), O.AsSpan(oo + s, n)));
            else
                DenseUnary<T, TOp>(X.AsSpan(xo, len), O.AsSpan(oo, len));
            return;
        }
        var plan = new LoopPlan(shape, x.Strides, o.Strides);
        long n = plan.InnerSize, sx = plan.InnerStride(0), so = plan.InnerStride(1);
        var cur = new LoopPlan.Cursor(plan, [x.Offset, o.Offset]);
        while (cur.MoveNext())
        {
            long ix = cur.Offsets[0], io = cur.Offsets[1];
            if (sx == 1 && so == 1 && TOp.TryVectorized<T>(X.AsSpan((int)ix, (int)n), O.AsSpan((int)io, (int)n))) continue;
            for (long i = 0; i < n; i++, ix += sx, io += so) O[io] = TOp.Invoke(X[ix]);
        }
    }

    public static void FloatUnary<T, TOp>(long[] shape, Operand x, Operand o)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatUnaryOp
    {
        T[] X = (T[])x.Data, O = (T[])o.Data;
        int total = (int)Shapes.Numel(shape);
        if (total >= ParallelMinElements && Shapes.IsDense(shape, x.Strides) && Shapes.IsDense(shape, o.Strides)
            && TOp.TryVectorized<T>(ReadOnlySpan<T>.Empty, Span<T>.Empty))
        {
            int xo = (int)x.Offset, oo = (int)o.Offset;
            ParallelChunks(total, (s, n) => TOp.TryVectorized<T>(X.AsSpan(xo + s, n), O.AsSpan(oo + s, n)));
            return;
        }
        var plan = new LoopPlan(shape, x.Strides, o.Strides);
        long n = plan.InnerSize, sx = plan.InnerStride(0), so = plan.InnerStride(1);
        var cur = new LoopPlan.Cursor(plan, [x.Offset, o.Offset]);
        bool vectorOnly = TOp.VectorOnly && (typeof(T) == typeof(float) || typeof(T) == typeof(double));
        Span<T> buffer = vectorOnly ? new T[VectorBufferLength] : default;
        while (cur.MoveNext())
        {
            long ix = cur.Offsets[0], io = cur.Offsets[1];
            if (sx == 1 && so == 1 && (!vectorOnly || n >= MinVectorRun) &&
                TOp.TryVectorized<T>(X.AsSpan((int)ix, (int)n), O.AsSpan((int)io, (int)n))) continue;
            if (vectorOnly)
            {
                // Gather short or strided runs into a buffer padded to a full vector run, so every element
                // takes the same SIMD path whatever its layout.
                for (long done = 0; done < n; done += VectorBufferLength)
                {
                    int m = (int)Math.Min(VectorBufferLength, n - done);
                    long gx = ix + done * sx, go = io + done * so;
                    for (int i = 0; i < m; i++) buffer[i] = X[gx + i * sx];
                    int padded = Math.Max(m, MinVectorRun);
                    buffer[m..padded].Clear();
                    TOp.TryVectorized<T>(buffer[..padded], buffer[..padded]);
                    for (int i = 0; i < m; i++) O[go + i * so] = buffer[i];
                }
                continue;
            }
            for (long i = 0; i < n; i++, ix += sx, io += so) O[io] = TOp.Invoke(X[ix]);
        }
    }

    /// <summary>
    /// Shortest run handed to a <c>VectorOnly</c> op: TensorPrimitives computes runs of at least a few
    /// elements with its vector code (identical bits lane by lane) but very short ones with scalar math.
    /// </summary>
    public const int MinVectorRun = 16;
    private const int VectorBufferLength = 256;

    public static void Compare<T, TOp>(long[] shape, Operand a, Operand b, Operand o)
        where T : unmanaged, INumber<T> where TOp : ICompareOp
    {
        T[] A = (T[])a.Data, B = (T[])b.Data;
        bool[] O = (bool[])o.Data;
        var plan = new LoopPlan(shape, a.Strides, b.Strides, o.Strides);
        long n = plan.InnerSize, sa = plan.InnerStride(0), sb = plan.InnerStride(1), so = plan.InnerStride(2);
        var cur = new LoopPlan.Cursor(plan, [a.Offset, b.Offset, o.Offset]);
        while (cur.MoveNext())
        {
            long ia = cur.Offsets[0], ib = cur.Offsets[1], io = cur.Offsets[2];
            for (long i = 0; i < n; i++, ia += sa, ib += sb, io += so) O[io] = TOp.Invoke(A[ia], B[ib]);
        }
    }

    /// <summary>o = cond ? a : b.</summary>
    public static void Where<T>(long[] shape, Operand cond, Operand a, Operand b, Operand o)
    {
        bool[] C = (bool[])cond.Data;
        T[] A = (T[])a.Data, B = (T[])b.Data, O = (T[])o.Data;
        var plan = new LoopPlan(shape, cond.Strides, a.Strides, b.Strides, o.Strides);
        long n = plan.InnerSize, sc = plan.InnerStride(0), sa = plan.InnerStride(1), sb = plan.InnerStride(2), so = plan.InnerStride(3);
        var cur = new LoopPlan.Cursor(plan, [cond.Offset, a.Offset, b.Offset, o.Offset]);
        while (cur.MoveNext())
        {
            long ic = cur.Offsets[0], ia = cur.Offsets[1], ib = cur.Offsets[2], io = cur.Offsets[3];
            for (long i = 0; i < n; i++, ic += sc, ia += sa, ib += sb, io += so) O[io] = C[ic] ? A[ia] : B[ib];
        }
    }

    /// <summary>Clamps into [lo, hi]; NaN bounds are ignored by the caller; NaN inputs stay NaN.</summary>
    public static void Clamp<T>(long[] shape, Operand x, Operand o, T? lo, T? hi) where T : unmanaged, INumber<T>
    {
        T[] X = (T[])x.Data, O = (T[])o.Data;
        var plan = new LoopPlan(shape, x.Strides, o.Strides);
        long n = plan.InnerSize, sx = plan.InnerStride(0), so = plan.InnerStride(1);
        var cur = new LoopPlan.Cursor(plan, [x.Offset, o.Offset]);
        bool hasLo = lo.HasValue, hasHi = hi.HasValue;
        T l = lo.GetValueOrDefault(), h = hi.GetValueOrDefault();
        if (typeof(T) == typeof(float) && sx == 1 && so == 1)
        {
            // Max/Min propagate NaN, as clamp does; the float path is vectorised.
            while (cur.MoveNext())
            {
                var src = ((float[])(object)X).AsSpan((int)cur.Offsets[0], (int)n);
                var dst = ((float[])(object)O).AsSpan((int)cur.Offsets[1], (int)n);
                if (hasLo) { System.Numerics.Tensors.TensorPrimitives.Max(src, (float)(object)l, dst); src = dst; }
                if (hasHi) System.Numerics.Tensors.TensorPrimitives.Min(src, (float)(object)h, dst);
            }
            return;
        }
        while (cur.MoveNext())
        {
            long ix = cur.Offsets[0], io = cur.Offsets[1];
            for (long i = 0; i < n; i++, ix += sx, io += so)
            {
                T v = X[ix];
                if (!T.IsNaN(v))
                {
                    if (hasLo && v < l) v = l;
                    if (hasHi && v > h) v = h;
                }
                O[io] = v;
            }
        }
    }

    /// <summary>
    /// clamp's backward in one pass: o = g where lo &lt;= x &lt;= hi (bounds optional), else 0.
    /// Replaces building a bool mask, casting it and multiplying (three temporaries).
    /// </summary>
    public static void ClampBackward<T>(long[] shape, Operand x, Operand g, Operand o, T? lo, T? hi) where T : unmanaged, INumber<T>
    {
        T[] X = (T[])x.Data, G = (T[])g.Data, O = (T[])o.Data;
        var plan = new LoopPlan(shape, x.Strides, g.Strides, o.Strides);
        long n = plan.InnerSize, sx = plan.InnerStride(0), sg = plan.InnerStride(1), so = plan.InnerStride(2);
        var cur = new LoopPlan.Cursor(plan, [x.Offset, g.Offset, o.Offset]);
        bool hasLo = lo.HasValue, hasHi = hi.HasValue;
        T l = lo.GetValueOrDefault(), h = hi.GetValueOrDefault();
        bool dense = sx == 1 && sg == 1 && so == 1;
        while (cur.MoveNext())
        {
            long ix = cur.Offsets[0], ig = cur.Offsets[1], io = cur.Offsets[2];
            long i = 0;
            if (dense) i = ClampBackwardVectorized(X.AsSpan((int)ix, (int)n), G.AsSpan((int)ig, (int)n), O.AsSpan((int)io, (int)n), lo, hi);
            for (ix += i * sx, ig += i * sg, io += i * so; i < n; i++, ix += sx, ig += sg, io += so)
            {
                T v = X[ix];
                bool pass = (!hasLo || v >= l) && (!hasHi || v <= h);
                O[io] = pass ? G[ig] : T.Zero;
            }
        }
    }

    /// <summary>
    /// The dense part of <see cref="ClampBackward{T}"/> in 256-bit lanes: the gradient masked by the same comparisons
    /// (NaN fails both, as in the scalar loop). Returns how many leading elements it wrote.
    /// </summary>
    private static int ClampBackwardVectorized<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> o, T? lo, T? hi)
        where T : unmanaged, INumber<T>
    {
        if (!Vector256.IsHardwareAccelerated || !Vector256<T>.IsSupported) return 0;
        int width = Vector256<T>.Count, i = 0;
        var l = Vector256.Create(lo.GetValueOrDefault());
        var h = Vector256.Create(hi.GetValueOrDefault());
        for (; i <= x.Length - width; i += width)
        {
            var v = Vector256.Create(x.Slice(i, width));
            var mask = Vector256<T>.AllBitsSet;
            if (lo.HasValue) mask &= Vector256.GreaterThanOrEqual(v, l);
            if (hi.HasValue) mask &= Vector256.LessThanOrEqual(v, h);
            (Vector256.Create(g.Slice(i, width)) & mask).CopyTo(o.Slice(i, width));
        }
        return i;
    }

    /// <summary>Writes one value everywhere in a strided view.</summary>
    public static void Fill<T>(long[] shape, Operand o, T value)
    {
        T[] O = (T[])o.Data;
        var plan = new LoopPlan(shape, o.Strides);
        long n = plan.InnerSize, so = plan.InnerStride(0);
        var cur = new LoopPlan.Cursor(plan, [o.Offset]);
        while (cur.MoveNext())
        {
            long io = cur.Offsets[0];
            if (so == 1) { O.AsSpan((int)io, (int)n).Fill(value); continue; }
            for (long i = 0; i < n; i++, io += so) O[io] = value;
        }
    }

    /// <summary>Strided copy between views of the same dtype.</summary>
    public static void Copy<T>(long[] shape, Operand src, Operand dst)
    {
        T[] S = (T[])src.Data, D = (T[])dst.Data;
        var plan = new LoopPlan(shape, src.Strides, dst.Strides);
        long n = plan.InnerSize, ss = plan.InnerStride(0), sd = plan.InnerStride(1);
        var cur = new LoopPlan.Cursor(plan, [src.Offset, dst.Offset]);
        while (cur.MoveNext())
        {
            long i0 = cur.Offsets[0], i1 = cur.Offsets[1];
            if (ss == 1 && sd == 1) { S.AsSpan((int)i0, (int)n).CopyTo(D.AsSpan((int)i1, (int)n)); continue; }
            for (long i = 0; i < n; i++, i0 += ss, i1 += sd) D[i1] = S[i0];
        }
    }
}
