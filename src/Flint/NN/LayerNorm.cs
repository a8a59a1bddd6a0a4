using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Layer normalisation over the trailing <see cref="normalized_shape"/> dims (PyTorch's <c>nn.LayerNorm</c>):
        /// (x − mean) / √(var + eps), then a learned elementwise weight (ones) and bias (zeros).
        /// </summary>
        public sealed class LayerNorm : torch.nn.Module<Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);
            private const string BiasComponentName = nameof(bias);

            [ComponentName(Name = WeightComponentName)]
            private Modules.Parameter? _weight;
            [ComponentName(Name = BiasComponentName)]
            private Modules.Parameter? _bias;

            internal LayerNorm(long[] normalizedShape, double eps, bool elementwiseAffine, bool hasBias, Device? device, ScalarType? dtype)
            {
                normalized_shape = (long[])normalizedShape.Clone();
                this.eps = eps;
                elementwise_affine = elementwiseAffine;
                if (elementwiseAffine)
                {
                    weight = torch.nn.Parameter(torch.ones(normalized_shape, dtype, device));
                    if (hasBias) bias = torch.nn.Parameter(torch.zeros(normalized_shape, dtype, device));
                }
            }

            /// <summary>The trailing dims that are normalised.</summary>
            public long[] normalized_shape { get; }

            /// <summary>Added to the variance for numerical stability.</summary>
            public double eps { get; set; }

            /// <summary>Whether the layer has a learned weight (and bias).</summary>
            public bool elementwise_affine { get; }

            /// <summary>The elementwise scale (shape <see cref="normalized_shape"/>), or null without elementwise_affine.</summary>
            public Modules.Parameter? weight
            {
                get => _weight;
                set { _weight = value; register_parameter(WeightComponentName, value); }
            }

            /// <summary>The elementwise shift, or null.</summary>
            public Modules.Parameter? bias
            {
                get => _bias;
                set { _bias = value; register_parameter(BiasComponentName, value); }
            }

            /// <summary>Resets the weight to ones and the bias to zeros.</summary>
            public void reset_parameters()
            {
                if (_weight is not null) torch.nn.init.ones_(_weight);
                if (_bias is not null) torch.nn.init.zeros_(_bias);
            }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.layer_norm(input, normalized_shape, _weight, _bias, eps);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"({string.Join(", ", normalized_shape)}{(normalized_shape.Length == 1 ? "," : "")}), eps={FormatFloat(eps)}, elementwise_affine={FormatBool(elementwise_affine)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Layer normalisation over the trailing dims <paramref name="normalized_shape"/>.</summary>
            /// <param name="normalized_shape">The trailing dims to normalise over.</param>
            /// <param name="eps">Added to the variance.</param>
            /// <param name="elementwise_affine">Learn a weight (ones) and a bias (zeros).</param>
            /// <param name="bias">With elementwise_affine, whether to learn the bias too.</param>
            /// <param name="device">Where the parameters live.</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new(normalized_shape, eps, elementwise_affine, bias, device, dtype);

            /// <summary>Layer normalisation over the last dim, of size <paramref name="normalized_shape"/>.</summary>
            public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null)
                => new([normalized_shape], eps, elementwise_affine, bias, device, dtype);

            public static partial class functional
            {
                /// <summary>Layer normalisation over the trailing dims <paramref name="normalized_shape"/>: (x − mean) / √(var + eps) · weight + bias.</summary>
                public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-05)
                    => Ops.LayerNormOps.LayerNorm(input, normalized_shape, weight, bias, eps);
            }
        }
    }
}
