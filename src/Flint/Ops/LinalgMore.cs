namespace Flint.Ops;

/// <summary>
/// PyTorch's everyday matrix and statistics functions (issue 15), composed of existing differentiable ops so that
/// autograd and every device work unchanged: addmv/addr/addbmm, inner/kron/tensordot/vdot, dist, logdet, cov/corrcoef,
/// trapezoid, vander, aminmax, atleast_nd, tile, block_diag, diagflat, diagonal_scatter, combinations, renorm, take,
/// multi_dot, vecdot, cond, tensorinv/tensorsolve. Checks use PyTorch 1.13's words.
/// </summary>
internal static class LinalgMore
{
    private static string D(Tensor t) => DTypes.ShortName(t.dtype);

    // ---- addmv, addr, addbmm

    public static Tensor Addmv(Tensor input, Tensor mat, Tensor vec, double beta, double alpha)
    {
        if (mat.dim() != 2 || vec.dim() != 1 || input.dim() > 1)
            throw new ArgumentException($"vector + matrix @ vector expected, got {input.dim()}, {mat.dim()}, {vec.dim()}");
        if (mat.Shape[1] != vec.Shape[0] || (mat.Shape[0] != input.numel() && input.numel() != 1))
            throw new ArgumentException($"size mismatch, got {(input.dim() == 0 ? input.numel() : input.Shape[0])}, {mat.Shape[0]}x{mat.Shape[1]},{vec.Shape[0]}");
        return Combine(input, mat.mv(vec), beta, alpha);
    }

    public static Tensor Addr(Tensor input, Tensor vec1, Tensor vec2, double beta, double alpha)
    {
        if (vec1.dim() != 1) throw new ArgumentException($"addr: Expected 1-D argument vec1, but got {vec1.dim()}-D");
        if (vec2.dim() != 1) throw new ArgumentException($"addr: Expected 1-D argument vec2, but got {vec2.dim()}-D");
        var product = vec1.outer(vec2);
        return Combine(input.expand(product.Shape), product, beta, alpha);
    }

    public static Tensor Addbmm(Tensor input, Tensor batch1, Tensor batch2, double beta, double alpha)
    {
        if (batch1.dim() != 3) throw new ArgumentException("batch1 must be a 3D tensor");
        if (batch2.dim() != 3) throw new ArgumentException("batch2 must be a 3D tensor");
        if (batch1.Shape[0] != batch2.Shape[0])
            throw new ArgumentException($"batch1 and batch2 must have same number of batches, got {batch1.Shape[0]} and {batch2.Shape[0]}");
        if (batch1.Shape[2] != batch2.Shape[1])
            throw new ArgumentException($"Incompatible matrix sizes for bmm ({batch1.Shape[1]}x{batch1.Shape[2]} and {batch2.Shape[1]}x{batch2.Shape[2]})");
        var product = batch1.bmm(batch2).sum(0);
        return Combine(input.expand(product.Shape), product, beta, alpha);
    }

    /// <summary>β·input + α·product; β = 0 ignores input (NaN in it does not propagate), as PyTorch.</summary>
    private static Tensor Combine(Tensor input, Tensor product, double beta, double alpha)
    {
        var scaled = alpha == 1 ? product : product * alpha;
        if (beta == 0) return scaled;
        return (beta == 1 ? input : input * beta) + scaled;
    }

    /// <summary>The in-place form: PyTorch's "Bad in-place call" when the result's shape is not the input's.</summary>
    public static void CheckInPlaceShape(Tensor self, long[] resultShape)
    {
        if (!Shapes.SameShape(self.Shape, resultShape))
            throw new ArgumentException($"Bad in-place call: input tensor size {Shapes.Str(self.Shape)} and output tensor size {Shapes.Str(resultShape)} should match");
    }

    // ---- inner, kron, tensordot, vdot, vecdot

    public static Tensor Inner(Tensor a, Tensor b)
    {
        if (a.dim() == 0 || b.dim() == 0) return a * b;
        if (a.Shape[^1] != b.Shape[^1])
            throw new ArgumentException($"inner() the last dimension must match on both input tensors but got shapes {Shapes.Str(a.Shape)} and {Shapes.Str(b.Shape)}");
        return Tensordot(a, b, [-1], [-1]);
    }

    public static Tensor Kron(Tensor a, Tensor b)
    {
        int rank = (int)Math.Max(a.dim(), b.dim());
        var sa = Pad(a.Shape, rank);
        var sb = Pad(b.Shape, rank);
        var ea = new long[2 * rank];
        var eb = new long[2 * rank];
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            ea[2 * i] = sa[i]; ea[2 * i + 1] = 1;
            eb[2 * i] = 1; eb[2 * i + 1] = sb[i];
            result[i] = sa[i] * sb[i];
        }
        return (a.reshape(ea) * b.reshape(eb)).reshape(result);
    }

    private static long[] Pad(long[] shape, int rank) => [.. Enumerable.Repeat(1L, rank - shape.Length), .. shape];

    public static Tensor Tensordot(Tensor a, Tensor b, long dims)
    {
        if (dims < 0) throw new ArgumentException($"tensordot expects dims >= 0, but got dims={dims}");
        var da = new long[dims];
        var db = new long[dims];
        for (int i = 0; i < dims; i++) { da[i] = i - dims; db[i] = i; }
        return Tensordot(a, b, da, db);
    }

    public static Tensor Tensordot(Tensor a, Tensor b, long[] dimsA, long[] dimsB)
    {
        if (dimsA.Length != dimsB.Length) throw new ArgumentException("both dimension lists should have same length");
        int ra = (int)a.dim(), rb = (int)b.dim();
        var ca = dimsA.Select(d => Shapes.WrapDim(d, ra)).ToArray();
        var cb = dimsB.Select(d => Shapes.WrapDim(d, rb)).ToArray();
        long k = 1;
        for (int i = 0; i < ca.Length; i++)
        {
            if (a.Shape[ca[i]] != b.Shape[cb[i]])
                throw new ArgumentException($"contracted dimensions need to match, but first has size {a.Shape[ca[i]]} in dim {dimsA[i]} and second has size {b.Shape[cb[i]]} in dim {dimsB[i]}");
            k *= a.Shape[ca[i]];
        }
        var freeA = Enumerable.Range(0, ra).Where(d => !ca.Contains(d)).ToArray();
        var freeB = Enumerable.Range(0, rb).Where(d => !cb.Contains(d)).ToArray();
        long pa = freeA.Aggregate(1L, (p, d) => p * a.Shape[d]);
        long pb = freeB.Aggregate(1L, (p, d) => p * b.Shape[d]);
        var am = a.permute([.. freeA.Select(d => (long)d), .. ca.Select(d => (long)d)]).reshape(pa, k);
        var bm = b.permute([.. cb.Select(d => (long)d), .. freeB.Select(d => (long)d)]).reshape(k, pb);
        return am.mm(bm).reshape([.. freeA.Select(d => a.Shape[d]), .. freeB.Select(d => b.Shape[d])]);
    }

    public static Tensor Vdot(Tensor a, Tensor b)
    {
        if (a.dim() != 1 || b.dim() != 1)
            throw new ArgumentException($"1D tensors expected, but got {a.dim()}D and {b.dim()}D tensors");
        if (a.dtype != b.dtype)
            throw new ArgumentException($"vdot : expected both vectors to have same dtype, but found {D(a)} and {D(b)}");
        if (a.Shape[0] != b.Shape[0])
            throw new ArgumentException($"inconsistent tensor size, expected tensor [{a.Shape[0]}] and src [{b.Shape[0]}] to have the same number of elements, but got {a.Shape[0]} and {b.Shape[0]} elements respectively");
        return a.dot(b);
    }

    public static Tensor Vecdot(Tensor x, Tensor y, long dim)
    {
        if (x.dtype != y.dtype)
            throw new ArgumentException($"linalg.vecdot: Expected x and y to have the same dtype, but found x of type {D(x)} and y of type {D(y)} instead");
        return (x * y).sum(dim);
    }

    // ---- dist, logdet

    public static Tensor Dist(Tensor a, Tensor b, double p) => Linalg.VectorNorm(a - b, p, null, false, null);

    public static Tensor Logdet(Tensor a)
    {
        var (sign, log) = Linalg.Slogdet(a, "linalg.slogdet");
        var nan = torch.full(log.Shape, double.NaN, log.dtype, log.device);
        return torch.where(sign < 0.0, nan, log);
    }

    // ---- cov, corrcoef

    public static Tensor Cov(Tensor input, long correction, Tensor? fweights, Tensor? aweights)
    {
        if (input.dim() > 2)
            throw new ArgumentException($"cov(): expected input to have two or fewer dimensions but got an input with {input.dim()} dimensions");
        if (input.dtype == ScalarType.Bool) throw new ArgumentException("cov(): bool dtype is not supported for input");
        var x = input.dim() < 2 ? input.reshape(1, -1) : input;
        long nobs = x.Shape[1];
        Tensor? w = null;
        if (fweights is not null)
        {
            if (fweights.dim() > 1)
                throw new ArgumentException($"cov(): expected fweights to have one or fewer dimensions but got fweights with {fweights.dim()} dimensions");
            if (!DTypes.IsIntegral(fweights.dtype, includeBool: false))
                throw new ArgumentException($"cov(): expected fweights to have integral dtype but got fweights with {D(fweights)} dtype");
            if (fweights.numel() != nobs)
                throw new ArgumentException($"cov(): expected fweights to have the same numel as there are observations in the input but got {fweights.numel()} != {nobs}");
            if (nobs > 0 && fweights.min().lt(0.0).item<bool>()) throw new ArgumentException("cov(): fweights cannot be negative");
            w = fweights;
        }
        if (aweights is not null)
        {
            if (aweights.dim() > 1)
                throw new ArgumentException($"cov(): expected aweights to have one or fewer dimensions but got aweights with {aweights.dim()} dimensions");
            if (!aweights.IsFloating)
                throw new ArgumentException($"cov(): expected aweights to have floating point dtype but got aweights with {D(aweights)} dtype");
            if (aweights.numel() != nobs)
                throw new ArgumentException($"cov(): expected aweights to have the same numel as there are observations in the input but got {aweights.numel()} != {nobs}");
            if (nobs > 0 && aweights.min().lt(0.0).item<bool>()) throw new ArgumentException("cov(): aweights cannot be negative");
            w = w is null ? aweights : w * aweights;
        }
        Tensor avg;
        Tensor c;
        if (w is null)
        {
            avg = x.sum(1) / torch.tensor(nobs, device: x.device);
            double factor = nobs - correction;
            if (factor <= 0) factor = 0;
            var xc = x - avg.unsqueeze(1);
            c = xc.mm(xc.t()) / factor;
        }
        else
        {
            var wSum = w.sum();
            if (wSum.eq(0.0).item<bool>()) throw new ArgumentException("cov(): weights sum to zero, can't be normalized");
            avg = (x * w).sum(1) / wSum;
            Tensor factor = aweights is not null && correction != 0
                ? wSum - correction * (w * aweights).sum() / wSum
                : wSum - correction;
            if (factor.le(0.0).item<bool>()) factor = torch.zeros_like(factor);
            var xc = x - avg.unsqueeze(1);
            c = xc.mm((xc * w).t()) / factor;
        }
        return c.squeeze();
    }

    public static Tensor Corrcoef(Tensor input)
    {
        var c = Cov(input, 1, null, null);
        if (c.dim() == 0) return c / c;
        var sd = c.diagonal().sqrt();
        c = c / sd.unsqueeze(1);
        c = c / sd.unsqueeze(0);
        return c.clamp(-1.0, 1.0);
    }

    // ---- trapezoid, cumulative_trapezoid

    private static Tensor ZerosExcept(Tensor y, int dim)
    {
        var shape = y.Shape.Where((_, i) => i != dim).ToArray();
        return torch.zeros(shape, y.dtype, y.device);
    }

    public static Tensor Trapezoid(Tensor y, double dx, long dim)
    {
        int d = Shapes.WrapDim(dim, (int)y.dim());
        if (y.Shape[d] == 0) return ZerosExcept(y, d);
        return (y.sum(d) - (y.select(d, 0) + y.select(d, y.Shape[d] - 1)) * 0.5) * dx;
    }

    private static Tensor SampleSpacing(Tensor y, Tensor x, int d)
    {
        Tensor xv;
        if (x.dim() == 1)
        {
            if (x.Shape[0] != y.Shape[d]) throw new ArgumentException("trapezoid: There must be one `x` value for each sample point");
            var shape = Enumerable.Repeat(1L, (int)y.dim()).ToArray();
            shape[d] = x.Shape[0];
            xv = x.reshape(shape);
        }
        else if (x.dim() < y.dim()) xv = x.reshape(Pad(x.Shape, (int)y.dim()));
        else xv = x;
        long n = xv.Shape[d];
        return xv.narrow(d, 1, n - 1) - xv.narrow(d, 0, n - 1);
    }

    public static Tensor Trapezoid(Tensor y, Tensor x, long dim)
    {
        int d = Shapes.WrapDim(dim, (int)y.dim());
        if (y.Shape[d] == 0) return ZerosExcept(y, d);
        var dx = SampleSpacing(y, x, d);
        long n = y.Shape[d];
        return ((y.narrow(d, 0, n - 1) + y.narrow(d, 1, n - 1)) * dx).sum(d) / 2.0;
    }

    public static Tensor CumulativeTrapezoid(Tensor y, double dx, long dim)
    {
        int d = Shapes.WrapDim(dim, (int)y.dim());
        long n = y.Shape[d];
        if (n == 0) return y.narrow(d, 0, 0) * dx;
        return (dx / 2.0 * (y.narrow(d, 0, n - 1) + y.narrow(d, 1, n - 1))).cumsum(d);
    }

    public static Tensor CumulativeTrapezoid(Tensor y, Tensor x, long dim)
    {
        int d = Shapes.WrapDim(dim, (int)y.dim());
        long n = y.Shape[d];
        if (n == 0) return y.narrow(d, 0, 0) * 1.0;
        var dx = SampleSpacing(y, x, d);
        return ((y.narrow(d, 0, n - 1) + y.narrow(d, 1, n - 1)) * dx).cumsum(d) / 2.0;
    }

    // ---- vander

    public static Tensor Vander(Tensor x, long? N, bool increasing)
    {
        if (x.dim() != 1) throw new ArgumentException("x must be a one-dimensional tensor.");
        long n = N ?? x.numel();
        if (n < 0) throw new ArgumentException("N must be non-negative.");
        var dtype = torch.promote_types(x.dtype, ScalarType.Int64);
        long rows = x.Shape[0];
        Tensor result;
        if (n == 0) result = torch.zeros([rows, 0], dtype, x.device);
        else
        {
            var ones = torch.ones([rows, 1], dtype, x.device);
            result = n == 1 ? ones : torch.cat([ones, x.to(dtype).unsqueeze(1).expand(rows, n - 1).cumprod(1)], 1);
        }
        return increasing ? result : result.flip(1);
    }

    public static Tensor LinalgVander(Tensor x, long? N)
    {
        if (!(x.dtype is ScalarType.Float32 or ScalarType.Float64 || DTypes.IsIntegral(x.dtype, includeBool: false)))
            throw new ArgumentException($"linalg.vander supports floating point, complex, and integer tensors, but got {D(x)}");
        var xv = x.dim() == 0 ? x.unsqueeze(-1) : x;
        long n = N ?? xv.Shape[^1];
        if (n <= 1) throw new ArgumentException("N must be greater than 1.");
        long[] shape = [.. xv.Shape, n - 1];
        var powers = xv.unsqueeze(-1).expand(shape).cumprod(-1);
        shape[^1] = 1;
        return torch.cat([torch.ones(shape, powers.dtype, powers.device), powers], -1);
    }

    // ---- aminmax

    public static (Tensor min, Tensor max) Aminmax(Tensor x, long? dim, bool keepdim)
    {
        if (dim is null)
        {
            if (x.numel() == 0)
                throw new ArgumentException("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.");
            Tensor lo = x.min(), hi = x.max();
            if (keepdim)
            {
                var ones = Enumerable.Repeat(1L, (int)x.dim()).ToArray();
                lo = lo.reshape(ones);
                hi = hi.reshape(ones);
            }
            return (lo, hi);
        }
        int d = Shapes.WrapDim(dim.Value, Math.Max((int)x.dim(), 1));
        if (x.dim() > 0 && x.Shape[d] == 0)
            throw new IndexOutOfRangeException($"aminmax: Expected reduction dim {d} to have non-zero size.");
        if (x.dim() == 0) return (x.clone(), x.clone());
        return (x.amin(d, keepdim), x.amax(d, keepdim));
    }

    // ---- atleast_nd, tile

    public static Tensor Atleast(Tensor x, int n) => (x.dim(), n) switch
    {
        (0, 1) => x.reshape(1),
        (0, 2) => x.reshape(1, 1),
        (0, 3) => x.reshape(1, 1, 1),
        (1, 2) => x.unsqueeze(0),
        (1, 3) => x.unsqueeze(0).unsqueeze(-1),
        (2, 3) => x.unsqueeze(-1),
        _ => x,
    };

    public static Tensor Tile(Tensor x, long[] dims)
    {
        var reps = dims.Length < x.dim() ? Pad(dims, (int)x.dim()) : dims;
        return x.repeat(reps);
    }

    // ---- adjoint, mH, H

    public static Tensor Adjoint(Tensor x, string what)
    {
        if (x.dim() < 2)
            throw new ArgumentException($"tensor.{what} is only supported on matrices or batches of matrices. Got {x.dim()}-D tensor.");
        return x.transpose(-2, -1);
    }

    public static Tensor H(Tensor x)
    {
        long nd = x.dim();
        if (nd != 2 && nd != 0)
            throw new ArgumentException($"tensor.H is only supported on matrices (2-D tensors). Got {nd}-D tensor.{(nd > 2 ? " For batches of matrices, consider using tensor.mH" : "")}");
        return nd == 0 ? x : x.transpose(0, 1);
    }

    // ---- block_diag, diagflat, diagonal_scatter

    public static Tensor BlockDiag(Tensor[] tensors)
    {
        if (tensors.Length == 0) return torch.empty([1, 0]);
        var dtype = tensors.Select(t => t.dtype).Aggregate(torch.promote_types);
        var device = tensors[0].device;
        var mats = new Tensor[tensors.Length];
        for (int i = 0; i < tensors.Length; i++)
        {
            var t = tensors[i];
            if (t.dim() > 2)
                throw new ArgumentException($"torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {i} has {t.dim()} dimensions");
            if (!t.device.Equals(device))
                throw new ArgumentException($"torch.block_diag: input tensors must all be on the same device. Input 0 is on device {device} and input {i} is on device {t.device}.");
            mats[i] = (t.dim() == 0 ? t.reshape(1, 1) : t.dim() == 1 ? t.unsqueeze(0) : t).to(dtype);
        }
        long cols = mats.Sum(m => m.Shape[1]);
        long left = 0;
        var rows = new List<Tensor>();
        foreach (var m in mats)
        {
            long r = m.Shape[0], c = m.Shape[1];
            rows.Add(torch.cat([torch.zeros([r, left], dtype, device), m, torch.zeros([r, cols - left - c], dtype, device)], 1));
            left += c;
        }
        return torch.cat(rows, 0);
    }

    public static Tensor Diagflat(Tensor x, long offset) => x.flatten().diag(offset);

    public static Tensor DiagonalScatter(Tensor self, Tensor src, long offset, long dim1, long dim2)
    {
        Tensor r, keep;
        using (torch.no_grad())
        {
            r = self.clone();
            var view = r.diagonal(offset, dim1, dim2);
            if (!Shapes.SameShape(src.Shape, view.Shape))
                throw new ArgumentException($"expected src to have a size equal to the slice of self. src size = {Shapes.Str(src.Shape)}, slice size = {Shapes.Str(view.Shape)}");
            view.copy_(src);
            keep = torch.ones_like(self);
            keep.diagonal(offset, dim1, dim2).fill_(0);
        }
        // one node: the diagonal's gradient to src, the rest to self
        return Recorder.Record(r, "DiagonalScatterBackward0", [self, src], [keep], (g, s) => [g * s[0], g.diagonal(offset, dim1, dim2)]);
    }

    // ---- combinations, take, renorm

    public static Tensor Combinations(Tensor x, long r, bool withReplacement)
    {
        if (x.dim() != 1) throw new ArgumentException($"Expect a 1D vector, but got shape {Shapes.Str(x.Shape)}");
        if (r < 0) throw new ArgumentException($"Expect a non-negative number, but got {r}");
        if (r == 0) return torch.empty([0], x.dtype, x.device);
        int n = (int)x.Shape[0];
        var idx = new List<long>();
        var cur = new int[r];
        void Walk(int pos, int start)
        {
            if (pos == r) { foreach (var c in cur) idx.Add(c); return; }
            for (int i = start; i < n; i++)
            {
                cur[pos] = i;
                Walk(pos + 1, withReplacement ? i : i + 1);
            }
        }
        Walk(0, 0);
        long count = idx.Count / r;
        var index = torch.tensor(idx.ToArray(), device: x.device);
        return x.index_select(0, index).reshape(count, r);
    }

    public static Tensor Take(Tensor x, Tensor index)
    {
        if (index.dtype != ScalarType.Int64)
            throw new ArgumentException($"take(): Expected a long tensor for index, but got {D(index)}");
        var values = Dispatcher.ReadIndices(index);
        long n = x.numel();
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v < -n || v >= n)
                throw new IndexOutOfRangeException($"out of range: tried to access index {v} on a tensor of {n} elements.");
            if (v < 0) values[i] = v + n;
        }
        var flat = torch.tensor(values, device: x.device);
        return x.reshape(-1).index_select(0, flat).reshape(index.Shape);
    }

    public static Tensor Renorm(Tensor x, double p, long dim, double maxnorm)
    {
        if (p <= 0) throw new ArgumentException("renorm: non-positive-norm not supported");
        if (maxnorm < 0) throw new ArgumentException($"renorm: expected maxnorm to be >= 0 but got {maxnorm}");
        int d = Shapes.WrapDim(dim, (int)x.dim());
        var reduce = Enumerable.Range(0, (int)x.dim()).Where(i => i != d).Select(i => (long)i).ToArray();
        var norm = Linalg.VectorNorm(x, p, reduce, true, null);
        var factor = torch.where(norm > maxnorm, maxnorm / (norm + 1e-7), torch.ones_like(norm));
        return x * factor;
    }

    // ---- broadcast_shapes

    public static long[] BroadcastShapes(long[][] shapes)
    {
        int rank = shapes.Length == 0 ? 0 : shapes.Max(s => s.Length);
        var r = Enumerable.Repeat(1L, rank).ToArray();
        foreach (var s in shapes)
            for (int i = 0; i < s.Length; i++)
            {
                int j = rank - s.Length + i;
                if (s[i] == 1) continue;
                if (r[j] == 1) r[j] = s[i];
                else if (r[j] != s[i]) throw new ArgumentException("Shape mismatch: objects cannot be broadcast to a single shape");
            }
        return r;
    }

    // ---- multi_dot, chain_matmul

    public static Tensor MultiDot(IList<Tensor> tensors, string op = "multi_dot")
    {
        int n = tensors.Count;
        if (n < 2) throw new ArgumentException($"{op}(): expected at least 2 tensors but got {n}");
        var t = tensors.ToArray();
        for (int i = 0; i < n; i++)
        {
            long nd = t[i].dim();
            if (i == 0 && nd is not (1 or 2)) throw new ArgumentException($"{op}(): the first tensor must be 1D or 2D but got {nd}D");
            if (i == n - 1 && nd is not (1 or 2)) throw new ArgumentException($"{op}(): the last tensor must be 1D or 2D but got {nd}D");
            if (i > 0 && i < n - 1 && nd != 2) throw new ArgumentException($"{op}(): tensor {i} must be 2D but got {nd}D");
            if (t[i].dtype != t[0].dtype)
                throw new ArgumentException($"{op}(): all tensors must have be the same dtype but tensor 0 is {D(t[0])} and tensor {i} is {D(t[i])}");
        }
        bool firstVec = t[0].dim() == 1, lastVec = t[n - 1].dim() == 1;
        if (firstVec) t[0] = t[0].unsqueeze(0);
        if (lastVec) t[n - 1] = t[n - 1].unsqueeze(1);
        for (int i = 1; i < n; i++)
            if (t[i - 1].Shape[1] != t[i].Shape[0])
                throw new ArgumentException($"{op}(): tensors {i - 1} and {i} with shapes {Shapes.Str(tensors[i - 1].Shape)} and {Shapes.Str(tensors[i].Shape)} cannot be multiplied");
        Tensor r;
        if (n == 2) r = t[0].mm(t[1]);
        else if (n == 3)
        {
            long a = t[0].Shape[0], b = t[1].Shape[0], c = t[2].Shape[0], d = t[2].Shape[1];
            long cost1 = (a * c) * (b + d), cost2 = (b * d) * (a + c);
            r = cost1 > cost2 ? t[0].mm(t[1].mm(t[2])) : t[0].mm(t[1]).mm(t[2]);
        }
        else r = ChainOrder(t);
        if (firstVec && lastVec) return r.reshape([]);
        if (firstVec) return r.squeeze(0);
        if (lastVec) return r.squeeze(1);
        return r;
    }

    /// <summary>The matrix chain order by dynamic programming (PyTorch's matrix_chain_order), then the products in that order.</summary>
    private static Tensor ChainOrder(Tensor[] t)
    {
        int n = t.Length;
        var p = new long[n + 1];
        for (int i = 0; i < n; i++) p[i] = t[i].Shape[0];
        p[n] = t[n - 1].Shape[1];
        var m = new long[n, n];
        var s = new int[n, n];
        for (int l = 1; l < n; l++)
            for (int i = 0; i < n - l; i++)
            {
                int j = i + l;
                m[i, j] = long.MaxValue;
                for (int k = i; k < j; k++)
                {
                    long q = m[i, k] + m[k + 1, j] + p[i] * p[k + 1] * p[j + 1];
                    if (q < m[i, j]) { m[i, j] = q; s[i, j] = k; }
                }
            }
        Tensor Multiply(int i, int j) => i == j ? t[i] : Multiply(i, s[i, j]).mm(Multiply(s[i, j] + 1, j));
        return Multiply(0, n - 1);
    }

    public static Tensor ChainMatmul(Tensor[] matrices)
    {
        if (matrices.Length == 0) throw new ArgumentException("chain_matmul(): Expected one or more matrices");
        for (int i = 0; i < matrices.Length; i++)
            if (matrices[i].dim() != 2)
                throw new ArgumentException($"Tensor dimension is {matrices[i].dim()}, expected 2 dimensions for argument {i + 1} of chain_matmul");
        if (matrices.Length == 1) return matrices[0].clone();
        return MultiDot(matrices, "multi_dot");
    }

    // ---- cond, tensorinv, tensorsolve

    public static Tensor Cond(Tensor a, object? p)
    {
        const string op = "linalg.cond";
        Linalg.CheckMatrix(a, op);
        Linalg.CheckFloating(a, op);
        if (p is null or 2.0 or -2.0)
        {
            var sv = Linalg.Svdvals(a);
            long k = sv.Shape[^1];
            var big = sv.narrow(-1, 0, 1).squeeze(-1);
            var small = sv.narrow(-1, k - 1, 1).squeeze(-1);
            return p is -2.0 ? small / big : big / small;
        }
        string name = p is string s ? s : FormatOrd((double)p);
        if (p is string ps ? ps is not ("fro" or "nuc") : (double)p is not (1.0 or -1.0 or double.PositiveInfinity or double.NegativeInfinity))
            throw new ArgumentException($"linalg.cond got an invalid norm type: {name}");
        Linalg.CheckSquare(a, $"linalg.cond(ord={name})");
        var (inv, info) = InvEx(a);
        Tensor Norm(Tensor m) => p is string so ? Linalg.MatrixNorm(m, so, null, false) : Linalg.MatrixNorm(m, (double)p, null, false);
        var r = Norm(a) * Norm(inv);
        var singular = info.gt(0.0);
        return torch.where(singular, torch.full(r.Shape, double.PositiveInfinity, r.dtype, r.device), r);
    }

    private static string FormatOrd(double v) => double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>linalg.inv_ex: the inverse and LAPACK's info per matrix (int32), no error for a singular one.</summary>
    public static (Tensor Inverse, Tensor Info) InvEx(Tensor a, bool checkErrors = false, string op = "linalg.inv_ex")
    {
        Linalg.CheckSquare(a, op);
        Linalg.CheckFloating(a, op, kernel: "lu_cpu");
        var (lu, piv, info) = Dispatcher.LuFactor(a);
        if (checkErrors) Linalg.CheckInfo(info, a.Shape[..^2], op, k => $"The diagonal element {k} is zero, the inversion could not be completed because the input matrix is singular.");
        Tensor x;
        if (info.All(i => i == 0)) x = Linalg.Inv(a);
        else
        {
            // some matrix is singular: its inverse is not defined (PyTorch returns LAPACK's inf/nan); each invertible one is exact
            using (torch.no_grad()) x = LinalgFactorizations.LuSolveFactored(lu, piv, torch.eye(a.Shape[^1], dtype: a.dtype, device: a.device).expand(a.Shape), true, false);
        }
        return (x, InfoTensor(info, a.Shape[..^2], a.device));
    }

    /// <summary>An int32 info tensor of the batch shape.</summary>
    public static Tensor InfoTensor(int[] info, long[] batchShape, Device device)
    {
        var t = torch.tensor(info, [.. batchShape], ScalarType.Int32);
        return device.type == DeviceType.CPU ? t : t.to(device);
    }

    public static Tensor Tensorinv(Tensor a, long ind)
    {
        if (ind <= 0) throw new ArgumentException($"Expected a strictly positive integer for 'ind', but got {ind}");
        var outer = a.Shape[..(int)ind];
        var inner = a.Shape[(int)ind..];
        long po = Shapes.Numel(outer), pi = Shapes.Numel(inner);
        if (po != pi)
            throw new ArgumentException($"Expected self to satisfy the requirement prod(self.shape[ind:]) == prod(self.shape[:ind]), but got {pi} != {po}");
        return Linalg.Inv(a.reshape(po, pi)).reshape([.. inner, .. outer]);
    }

    public static Tensor Tensorsolve(Tensor a, Tensor b, long[]? dims)
    {
        var am = a;
        if (dims is not null)
        {
            int r = (int)a.dim();
            var src = dims.Select(d => (long)Shapes.WrapDim(d, r)).ToArray();
            var dst = Enumerable.Range(r - dims.Length, dims.Length).Select(d => (long)d).ToArray();
            am = a.movedim(src, dst);
        }
        var resultShape = am.Shape[(int)b.dim()..];
        long pr = Shapes.Numel(resultShape);
        if (pr != b.numel())
            throw new ArgumentException($"Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == prod(self.shape[:other.ndim]), but got {pr} != {b.numel()}");
        return Linalg.Solve(am.reshape(pr, pr), b.reshape(-1)).reshape(resultShape);
    }
}
