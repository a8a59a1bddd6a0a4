using System.Text.Json;
using Flint.Tests.NN;
using static Flint.torch;

namespace Flint.Tests.Linalg;

/// <summary>
/// tests/golden/linalg.json (tools/golden/gen_linalg.py, PyTorch 1.13) on any device: each case's torch.linalg call
/// against PyTorch's outputs. Decompositions whose signs are not unique (eigh, svd) are checked by their invariants
/// (reconstruction, orthonormality) and their unique parts (values, |vectors|); QR follows LAPACK's sign conventions
/// and is compared directly. One body for the CPU suite and tests/Flint.Cuda.Tests, which links this file.
/// </summary>
public static class LinalgGoldenSuite
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "linalg.json"))));

    private static JsonElement Cases => Doc.Value.RootElement.GetProperty("cases");
    private static JsonElement Errors => Doc.Value.RootElement.GetProperty("errors");

    public static IEnumerable<string> CaseNames() => Cases.EnumerateObject().Select(p => p.Name);
    public static IEnumerable<string> ErrorNames() => Errors.EnumerateObject().Select(p => p.Name);

    private static double? Num(JsonElement args, string key) => args.TryGetProperty(key, out var v) ? NNGolden.Number(v) : null;
    private static bool Flag(JsonElement args, string key) => args.TryGetProperty(key, out var v) && v.GetBoolean();
    // ±inf and nan are encoded as strings too: those are numbers, not string ords
    private static string? Str(JsonElement args, string key) =>
        args.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is not ("inf" or "-inf" or "nan") ? v.GetString() : null;
    private static long[]? Dims(JsonElement args) => args.TryGetProperty("dim", out var v)
        ? v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetInt64()).ToArray() : [v.GetInt64()]
        : null;

    /// <summary>Runs case <paramref name="name"/> on <paramref name="device"/> and compares with PyTorch.</summary>
    public static void Check(string name, Device device)
    {
        var c = Cases.GetProperty(name);
        var x = c.GetProperty("inputs").EnumerateArray().Select(e => NNGolden.Tensor(e).to(device)).ToArray();
        var outs = c.GetProperty("outputs");
        var args = c.GetProperty("args");
        bool f32 = x[0].dtype == ScalarType.Float32;
        double tol = f32 ? 2e-4 : 1e-9;
        void Close(string key, Tensor actual) => NNGolden.AssertClose(outs.GetProperty(key), actual.cpu(), tol, tol, $"{name} {key}");
        Tensor Expected(string key) => NNGolden.Tensor(outs.GetProperty(key));
        string op = c.GetProperty("op").GetString()!;
        switch (op)
        {
            case "det": Close("out", linalg.det(x[0])); break;
            case "slogdet":
                {
                    var (sign, log) = linalg.slogdet(x[0]);
                    NNGolden.AssertExact(outs.GetProperty("sign"), sign.cpu(), name + " sign");
                    Close("logabsdet", log);
                    break;
                }
            case "inv": Close("out", linalg.inv(x[0])); break;
            case "solve": Close("out", linalg.solve(x[0], x[1], left: !args.TryGetProperty("left", out var l) || l.GetBoolean())); break;
            case "vector_norm": Close("out", linalg.vector_norm(x[0], Num(args, "ord") ?? 2, Dims(args), Flag(args, "keepdim"))); break;
            case "matrix_norm":
                Close("out", Str(args, "ord") is { } so
                    ? linalg.matrix_norm(x[0], so, Dims(args), Flag(args, "keepdim"))
                    : linalg.matrix_norm(x[0], Num(args, "ord")!.Value, Dims(args), Flag(args, "keepdim")));
                break;
            case "norm":
                Close("out", Str(args, "ord") is { } sn ? linalg.norm(x[0], sn, Dims(args))
                    : Num(args, "ord") is { } o ? linalg.norm(x[0], o, Dims(args))
                    : linalg.norm(x[0], Dims(args)));
                break;
            case "cholesky": Close("out", linalg.cholesky(x[0], upper: Flag(args, "upper"))); break;
            case "qr":
                {
                    var (q, r) = linalg.qr(x[0], Str(args, "mode")!);
                    Close("R", r);
                    Close("Q", q);
                    if (Str(args, "mode") != "r") AssertClose(q.matmul(r), x[0], tol, name + " QR = A");
                    break;
                }
            case "eigh":
                {
                    var (w, v) = linalg.eigh(x[0], Str(args, "UPLO")![0]);
                    Close("L", w);
                    var lower = Str(args, "UPLO") == "L";
                    var tri = lower ? x[0].tril() : x[0].triu();
                    var sym = tri + (lower ? x[0].tril(-1) : x[0].triu(1)).transpose(-2, -1);
                    AssertClose(v.matmul(w.unsqueeze(-1) * v.transpose(-2, -1)), sym, tol * 10, name + " V diag(L) Vᵀ = A");
                    AssertOrthonormalColumns(v, tol, name + " V");
                    AssertClose(v.abs(), Expected("V").abs().to(device), tol * 10, name + " |V|");
                    break;
                }
            case "eigvalsh": Close("L", linalg.eigvalsh(x[0], Str(args, "UPLO")![0])); break;
            case "svd":
                {
                    bool full = Flag(args, "full_matrices");
                    var (u, s, vh) = linalg.svd(x[0], full);
                    Close("S", s);
                    Assert.Equal(NNGolden.Shape(outs.GetProperty("U")), u.shape);
                    Assert.Equal(NNGolden.Shape(outs.GetProperty("Vh")), vh.shape);
                    long k = s.shape[^1];
                    var uk = u.narrow(-1, 0, k);
                    var vk = vh.narrow(-2, 0, k);
                    AssertClose(uk.matmul(s.unsqueeze(-1) * vk), x[0], tol * 10, name + " U S Vh = A");
                    AssertOrthonormalColumns(u, tol, name + " U");
                    AssertOrthonormalColumns(vh.transpose(-2, -1), tol, name + " Vh");
                    if (!name.Contains("rank2"))
                    {
                        AssertClose(uk.abs(), Expected("U").narrow(-1, 0, k).abs().to(device), tol * 10, name + " |U|");
                        AssertClose(vk.abs(), Expected("Vh").narrow(-2, 0, k).abs().to(device), tol * 10, name + " |Vh|");
                    }
                    break;
                }
            case "svdvals": Close("S", linalg.svdvals(x[0])); break;
            case "pinv": Close("out", linalg.pinv(x[0], Num(args, "atol"), Num(args, "rtol"), Flag(args, "hermitian"))); break;
            case "matrix_rank":
                NNGolden.AssertExact(outs.GetProperty("out"), linalg.matrix_rank(x[0], Num(args, "atol"), Num(args, "rtol"), Flag(args, "hermitian")).cpu(), name);
                break;
            case "lstsq":
                {
                    var (sol, res, rank, sv) = linalg.lstsq(x[0], x[1]);
                    Close("solution", sol);
                    Close("residuals", res);
                    NNGolden.AssertExact(outs.GetProperty("rank"), rank.cpu(), name + " rank");
                    Close("singular_values", sv);
                    break;
                }
            case "matrix_power": Close("out", linalg.matrix_power(x[0], (long)Num(args, "n")!.Value)); break;
            case "cross": Close("out", linalg.cross(x[0], x[1], (long)(Num(args, "dim") ?? -1))); break;
            case "torch.cross": Close("out", torch.cross(x[0], x[1])); break;
            default: throw new InvalidDataException($"{name}: no Flint call for op {op}");
        }
    }

    private static void AssertClose(Tensor actual, Tensor expected, double tol, string label)
    {
        Assert.Equal(expected.shape, actual.shape);
        if (actual.numel() == 0) return;
        var diff = (actual - expected).abs().max().to(ScalarType.Float64).item<double>();
        var scale = Math.Max(1, expected.abs().max().to(ScalarType.Float64).item<double>());
        Assert.True(diff <= tol * scale, $"{label}: max |difference| {diff:R} over {tol * scale:R}");
    }

    private static void AssertOrthonormalColumns(Tensor q, double tol, string label)
    {
        var gram = q.transpose(-2, -1).matmul(q);
        var eye = torch.eye(q.shape[^1], dtype: q.dtype, device: q.device).expand(gram.shape);
        AssertClose(gram, eye, tol * 10, label + " orthonormal");
    }

    private static readonly Dictionary<string, Action> ErrorCalls = BuildErrorCalls();

    private static Dictionary<string, Action> BuildErrorCalls()
    {
        var sing2 = () => torch.tensor(new float[] { 1, 2, 2, 4 }).reshape(2, 2);
        var notpd = () => torch.tensor(new float[] { 4, 2, 0, 2, 1, 0, 0, 0, 1 }).reshape(3, 3);
        var rect = () => torch.ones(2, 3);
        var d = new Dictionary<string, Action>
        {
            ["inv_singular"] = () => linalg.inv(sing2()),
            ["inv_singular_batched"] = () => linalg.inv(torch.stack([torch.eye(2), sing2()])),
            ["solve_singular"] = () => linalg.solve(sing2(), torch.ones(2, 1)),
            ["inverse_singular"] = () => torch.inverse(sing2()),
            ["cholesky_not_pd"] = () => linalg.cholesky(notpd()),
            ["cholesky_not_pd_batched"] = () => linalg.cholesky(torch.stack([torch.eye(3), torch.eye(3), notpd()])),
            ["cholesky_upper_not_pd"] = () => linalg.cholesky(torch.tensor(new float[] { 1, 0, 0, -1 }).reshape(2, 2), upper: true),
            ["matrix_power_non_square"] = () => linalg.matrix_power(rect(), 2),
            ["solve_non_square"] = () => linalg.solve(rect(), torch.ones(2, 1)),
            ["solve_incompatible"] = () => linalg.solve(torch.eye(3), torch.ones(4, 2)),
            ["solve_int"] = () => linalg.solve(torch.eye(2, dtype: ScalarType.Int64), torch.ones(2, 1, ScalarType.Int64)),
            ["solve_dtype_mismatch"] = () => linalg.solve(torch.eye(2), torch.ones(2, 1, ScalarType.Float64)),
            ["qr_bad_mode"] = () => linalg.qr(torch.eye(2), "full"),
            ["qr_int"] = () => linalg.qr(torch.ones(2, 2, ScalarType.Int64)),
            ["qr_1d"] = () => linalg.qr(torch.ones(3)),
            ["svd_int"] = () => linalg.svd(torch.ones(2, 2, ScalarType.Int64)),
            ["svd_1d"] = () => linalg.svd(torch.ones(3)),
            ["svdvals_1d"] = () => linalg.svdvals(torch.ones(3)),
            ["pinv_1d"] = () => linalg.pinv(torch.ones(3)),
            ["matrix_rank_1d"] = () => linalg.matrix_rank(torch.ones(3)),
            ["eigh_bad_uplo"] = () => linalg.eigh(torch.eye(2), 'X'),
            ["cross_size"] = () => linalg.cross(torch.ones(2, 2), torch.ones(2, 2)),
            ["cross_broadcast"] = () => linalg.cross(torch.ones(2, 3), torch.ones(4, 3)),
            ["matrix_norm_ord"] = () => linalg.matrix_norm(torch.ones(2, 2), 3),
            ["matrix_norm_1d"] = () => linalg.matrix_norm(torch.ones(3)),
            ["matrix_norm_int"] = () => linalg.matrix_norm(torch.ones(2, 2, ScalarType.Int64)),
            ["vector_norm_int"] = () => linalg.vector_norm(torch.ones(2, ScalarType.Int64)),
            ["norm_3d_ord"] = () => linalg.norm(torch.ones(2, 2, 2), 2),
            ["lstsq_rows"] = () => linalg.lstsq(torch.ones(3, 2), torch.ones(4, 1)),
            ["lstsq_vector_rows"] = () => linalg.lstsq(torch.ones(2, 3, 2), torch.ones(2, 4)),
            ["lstsq_int"] = () => linalg.lstsq(torch.ones(3, 2, ScalarType.Int64), torch.ones(3, 1, ScalarType.Int64)),
            ["det_half"] = () => linalg.det(torch.eye(2, dtype: ScalarType.Float16)),
            ["qr_backward_mode_r"] = () =>
            {
                var a = torch.eye(3).requires_grad_();
                linalg.qr(a * 2, "r").R.sum().backward();
            },
            ["qr_backward_complete_tall"] = () =>
            {
                var a = torch.ones(3, 2).requires_grad_();
                linalg.qr(a * torch.tensor(new float[] { 1, 2, 3, 4, 5, 7 }).reshape(3, 2), "complete").Q.sum().backward();
            },
        };
        var unary = new (string, Func<Tensor, object>)[]
        {
            ("inv", t => linalg.inv(t)), ("det", t => linalg.det(t)), ("slogdet", t => linalg.slogdet(t)),
            ("cholesky", t => linalg.cholesky(t)), ("eigh", t => linalg.eigh(t)), ("eigvalsh", t => linalg.eigvalsh(t)),
        };
        foreach (var (op, f) in unary)
        {
            d[$"{op}_non_square"] = () => f(torch.ones(2, 3));
            d[$"{op}_1d"] = () => f(torch.ones(3));
            d[$"{op}_int"] = () => f(torch.ones(2, 2, ScalarType.Int64));
        }
        return d;
    }

    /// <summary>Runs error case <paramref name="name"/> (CPU tensors) and checks PyTorch's message.</summary>
    public static void CheckError(string name)
    {
        var e = Errors.GetProperty(name);
        Assert.True(ErrorCalls.TryGetValue(name, out var call), $"{name}: no Flint call");
        var ex = Assert.ThrowsAny<Exception>(call!);
        OpInfo.GoldenAssert.PyTorchError(ex, e.GetProperty("message").GetString()!, name);
    }
}
