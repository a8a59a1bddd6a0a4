using System.Text.Json;
using L = Flint.torch.linalg;

namespace Flint.Tests.Linalg;

/// <summary>
/// tests/golden/linalg-more.json (tools/golden/gen_linalg_more.py, PyTorch 1.13) on any device: the everyday matrix,
/// statistics, window and factorization functions of issue 15, each case's outputs (values and dtypes) against
/// PyTorch's, and the error cases' messages. One body for the CPU suite and tests/Flint.Cuda.Tests, which links this file.
/// </summary>
public static class LinalgMoreGoldenSuite
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "linalg-more.json"))));

    private static JsonElement Cases => Doc.Value.RootElement.GetProperty("cases");
    private static JsonElement Errors => Doc.Value.RootElement.GetProperty("errors");

    public static IEnumerable<string> CaseNames() => Cases.EnumerateObject().Select(p => p.Name);
    public static IEnumerable<string> ErrorNames() => Errors.EnumerateObject().Select(p => p.Name);

    private static ScalarType DType(string name) => name switch
    {
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        "int64" => ScalarType.Int64,
        "int32" => ScalarType.Int32,
        "bool" => ScalarType.Bool,
        _ => throw new ArgumentException(name),
    };

    private static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new FormatException(s) },
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => e.GetDouble(),
    };

    private static long[] Shape(JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();

    /// <summary>The encoded tensor, exactly.</summary>
    public static Tensor Decode(JsonElement e)
    {
        var shape = Shape(e);
        var dtype = DType(e.GetProperty("dtype").GetString()!);
        var values = e.GetProperty("values").EnumerateArray().ToArray();
        return dtype switch
        {
            ScalarType.Int64 => torch.tensor(values.Select(v => v.GetInt64()).ToArray(), shape, ScalarType.Int64),
            ScalarType.Int32 => torch.tensor(values.Select(v => v.GetInt32()).ToArray(), shape, ScalarType.Int32),
            ScalarType.Bool => torch.tensor(values.Select(v => v.GetBoolean()).ToArray(), shape, ScalarType.Bool),
            ScalarType.Float32 => torch.tensor(values.Select(v => (float)Number(v)).ToArray(), shape, ScalarType.Float32),
            _ => torch.tensor(values.Select(Number).ToArray(), shape, ScalarType.Float64),
        };
    }

    private static Tensor[] T(params Tensor[] t) => t;
    private static Tensor[] T((Tensor, Tensor) t) => [t.Item1, t.Item2];
    private static Tensor[] T((Tensor, Tensor, Tensor) t) => [t.Item1, t.Item2, t.Item3];

    private static readonly Dictionary<string, Func<Tensor[], Tensor[]>> Calls = BuildCalls();

    private static Dictionary<string, Func<Tensor[], Tensor[]>> BuildCalls()
    {
        var d = new Dictionary<string, Func<Tensor[], Tensor[]>>
        {
            ["addmv_beta0_ignores_nan"] = x => T(torch.addmv(x[0], x[1], x[2], beta: 0)),
            ["addmv_broadcast_input"] = x => T(torch.addmv(x[0], x[1], x[2])),
            ["addr_broadcast_input"] = x => T(torch.addr(x[0], x[1], x[2])),
            ["addmv_inplace"] = x => T(x[0].clone().addmv_(x[1], x[2], beta: 2, alpha: 3)),
            ["addr_inplace"] = x => T(x[0].clone().addr_(x[1], x[2], alpha: 2)),
            ["addbmm_inplace"] = x => T(x[0].clone().addbmm_(x[1], x[2], beta: 0.5)),
            ["addmm_inplace"] = x => T(x[0].clone().addmm_(x[1], x[2], beta: 0.25, alpha: -2)),
            ["inner"] = x => T(torch.inner(x[0], x[1])),
            ["inner_scalar"] = x => T(x[0].inner(x[1])),
            ["kron_2d"] = x => T(torch.kron(x[0], x[1])),
            ["kron_3d_2d"] = x => T(torch.kron(x[0], x[1])),
            ["kron_1d_2d"] = x => T(x[0].kron(x[1])),
            ["kron_int"] = x => T(torch.kron(x[0], x[1])),
            ["tensordot_dims2"] = x => T(torch.tensordot(x[0], x[1], 2)),
            ["tensordot_dims0"] = x => T(torch.tensordot(x[0], x[1], 0)),
            ["tensordot_pairs"] = x => T(torch.tensordot(x[0], x[1], [0, 2], [1, 0])),
            ["vdot_f32"] = x => T(torch.vdot(x[0], x[1])),
            ["vecdot"] = x => T(L.vecdot(x[0], x[1])),
            ["vecdot_dim0"] = x => T(L.vecdot(x[0], x[1], dim: 0)),
            ["dist_2"] = x => T(torch.dist(x[0], x[1])),
            ["dist_1"] = x => T(torch.dist(x[0], x[1], 1)),
            ["dist_0"] = x => T(x[0].dist(x[1], 0)),
            ["dist_inf"] = x => T(torch.dist(x[0], x[1], double.PositiveInfinity)),
            ["dist_3_5"] = x => T(torch.dist(x[0], x[1], 3.5)),
            ["logdet_batched"] = x => T(torch.logdet(x[0])),
            ["logdet_negative"] = x => T(x[0].logdet()),
            ["logdet_singular"] = x => T(torch.logdet(x[0])),
            ["cov"] = x => T(torch.cov(x[0])),
            ["cov_correction0"] = x => T(torch.cov(x[0], correction: 0)),
            ["cov_fweights"] = x => T(torch.cov(x[0], fweights: x[1])),
            ["cov_aweights"] = x => T(torch.cov(x[0], aweights: x[1])),
            ["cov_both"] = x => T(x[0].cov(2, x[1], x[2])),
            ["cov_1d_f32"] = x => T(torch.cov(x[0])),
            ["cov_int"] = x => T(torch.cov(x[0])),
            ["cov_dof_zero"] = x => T(torch.cov(x[0], correction: 2)),
            ["corrcoef"] = x => T(torch.corrcoef(x[0])),
            ["corrcoef_1d"] = x => T(x[0].corrcoef()),
            ["corrcoef_int"] = x => T(torch.corrcoef(x[0])),
            ["trapezoid"] = x => T(torch.trapezoid(x[0])),
            ["trapezoid_dx_dim0"] = x => T(torch.trapezoid(x[0], dx: 0.5, dim: 0)),
            ["trapezoid_x1d"] = x => T(torch.trapezoid(x[0], x[1])),
            ["trapezoid_x2d"] = x => T(x[0].trapezoid(x[1])),
            ["trapz_x"] = x => T(torch.trapz(x[0], x[1])),
            ["trapz_dx"] = x => T(torch.trapz(x[0], dx: 2.0)),
            ["trapezoid_int"] = x => T(torch.trapezoid(x[0])),
            ["cumulative_trapezoid"] = x => T(torch.cumulative_trapezoid(x[0])),
            ["cumulative_trapezoid_dx_dim0"] = x => T(torch.cumulative_trapezoid(x[0], dx: 0.25, dim: 0)),
            ["cumulative_trapezoid_x"] = x => T(x[0].cumulative_trapezoid(x[1])),
            ["vander"] = x => T(torch.vander(x[0])),
            ["vander_N3_increasing"] = x => T(torch.vander(x[0], N: 3, increasing: true)),
            ["vander_int"] = x => T(x[0].vander()),
            ["linalg_vander"] = x => T(L.vander(x[0])),
            ["linalg_vander_batched_N5_f32"] = x => T(L.vander(x[0], N: 5)),
            ["aminmax"] = x => T(torch.aminmax(x[0])),
            ["aminmax_dim1"] = x => T(torch.aminmax(x[0], dim: 1)),
            ["aminmax_dim0_keepdim"] = x => T(x[0].aminmax(dim: 0, keepdim: true)),
            ["aminmax_int_keepdim"] = x => T(torch.aminmax(x[0], keepdim: true)),
            ["atleast_1d_0d"] = x => T(torch.atleast_1d(x[0])),
            ["atleast_2d_1d"] = x => T(x[0].atleast_2d()),
            ["atleast_3d_1d"] = x => T(torch.atleast_3d(x[0])),
            ["atleast_3d_2d"] = x => torch.atleast_3d(new[] { x[0] }),
            ["atleast_3d_0d"] = x => T(x[0].atleast_3d()),
            ["tile_short"] = x => T(torch.tile(x[0], 2)),
            ["tile_long"] = x => T(x[0].tile(2, 1, 2)),
            ["clamp_min_"] = x => T(x[0].clone().clamp_min_(0.1)),
            ["clamp_max_"] = x => T(torch.clamp_max_(x[0].clone(), -0.1)),
            ["adjoint"] = x => T(torch.adjoint(x[0])),
            ["mH"] = x => T(x[0].mH),
            ["H"] = x => T(x[0].H),
            ["std_mean_f64"] = x => T(torch.std_mean(x[0])),
            ["var_mean_f64"] = x => T(torch.var_mean(x[0])),
            ["std_mean_f32"] = x => T(x[0].std_mean()),
            ["var_mean_f32"] = x => T(x[0].var_mean()),
            ["std_mean_dims_keepdim"] = x => T(torch.std_mean(x[0], [0, 2], keepdim: true)),
            ["var_mean_dim_unbiased_false"] = x => T(torch.var_mean(x[0], [1], unbiased: false)),
            ["std_mean_correction2"] = x => T(torch.std_mean(x[0], [1], correction: 2)),
            ["var_mean_correction0_all"] = x => T(x[0].var_mean(null, correction: 0)),
            ["block_diag"] = x => T(torch.block_diag(x[0], x[1], x[2])),
            ["block_diag_promote"] = x => T(torch.block_diag(x)),
            ["diagflat"] = x => T(torch.diagflat(x[0])),
            ["diagflat_2d_offset"] = x => T(x[0].diagflat(-1)),
            ["diagonal_scatter_offset1"] = x => T(torch.diagonal_scatter(x[0], x[1], 1)),
            ["diagonal_scatter_dims"] = x => T(x[0].diagonal_scatter(x[1], 0, 0, 2)),
            ["combinations"] = x => T(torch.combinations(x[0])),
            ["combinations_r3"] = x => T(torch.combinations(x[0], r: 3)),
            ["combinations_replacement"] = x => T(torch.combinations(x[0], with_replacement: true)),
            ["combinations_r5_empty"] = x => T(torch.combinations(x[0], r: 5)),
            ["renorm_dim0"] = x => T(torch.renorm(x[0], 2, 0, 2.0)),
            ["renorm_p1_dim1"] = x => T(x[0].renorm(1, 1, 1.5)),
            ["renorm_inf_dim2"] = x => T(torch.renorm(x[0], double.PositiveInfinity, 2, 0.5)),
            ["take"] = x => T(torch.take(x[0], x[1])),
            ["take_transposed"] = x => T(x[0].t().take(x[1])),
            ["multi_dot_4"] = x => T(L.multi_dot(x)),
            ["multi_dot_first_vector"] = x => T(L.multi_dot(x)),
            ["multi_dot_both_vectors"] = x => T(L.multi_dot(x)),
            ["multi_dot_2"] = x => T(L.multi_dot(x)),
            ["chain_matmul_5"] = x => T(torch.chain_matmul(x)),
            ["cond_none"] = x => T(L.cond(x[0])),
            ["cond_2"] = x => T(L.cond(x[0], 2)),
            ["cond_-2"] = x => T(L.cond(x[0], -2)),
            ["cond_fro"] = x => T(L.cond(x[0], "fro")),
            ["cond_nuc"] = x => T(L.cond(x[0], "nuc")),
            ["cond_inf"] = x => T(L.cond(x[0], double.PositiveInfinity)),
            ["cond_-inf"] = x => T(L.cond(x[0], double.NegativeInfinity)),
            ["cond_1"] = x => T(L.cond(x[0], 1)),
            ["cond_-1"] = x => T(L.cond(x[0], -1)),
            ["cond_batched_f32"] = x => T(L.cond(x[0])),
            ["cond_rect"] = x => T(L.cond(x[0])),
            ["cond_singular_1"] = x => T(L.cond(x[0], 1)),
            ["tensorinv"] = x => T(L.tensorinv(x[0])),
            ["tensorinv_ind1"] = x => T(L.tensorinv(x[0], ind: 1)),
            ["tensorsolve"] = x => T(L.tensorsolve(x[0], x[1])),
            ["tensorsolve_dims"] = x => T(L.tensorsolve(x[0], x[1], [0])),
            ["tril_indices_3_4_1"] = _ => T(torch.tril_indices(3, 4, 1)),
            ["triu_indices_3_4_-1"] = _ => T(torch.triu_indices(3, 4, -1)),
            ["tril_indices_4_3"] = _ => T(torch.tril_indices(4, 3)),
            ["triu_indices_4_4_2"] = _ => T(torch.triu_indices(4, 4, 2)),
            ["logspace"] = _ => T(torch.logspace(-2, 2, 7)),
            ["logspace_base2_f64"] = _ => T(torch.logspace(0, 10, 11, @base: 2, dtype: ScalarType.Float64)),
            ["logspace_int"] = _ => T(torch.logspace(0, 3, 4, dtype: ScalarType.Int64)),
            ["hamming_window_alpha_beta"] = _ => T(torch.hamming_window(10, periodic: false, alpha: 0.6, beta: 0.3, dtype: ScalarType.Float64)),
            ["kaiser_window_beta5"] = _ => T(torch.kaiser_window(10, periodic: true, beta: 5.0, dtype: ScalarType.Float64)),
            ["solve_triangular_broadcast"] = x => T(L.solve_triangular(x[0], x[1], upper: false)),
            ["triangular_solve"] = x => T(torch.triangular_solve(x[0], x[1])),
            ["triangular_solve_lower_transpose"] = x => T(x[0].triangular_solve(x[1], upper: false, transpose: true)),
            ["lu_factor_ex_f32"] = x => T(L.lu_factor_ex(x[0])),
            ["lu_factor_ex_singular"] = x => T(L.lu_factor_ex(x[0])),
            ["torch_lu_get_infos"] = x => { var (lu, piv, info) = torch.lu(x[0], get_infos: true); return T(lu, piv, info!); },
            ["lu_solve"] = x => T(L.lu_solve(x[0], x[1], x[2])),
            ["lu_solve_adjoint"] = x => T(L.lu_solve(x[0], x[1], x[2], adjoint: true)),
            ["lu_solve_right"] = x => T(L.lu_solve(x[0], x[1], x[2], left: false)),
            ["lu_solve_right_adjoint"] = x => T(L.lu_solve(x[0], x[1], x[2], left: false, adjoint: true)),
            ["torch_lu_solve"] = x => T(torch.lu_solve(x[0], x[1], x[2])),
            ["cholesky_solve_lower"] = x => T(torch.cholesky_solve(x[0], x[1])),
            ["cholesky_inverse_lower"] = x => T(torch.cholesky_inverse(x[0])),
            ["cholesky_solve_upper"] = x => T(x[0].cholesky_solve(x[1], upper: true)),
            ["cholesky_inverse_upper"] = x => T(x[0].cholesky_inverse(upper: true)),
            ["cholesky_solve_batched_f32"] = x => T(torch.cholesky_solve(x[0], x[1])),
            ["cholesky_ex"] = x => T(L.cholesky_ex(x[0])),
            ["cholesky_ex_upper"] = x => T(L.cholesky_ex(x[0], upper: true)),
            ["cholesky_ex_not_pd_info"] = x => T(L.cholesky_ex(x[0]).info),
            ["inv_ex"] = x => T(L.inv_ex(x[0])),
            ["inv_ex_singular_info"] = x => T(L.inv_ex(x[0]).info),
            ["solve_ex_vector"] = x => T(L.solve_ex(x[0], x[1])),
            ["solve_ex_singular_info"] = x => T(L.solve_ex(x[0], x[1]).info),
            ["matrix_exp_batched_f32"] = x => T(torch.matrix_exp(x[0])),
            ["householder_product"] = x => T(L.householder_product(x[0], x[1])),
            ["householder_product_k2"] = x => T(L.householder_product(x[0], x[1])),
            ["householder_product_batched_f32"] = x => T(L.householder_product(x[0], x[1])),
        };
        foreach (var tag in new[] { "f64", "f32" })
        {
            d[$"addmv_{tag}"] = x => T(torch.addmv(x[0], x[1], x[2], beta: 0.5, alpha: 2));
            d[$"addr_{tag}"] = x => T(x[0].addr(x[1], x[2], beta: -1, alpha: 0.5));
            d[$"addbmm_{tag}"] = x => T(torch.addbmm(x[0], x[1], x[2], beta: 2, alpha: -1));
            foreach (var upper in new[] { true, false })
            {
                var u = upper ? "upper" : "lower";
                d[$"solve_triangular_{u}_{tag}"] = x => T(L.solve_triangular(x[0], x[1], upper));
                d[$"solve_triangular_{u}_unit_{tag}"] = x => T(L.solve_triangular(x[0], x[1], upper, unitriangular: true));
                d[$"solve_triangular_{u}_right_{tag}"] = x => T(L.solve_triangular(x[0], x[1], upper, left: false));
            }
        }
        foreach (var tag in new[] { "square", "tall", "wide", "batched" })
        {
            d[$"lu_factor_{tag}"] = x => T(L.lu_factor(x[0]));
            d[$"lu_{tag}"] = x => T(L.lu(x[0]));
            d[$"lu_unpack_{tag}"] = x => T(torch.lu_unpack(x[0], x[1]));
        }
        foreach (var tag in new[] { "tiny", "small", "mid", "deg9", "deg13", "scaled", "1x1", "nilpotent" })
            d[$"matrix_exp_{tag}"] = x => T(L.matrix_exp(x[0]));
        var windows = new Dictionary<string, Func<long, bool, ScalarType?, Tensor>>
        {
            ["hann"] = (n, p, dt) => torch.hann_window(n, p, dt),
            ["hamming"] = (n, p, dt) => torch.hamming_window(n, p, dtype: dt),
            ["bartlett"] = (n, p, dt) => torch.bartlett_window(n, p, dt),
            ["blackman"] = (n, p, dt) => torch.blackman_window(n, p, dt),
            ["kaiser"] = (n, p, dt) => torch.kaiser_window(n, p, dtype: dt),
        };
        foreach (var (name, f) in windows)
        {
            foreach (var n in new long[] { 0, 1, 2, 7, 8 })
            {
                d[$"{name}_window_{n}_periodic"] = _ => T(f(n, true, null));
                d[$"{name}_window_{n}_symmetric"] = _ => T(f(n, false, null));
            }
            d[$"{name}_window_9_f64"] = _ => T(f(9, true, ScalarType.Float64));
        }
        return d;
    }

    /// <summary>Runs case <paramref name="name"/> with its inputs on <paramref name="device"/> and compares with PyTorch.</summary>
    public static void Check(string name, Device device)
    {
        var c = Cases.GetProperty(name);
        var x = c.GetProperty("inputs").EnumerateArray().Select(e => Decode(e).to(device)).ToArray();
        Assert.True(Calls.TryGetValue(name, out var call), $"{name}: no Flint call");
        var actual = call!(x);
        var expected = c.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var e = Decode(expected[i]);
            var a = actual[i];
            string label = $"{name} output {i}";
            if (x.Length > 0) Assert.Equal(device, a.device);
            Assert.True(e.shape.SequenceEqual(a.shape), $"{label}: shape [{string.Join(", ", a.shape)}], expected [{string.Join(", ", e.shape)}]");
            Assert.True(e.dtype == a.dtype, $"{label}: dtype {a.dtype}, expected {e.dtype}");
            var ev = e.to(ScalarType.Float64).data<double>().ToArray();
            var av = a.cpu().to(ScalarType.Float64).data<double>().ToArray();
            if (!e.is_floating_point())
            {
                Assert.True(ev.SequenceEqual(av), $"{label}: [{string.Join(", ", av)}], expected [{string.Join(", ", ev)}]");
                continue;
            }
            double tol = e.dtype == ScalarType.Float32 ? 2e-5 : name.StartsWith("matrix_exp") ? 1e-8 : 1e-9;
            double scale = Math.Max(1, ev.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max());
            for (int j = 0; j < ev.Length; j++)
            {
                if (double.IsNaN(ev[j])) { Assert.True(double.IsNaN(av[j]), $"{label}[{j}]: expected nan, got {av[j]}"); continue; }
                if (double.IsInfinity(ev[j])) { Assert.True(ev[j] == av[j], $"{label}[{j}]: expected {ev[j]}, got {av[j]}"); continue; }
                Assert.True(Math.Abs(ev[j] - av[j]) <= tol * (Math.Abs(ev[j]) + scale), $"{label}[{j}]: expected {ev[j]:R}, got {av[j]:R}");
            }
        }
    }

    private static readonly Dictionary<string, Action> ErrorCalls = BuildErrorCalls();

    private static Dictionary<string, Action> BuildErrorCalls()
    {
        static Tensor e(params long[] s) => torch.ones(s);
        var sing2 = () => torch.tensor(new float[] { 1, 2, 2, 4 }, [2, 2]);
        return new Dictionary<string, Action>
        {
            ["inner_last_dim"] = () => torch.inner(e(2, 3), e(2, 4)),
            ["vdot_2d"] = () => torch.vdot(e(2, 3), e(3)),
            ["vdot_size"] = () => torch.vdot(e(3), e(4)),
            ["tensordot_size"] = () => torch.tensordot(e(2, 3), e(4, 5), 1),
            ["cov_3d"] = () => torch.cov(e(2, 2, 2)),
            ["cov_fweights_float"] = () => torch.cov(e(2, 3), fweights: e(3)),
            ["cov_aweights_long"] = () => torch.cov(e(2, 3), aweights: torch.ones(3, ScalarType.Int64)),
            ["cov_fweights_negative"] = () => torch.cov(e(2, 3), fweights: torch.tensor(new long[] { 1, -1, 2 })),
            ["cov_fweights_numel"] = () => torch.cov(e(2, 3), fweights: torch.tensor(new long[] { 1, 1 })),
            ["trapezoid_x_size"] = () => torch.trapezoid(e(3), e(4)),
            ["linalg_vander_N1"] = () => L.vander(torch.tensor(new float[] { 1, 2 }), N: 1),
            ["aminmax_empty"] = () => torch.aminmax(e(0)),
            ["aminmax_empty_dim"] = () => torch.aminmax(e(2, 0), dim: 1),
            ["H_3d"] = () => _ = e(2, 3, 4).H,
            ["mH_1d"] = () => _ = e(3).mH,
            ["adjoint_1d"] = () => e(3).adjoint(),
            ["block_diag_3d"] = () => torch.block_diag(e(2, 2, 2)),
            ["combinations_2d"] = () => torch.combinations(e(2, 2)),
            ["combinations_negative"] = () => torch.combinations(torch.arange(3), r: -1),
            ["take_out_of_range"] = () => torch.take(e(2, 3), torch.tensor(new long[] { 6 })),
            ["broadcast_shapes"] = () => torch.broadcast_shapes([2, 3], [4, 3]),
            ["chain_matmul_none"] = () => torch.chain_matmul(),
            ["multi_dot_one"] = () => L.multi_dot([e(2, 3)]),
            ["multi_dot_shapes"] = () => L.multi_dot([e(2, 3), e(4, 3)]),
            ["multi_dot_3d"] = () => L.multi_dot([e(2, 3, 3), e(3, 3)]),
            ["cond_rect_ord1"] = () => L.cond(e(2, 3), 1),
            ["cond_bad_ord"] = () => L.cond(sing2(), 3),
            ["tensorinv_shape"] = () => L.tensorinv(e(2, 3, 4), ind: 1),
            ["tensorinv_ind0"] = () => L.tensorinv(e(2, 3), ind: 0),
            ["tensorsolve_shape"] = () => L.tensorsolve(e(2, 3, 6), e(2, 4)),
            ["tril_indices_negative_row"] = () => torch.tril_indices(-1, 4),
            ["hann_window_negative"] = () => torch.hann_window(-1),
            ["kaiser_window_negative"] = () => torch.kaiser_window(-2),
            ["diagonal_scatter_size"] = () => torch.diagonal_scatter(torch.zeros(3, 4), e(2), 1),
            ["addmv_size"] = () => torch.addmv(e(2), e(2, 3), e(4)),
            ["addmv_input_size"] = () => torch.addmv(e(3), e(2, 3), e(3)),
            ["addmv_inplace_shape"] = () => e(1).addmv_(e(2, 3), e(3)),
            ["addr_2d_vec"] = () => torch.addr(e(2, 3), e(2, 1), e(3)),
            ["addbmm_batches"] = () => torch.addbmm(e(2, 3), e(2, 2, 4), e(3, 4, 3)),
            ["addbmm_sizes"] = () => torch.addbmm(e(2, 3), e(2, 2, 4), e(2, 5, 3)),
            ["lu_factor_singular"] = () => L.lu_factor(sing2()),
            ["lu_factor_singular_batched"] = () => L.lu_factor(torch.stack([torch.eye(2), torch.zeros(2, 2)])),
            ["lu_factor_1d"] = () => L.lu_factor(e(3)),
            ["lu_factor_int"] = () => L.lu_factor(torch.ones(2, 2, ScalarType.Int64)),
            ["solve_triangular_1d_b"] = () => L.solve_triangular(torch.eye(2), e(2), upper: true),
            ["solve_triangular_shapes"] = () => L.solve_triangular(torch.eye(2), e(3, 1), upper: true),
            ["solve_triangular_rect"] = () => L.solve_triangular(e(2, 3), e(2, 1), upper: true),
            ["cholesky_ex_check"] = () => L.cholesky_ex(torch.tensor(new float[] { 1, 2, 2, 1 }, [2, 2]), check_errors: true),
            ["inv_ex_check"] = () => L.inv_ex(sing2(), check_errors: true),
            ["matrix_exp_rect"] = () => L.matrix_exp(e(2, 3)),
            ["matrix_exp_int"] = () => torch.matrix_exp(torch.ones(2, 2, ScalarType.Int64)),
            ["householder_product_wide"] = () => L.householder_product(e(2, 3), e(2)),
            ["householder_product_tau"] = () => L.householder_product(e(3, 2), e(3)),
            ["householder_product_1d"] = () => L.householder_product(e(3), e(3)),
            ["lu_solve_shapes"] = () => L.lu_solve(torch.eye(2), torch.tensor(new int[] { 1, 2 }, ScalarType.Int32), e(3, 1)),
            ["lu_unpack_pivots"] = () => torch.lu_unpack(torch.eye(2), torch.tensor(new int[] { 1, 3 }, ScalarType.Int32)),
            ["cholesky_solve_sizes"] = () => torch.cholesky_solve(e(3, 1), torch.eye(2)),
            ["cholesky_inverse_1d"] = () => torch.cholesky_inverse(e(3)),
            ["solve_singular_linalg_error"] = () => L.solve(sing2(), e(2)),
            ["inverse_singular_linalg_error"] = () => torch.inverse(sing2()),
        };
    }

    /// <summary>Runs error case <paramref name="name"/> (CPU tensors) and checks PyTorch's message (and LinAlgError where PyTorch raises one).</summary>
    public static void CheckError(string name)
    {
        var e = Errors.GetProperty(name);
        Assert.True(ErrorCalls.TryGetValue(name, out var call), $"{name}: no Flint call");
        var ex = Assert.ThrowsAny<Exception>(call!);
        OpInfo.GoldenAssert.PyTorchError(ex, e.GetProperty("message").GetString()!, name);
        if (e.GetProperty("type").GetString() == "_LinAlgError")
            Assert.True(ex is L.LinAlgError, $"{name}: {ex.GetType().Name} is not a LinAlgError");
    }
}
