using static Flint.Tests.Autograd.TestData;

namespace Flint.Tests.Autograd;

/// <summary>
/// Every differentiable op's backward formula against central finite differences (float64),
/// through <c>torch.autograd.gradcheck</c>. Inputs stay away from kinks (relu, abs, clamp at
/// their bounds, max ties) where the derivative is undefined. One table, one body per device:
/// <see cref="GradCheckTests"/> runs it on the CPU; tests/Flint.Cuda.Tests links this file.
/// The class is partial: an op family adds its cases in its own file (<c>GradCheckCases.Family.cs</c>)
/// as a static method <c>void AddFamilyCases(GradCheckCases.Adder add)</c>, which <see cref="Build"/> finds
/// by its name and runs after the core cases.
/// </summary>
public static partial class GradCheckCases
{
    /// <summary>Registers one case: name, seeded inputs, the function under test, finite-difference step and tolerance.</summary>
    public delegate void Adder(string name, Func<Tensor[]> inputs, Func<Tensor[], Tensor> f, double eps = 1e-6, double atol = 1e-5);

    private sealed record Case(Func<Tensor[]> Inputs, Func<Tensor[], Tensor> F, double Eps = 1e-6, double Atol = 1e-5);

    private static readonly Dictionary<string, Case> Cases = Build();

    private static Dictionary<string, Case> Build()
    {
        var c = new Dictionary<string, Case>();
        void Add(string name, Func<Tensor[]> inputs, Func<Tensor[], Tensor> f, double eps = 1e-6, double atol = 1e-5) => c.Add(name, new Case(inputs, f, eps, atol));
        Tensor[] One(long[] s, int seed = 1) => [Rand(seed, s)];
        Tensor[] Two(long[] a, long[] b) => [Rand(1, a), Rand(2, b)];
        Tensor[] Pos(long[] s, double lo = 0.3, double hi = 2) => [Rand(3, s, lo, hi)];
        Tensor[] Kinky(long[] s) => [AwayFromZero(4, s)];

        // ---- pointwise binary, with broadcasting
        Add("add", () => Two([3, 4], [3, 4]), x => x[0] + x[1]);
        Add("add_broadcast", () => Two([3, 1], [4]), x => x[0].add(x[1], alpha: 2.5));
        Add("add_scalar", () => One([2, 3]), x => x[0] + 3.0);
        Add("sub_broadcast", () => Two([2, 3, 4], [3, 1]), x => x[0] - x[1]);
        Add("sub_alpha", () => Two([4], [4]), x => x[0].sub(x[1], alpha: 0.5));
        Add("rsub_scalar", () => One([3]), x => 2.0 - x[0]);
        Add("mul_broadcast", () => Two([2, 1, 4], [3, 1]), x => x[0] * x[1]);
        Add("mul_scalar", () => One([5]), x => x[0] * -1.5);
        Add("div_broadcast", () => [Rand(1, [3, 4]), Rand(2, [4], 0.5, 2)], x => x[0] / x[1]);
        Add("div_scalar_by_tensor", () => Pos([3, 2]), x => 2.0 / x[0]);
        Add("pow_scalar", () => Pos([3, 3]), x => x[0].pow(2.5));
        Add("pow_square", () => One([4]), x => x[0].pow(2));
        Add("pow_zero", () => One([4]), x => x[0].pow(0.0));
        Add("pow_tensor", () => [Rand(1, [3, 2], 0.5, 2), Rand(2, [2], -1.5, 1.5)], x => x[0].pow(x[1]));
        Add("maximum", () => Two([3, 4], [4]), x => x[0].maximum(x[1]));
        Add("minimum", () => Two([3, 4], [3, 1]), x => x[0].minimum(x[1]));
        Add("where", () => Two([3, 4], [4]), x => torch.where(x[0].detach() > 0.1, x[0], x[1]));

        // ---- pointwise unary
        Add("exp", () => One([2, 3]), x => x[0].exp());
        Add("log", () => Pos([2, 3]), x => x[0].log());
        Add("log1p", () => Pos([2, 3], -0.5, 2), x => x[0].log1p());
        Add("sqrt", () => Pos([2, 3]), x => x[0].sqrt());
        Add("rsqrt", () => Pos([2, 3]), x => x[0].rsqrt());
        Add("sin", () => One([2, 3]), x => x[0].sin());
        Add("cos", () => One([2, 3]), x => x[0].cos());
        Add("tanh", () => One([2, 3]), x => x[0].tanh());
        Add("sigmoid", () => One([2, 3]), x => x[0].sigmoid());
        Add("relu", () => Kinky([3, 4]), x => x[0].relu());
        Add("abs", () => Kinky([3, 4]), x => x[0].abs());
        Add("neg", () => One([3, 4]), x => -x[0]);
        Add("clamp_min", () => Kinky([3, 4]), x => x[0].clamp(min: 0));
        Add("clamp_max", () => Kinky([3, 4]), x => x[0].clamp(max: 0));
        Add("clamp_both", () => [Rand(5, [4, 4], -2, 2)], x => x[0].clamp(-0.95, 1.05));
        Add("clamp_min_method", () => Kinky([6]), x => x[0].clamp_min(0));
        Add("clamp_max_method", () => Kinky([6]), x => x[0].clamp_max(0));

        // ---- reductions
        Add("sum", () => One([3, 4]), x => x[0].sum());
        Add("sum_dim", () => One([3, 4, 2]), x => x[0].sum(1));
        Add("sum_dim_keepdim", () => One([3, 4, 2]), x => x[0].sum(-1, keepdim: true));
        Add("sum_dims", () => One([3, 4, 2]), x => x[0].sum([0, 2]));
        Add("mean", () => One([3, 4]), x => x[0].mean());
        Add("mean_dim", () => One([3, 4]), x => x[0].mean(0));
        Add("mean_dims_keepdim", () => One([2, 3, 4]), x => x[0].mean([1, 2], keepdim: true));
        Add("prod", () => One([2, 3]), x => x[0].prod());
        Add("prod_dim", () => One([3, 4]), x => x[0].prod(1));
        Add("prod_dim_keepdim", () => One([3, 4]), x => x[0].prod(0, keepdim: true));
        Add("prod_with_zero", () => [torch.tensor(new[] { 2.0, 0.0, 3.0, 1.5 }, torch.float64, requires_grad: true)], x => x[0].prod());
        Add("max_all", () => One([3, 4]), x => x[0].max());
        Add("min_all", () => One([3, 4]), x => x[0].min());
        Add("max_dim_values", () => One([3, 4]), x => x[0].max(1).values);
        Add("max_dim_keepdim", () => One([3, 4]), x => x[0].max(0, keepdim: true).values);
        Add("min_dim_values", () => One([3, 4]), x => x[0].min(1).values);
        Add("amax", () => One([3, 4]), x => x[0].amax(1));
        Add("amin_keepdim", () => One([3, 4]), x => x[0].amin(0, keepdim: true));
        Add("var", () => One([3, 4]), x => x[0].var());
        Add("var_biased", () => One([3, 4]), x => x[0].var(unbiased: false));
        Add("var_dim", () => One([3, 4]), x => x[0].var(1));
        Add("var_dim_keepdim", () => One([3, 4]), x => x[0].var(0, keepdim: true));
        Add("std", () => One([3, 4]), x => x[0].std());
        Add("std_dim", () => One([3, 4]), x => x[0].std(1));
        Add("std_dims_keepdim", () => One([2, 3, 4]), x => x[0].std([0, 2], keepdim: true));
        Add("norm", () => One([3, 4]), x => x[0].norm());
        Add("norm_p1", () => Kinky([3, 4]), x => x[0].norm(1.0));
        Add("norm_p3", () => Kinky([3, 4]), x => x[0].norm(3.0));
        Add("norm_inf", () => One([3, 4]), x => x[0].norm(double.PositiveInfinity));
        Add("norm_dim", () => One([3, 4]), x => x[0].norm(1, p: 2));
        Add("norm_p3_dim", () => Kinky([3, 4]), x => x[0].norm(3.0, [1]));
        Add("norm_inf_dims", () => One([2, 3, 4]), x => x[0].norm(double.PositiveInfinity, [0, 2]));
        Add("norm_inf_dim", () => One([3, 4]), x => x[0].norm(double.PositiveInfinity, [0], keepdim: true));
        Add("norm_dim_keepdim", () => One([3, 4]), x => x[0].norm(0, p: 2, keepdim: true));
        Add("norm_neg_inf_dim", () => One([3, 4]), x => x[0].norm(double.NegativeInfinity, [1]));
        Add("norm_p0", () => One([3, 4]), x => x[0].norm(0.0) * x[0].sum());

        // ---- matmul in all its shapes
        Add("matmul_1d_1d", () => Two([4], [4]), x => x[0].matmul(x[1]));
        Add("matmul_2d_1d", () => Two([3, 4], [4]), x => x[0].matmul(x[1]));
        Add("matmul_1d_2d", () => Two([3], [3, 4]), x => x[0].matmul(x[1]));
        Add("matmul_2d_2d", () => Two([3, 4], [4, 2]), x => x[0].matmul(x[1]));
        Add("matmul_3d_3d_broadcast", () => Two([2, 3, 4], [1, 4, 2]), x => x[0].matmul(x[1]));
        Add("matmul_3d_2d", () => Two([2, 3, 4], [4, 2]), x => x[0].matmul(x[1]));
        Add("matmul_2d_3d", () => Two([3, 4], [2, 4, 2]), x => x[0].matmul(x[1]));
        Add("matmul_4d_2d", () => Two([2, 2, 3, 4], [4, 2]), x => x[0].matmul(x[1]));
        Add("matmul_4d_3d", () => Two([2, 1, 3, 4], [3, 4, 2]), x => x[0].matmul(x[1]));
        Add("matmul_3d_1d", () => Two([2, 3, 4], [4]), x => x[0].matmul(x[1]));
        Add("matmul_1d_3d", () => Two([3], [2, 3, 4]), x => x[0].matmul(x[1]));
        Add("mm", () => Two([3, 4], [4, 5]), x => x[0].mm(x[1]));
        Add("mm_transposed", () => Two([4, 3], [5, 4]), x => x[0].t().mm(x[1].t()));
        Add("bmm", () => Two([2, 3, 4], [2, 4, 5]), x => x[0].bmm(x[1]));
        Add("dot", () => Two([5], [5]), x => x[0].dot(x[1]));
        Add("mv", () => Two([3, 4], [4]), x => x[0].mv(x[1]));
        Add("outer", () => Two([3], [4]), x => x[0].outer(x[1]));

        // ---- views
        Add("view", () => One([3, 4]), x => x[0].view(2, 6) * 2.0);
        Add("view_infer", () => One([3, 4]), x => x[0].view(-1));
        Add("reshape_noncontiguous", () => One([3, 4]), x => x[0].t().reshape(12));
        Add("reshape_permuted", () => One([2, 3, 4]), x => x[0].permute(2, 0, 1).reshape(4, 6));
        Add("permute", () => One([2, 3, 4]), x => x[0].permute(1, 2, 0));
        Add("transpose", () => One([2, 3, 4]), x => x[0].transpose(0, 2));
        Add("t", () => One([3, 4]), x => x[0].t());
        Add("T", () => One([3, 4]), x => x[0].T);
        Add("expand", () => One([3, 1]), x => x[0].expand(2, 3, 4));
        Add("expand_as", () => One([1, 4]), x => x[0].expand_as(torch.zeros(3, 4)));
        Add("squeeze", () => One([3, 1, 4, 1]), x => x[0].squeeze());
        Add("squeeze_dim", () => One([3, 1, 4]), x => x[0].squeeze(1));
        Add("unsqueeze", () => One([3, 4]), x => x[0].unsqueeze(1));
        Add("narrow", () => One([5, 4]), x => x[0].narrow(0, 1, 3));
        Add("select", () => One([3, 4]), x => x[0].select(1, 2));
        Add("select_negative", () => One([3, 4]), x => x[0].select(0, -1));
        Add("index_int", () => One([3, 4]), x => x[0][1]);
        Add("index_slice", () => One([5, 4]), x => x[0][1..4, ..]);
        Add("index_slice_step", () => One([6, 4]), x => x[0][TensorIndex.Slice(0, 6, 2), TensorIndex.Ellipsis]);
        Add("index_none_ellipsis", () => One([3, 4]), x => x[0][TensorIndex.None, TensorIndex.Ellipsis, 1]);
        Add("index_advanced", () => One([4, 3]), x => x[0][Long(0, 2, 2, 3)]);
        Add("index_advanced_2d", () => One([4, 3]), x => x[0][Long(0, 2), Long(1, 1)]);
        Add("index_advanced_dim1", () => One([4, 3]), x => x[0][TensorIndex.Colon, Long(2, 0, 2)]);
        Add("index_bool_mask", () => One([3, 4]), x => x[0][x[0].detach() > 0]);
        Add("masked_select", () => One([3, 4]), x => x[0].masked_select(x[0].detach() < 0.2));
        Add("flatten", () => One([2, 3, 4]), x => x[0].flatten());
        Add("flatten_range", () => One([2, 3, 4]), x => x[0].flatten(1));
        Add("flatten_noncontiguous", () => One([2, 3, 4]), x => x[0].transpose(0, 2).flatten());
        Add("unflatten", () => One([2, 6]), x => x[0].unflatten(1, [2, 3]));
        Add("repeat", () => One([2, 3]), x => x[0].repeat(2, 1, 2));

        // ---- joining and splitting
        Add("cat", () => Two([2, 3], [4, 3]), x => torch.cat([x[0], x[1]], 0));
        Add("cat_dim1", () => Two([2, 3], [2, 1]), x => torch.cat([x[0], x[1], x[0]], 1));
        Add("stack", () => Two([2, 3], [2, 3]), x => torch.stack([x[0], x[1]], 1));
        Add("split", () => One([5, 3]), x => x[0].split(2)[2] * 3.0 + x[0].split(2)[0].sum());
        Add("split_sizes", () => One([5, 3]), x => x[0].split([1, 2], 1)[1]);
        Add("chunk", () => One([4, 6]), x => x[0].chunk(3, 1)[1] * x[0].chunk(3, 1)[2]);
        Add("unbind", () => One([3, 4]), x => x[0].unbind(0)[1] - x[0].unbind(0)[2]);

        // ---- gather, scatter, index_select, masked_fill
        Add("gather", () => One([3, 4]), x => x[0].gather(1, torch.tensor(new long[,] { { 0, 3 }, { 1, 1 }, { 2, 0 } })));
        Add("gather_dim0", () => One([3, 4]), x => x[0].gather(0, torch.tensor(new long[,] { { 0, 2, 1, 0 } })));
        Add("scatter", () => Two([3, 4], [3, 2]), x => x[0].scatter(1, torch.tensor(new long[,] { { 0, 3 }, { 1, 2 }, { 2, 0 } }), x[1]));
        Add("scatter_value", () => One([3, 4]), x => x[0].scatter(1, torch.tensor(new long[,] { { 0 }, { 1 }, { 3 } }), 0.5));
        Add("scatter_add", () => Two([3, 4], [3, 3]), x => x[0].scatter_add(1, torch.tensor(new long[,] { { 0, 0, 3 }, { 1, 2, 1 }, { 2, 0, 0 } }), x[1]));
        Add("index_select", () => One([4, 3]), x => x[0].index_select(0, Long(3, 0, 3)));
        Add("index_select_dim1", () => One([4, 3]), x => x[0].index_select(1, Long(2, 1)));
        Add("masked_fill", () => One([3, 4]), x => x[0].masked_fill(x[0].detach() > 0.3, 2.0));
        Add("masked_fill_broadcast_mask", () => One([3, 4]), x => x[0].masked_fill(torch.tensor(new[] { true, false, true, false }), -1.0));

        // ---- conversions and copies
        Add("to_float32_and_back", () => One([3, 4]), x => x[0].to(torch.float32).to(torch.float64) * 1.0, eps: 1e-3, atol: 1e-3);
        Add("to_same_dtype", () => One([3]), x => x[0].to(torch.float64) * 2.0);
        Add("clone", () => One([3, 4]), x => x[0].clone());
        Add("contiguous", () => One([3, 4]), x => x[0].t().contiguous());

        // ---- in-place ops on a non-leaf
        Add("inplace_add_", () => Two([3, 4], [4]), x => { var y = x[0] * 1.0; y.add_(x[1], alpha: 2); return y; });
        Add("inplace_sub_", () => Two([3, 4], [3, 4]), x => { var y = x[0] * 1.0; y.sub_(x[1]); return y; });
        Add("inplace_mul_", () => Two([3, 4], [3, 4]), x => { var y = x[0] * 1.0; y.mul_(x[1]); return y * y; });
        Add("inplace_div_", () => [Rand(1, [3, 4]), Rand(2, [3, 4], 0.5, 2)], x => { var y = x[0] * 1.0; y.div_(x[1]); return y; });
        Add("inplace_scalar_chain", () => One([3, 4]), x => { var y = x[0] * 1.0; y.mul_(3).add_(1).pow_(2); return y; });
        Add("inplace_compound_operators", () => Two([3, 4], [3, 4]), x => { var y = x[0] * 1.0; y += x[1]; y *= x[0]; y -= 1.0; return y; });
        Add("inplace_clamp_", () => Kinky([3, 4]), x => { var y = x[0] * 1.0; y.clamp_(min: 0); return y; });
        Add("inplace_relu_", () => Kinky([3, 4]), x => { var y = x[0] * 1.0; y.relu_(); return y; });
        Add("inplace_exp_sqrt_", () => One([3, 4]), x => { var y = x[0] * 1.0; y.exp_().sqrt_(); return y; });
        Add("inplace_masked_fill_", () => One([3, 4]), x => { var y = x[0] * 1.0; y.masked_fill_(x[0].detach() > 0, 0); return y * x[0]; });
        Add("inplace_copy_", () => Two([3, 4], [4]), x => { var y = x[0] * 1.0; y.copy_(x[1]); return y * x[0]; });
        Add("inplace_fill_", () => One([3, 4]), x => { var y = x[0] * 2.0; y.fill_(1.5); return y * x[0]; });
        Add("inplace_index_mask_assign", () => One([3, 4]), x => { var y = x[0] * 1.0; y[x[0].detach() < 0] = 0; return y; });
        Add("inplace_index_int_assign", () => One([3, 4]), x => { var y = x[0] * 1.0; y[0] = 5; return y * x[0]; });
        Add("inplace_index_slice_assign_tensor", () => Two([4, 3], [3]), x => { var y = x[0] * 1.0; y[1..3] = x[1]; return y; });
        Add("inplace_index_advanced_assign", () => Two([4, 3], [2, 3]), x => { var y = x[0] * 1.0; y[Long(3, 0)] = x[1] * 2.0; return y; });
        Add("inplace_scatter_", () => Two([3, 4], [3, 1]), x => { var y = x[0] * 1.0; y.scatter_(1, torch.tensor(new long[,] { { 0 }, { 2 }, { 3 } }), x[1]); return y; });
        Add("inplace_scatter_add_", () => Two([3, 4], [3, 1]), x => { var y = x[0] * 1.0; y.scatter_add_(1, torch.tensor(new long[,] { { 1 }, { 1 }, { 3 } }), x[1]); return y; });
        Add("inplace_then_saved_use", () => One([3, 4]), x => { var y = x[0].exp(); var z = y * 1.0; z.add_(1); return z.log() + y; });

        // ---- composites
        Add("mlp_two_layer", () => [Rand(6, [4, 5], requires_grad: false), Rand(7, [5, 6]), Rand(8, [6, 3])],
            x => x[0].mm(x[1]).clamp(min: 0).mm(x[2]).pow(2).sum());
        Add("log_softmax_like", () => One([3, 4]), x => x[0] - x[0].exp().sum(1, keepdim: true).log());
        Add("mse", () => Two([3, 4], [3, 4]), x => (x[0] - x[1]).pow(2).mean());
        Add("shared_input_diamond", () => One([4]), x => x[0].sin() * x[0].cos() + x[0] * x[0]);

        // ---- families in other files of this partial class
        Adder adder = Add;
        foreach (var m in typeof(GradCheckCases).GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                     .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && m.Name.EndsWith("Cases", StringComparison.Ordinal)).OrderBy(m => m.Name, StringComparer.Ordinal))
            m.Invoke(null, [adder]);
        return c;
    }

    public static TheoryData<string> Names() => [.. Cases.Keys];

    /// <summary>
    /// Runs case <paramref name="name"/> with its inputs on <paramref name="device"/>: inputs are
    /// built on the CPU (seeded), then moved, keeping which ones require grad.
    /// </summary>
    public static bool Check(string name, Device device)
    {
        var c = Cases[name];
        var inputs = c.Inputs();
        if (device.type != DeviceType.CPU)
            inputs = [.. inputs.Select(t => t.requires_grad ? t.detach().to(device).requires_grad_() : t.to(device))];
        return torch.autograd.gradcheck(c.F, inputs, eps: c.Eps, atol: c.Atol);
    }
}
