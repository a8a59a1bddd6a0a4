using System.Text.Json;

namespace Flint.Tests.Linalg;

/// <summary>
/// tests/golden/linalg_qr.json (tools/golden/gen_linalg_qr.py, PyTorch 1.13) on any device: geqrf, ormqr and orgqr
/// against LAPACK's values, svd_lowrank and pca_lowrank with the same seed (S, U diag(S) Vᵀ, and U, V up to each
/// column's sign), and the error cases' messages. One body for the CPU suite and tests/Flint.Cuda.Tests, which links this file.
/// </summary>
public static class LinalgQrGoldenSuite
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "linalg_qr.json"))));

    private static JsonElement Cases => Doc.Value.RootElement.GetProperty("cases");
    private static JsonElement Errors => Doc.Value.RootElement.GetProperty("errors");

    /// <summary>The cases that draw no random numbers.</summary>
    public static IEnumerable<string> ExactCaseNames() => Cases.EnumerateObject().Where(p => !p.Value.TryGetProperty("seed", out _)).Select(p => p.Name);

    /// <summary>The seeded svd_lowrank/pca_lowrank cases.</summary>
    public static IEnumerable<string> LowRankCaseNames() => Cases.EnumerateObject().Where(p => p.Value.TryGetProperty("seed", out _)).Select(p => p.Name);

    public static IEnumerable<string> ErrorNames() => Errors.EnumerateObject().Select(p => p.Name);

    private static Tensor[] T(params Tensor[] t) => t;
    private static Tensor[] T((Tensor, Tensor) t) => [t.Item1, t.Item2];
    private static Tensor[] T((Tensor, Tensor, Tensor) t) => [t.Item1, t.Item2, t.Item3];

    private static Func<Tensor[], Tensor[]> Call(string name)
    {
        if (name.StartsWith("geqrf_")) return name.EndsWith("_f32") ? x => T(x[0].geqrf()) : x => T(torch.geqrf(x[0]));
        if (name.StartsWith("orgqr_")) return name.EndsWith("batched") ? x => T(x[0].orgqr(x[1])) : x => T(torch.orgqr(x[0], x[1]));
        if (name.StartsWith("ormqr_"))
        {
            bool left = !name.Contains("_right"), transpose = name.EndsWith("_T");
            return name.Contains("batched")
                ? x => T(x[0].ormqr(x[1], x[2], left, transpose))
                : x => T(torch.ormqr(x[0], x[1], x[2], left: left, transpose: transpose));
        }
        return name switch
        {
            "svd_lowrank_tall" => x => T(torch.svd_lowrank(x[0], q: 4)),
            "svd_lowrank_wide" => x => T(torch.svd_lowrank(x[0], q: 3)),
            "svd_lowrank_tall_q_eq_n" => x => T(torch.svd_lowrank(x[0], q: 4)),
            "svd_lowrank_default_q" => x => T(torch.svd_lowrank(x[0])),
            "svd_lowrank_niter0" => x => T(torch.svd_lowrank(x[0], q: 3, niter: 0)),
            "svd_lowrank_niter4" => x => T(torch.svd_lowrank(x[0], q: 4, niter: 4)),
            "svd_lowrank_batched_f32" => x => T(torch.svd_lowrank(x[0], q: 3)),
            "svd_lowrank_M_tall" => x => T(torch.svd_lowrank(x[0], q: 4, M: x[1])),
            "svd_lowrank_M_wide" => x => T(torch.svd_lowrank(x[0], 3, M: x[1])),
            "pca_lowrank_default" => x => T(torch.pca_lowrank(x[0])),
            "pca_lowrank_q3" => x => T(torch.pca_lowrank(x[0], q: 3)),
            "pca_lowrank_no_center" => x => T(torch.pca_lowrank(x[0], q: 2, center: false)),
            "pca_lowrank_batched_f32" => x => T(torch.pca_lowrank(x[0], q: 2, niter: 1)),
            _ => throw new KeyNotFoundException($"{name}: no Flint call"),
        };
    }

    private static double[] Values(Tensor t) => t.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();

    private static void Close(Tensor expected, Tensor actual, double tol, string label)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape), $"{label}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        Assert.True(expected.dtype == actual.dtype, $"{label}: dtype {actual.dtype}, expected {expected.dtype}");
        var ev = Values(expected);
        var av = Values(actual);
        double scale = Math.Max(1, ev.Select(Math.Abs).DefaultIfEmpty(0).Max());
        for (int j = 0; j < ev.Length; j++)
            Assert.True(Math.Abs(ev[j] - av[j]) <= tol * scale, $"{label}[{j}]: expected {ev[j]:R}, got {av[j]:R}");
    }

    /// <summary>Runs case <paramref name="name"/> with its inputs on <paramref name="device"/> and compares with PyTorch (seeded cases: after torch.manual_seed).</summary>
    public static void Check(string name, Device device)
    {
        var c = Cases.GetProperty(name);
        var x = c.GetProperty("inputs").EnumerateArray().Select(e => LinalgMoreGoldenSuite.Decode(e).to(device)).ToArray();
        var expected = c.GetProperty("outputs").EnumerateArray().Select(LinalgMoreGoldenSuite.Decode).ToArray();
        var call = Call(name);
        bool lowRank = c.TryGetProperty("seed", out var seed);
        if (lowRank) torch.manual_seed(seed.GetInt64());
        var actual = call(x);
        foreach (var a in actual) Assert.Equal(device, a.device);
        double tol = expected[0].dtype == ScalarType.Float32 ? (lowRank ? 1e-4 : 1e-5) : (lowRank ? 1e-9 : 1e-12);
        if (!lowRank)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++) Close(expected[i], actual[i], tol, $"{name} output {i}");
            return;
        }
        // (U, S, V) and PyTorch's U diag(S) Vᵀ: S and the product as they are, U and V up to each column's sign
        // (the small SVD inside may pick the other sign of a singular pair than LAPACK's gesdd). In float32 the vectors
        // of a singular value near the noise floor move by ~1e-4 (their conditioning is ‖A‖ / gap), hence 10× there.
        var (u, s, v) = (actual[0], actual[1], actual[2]);
        Close(expected[1], s, tol, $"{name} S");
        Close(expected[3], u.matmul(torch.diag_embed(s)).matmul(v.mT), tol, $"{name} U diag(S) Vᵀ");
        var sign = (u.cpu() * expected[0]).sum(-2, keepdim: true).sign();
        double vectorTol = expected[0].dtype == ScalarType.Float32 ? 10 * tol : tol;
        Close(expected[0], u.cpu() * sign, vectorTol, $"{name} U");
        Close(expected[2], v.cpu() * sign, vectorTol, $"{name} V");
    }

    /// <summary>Runs error case <paramref name="name"/> (CPU tensors) and checks PyTorch's message.</summary>
    public static void CheckError(string name)
    {
        var e = Errors.GetProperty(name);
        var message = e.GetProperty("message").GetString()!;
        Action call = ErrorCall(name);
        var ex = Assert.ThrowsAny<Exception>(call);
        if (e.GetProperty("type").GetString() == "NotImplementedError")
        {
            // a backward through geqrf/ormqr: PyTorch's NotImplementedError, raised from the node
            Assert.True(ex is NotSupportedException, $"{name}: {ex.GetType().Name} is not a NotSupportedException: {ex}");
            Assert.Equal(message, ex.Message);
            return;
        }
        OpInfo.GoldenAssert.PyTorchError(ex, message, name);
    }

    private static Action ErrorCall(string name)
    {
        static Tensor e(params long[] s) => torch.ones(s);
        static Tensor d(params long[] s) => torch.ones(s, ScalarType.Float64);
        static Tensor l(params long[] s) => torch.ones(s, ScalarType.Int64);
        static Tensor h(params long[] s) => torch.ones(s, ScalarType.Float16);
        static Tensor r(params long[] s) => torch.randn(s, ScalarType.Float64);
        return name switch
        {
            "geqrf_1d" => () => torch.geqrf(e(3)),
            "geqrf_long" => () => torch.geqrf(l(3, 3)),
            "geqrf_half" => () => torch.geqrf(h(3, 3)),
            "geqrf_backward" => () => torch.geqrf(e(3, 2).requires_grad_()).a.sum().backward(),
            "geqrf_tau_backward" => () => torch.geqrf(e(3, 2).requires_grad_()).tau.sum().backward(),
            "ormqr_input_1d" => () => torch.ormqr(e(3), e(3), e(3, 3)),
            "ormqr_other_1d" => () => torch.ormqr(e(3, 3), e(3), e(3)),
            "ormqr_other_rows_lt_tau" => () => torch.ormqr(e(3, 3), e(3), e(2, 3)),
            "ormqr_other_cols_lt_tau" => () => torch.ormqr(e(3, 3), e(3), e(3, 2), left: false),
            "ormqr_other_rows_ne_input" => () => torch.ormqr(e(4, 3), e(3), e(5, 2)),
            "ormqr_other_cols_ne_input" => () => torch.ormqr(e(4, 3), e(3), e(2, 3), left: false),
            "ormqr_tau_gt_input_cols" => () => torch.ormqr(e(4, 3), e(4), e(4, 2)),
            "ormqr_tau_0d" => () => torch.ormqr(e(3, 3), torch.tensor(1.0f), e(3, 3)),
            "ormqr_tau_ndim" => () => torch.ormqr(e(4, 3), e(2, 3), e(4, 2)),
            "ormqr_other_ndim" => () => torch.ormqr(e(4, 3), e(3), e(2, 4, 2)),
            "ormqr_tau_batch" => () => torch.ormqr(e(2, 4, 3), e(3, 3), e(2, 4, 2)),
            "ormqr_other_batch" => () => torch.ormqr(e(2, 4, 3), e(2, 3), e(3, 4, 2)),
            "ormqr_tau_dtype" => () => torch.ormqr(e(4, 3), d(3), e(4, 2)),
            "ormqr_other_dtype" => () => torch.ormqr(e(4, 3), e(3), d(4, 2)),
            "ormqr_long" => () => torch.ormqr(l(4, 3), l(3), l(4, 2)),
            "ormqr_half" => () => torch.ormqr(h(4, 3), h(3), h(4, 2)),
            "ormqr_backward" => () =>
            {
                var (a, tau) = torch.geqrf(r(4, 3));
                torch.ormqr(a, tau, d(4, 2).requires_grad_()).sum().backward();
            },
            "svd_lowrank_1d" => () => torch.svd_lowrank(e(5)),
            "svd_lowrank_q_too_big" => () => torch.svd_lowrank(r(5, 3), q: 4),
            "svd_lowrank_default_q_small" => () => torch.svd_lowrank(r(4, 8)),
            "pca_lowrank_q_too_big" => () => torch.pca_lowrank(r(5, 4), q: 5),
            "pca_lowrank_q_negative" => () => torch.pca_lowrank(r(5, 4), q: -1),
            "pca_lowrank_niter_negative" => () => torch.pca_lowrank(r(5, 4), niter: -1),
            "pca_lowrank_1d" => () => torch.pca_lowrank(e(5)),
            "pca_lowrank_long" => () => torch.pca_lowrank(l(5, 3), q: 2),
            _ => throw new KeyNotFoundException($"{name}: no Flint call"),
        };
    }
}
