using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The cosine similarity of two inputs along <see cref="dim"/>.</summary>
        public sealed class CosineSimilarity : torch.nn.Module<Tensor, Tensor, Tensor>
        {
            internal CosineSimilarity(long dim, double eps)
            {
                this.dim = dim;
                this.eps = eps;
            }

            /// <summary>The dim the similarity is computed over.</summary>
            public long dim { get; set; }

            /// <summary>The smallest norm used.</summary>
            public double eps { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor x1, Tensor x2) => torch.nn.functional.cosine_similarity(x1, x2, dim, eps);
        }

        /// <summary>The p-norm distance of two inputs over the last dim.</summary>
        public sealed class PairwiseDistance : torch.nn.Module<Tensor, Tensor, Tensor>
        {
            internal PairwiseDistance(double p, double eps, bool keepdim)
            {
                norm = p;
                this.eps = eps;
                this.keepdim = keepdim;
            }

            /// <summary>The norm degree.</summary>
            public double norm { get; set; }

            /// <summary>Added to the difference before the norm.</summary>
            public double eps { get; set; }

            /// <summary>Whether the reduced dim is kept.</summary>
            public bool keepdim { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor x1, Tensor x2) => torch.nn.functional.pairwise_distance(x1, x2, norm, eps, keepdim);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The cosine similarity module.</summary>
            public static CosineSimilarity CosineSimilarity(long dim = 1, double eps = 1e-8) => new(dim, eps);

            /// <summary>The pairwise distance module.</summary>
            public static PairwiseDistance PairwiseDistance(double p = 2.0, double eps = 1e-6, bool keepdim = false) => new(p, eps, keepdim);
        }
    }
}
