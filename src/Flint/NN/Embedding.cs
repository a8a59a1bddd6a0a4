using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A lookup table of <see cref="num_embeddings"/> vectors of size <see cref="embedding_dim"/> (PyTorch's
        /// <c>nn.Embedding</c>): integer indices of any shape in, their rows out (shape <c>(*, embedding_dim)</c>).
        /// The weight starts from N(0, 1), as in PyTorch, with the <see cref="padding_idx"/> row zeroed.
        /// </summary>
        public sealed class Embedding : torch.nn.Module<Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);

            [ComponentName(Name = WeightComponentName)]
            private Modules.Parameter _weight = null!;

            internal Embedding(long numEmbeddings, long embeddingDim, long? paddingIdx, double? maxNorm, double normType, bool scaleGradByFreq, bool sparse,
                Tensor? initialWeight, Device? device, ScalarType? dtype)
            {
                num_embeddings = numEmbeddings;
                embedding_dim = embeddingDim;
                padding_idx = torch.nn.functional.NormalizePaddingIdx(paddingIdx, numEmbeddings);
                max_norm = maxNorm;
                norm_type = normType;
                scale_grad_by_freq = scaleGradByFreq;
                this.sparse = sparse;
                if (initialWeight is null)
                {
                    weight = torch.nn.Parameter(torch.empty([numEmbeddings, embeddingDim], dtype, device));
                    reset_parameters();
                }
                else
                {
                    if (initialWeight.dim() != 2 || initialWeight.size(0) != numEmbeddings || initialWeight.size(1) != embeddingDim)
                        throw new ArgumentException("Shape of weight does not match num_embeddings and embedding_dim");
                    weight = torch.nn.Parameter(initialWeight);
                }
            }

            /// <summary>The (num_embeddings, embedding_dim) table.</summary>
            public Modules.Parameter weight
            {
                get => _weight;
                set
                {
                    ArgumentNullException.ThrowIfNull(value);
                    _weight = value;
                    register_parameter(WeightComponentName, value);
                }
            }

            /// <summary>The number of rows.</summary>
            public long num_embeddings { get; }

            /// <summary>The size of each row.</summary>
            public long embedding_dim { get; }

            /// <summary>The row that gets no gradient (and starts at zero), normalised to be non-negative; null for none.</summary>
            public long? padding_idx { get; }

            /// <summary>When set, looked-up rows whose norm exceeds it are renormalised in place to this norm.</summary>
            public double? max_norm { get; set; }

            /// <summary>The p of the norm for <see cref="max_norm"/>.</summary>
            public double norm_type { get; set; }

            /// <summary>Whether gradients are divided by each index's frequency in the mini-batch.</summary>
            public bool scale_grad_by_freq { get; set; }

            /// <summary>PyTorch's sparse-gradient flag; Flint's gradients are dense (the values are the same).</summary>
            public bool sparse { get; }

            /// <summary>Redraws the weight from N(0, 1) and zeroes the padding row.</summary>
            public void reset_parameters()
            {
                torch.nn.init.normal_(_weight);
                if (padding_idx is { } p)
                    using (torch.no_grad()) _weight[p].fill_(0);
            }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) =>
                torch.nn.functional.embedding(input, _weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);

            /// <inheritdoc/>
            public override string extra_repr()
            {
                var s = $"{num_embeddings}, {embedding_dim}";
                if (padding_idx is { } p) s += $", padding_idx={p}";
                if (max_norm is { } m) s += $", max_norm={FormatFloat(m)}";
                if (norm_type != 2) s += $", norm_type={FormatFloat(norm_type)}";
                if (scale_grad_by_freq) s += ", scale_grad_by_freq=True";
                if (sparse) s += ", sparse=True";
                return s;
            }

            /// <summary>
            /// An Embedding around an existing (rows, dim) table, as PyTorch's <c>Embedding.from_pretrained</c>:
            /// the table is used as is (not copied, the padding row not zeroed); <paramref name="freeze"/> stops it learning.
            /// </summary>
            public static Embedding from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false)
            {
                if (embeddings.dim() != 2) throw new ArgumentException("Embeddings parameter is expected to be 2-dimensional");
                var e = new Embedding(embeddings.size(0), embeddings.size(1), padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, embeddings, null, null);
                e.weight.requires_grad = !freeze;
                return e;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A lookup table of <paramref name="num_embeddings"/> vectors of size <paramref name="embedding_dims"/>, drawn from N(0, 1).</summary>
            /// <param name="num_embeddings">The number of rows (the vocabulary size).</param>
            /// <param name="embedding_dims">The size of each row.</param>
            /// <param name="padding_idx">A row that gets no gradient and starts at zero (negative counts from the end).</param>
            /// <param name="max_norm">When set, looked-up rows with a larger norm are renormalised in place.</param>
            /// <param name="norm_type">The p of that norm.</param>
            /// <param name="scale_grad_by_freq">Divide gradients by each index's frequency in the mini-batch.</param>
            /// <param name="sparse">PyTorch's sparse-gradient flag (Flint's gradients are dense).</param>
            /// <param name="device">Where the table lives.</param>
            /// <param name="dtype">The table's dtype (default: the default dtype).</param>
            public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
                => new(num_embeddings, embedding_dims, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, null, device, dtype);

            /// <summary>An Embedding around an existing table (TorchSharp's spelling of <c>Embedding.from_pretrained</c>).</summary>
            public static Embedding Embedding_from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false)
                => Modules.Embedding.from_pretrained(embeddings, freeze, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse);

            public static partial class functional
            {
                /// <summary>
                /// Rows of <paramref name="weight"/> picked by the integer tensor <paramref name="input"/>: shape
                /// <c>input.shape + (embedding_dim,)</c>. With <paramref name="max_norm"/> the looked-up rows of the weight are
                /// renormalised in place first; the <paramref name="padding_idx"/> row gets no gradient.
                /// </summary>
                public static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null, double? max_norm = null,
                    double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false)
                {
                    long pad = NormalizePaddingIdx(padding_idx, weight.size(0)) ?? -1;
                    if (max_norm is { } m) Ops.EmbeddingOps.Renorm(weight, input, m, norm_type);
                    return Ops.EmbeddingOps.Lookup(weight, input, pad, scale_grad_by_freq);
                }

                internal static long? NormalizePaddingIdx(long? paddingIdx, long numEmbeddings)
                {
                    if (paddingIdx is not { } p) return null;
                    if (p > 0 && p >= numEmbeddings) throw new ArgumentException("Padding_idx must be within num_embeddings");
                    if (p < 0 && p < -numEmbeddings) throw new ArgumentException("Padding_idx must be within num_embeddings");
                    return p < 0 ? p + numEmbeddings : p;
                }
            }
        }
    }
}
