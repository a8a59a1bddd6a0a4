using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Sums, averages or takes the max of bags of embeddings without materialising them per bag (PyTorch's
        /// <c>nn.EmbeddingBag</c>): a 2-D input is one bag per row; a 1-D input is split into bags at <c>offsets</c>.
        /// The weight starts from N(0, 1) with the <see cref="padding_idx"/> row zeroed; padding entries are left out of their bag.
        /// </summary>
        public sealed class EmbeddingBag : torch.nn.Module<Tensor, Tensor?, Tensor>
        {
            private const string WeightComponentName = nameof(weight);

            [ComponentName(Name = WeightComponentName)]
            private Parameter _weight = null!;

            internal EmbeddingBag(long numEmbeddings, long embeddingDim, double? maxNorm, double normType, bool scaleGradByFreq, string mode, bool sparse,
                Tensor? initialWeight, bool includeLastOffset, long? paddingIdx, Device? device, ScalarType? dtype)
            {
                if (mode is not ("sum" or "mean" or "max")) throw new ArgumentException($"mode has to be one of sum, mean or max");
                num_embeddings = numEmbeddings;
                embedding_dim = embeddingDim;
                max_norm = maxNorm;
                norm_type = normType;
                scale_grad_by_freq = scaleGradByFreq;
                this.mode = mode;
                this.sparse = sparse;
                include_last_offset = includeLastOffset;
                padding_idx = torch.nn.functional.NormalizePaddingIdx(paddingIdx, numEmbeddings);
                if (initialWeight is null)
                {
                    weight = torch.nn.Parameter(torch.empty([numEmbeddings, embeddingDim], dtype, device));
                    torch.nn.init.normal_(_weight);
                    if (padding_idx is { } p)
                        using (torch.no_grad()) _weight[p].fill_(0);
                }
                else weight = torch.nn.Parameter(initialWeight);
            }

            /// <summary>The (num_embeddings, embedding_dim) table.</summary>
            public Parameter weight
            {
                get => _weight;
                set { ArgumentNullException.ThrowIfNull(value); _weight = value; register_parameter(WeightComponentName, value); }
            }

            /// <summary>The number of rows.</summary>
            public long num_embeddings { get; }

            /// <summary>The size of each row.</summary>
            public long embedding_dim { get; }

            /// <summary>When set, looked-up rows with a larger norm are renormalised in place.</summary>
            public double? max_norm { get; set; }

            /// <summary>The p of that norm.</summary>
            public double norm_type { get; set; }

            /// <summary>Whether gradients are divided by each index's frequency in the mini-batch.</summary>
            public bool scale_grad_by_freq { get; set; }

            /// <summary>"sum", "mean" or "max".</summary>
            public string mode { get; }

            /// <summary>PyTorch's sparse-gradient flag (Flint's gradients are dense).</summary>
            public bool sparse { get; }

            /// <summary>Whether <c>offsets</c> has one entry more than there are bags (the end of the last bag).</summary>
            public bool include_last_offset { get; }

            /// <summary>An index left out of every bag (its row starts at zero), or null.</summary>
            public long? padding_idx { get; }

            /// <summary>The bags' reductions: a 2-D input is one bag per row, a 1-D input is split at <paramref name="offsets"/>.</summary>
            public override Tensor forward(Tensor input, Tensor? offsets) => forward(input, offsets, null);

            /// <summary>The bags' reductions, each looked-up row scaled by <paramref name="per_sample_weights"/> (mode "sum").</summary>
            public Tensor forward(Tensor input, Tensor? offsets, Tensor? per_sample_weights) =>
                torch.nn.functional.embedding_bag(input, _weight, offsets, max_norm, norm_type, scale_grad_by_freq, mode, sparse, per_sample_weights, include_last_offset, padding_idx);

            /// <summary>Runs the module (with its hooks) on a 2-D input, one bag per row.</summary>
            public Tensor call(Tensor input) => call(input, null);

            /// <inheritdoc/>
            public override string extra_repr()
            {
                var s = $"{num_embeddings}, {embedding_dim}";
                if (max_norm is { } m) s += $", max_norm={FormatFloat(m)}";
                if (norm_type != 2) s += $", norm_type={FormatFloat(norm_type)}";
                if (scale_grad_by_freq) s += ", scale_grad_by_freq=True";
                s += $", mode={mode}";
                if (padding_idx is { } p) s += $", padding_idx={p}";
                return s;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Bags of embeddings reduced by <paramref name="mode"/> ("sum", "mean" or "max").</summary>
            public static EmbeddingBag EmbeddingBag(long num_embeddings, long embedding_dim, double? max_norm = null, double norm_type = 2.0, bool scale_grad_by_freq = false,
                string mode = "mean", bool sparse = false, bool include_last_offset = false, long? padding_idx = null, Device? device = null, ScalarType? dtype = null)
                => new(num_embeddings, embedding_dim, max_norm, norm_type, scale_grad_by_freq, mode, sparse, null, include_last_offset, padding_idx, device, dtype);

            /// <summary>An EmbeddingBag around an existing table (<c>EmbeddingBag.from_pretrained</c>).</summary>
            public static EmbeddingBag EmbeddingBag_from_pretrained(Tensor embeddings, bool freeze = true, double? max_norm = null, double norm_type = 2.0,
                bool scale_grad_by_freq = false, string mode = "mean", bool sparse = false, bool include_last_offset = false, long? padding_idx = null)
            {
                if (embeddings.dim() != 2) throw new ArgumentException("Embeddings parameter is expected to be 2-dimensional");
                var bag = new EmbeddingBag(embeddings.size(0), embeddings.size(1), max_norm, norm_type, scale_grad_by_freq, mode, sparse, embeddings, include_last_offset, padding_idx, null, null);
                bag.weight.requires_grad = !freeze;
                return bag;
            }

            public static partial class functional
            {
                /// <summary>
                /// Reduces bags of embedding rows by <paramref name="mode"/>: a 2-D <paramref name="input"/> is one bag per row; a
                /// 1-D one is split at <paramref name="offsets"/>. <paramref name="per_sample_weights"/> (mode "sum" only) scales
                /// each looked-up row; padding entries are left out of their bag; an empty bag gives zeros.
                /// </summary>
                public static Tensor embedding_bag(Tensor input, Tensor weight, Tensor? offsets = null, double? max_norm = null, double norm_type = 2,
                    bool scale_grad_by_freq = false, string mode = "mean", bool sparse = false, Tensor? per_sample_weights = null,
                    bool include_last_offset = false, long? padding_idx = null)
                {
                    long pad = NormalizePaddingIdx(padding_idx, weight.size(0)) ?? -1;
                    if (max_norm is { } m) Ops.EmbeddingOps.Renorm(weight, input, m, norm_type);
                    return Ops.EmbeddingOps.Bag(input, weight, offsets, scale_grad_by_freq, mode, per_sample_weights, include_last_offset, pad);
                }
            }
        }
    }
}
