using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Group normalisation (PyTorch's <c>nn.GroupNorm</c>): the channels split into <see cref="num_groups"/> groups,
        /// each normalised over its channels and spatial positions, then a per-channel weight (ones) and bias (zeros).
        /// </summary>
        public sealed class GroupNorm : torch.nn.Module<Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);
            private const string BiasComponentName = nameof(bias);

            [ComponentName(Name = WeightComponentName)]
            private Parameter? _weight;
            [ComponentName(Name = BiasComponentName)]
            private Parameter? _bias;

            internal GroupNorm(long numGroups, long numChannels, double eps, bool affine, Device? device, ScalarType? dtype)
            {
                if (numGroups <= 0 || numChannels % numGroups != 0) throw new ArgumentException("num_channels must be divisible by num_groups");
                num_groups = numGroups;
                num_channels = numChannels;
                this.eps = eps;
                this.affine = affine;
                if (affine)
                {
                    weight = torch.nn.Parameter(torch.ones([numChannels], dtype, device));
                    bias = torch.nn.Parameter(torch.zeros([numChannels], dtype, device));
                }
            }

            /// <summary>The number of groups.</summary>
            public long num_groups { get; }

            /// <summary>The number of channels (dim 1 of the input).</summary>
            public long num_channels { get; }

            /// <summary>Added to the variance.</summary>
            public double eps { get; set; }

            /// <summary>Whether the layer learns a per-channel weight and bias.</summary>
            public bool affine { get; }

            /// <summary>The per-channel scale, or null without affine.</summary>
            public Parameter? weight
            {
                get => _weight;
                set { _weight = value; register_parameter(WeightComponentName, value); }
            }

            /// <summary>The per-channel shift, or null without affine.</summary>
            public Parameter? bias
            {
                get => _bias;
                set { _bias = value; register_parameter(BiasComponentName, value); }
            }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.group_norm(input, num_groups, _weight, _bias, eps);

            /// <inheritdoc/>
            public override string extra_repr() => $"{num_groups}, {num_channels}, eps={FormatFloat(eps)}, affine={FormatBool(affine)}";
        }

        /// <summary>
        /// RMS normalisation as PyTorch 2.4's <c>nn.RMSNorm</c>: x · rsqrt(mean(x²) + eps) · weight over the trailing
        /// <see cref="normalized_shape"/> dims; eps null means the input dtype's machine epsilon.
        /// </summary>
        public sealed class RMSNorm : torch.nn.Module<Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);

            [ComponentName(Name = WeightComponentName)]
            private Parameter? _weight;

            internal RMSNorm(long[] normalizedShape, double? eps, bool elementwiseAffine, Device? device, ScalarType? dtype)
            {
                normalized_shape = (long[])normalizedShape.Clone();
                this.eps = eps;
                elementwise_affine = elementwiseAffine;
                if (elementwiseAffine) weight = torch.nn.Parameter(torch.ones(normalized_shape, dtype, device));
            }

            /// <summary>The trailing dims that are normalised.</summary>
            public long[] normalized_shape { get; }

            /// <summary>Added to the mean square; null for the input dtype's machine epsilon.</summary>
            public double? eps { get; set; }

            /// <summary>Whether the layer learns an elementwise weight.</summary>
            public bool elementwise_affine { get; }

            /// <summary>The elementwise scale, or null.</summary>
            public Parameter? weight
            {
                get => _weight;
                set { _weight = value; register_parameter(WeightComponentName, value); }
            }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.rms_norm(input, normalized_shape, _weight, eps);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"({string.Join(", ", normalized_shape)}{(normalized_shape.Length == 1 ? "," : "")}), eps={(eps is { } e ? FormatFloat(e) : "None")}, elementwise_affine={FormatBool(elementwise_affine)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Group normalisation of <paramref name="num_channels"/> channels in <paramref name="num_groups"/> groups.</summary>
            public static GroupNorm GroupNorm(long num_groups, long num_channels, double eps = 1e-05, bool affine = true, Device? device = null, ScalarType? dtype = null)
                => new(num_groups, num_channels, eps, affine, device, dtype);

            /// <summary>RMS normalisation over the trailing dims <paramref name="normalized_shape"/> (PyTorch 2.4's definition).</summary>
            public static RMSNorm RMSNorm(long[] normalized_shape, double? eps = null, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null)
                => new(normalized_shape, eps, elementwise_affine, device, dtype);

            /// <summary>RMS normalisation over the last dim, of size <paramref name="normalized_shape"/>.</summary>
            public static RMSNorm RMSNorm(long normalized_shape, double? eps = null, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null)
                => new([normalized_shape], eps, elementwise_affine, device, dtype);

            public static partial class functional
            {
                /// <summary>Group normalisation: channels (dim 1) in <paramref name="num_groups"/> groups, each normalised, then per-channel weight and bias.</summary>
                public static Tensor group_norm(Tensor input, long num_groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-05)
                    => Ops.Normalization.GroupNorm(input, num_groups, weight, bias, eps);

                /// <summary>RMS normalisation over the trailing dims: x · rsqrt(mean(x²) + eps) · weight (eps null: the dtype's machine epsilon).</summary>
                public static Tensor rms_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, double? eps = null)
                    => Ops.Normalization.RmsNorm(input, normalized_shape, weight, eps);
            }
        }
    }
}
