using static Flint.Tests.Autograd.TestData;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.Autograd;

// Gradchecks (float64) of issue 16's second group; inputs stay away from the activations' kinks.
public static partial class GradCheckCases
{
    static void AddSequenceBCases(Adder add)
    {
        Tensor[] Kinky() => [AwayFromZero(4, [3, 4], 0.2, 2.5)];
        add("leaky_relu", Kinky, x => F.leaky_relu(x[0], 0.2));
        add("elu", Kinky, x => F.elu(x[0], 0.7));
        add("selu", Kinky, x => F.selu(x[0]));
        add("celu", Kinky, x => F.celu(x[0], 1.5));
        add("softplus", () => [Rand(1, [3, 4], -3, 3)], x => F.softplus(x[0], 2.0, 3.0));
        add("softsign", Kinky, x => F.softsign(x[0]));
        add("hardtanh", () => [Rand(1, [3, 4], -0.45, 0.95)], x => F.hardtanh(x[0], -0.5, 1.0));
        add("hardswish", () => [Rand(1, [3, 4], -2.9, 2.9)], x => F.hardswish(x[0]));
        add("hardsigmoid", () => [Rand(1, [3, 4], -2.9, 2.9)], x => F.hardsigmoid(x[0]));
        add("logsigmoid", () => [Rand(1, [3, 4], -4, 4)], x => F.logsigmoid(x[0]));
        add("tanhshrink", () => [Rand(1, [3, 4], -2, 2)], x => F.tanhshrink(x[0]));
        add("threshold", Kinky, x => F.threshold(x[0], 0.1, 20.0));
        add("mish", () => [Rand(1, [3, 4], -3, 3)], x => F.mish(x[0]));
        add("glu", () => [Rand(1, [2, 6])], x => F.glu(x[0]));
        add("softmin", () => [Rand(1, [3, 4])], x => F.softmin(x[0], 1));
        add("prelu", () => [AwayFromZero(4, [2, 3, 4], 0.2, 2.5), Rand(2, [3])], x => F.prelu(x[0], x[1]));
        add("repeat_interleave", () => [Rand(1, [2, 3])], x => x[0].repeat_interleave(2, 1));
        add("repeat_interleave_tensor", () => [Rand(1, [2, 3])], x => x[0].repeat_interleave(torch.tensor(new long[] { 1, 0, 3 }).to(x[0].device), 1));
        add("addmm", () => [Rand(1, [4]), Rand(2, [2, 3]), Rand(3, [3, 4])], x => torch.addmm(x[0], x[1], x[2], beta: 0.5, alpha: 2));
        add("baddbmm", () => [Rand(1, [2, 2, 4]), Rand(2, [2, 2, 3]), Rand(3, [2, 3, 4])], x => torch.baddbmm(x[0], x[1], x[2]));
        add("einsum_attention", () => [Rand(1, [1, 2, 3, 4]), Rand(2, [1, 2, 5, 4])], x => torch.einsum("bhqd,bhkd->bhqk", x[0], x[1]));
        add("einsum_ellipsis_three", () => [Rand(1, [2, 3]), Rand(2, [4, 3, 2]), Rand(3, [2, 2])], x => torch.einsum("bn,anm,bm->ba", x[0], x[1], x[2]));
        add("einsum_diagonal", () => [Rand(1, [2, 3, 3])], x => torch.einsum("...ii->...i", x[0]));
        add("group_norm", () => [Rand(1, [2, 6, 3]), Rand(2, [6]), Rand(3, [6])], x => F.group_norm(x[0], 3, x[1], x[2]));
        add("rms_norm", () => [Rand(1, [2, 3, 4]), Rand(2, [4])], x => F.rms_norm(x[0], [4], x[1]));
        add("embedding_bag_mean", () => [Rand(1, [7, 3])], x => F.embedding_bag(torch.tensor(new long[] { 0, 2, 5, 6, 1, 1, 3 }).to(x[0].device), x[0], torch.tensor(new long[] { 0, 2, 2, 5 }).to(x[0].device)));
        add("embedding_bag_max", () => [Rand(1, [7, 3])], x => F.embedding_bag(torch.tensor(new long[] { 0, 2, 5, 6, 1, 3 }).reshape(2, 3).to(x[0].device), x[0], mode: "max"));
        add("parameters_to_vector", () => [Rand(1, [2, 3]), Rand(2, [4])], x => torch.nn.utils.parameters_to_vector(x) * 2.0);
    }
}
