namespace Flint.Tests.OpInfo;

/// <summary>How closely a floating result must match PyTorch's.</summary>
public enum Tolerance
{
    /// <summary>Bit-equal (NaN matches NaN): IEEE-exact ops (+ − × ÷, sqrt, rounding, casts, comparisons, copies).</summary>
    Exact,

    /// <summary>
    /// Elementwise transcendental math (exp, log, sin, tanh, pow with a float exponent, ...): PyTorch
    /// uses SLEEF vector code and .NET the C runtime's libm, both faithfully rounded, so results may
    /// differ by an ulp. float32: 1e-6 relative + 1e-7 absolute; float64: 1e-14 + 1e-15; float16:
    /// 2e-3 + 1e-4 (two ulps, since both round a float32 result); bfloat16: 1.6e-2 + 1e-3.
    /// </summary>
    Ulp,

    /// <summary>
    /// Accumulations (sum, mean, prod, var, std, norm, matrix products): summation order differs
    /// (PyTorch's pairwise/vectorised sums, Flint's blocked ones). float32: 1e-5 relative + 1e-6
    /// absolute; float64: 1e-12 + 1e-13; float16/bfloat16 as for <see cref="Ulp"/>.
    /// </summary>
    Reduction,
}

/// <summary>
/// The OpInfo-style table: every op of tests/golden/ops.json listed once, mapping the decoded
/// PyTorch arguments to the Flint call a user would write (C# <c>long</c> for Python ints,
/// <c>double</c> for Python floats, so the overloads chosen by C# are part of what is tested).
/// Generic tests (GoldenOpTests, OpInvariantTests) iterate it. The table is partial: an op family may
/// add its rows in its own file (<c>OpTable.Family.cs</c>) as another static
/// <c>Dictionary&lt;string, Entry&gt;</c> field, with its cases in <c>tests/golden/ops-family.json</c>;
/// <see cref="Ops"/> merges every such field and rejects an op listed twice.
/// </summary>
public static partial class OpTable
{
    public sealed record Entry(Func<OpArgs, object?> Run, Tolerance Tolerance = Tolerance.Exact, bool Elementwise = false, bool InPlace = false);

    private static Tensor ScalarOrTensor(OpArgs a, int i) => a.IsTensor(i) ? a.T(i) : a.IsInt(i) ? a.L(i) : a.S(i).Kind == 'b' ? a.S(i).B : a.D(i);

    // Binary arithmetic: a tensor, an int (C# long) or a float (C# double) second operand.
    private static Entry Arith(Func<Tensor, Tensor, double, Tensor> tt, Func<Tensor, long, double, Tensor> tl, Func<Tensor, double, double, Tensor> td, Tolerance tol = Tolerance.Exact, bool inPlace = false) =>
        new(a =>
        {
            double alpha = a.KwD("alpha") ?? 1;
            return a.IsTensor(1) ? tt(a.T(0), a.T(1), alpha) : a.IsInt(1) ? tl(a.T(0), a.L(1), alpha) : td(a.T(0), a.D(1), alpha);
        }, tol, Elementwise: true, InPlace: inPlace);

    private static Entry Compare(Func<Tensor, Tensor, Tensor> tt, Func<Tensor, long, Tensor> tl, Func<Tensor, double, Tensor> td) =>
        new(a => a.IsTensor(1) ? tt(a.T(0), a.T(1)) : a.IsInt(1) ? tl(a.T(0), a.L(1)) : td(a.T(0), a.D(1)), Elementwise: true);

    private static Entry Unary(Func<Tensor, Tensor> f, Tolerance tol = Tolerance.Exact) => new(a => f(a.T(0)), tol, Elementwise: true);

    private static Entry InPlaceUnary(Func<Tensor, Tensor> f) => new(a => { var t = a.T(0); f(t); return t; }, Tolerance.Ulp, Elementwise: true, InPlace: true);

    private static Entry Reduce(Func<Tensor, Tensor> all, Func<Tensor, long, bool, object> dim, Func<Tensor, long[], bool, object>? dims = null, Tolerance tol = Tolerance.Exact) =>
        new(a => a.Count == 1 ? all(a.T(0)) : a.IsInts(1) ? dims!(a.T(0), a.Ints(1), a.KeepDim) : dim(a.T(0), a.L(1), a.KeepDim), tol);

    private static object Tuple((Tensor values, Tensor indexes) t) => new[] { t.values, t.indexes };

    private static object Item(Tensor t) => t.dtype switch
    {
        ScalarType.Float32 => t.item<float>(),
        ScalarType.Float64 => t.item<double>(),
        ScalarType.Int64 => t.item<long>(),
        ScalarType.Int32 => t.item<int>(),
        ScalarType.Bool => t.item<bool>(),
        _ => throw new NotSupportedException(t.dtype.ToString()),
    };

    /// <summary>Every row: the core rows below plus every other <c>Dictionary&lt;string, Entry&gt;</c> field of this partial class.</summary>
    public static IReadOnlyDictionary<string, Entry> Ops => merged.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, Entry>> merged = new(() =>
    {
        var all = new Dictionary<string, Entry>();
        var parts = typeof(OpTable).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
            .Where(f => f.FieldType == typeof(Dictionary<string, Entry>)).OrderBy(f => f.Name, StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (name, entry) in (Dictionary<string, Entry>)part.GetValue(null)!)
                if (!all.TryAdd(name, entry)) throw new InvalidOperationException($"OpTable lists '{name}' twice (again in {part.Name}).");
        return all;
    });

    private static readonly Dictionary<string, Entry> CoreOps = new()
    {
        // binary arithmetic (alpha: a + alpha * b)
        ["add"] = Arith((x, y, al) => al == 1 ? x.add(y) : x.add(y, al), (x, y, al) => x.add(y, al), (x, y, al) => x.add(y, al)),
        ["sub"] = Arith((x, y, al) => al == 1 ? x.sub(y) : x.sub(y, al), (x, y, al) => x.sub(y, al), (x, y, al) => x.sub(y, al)),
        ["mul"] = Arith((x, y, _) => x.mul(y), (x, y, _) => x.mul(y), (x, y, _) => x.mul(y)),
        ["div"] = Arith((x, y, _) => x.div(y), (x, y, _) => x.div(y), (x, y, _) => x.div(y)),
        ["add_"] = Arith((x, y, al) => x.add_(y, al), (x, y, al) => x.add_(y, al), (x, y, al) => x.add_(y, al), inPlace: true),
        ["sub_"] = Arith((x, y, al) => x.sub_(y, al), (x, y, al) => x.sub_(y, al), (x, y, al) => x.sub_(y, al), inPlace: true),
        ["mul_"] = Arith((x, y, _) => x.mul_(y), (x, y, _) => x.mul_(y), (x, y, _) => x.mul_(y), inPlace: true),
        ["div_"] = Arith((x, y, _) => x.div_(y), (x, y, _) => x.div_(y), (x, y, _) => x.div_(y), inPlace: true),
        ["pow"] = new(a =>
            !a.IsTensor(0) ? (a.IsInt(0) ? torch.pow(a.L(0), a.T(1)) : torch.pow(a.D(0), a.T(1)))
            : a.IsTensor(1) ? a.T(0).pow(a.T(1)) : a.IsInt(1) ? a.T(0).pow(a.L(1)) : a.T(0).pow(a.D(1)), Tolerance.Ulp, Elementwise: true),

        // unary
        ["neg"] = Unary(x => x.neg()),
        ["abs"] = Unary(x => x.abs()),
        ["sqrt"] = Unary(x => x.sqrt()),
        ["rsqrt"] = Unary(x => x.rsqrt(), Tolerance.Ulp),
        ["exp"] = Unary(x => x.exp(), Tolerance.Ulp),
        ["log"] = Unary(x => x.log(), Tolerance.Ulp),
        ["log1p"] = Unary(x => x.log1p(), Tolerance.Ulp),
        ["sin"] = Unary(x => x.sin(), Tolerance.Ulp),
        ["cos"] = Unary(x => x.cos(), Tolerance.Ulp),
        ["tanh"] = Unary(x => x.tanh(), Tolerance.Ulp),
        ["sigmoid"] = Unary(x => x.sigmoid(), Tolerance.Ulp),
        ["relu"] = Unary(x => x.relu()),
        ["sign"] = Unary(x => x.sign()),
        ["floor"] = Unary(x => x.floor()),
        ["ceil"] = Unary(x => x.ceil()),
        ["round"] = Unary(x => x.round()),
        ["neg_"] = InPlaceUnary(x => x.neg_()),
        ["relu_"] = InPlaceUnary(x => x.relu_()),
        ["exp_"] = InPlaceUnary(x => x.exp_()),
        ["sqrt_"] = InPlaceUnary(x => x.sqrt_()),
        ["clamp"] = new(a => a.T(0).clamp(a.KwD("min"), a.KwD("max")), Elementwise: true),
        ["clamp_"] = new(a => a.T(0).clamp_(a.KwD("min"), a.KwD("max")), Elementwise: true, InPlace: true),
        ["maximum"] = new(a => torch.maximum(a.T(0), a.T(1)), Elementwise: true),
        ["minimum"] = new(a => torch.minimum(a.T(0), a.T(1)), Elementwise: true),
        ["where"] = new(a => torch.where(a.T(0), a.T(1), a.T(2)), Elementwise: true),

        // comparisons
        ["eq"] = Compare((x, y) => x.eq(y), (x, y) => x.eq(y), (x, y) => x.eq(y)),
        ["ne"] = Compare((x, y) => x.ne(y), (x, y) => x.ne(y), (x, y) => x.ne(y)),
        ["lt"] = Compare((x, y) => x < y, (x, y) => x < y, (x, y) => x < y),
        ["le"] = Compare((x, y) => x <= y, (x, y) => x <= y, (x, y) => x <= y),
        ["gt"] = Compare((x, y) => x > y, (x, y) => x > y, (x, y) => x > y),
        ["ge"] = Compare((x, y) => x >= y, (x, y) => x >= y, (x, y) => x >= y),

        // reductions
        ["sum"] = new(a => a.Count == 1 ? a.T(0).sum(a.DType) : a.IsInts(1) ? a.T(0).sum(a.Ints(1), a.KeepDim, a.DType) : a.T(0).sum(a.L(1), a.KeepDim, a.DType), Tolerance.Reduction),
        ["mean"] = new(a => a.Count == 1 ? a.T(0).mean(a.DType) : a.IsInts(1) ? a.T(0).mean(a.Ints(1), a.KeepDim, a.DType) : a.T(0).mean(a.L(1), a.KeepDim, a.DType), Tolerance.Reduction),
        ["prod"] = Reduce(x => x.prod(), (x, d, k) => x.prod(d, k), tol: Tolerance.Reduction),
        ["max"] = Reduce(x => x.max(), (x, d, k) => Tuple(x.max(d, k))),
        ["min"] = Reduce(x => x.min(), (x, d, k) => Tuple(x.min(d, k))),
        ["argmax"] = Reduce(x => x.argmax(), (x, d, k) => x.argmax(d, k)),
        ["argmin"] = Reduce(x => x.argmin(), (x, d, k) => x.argmin(d, k)),
        ["var"] = new(a => a.Count == 1 ? a.T(0).var(a.Unbiased) : a.IsInts(1) ? a.T(0).var(a.Ints(1), a.Unbiased, a.KeepDim) : a.T(0).var(a.L(1), a.Unbiased, a.KeepDim), Tolerance.Reduction),
        ["std"] = new(a => a.Count == 1 ? a.T(0).std(a.Unbiased) : a.IsInts(1) ? a.T(0).std(a.Ints(1), a.Unbiased, a.KeepDim) : a.T(0).std(a.L(1), a.Unbiased, a.KeepDim), Tolerance.Reduction),
        ["norm"] = new(a => a.Count == 2 ? a.T(0).norm(a.D(1)) : a.IsInts(2) ? a.T(0).norm(a.D(1), a.Ints(2), a.KeepDim) : a.T(0).norm(a.L(2), a.D(1), a.KeepDim), Tolerance.Reduction),
        ["all"] = Reduce(x => x.all(), (x, d, k) => x.all(d, k)),
        ["any"] = Reduce(x => x.any(), (x, d, k) => x.any(d, k)),
        ["item"] = new(a => Item(a.T(0))),

        // matrix products
        ["mm"] = new(a => torch.mm(a.T(0), a.T(1)), Tolerance.Reduction),
        ["bmm"] = new(a => torch.bmm(a.T(0), a.T(1)), Tolerance.Reduction),
        ["dot"] = new(a => torch.dot(a.T(0), a.T(1)), Tolerance.Reduction),
        ["mv"] = new(a => torch.mv(a.T(0), a.T(1)), Tolerance.Reduction),
        ["outer"] = new(a => torch.outer(a.T(0), a.T(1))),
        ["matmul"] = new(a => torch.matmul(a.T(0), a.T(1)), Tolerance.Reduction),

        // shapes and views
        ["view"] = new(a => a.T(0).view(a.Ints(1))),
        ["reshape"] = new(a => a.T(0).reshape(a.Ints(1))),
        ["flatten"] = new(a => a.Count switch { 1 => a.T(0).flatten(), 2 => a.T(0).flatten(a.L(1)), _ => a.T(0).flatten(a.L(1), a.L(2)) }),
        ["squeeze"] = new(a => a.Count == 1 ? a.T(0).squeeze() : a.T(0).squeeze(a.L(1))),
        ["unsqueeze"] = new(a => a.T(0).unsqueeze(a.L(1))),
        ["permute"] = new(a => a.T(0).permute(a.Ints(1))),
        ["transpose"] = new(a => a.T(0).transpose(a.L(1), a.L(2))),
        ["t"] = new(a => a.T(0).t()),
        ["T"] = new(a => a.T(0).T),
        ["expand"] = new(a => a.T(0).expand(a.Ints(1))),
        ["narrow"] = new(a => a.T(0).narrow(a.L(1), a.L(2), a.L(3))),
        ["select"] = new(a => a.T(0).select(a.L(1), a.L(2))),
        ["contiguous"] = new(a => a.T(0).contiguous()),
        ["clone"] = new(a => a.T(0).clone()),

        // indexing
        ["index"] = new(a => a.T(0)[a.Index(1)]),
        ["index_put_"] = new(a => { var t = a.T(0); t[a.Index(1)] = ScalarOrTensor(a, 2); return t; }, InPlace: true),
        ["index_select"] = new(a => a.T(0).index_select(a.L(1), a.T(2))),
        ["gather"] = new(a => a.T(0).gather(a.L(1), a.T(2))),
        ["scatter"] = new(a => a.IsTensor(3) ? a.T(0).scatter(a.L(1), a.T(2), a.T(3)) : a.T(0).scatter(a.L(1), a.T(2), a.D(3))),
        ["scatter_add"] = new(a => a.T(0).scatter_add(a.L(1), a.T(2), a.T(3))),
        ["scatter_"] = new(a => a.T(0).scatter_(a.L(1), a.T(2), a.T(3)), InPlace: true),
        ["scatter_add_"] = new(a => a.T(0).scatter_add_(a.L(1), a.T(2), a.T(3)), InPlace: true),
        ["masked_fill"] = new(a => a.T(0).masked_fill(a.T(1), a.D(2))),
        ["masked_fill_"] = new(a => a.T(0).masked_fill_(a.T(1), a.D(2)), InPlace: true),

        // joining and splitting
        ["cat"] = new(a => torch.cat(a.Ts(0), a.Count > 1 ? a.L(1) : 0)),
        ["stack"] = new(a => torch.stack(a.Ts(0), a.Count > 1 ? a.L(1) : 0)),
        ["split"] = new(a => a.IsInts(1) ? a.T(0).split(a.Ints(1), a.Count > 2 ? a.L(2) : 0) : torch.split(a.T(0), a.L(1), a.Count > 2 ? a.L(2) : 0)),
        ["chunk"] = new(a => torch.chunk(a.T(0), a.L(1), a.Count > 2 ? a.L(2) : 0)),

        // dtypes
        ["to"] = new(a => a.T(0).to(a.Dt(1))),
        ["result_type"] = new(a => torch.result_type(a.T(0), ScalarOrTensor(a, 1))),

        // creation
        ["arange"] = new(a =>
            a.Count == 1 ? (a.IsInt(0) ? torch.arange(a.L(0), dtype: a.DType) : torch.arange(a.D(0), dtype: a.DType))
            : Enumerable.Range(0, a.Count).All(a.IsInt) ? torch.arange(a.L(0), a.L(1), a.Count > 2 ? a.L(2) : 1, dtype: a.DType)
            : torch.arange(a.D(0), a.D(1), a.Count > 2 ? a.D(2) : 1, dtype: a.DType)),
        // Long float32 linspaces: PyTorch's vectorised path rounds base + i * step per 8-lane chunk, and chunk
        // starts depend on its thread count, so only short ones (scalar FMA path) are bit-reproducible.
        ["linspace"] = new(a => torch.linspace(a.D(0), a.D(1), a.L(2), dtype: a.DType), Tolerance.Ulp),
        ["eye"] = new(a => a.Count == 1 ? torch.eye(a.L(0), dtype: a.DType) : torch.eye(a.L(0), a.L(1), dtype: a.DType)),
        ["full"] = new(a => a.S(1).Kind switch
        {
            'i' => torch.full(a.Ints(0), a.L(1), a.DType),
            'b' => torch.full(a.Ints(0), a.S(1).B, a.DType),
            _ => torch.full(a.Ints(0), a.D(1), a.DType),
        }),
        ["zeros"] = new(a => torch.zeros(a.Ints(0), a.DType)),
        ["ones"] = new(a => torch.ones(a.Ints(0), a.DType)),
    };
}
