namespace Flint.Ops;

// torch.linalg's norms, composed of reductions (and svdvals for the spectral and nuclear norms), so their
// gradients come from those ops' formulas.
internal static partial class Linalg
{
    /// <summary>linalg.vector_norm: ord ∞, -∞, 0 (a count), or (Σ|x|^ord)^(1/ord) over <paramref name="dims"/> (all when null).</summary>
    public static Tensor VectorNorm(Tensor x, double ord, long[]? dims, bool keepdim, ScalarType? dtype = null, string op = "linalg.vector_norm")
    {
        CheckFloating(x, op, allowLowPrecision: true);
        if (dtype is { } t) x = x.to(t);
        int rank = x.Shape.Length;
        if (rank == 0) return ord == 0 ? x.ne(0.0).to(x.dtype) : x.abs();
        var all = (dims ?? Enumerable.Range(0, rank).Select(i => (long)i).ToArray())
            .Select(d => (long)Shapes.WrapDim(d, rank)).Distinct().OrderDescending().ToArray();
        if (double.IsNegativeInfinity(ord))
        {
            var r = x.abs();
            foreach (var d in all) r = r.amin(d, keepdim);
            return r;
        }
        if (ord == 0) return x.ne(0.0).to(x.dtype).sum(all, keepdim);
        if (ord < 0) return x.abs().pow(ord).sum(all, keepdim).pow(1.0 / ord);
        return x.NormImpl(ord, all, keepdim);
    }

    private static (int Row, int Col) MatrixDims(Tensor a, long[]? dims, string op)
    {
        CheckMatrix(a, op);
        var d = dims ?? [-2, -1];
        if (d.Length != 2) throw new ArgumentException($"{op}: dim must be a 2-tuple. Got {string.Join(" ", d)}");
        int r = Shapes.WrapDim(d[0], a.Shape.Length), c = Shapes.WrapDim(d[1], a.Shape.Length);
        if (r == c) throw new ArgumentException($"{op}: dims must be different. Got ({d[0]}, {d[1]})");
        return (r, c);
    }

    /// <summary>linalg.matrix_norm with ord "fro" or "nuc".</summary>
    public static Tensor MatrixNorm(Tensor a, string ord, long[]? dims, bool keepdim, string op = "linalg.matrix_norm")
    {
        CheckFloating(a, op, allowLowPrecision: true);
        var (r, c) = MatrixDims(a, dims, op);
        if (ord == "fro") return VectorNorm(a, 2, [r, c], keepdim, null, op);
        if (ord != "nuc") throw new ArgumentException($"{op}: Order {ord} not supported.");
        return Spectral(a, r, c, keepdim, s => s.sum(-1));
    }

    /// <summary>linalg.matrix_norm with a numeric ord: ±1 (column sums), ±∞ (row sums), ±2 (singular values).</summary>
    public static Tensor MatrixNorm(Tensor a, double ord, long[]? dims, bool keepdim, string op = "linalg.matrix_norm")
    {
        CheckFloating(a, op, allowLowPrecision: true);
        var (r, c) = MatrixDims(a, dims, op);
        if (ord is 2 or -2) return Spectral(a, r, c, keepdim, s => ord > 0 ? s.amax(-1) : s.amin(-1));
        if (Math.Abs(ord) is not (1 or double.PositiveInfinity))
            throw new ArgumentException($"{op}: Order {FormatOrd(ord)} not supported.");
        // ord ±1: the largest/smallest column sum of |A|; ±∞: row sum
        int sumDim = Math.Abs(ord) == 1 ? r : c, extDim = Math.Abs(ord) == 1 ? c : r;
        var sums = a.abs().sum(sumDim, keepdim: true);
        var res = ord > 0 ? sums.amax(extDim, keepdim: true) : sums.amin(extDim, keepdim: true);
        return keepdim ? res : res.squeeze(Math.Max(r, c)).squeeze(Math.Min(r, c));
    }

    private static string FormatOrd(double ord) => ord == Math.Floor(ord) && !double.IsInfinity(ord) ? ((long)ord).ToString() : ord.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A norm of the singular values of the matrices in dims (r, c): the two dims are moved last, reduced, then restored when keepdim.</summary>
    private static Tensor Spectral(Tensor a, int r, int c, bool keepdim, Func<Tensor, Tensor> reduce)
    {
        int rank = a.Shape.Length;
        var perm = Enumerable.Range(0, rank).Where(i => i != r && i != c).Select(i => (long)i).Append(r).Append(c).ToArray();
        var res = reduce(Svdvals(a.permute(perm)));
        if (keepdim)
        {
            res = res.unsqueeze(Math.Min(r, c));
            res = res.unsqueeze(Math.Max(r, c));
        }
        return res;
    }

    /// <summary>linalg.norm with a numeric ord (or none): a vector norm over one dim, a matrix norm over two; without dims a 1-D or 2-D input picks.</summary>
    public static Tensor Norm(Tensor a, double? ord, long[]? dims, bool keepdim, string op = "linalg.norm")
    {
        if (dims is not null && dims.Length is not (1 or 2))
            throw new ArgumentException($"{op}: If dim is specified, it must be of length 1 or 2. Got [{string.Join(", ", dims)}]");
        if (ord is not { } o) return VectorNorm(a, 2, dims, keepdim, null, op);
        if (dims is null)
        {
            if (a.Shape.Length is not (1 or 2))
                throw new ArgumentException($"{op}: If dim is not specified but ord is, the input must be 1D or 2D. Got {a.Shape.Length}D.");
            return a.Shape.Length == 1 ? VectorNorm(a, o, null, keepdim, null, op) : MatrixNorm(a, o, null, keepdim, op);
        }
        return dims.Length == 1 ? VectorNorm(a, o, dims, keepdim, null, op) : MatrixNorm(a, o, dims, keepdim, op);
    }

    /// <summary>linalg.norm with ord "fro" or "nuc" (a matrix norm).</summary>
    public static Tensor Norm(Tensor a, string ord, long[]? dims, bool keepdim, string op = "linalg.norm")
    {
        if (dims is null && a.Shape.Length != 2)
            throw new ArgumentException($"{op}: If dim is not specified but ord is, the input must be 2D. Got {a.Shape.Length}D.");
        if (dims is not null && dims.Length != 2)
            throw new ArgumentException($"{op}: If dim is specified, it mut be of length 2. Got [{string.Join(", ", dims)}]");
        return MatrixNorm(a, ord, dims, keepdim, op);
    }
}
