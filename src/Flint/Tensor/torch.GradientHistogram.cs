using System.Numerics;

namespace Flint;

public static partial class torch
{
    // ---- torch.gradient (PyTorch 1.13's gradient_helper / gradient_helper_float, composed of tensor ops) ----

    private static long[] GradientDims(Tensor input, long[]? dims, int spacingCount, bool spacingIsList)
    {
        long[] ds;
        if (dims is null)
        {
            if (spacingIsList && spacingCount != input.dim())
                throw new ArgumentException($"torch.gradient expected spacing to be unspecified, a scalar or a list of length equal to 'self.dim() = {input.dim()}', since dim argument was not given, but got a list of length {spacingCount}");
            ds = new long[input.Shape.Length];
            for (int i = 0; i < ds.Length; i++) ds[i] = i;
        }
        else
        {
            if (spacingIsList && spacingCount != dims.Length)
                throw new ArgumentException($"torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim arguments to have the same length, but got a spacing argument of length {spacingCount} and a dim argument of length {dims.Length}.");
            ds = dims.Select(d => (long)Shapes.WrapDim(d, input.Shape.Length)).ToArray();
            if (ds.Distinct().Count() != ds.Length) throw new ArgumentException("dim appears multiple times in the list of dims");
        }
        return ds;
    }

    private static void GradientPreCheck(Tensor input, long[] dims, int edge_order)
    {
        if (edge_order is not (1 or 2)) throw new ArgumentException("torch.gradient only supports edge_order=1 and edge_order=2.");
        foreach (var d in dims)
            if (input.Shape[d] < edge_order + 1) throw new ArgumentException("torch.gradient expected each dimension size to be at least edge_order+1");
    }

    private static Tensor Slice(Tensor t, long dim, long start, long stop)
    {
        long n = t.Shape[dim];
        if (start < 0) start += n;
        if (stop <= 0) stop += n;
        return t.narrow(dim, start, Math.Max(0, stop - start));
    }

    private static Tensor[] GradientUniform(Tensor input, double[] spacing, long[] dims, int edge_order)
    {
        var result = new Tensor[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            long d = dims[i];
            double h = spacing[i];
            long n = input.Shape[d];
            var center = (Slice(input, d, 2, n) - Slice(input, d, 0, -2)) / h;
            Tensor prepend, append;
            if (edge_order == 1)
            {
                prepend = (Slice(input, d, 1, 2) - Slice(input, d, 0, 1)) / h;
                append = (Slice(input, d, -1, n) - Slice(input, d, -2, -1)) / h;
            }
            else
            {
                prepend = (Slice(input, d, 0, 1) * -1.5 + Slice(input, d, 1, 2) * 2 - Slice(input, d, 2, 3) * 0.5) / h;
                append = (Slice(input, d, -3, -2) * 0.5 + Slice(input, d, -2, -1) * -2 + Slice(input, d, -1, n) * 1.5) / h;
            }
            result[i] = cat([prepend, center / 2, append], d);
        }
        return result;
    }

    private static Tensor[] GradientCoordinates(Tensor input, Tensor[] coordinates, long[] dims, int edge_order)
    {
        var result = new Tensor[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            long d = dims[i];
            var x = coordinates[i];
            if (x.dim() != 1 || x.Shape[0] != input.Shape[d])
                throw new ArgumentException($"torch.gradient expected each tensor to be a 1-D tensor of the same length as the input along its dimension ({input.Shape[d]}), but got one of shape {Shapes.Str(x.Shape)}");
            if (x.device != input.device)
                throw new ArgumentException($"torch.gradient expected each tensor to be on the same device, but got devices {input.device} and {x.device}!");
            var shape = Enumerable.Repeat(1L, input.Shape.Length).ToArray();
            shape[d] = -1;
            long n = input.Shape[d];
            var dx = x.narrow(0, 1, n - 1) - x.narrow(0, 0, n - 1);
            var dx1 = dx.narrow(0, 0, n - 2);
            var dx2 = dx.narrow(0, 1, n - 2);
            var a = (-dx2 / (dx1 * (dx1 + dx2))).reshape(shape);
            var b = ((dx2 - dx1) / (dx1 * dx2)).reshape(shape);
            var c = (dx1 / (dx2 * (dx1 + dx2))).reshape(shape);
            var center = a * Slice(input, d, 0, -2) + b * Slice(input, d, 1, -1) + c * Slice(input, d, 2, n);
            Tensor prepend, append;
            if (edge_order == 1)
            {
                prepend = (Slice(input, d, 1, 2) - Slice(input, d, 0, 1)) / dx.select(0, 0);
                append = (Slice(input, d, -1, n) - Slice(input, d, -2, -1)) / dx.select(0, n - 2);
            }
            else
            {
                Tensor d0 = dx.select(0, 0), d1 = dx.select(0, 1), dl = dx.select(0, n - 2), dl2 = dx.select(0, n - 3);
                var a0 = -(2.0 * d0 + d1) / (d0 * (d0 + d1));
                var b0 = (d0 + d1) / (d0 * d1);
                var c0 = -d0 / (d1 * (d0 + d1));
                prepend = a0 * Slice(input, d, 0, 1) + b0 * Slice(input, d, 1, 2) + c0 * Slice(input, d, 2, 3);
                var a1 = dl / (dl2 * (dl + dl2));
                var b1 = -(dl + dl2) / (dl * dl2);
                var c1 = (2 * dl + dl2) / (dl * (dl + dl2));
                append = a1 * Slice(input, d, -3, -2) + b1 * Slice(input, d, -2, -1) + c1 * Slice(input, d, -1, n);
            }
            result[i] = cat([prepend, center, append], d);
        }
        return result;
    }

    /// <summary>
    /// <c>torch.gradient(input, spacing, dim, edge_order)</c>: the derivative of the sampled function along each dimension (or
    /// along <paramref name="dim"/>) by second-order central differences inside and first- or second-order one-sided
    /// differences at the edges, with a uniform <paramref name="spacing"/> between samples. Differentiable.
    /// </summary>
    public static Tensor[] gradient(Tensor input, double spacing = 1, long? dim = null, int edge_order = 1) =>
        gradient(input, spacing, dim is { } d ? new[] { d } : null, edge_order);

    /// <summary><c>torch.gradient</c> along the given dimensions with one uniform spacing.</summary>
    public static Tensor[] gradient(Tensor input, double spacing, long[]? dims, int edge_order = 1)
    {
        var ds = GradientDims(input, dims, 1, spacingIsList: false);
        GradientPreCheck(input, ds, edge_order);
        return GradientUniform(input, Enumerable.Repeat(spacing, ds.Length).ToArray(), ds, edge_order);
    }

    /// <summary><c>torch.gradient(input, spacing=[h0, h1, ...])</c>: one uniform spacing per dimension (or per entry of <paramref name="dims"/>).</summary>
    public static Tensor[] gradient(Tensor input, double[] spacing, long[]? dims = null, int edge_order = 1)
    {
        var ds = GradientDims(input, dims, spacing.Length, spacingIsList: true);
        GradientPreCheck(input, ds, edge_order);
        return GradientUniform(input, spacing, ds, edge_order);
    }

    /// <summary>
    /// <c>torch.gradient(input, spacing=(x0, x1, ...))</c>: the sample coordinates along each dimension as 1-D tensors
    /// (nonuniform spacing, PyTorch's three-point formula).
    /// </summary>
    public static Tensor[] gradient(Tensor input, Tensor[] spacing, long[]? dims = null, int edge_order = 1)
    {
        var ds = GradientDims(input, dims, spacing.Length, spacingIsList: true);
        GradientPreCheck(input, ds, edge_order);
        return GradientCoordinates(input, spacing, ds, edge_order);
    }

    // ---- torch.histogram (PyTorch 1.13's histogramdd kernel, one dimension) ----

    private static void CheckHistogramInput(Tensor input, Tensor? weight)
    {
        if (input.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException($"\"histogramdd\" not implemented for '{DTypes.ShortName(input.dtype)}'");
        if (weight is not null)
        {
            if (!weight.Shape.AsSpan().SequenceEqual(input.Shape))
                throw new ArgumentException($"torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape {Shapes.Str(input.Shape)} and weight with shape {Shapes.Str(weight.Shape)}");
            if (weight.dtype != input.dtype)
                throw new ArgumentException($"torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same dtype, but got input({DTypes.Name(input.dtype)}), and weight({DTypes.Name(weight.dtype)})");
        }
    }

    private static (Tensor hist, Tensor bin_edges) HistogramCore(Tensor input, Tensor edges, bool linear, Tensor? weight, bool density)
    {
        var xs = input.detach().cpu().contiguous().reshape(-1);
        var e = edges.detach().cpu().contiguous();
        var w = weight?.detach().cpu().contiguous().reshape(-1);
        Tensor hist = input.dtype == ScalarType.Float64
            ? tensor(Accumulate(xs.data<double>(), e.data<double>(), w?.data<double>(), linear), ScalarType.Float64, CPU)
            : tensor(Accumulate(xs.data<float>(), e.data<float>(), w?.data<float>(), linear), ScalarType.Float32, CPU);
        if (density)
        {
            hist = hist / hist.sum();
            hist = hist / (e.narrow(0, 1, e.numel() - 1) - e.narrow(0, 0, e.numel() - 1));
        }
        if (input.device.type != DeviceType.CPU) hist = hist.to(input.device);
        return (hist, edges);
    }

    private static T[] Accumulate<T>(T[] xs, T[] edges, T[]? weight, bool linear) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nEdges = edges.Length;
        var hist = new T[Math.Max(nEdges - 1, 0)];
        if (nEdges < 2) return hist;
        T left = edges[0], right = edges[nEdges - 1];
        T bins = T.CreateTruncating(nEdges - 1);
        for (int i = 0; i < xs.Length; i++)
        {
            T elt = xs[i];
            if (!(elt >= left) || !(elt <= right)) continue; // outside the bins (and NaN)
            long pos;
            if (linear)
            {
                pos = long.CreateSaturating((elt - left) * bins / (right - left));
                long lo = Math.Max(0, pos - 1), hi = Math.Min(pos + 2, nEdges);
                pos = UpperBound(edges, (int)lo, (int)hi, elt) - 1;
            }
            else pos = UpperBound(edges, 0, nEdges, elt) - 1;
            if (pos == nEdges - 1) pos -= 1; // the rightmost bin includes its right edge
            hist[pos] += weight is null ? T.One : weight[i];
        }
        return hist;
    }

    private static int UpperBound<T>(T[] a, int lo, int hi, T value) where T : IFloatingPointIeee754<T>
    {
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (value < a[mid]) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>
    /// <c>torch.histogram(input, bins, range, weight, density)</c>: counts (or summed weights) of <paramref name="input"/>'s
    /// values in <paramref name="bins"/> equal-width bins over <paramref name="range"/> (the input's min and max when null;
    /// a degenerate range widens by ½ each side). The last bin includes its right edge; values outside are ignored.
    /// <paramref name="density"/> divides by the total and the bin widths. float32/float64 only, as PyTorch's CPU kernel.
    /// </summary>
    public static (Tensor hist, Tensor bin_edges) histogram(Tensor input, long bins, (double min, double max)? range = null, Tensor? weight = null, bool density = false)
    {
        CheckHistogramInput(input, weight);
        if (bins <= 0) throw new ArgumentException($"torch.histogram(): bins must be > 0, but got {bins} for dimension 0");
        double lo, hi;
        if (range is { } r) (lo, hi) = r;
        else if (input.numel() == 0) (lo, hi) = (0, 0);
        else (lo, hi) = (input.min().to(ScalarType.Float64).item<double>(), input.max().to(ScalarType.Float64).item<double>());
        if (lo > hi) throw new ArgumentException($"torch.histogramdd: min should not exceed max, but got min {Fmt(lo)} max {Fmt(hi)} for dimension 0");
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
            throw new ArgumentException($"torch.histogramdd: dimension 0's range [{Fmt(lo)}, {Fmt(hi)}] is not finite");
        if (lo == hi) { lo -= 0.5; hi += 0.5; }
        var edges = input.dtype == ScalarType.Float64
            ? tensor(LinspaceAsPyTorch(lo, hi, bins + 1), ScalarType.Float64, CPU)
            : tensor(LinspaceAsPyTorch((float)lo, (float)hi, bins + 1), ScalarType.Float32, CPU);
        if (input.device.type != DeviceType.CPU) edges = edges.to(input.device);
        return HistogramCore(input, edges, linear: true, weight, density);
    }

    /// <summary>
    /// PyTorch 1.13's CPU linspace kernel in the element type, lane for lane (AVX2: 32-byte vectors, two per step of the
    /// vectorised loop, the tail scalar): a scalar element is start + step·i in the first half and end − step·(n − 1 − i) in
    /// the second; a vector takes its base the same way from its first index and adds lane·step.
    /// </summary>
    private static unsafe T[] LinspaceAsPyTorch<T>(T start, T end, long steps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var r = new T[steps];
        if (steps == 1) { r[0] = start; return r; }
        T step = (end - start) / T.CreateTruncating(steps - 1);
        long half = steps / 2, lanes = 32 / sizeof(T), i = 0;
        T Scalar(long k) => k < half ? start + step * T.CreateTruncating(k) : end - step * T.CreateTruncating(steps - k - 1);
        for (; i + 2 * lanes <= steps; i += 2 * lanes)
            for (long v = i; v < i + 2 * lanes; v += lanes)
            {
                T b = Scalar(v);
                for (long l = 0; l < lanes; l++) r[v + l] = b + T.CreateTruncating(l) * step;
            }
        for (; i < steps; i++) r[i] = Scalar(i);
        return r;
    }

    private static string Fmt(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>torch.histogram(input, bins, weight, density)</c> with explicit, increasing bin edges (a 1-D tensor of input's dtype):
    /// each value goes to the bin whose edges enclose it (binary search), the last bin including its right edge.
    /// </summary>
    public static (Tensor hist, Tensor bin_edges) histogram(Tensor input, Tensor bins, Tensor? weight = null, bool density = false)
    {
        CheckHistogramInput(input, weight);
        if (bins.dim() != 1) throw new ArgumentException($"torch.histogramdd: bins tensor should have one dimension, but got {bins.dim()} dimensions in the bins tensor for dimension 0");
        if (bins.dtype != input.dtype)
            throw new ArgumentException($"torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input {DTypes.Name(input.dtype)} and bins for dimension 0 {DTypes.Name(bins.dtype)}");
        if (bins.numel() == 0) throw new ArgumentException("torch.histogramdd: bins tensor should have at least 1 element, but got 0 elements in the bins tensor for dimension 0");
        return HistogramCore(input, bins, linear: false, weight, density);
    }

    // ---- legacy decompositions (PyTorch 1.13's deprecated torch.qr / torch.svd / torch.symeig / torch.matrix_rank) ----

    /// <summary>
    /// <c>torch.qr(input, some)</c> (deprecated in PyTorch for <c>torch.linalg.qr</c>): the reduced factorisation when
    /// <paramref name="some"/>, else the complete one.
    /// </summary>
    public static (Tensor Q, Tensor R) qr(Tensor input, bool some = true) => linalg.qr(input, some ? "reduced" : "complete");

    /// <summary>
    /// <c>torch.svd(input, some, compute_uv)</c> (deprecated for <c>torch.linalg.svd</c>): returns U, S and V (not Vᴴ), reduced
    /// when <paramref name="some"/>. Without <paramref name="compute_uv"/>, U and V are zero matrices of shapes m×m and n×n.
    /// </summary>
    public static (Tensor U, Tensor S, Tensor V) svd(Tensor input, bool some = true, bool compute_uv = true)
    {
        if (!compute_uv)
        {
            var s = linalg.svdvals(input);
            long m = input.Shape[^2], n = input.Shape[^1];
            var batch = input.Shape[..^2];
            return (zeros([.. batch, m, m], input.dtype, input.device), s, zeros([.. batch, n, n], input.dtype, input.device));
        }
        var (u, sv, vh) = linalg.svd(input, fullMatrices: !some);
        return (u, sv, vh.mH);
    }

    /// <summary>
    /// <c>torch.symeig(input, eigenvectors, upper)</c> (deprecated for <c>torch.linalg.eigh</c>): ascending eigenvalues of the
    /// symmetric matrix read from its upper (default) or lower triangle, and the eigenvectors when asked (else an empty tensor).
    /// </summary>
    public static (Tensor eigenvalues, Tensor eigenvectors) symeig(Tensor input, bool eigenvectors = false, bool upper = true)
    {
        char uplo = upper ? 'U' : 'L';
        if (!eigenvectors) return (linalg.eigvalsh(input, uplo), empty([0], input.dtype, input.device));
        return linalg.eigh(input, uplo);
    }

    /// <summary>
    /// <c>torch.matrix_rank(input, tol, symmetric)</c> (removed from PyTorch in favour of <c>torch.linalg.matrix_rank</c>): the
    /// number of singular values (eigenvalue magnitudes when <paramref name="symmetric"/>) above <paramref name="tol"/>, or
    /// above σ_max·max(m, n)·eps when <paramref name="tol"/> is null.
    /// </summary>
    public static Tensor matrix_rank(Tensor input, float? tol = null, bool symmetric = false) =>
        tol is { } t ? linalg.matrix_rank(input, atol: t, rtol: 0.0, hermitian: symmetric) : linalg.matrix_rank(input, hermitian: symmetric);
}
