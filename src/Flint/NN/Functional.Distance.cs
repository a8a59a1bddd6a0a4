namespace Flint;

// F.cosine_similarity, F.pairwise_distance and F.normalize (the rules: Ops/Distances.cs through torch.*).
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>Cosine similarity between <paramref name="x1"/> and <paramref name="x2"/> along <paramref name="dim"/>, each norm clamped to at least <paramref name="eps"/>.</summary>
            public static Tensor cosine_similarity(Tensor x1, Tensor x2, long dim = 1, double eps = 1e-8) => torch.cosine_similarity(x1, x2, dim, eps);

            /// <summary>The p-norm of input1 − input2 + eps over the last dim (PyTorch's F.pairwise_distance).</summary>
            public static Tensor pairwise_distance(Tensor input1, Tensor input2, double p = 2.0, double eps = 1e-6, bool keepdim = false) => torch.pairwise_distance(input1, input2, p, eps, keepdim);

            /// <summary>input / max(‖input‖_p over <paramref name="dim"/>, eps).</summary>
            public static Tensor normalize(Tensor input, double p = 2.0, long dim = 1, double eps = 1e-12) => input / input.norm(dim, p, keepdim: true).clamp_min(eps).expand_as(input);
        }
    }
}
