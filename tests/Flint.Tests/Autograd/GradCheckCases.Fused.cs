using static Flint.Tests.Autograd.TestData;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Autograd;

// Gradchecks (float64) of the fused layer-norm and GELU primitives: weight/bias gradients, a rank-2
// normalized_shape, rows longer than a vector (with a tail), and the double backward (create_graph) paths.
public static partial class GradCheckCases
{
    static void AddFusedCases(Adder add)
    {
        add("layer_norm_rank2_affine", () => [Rand(11, [2, 3, 4]), Rand(12, [3, 4]), Rand(13, [3, 4])], x => F.layer_norm(x[0], [3, 4], x[1], x[2]));
        add("layer_norm_weight_only_long_rows", () => [Rand(14, [3, 11]), Rand(15, [11])], x => F.layer_norm(x[0], [11], x[1]));
        add("layer_norm_bias_only_strided", () => [Rand(16, [5, 3]), Rand(17, [5])], x => F.layer_norm(x[0].t(), [5], null, x[1]));
        add("layer_norm_double_backward", () => [Rand(18, [2, 5]), Rand(19, [5]), Rand(20, [5]), Rand(21, [2, 5])], x =>
        {
            using var grad = torch.enable_grad();
            var y = F.layer_norm(x[0], [5], x[1], x[2]);
            var g = torch.autograd.grad([y], [x[0], x[1], x[2]], [x[3]], create_graph: true);
            return torch.cat([g[0].flatten(), g[1].flatten(), g[2].flatten()]);
        });
        add("gelu_all_erf_pieces", () => [Rand(22, [2, 13], -7, 7)], x => F.gelu(x[0]));
        add("gelu_tanh_wide", () => [Rand(23, [2, 13], -7, 7)], x => F.gelu(x[0], approximate: "tanh"));
        add("gelu_double_backward", () => [Rand(24, [3, 5], -3, 3), Rand(25, [3, 5])], x => WithGrad(() =>
            torch.autograd.grad([F.gelu(x[0])], [x[0]], [x[1]], create_graph: true)[0]));
        add("gelu_tanh_double_backward", () => [Rand(26, [3, 5], -3, 3), Rand(27, [3, 5])], x => WithGrad(() =>
            torch.autograd.grad([F.gelu(x[0], approximate: "tanh")], [x[0]], [x[1]], create_graph: true)[0]));
    }

    /// <summary>Runs a first derivative with grad mode on: the numerical Jacobian evaluates under no_grad.</summary>
    private static Tensor WithGrad(Func<Tensor> f)
    {
        using var grad = torch.enable_grad();
        return f();
    }
}
