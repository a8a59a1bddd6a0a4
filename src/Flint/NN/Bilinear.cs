using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// y = x1^T A x2 + b (PyTorch's <c>nn.Bilinear</c>), with weight A of shape (out_features, in1_features, in2_features).
        /// Initialised as PyTorch 1.13 does from the global generator: weight, then bias, from U(-1/sqrt(in1), 1/sqrt(in1)).
        /// </summary>
        public sealed class Bilinear : torch.nn.Module<Tensor, Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);
            private const string BiasComponentName = nameof(bias);

            [ComponentName(Name = WeightComponentName)]
            private Modules.Parameter _weight = null!;
            [ComponentName(Name = BiasComponentName)]
            private Modules.Parameter? _bias;

            internal Bilinear(long in1_features, long in2_features, long out_features, bool hasBias, Device? device, ScalarType? dtype)
            {
                this.in1_features = in1_features;
                this.in2_features = in2_features;
                this.out_features = out_features;
                weight = torch.nn.Parameter(torch.empty([out_features, in1_features, in2_features], dtype, device));
                if (hasBias) bias = torch.nn.Parameter(torch.empty([out_features], dtype, device));
                reset_parameters();
            }

            /// <summary>Redraws weight and bias from U(-1/sqrt(in1_features), 1/sqrt(in1_features)), as PyTorch's <c>reset_parameters</c>.</summary>
            public void reset_parameters()
            {
                double bound = 1 / Math.Sqrt(_weight.size(1));
                torch.nn.init.uniform_(_weight, -bound, bound);
                if (_bias is not null) torch.nn.init.uniform_(_bias, -bound, bound);
            }

            /// <summary>The (out_features, in1_features, in2_features) weight.</summary>
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

            /// <summary>The (out_features) bias, or null for <c>hasBias: false</c>.</summary>
            public Modules.Parameter? bias
            {
                get => _bias;
                set
                {
                    _bias = value;
                    register_parameter(BiasComponentName, value);
                }
            }

            /// <summary>The size of each first input sample.</summary>
            public long in1_features { get; set; }

            /// <summary>The size of each second input sample.</summary>
            public long in2_features { get; set; }

            /// <summary>The size of each output sample.</summary>
            public long out_features { get; set; }

            /// <summary>x1^T A x2 + b over the last dims of the two inputs.</summary>
            public override Tensor forward(Tensor input1, Tensor input2) => torch.nn.functional.bilinear(input1, input2, _weight, _bias);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"in1_features={in1_features}, in2_features={in2_features}, out_features={out_features}, bias={FormatBool(_bias is not null)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A bilinear layer <c>y = x1^T A x2 + b</c> with PyTorch's default initialisation.</summary>
            /// <param name="in1_features">The size of each first input sample.</param>
            /// <param name="in2_features">The size of each second input sample.</param>
            /// <param name="out_features">The size of each output sample.</param>
            /// <param name="hasBias">Whether the layer learns an additive bias.</param>
            /// <param name="device">Where the parameters live (default: CPU).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static Bilinear Bilinear(long in1_features, long in2_features, long out_features, bool hasBias = true, Device? device = null, ScalarType? dtype = null)
                => new(in1_features, in2_features, out_features, hasBias, device, dtype);

            public static partial class functional
            {
                /// <summary>
                /// <c>y[..., o] = sum_ij input1[..., i] weight[o, i, j] input2[..., j] + bias[o]</c> (PyTorch's <c>F.bilinear</c>):
                /// input1 (*, in1), input2 (*, in2) with equal leading dims, weight (out, in1, in2), bias (out).
                /// Composed of a matrix product and a reduction, so it runs and differentiates on every device.
                /// </summary>
                public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias = null)
                {
                    if (input1.dim() != input2.dim())
                        throw new ArgumentException($"bilinear(): input dimensions do not match: got {input1.dim()} and {input2.dim()}");
                    for (int d = 0; d < input1.dim() - 1; d++)
                        if (input1.size(d) != input2.size(d))
                            throw new ArgumentException($"bilinear(): input batch dimensions do not match at dim {d}: got {input1.size(d)} and {input2.size(d)}");
                    if (weight.dim() != 3)
                        throw new ArgumentException($"bilinear(): weight must be 3-dimensional, but got {weight.dim()}-dimensional weight");
                    long in1 = weight.size(1), in2 = weight.size(2), outF = weight.size(0);
                    if (input1.dim() == 0 || input1.size(-1) != in1)
                        throw new ArgumentException($"bilinear(): input1 size does not match weight size: got {(input1.dim() == 0 ? 1 : input1.size(-1))} but expected {in1}");
                    if (input2.size(-1) != in2)
                        throw new ArgumentException($"bilinear(): input2 size does not match weight size: got {input2.size(-1)} but expected {in2}");
                    if (bias is not null && (bias.dim() != 1 || bias.size(0) != outF))
                        throw new ArgumentException($"bilinear(): bias size does not match weight size: got {(bias.dim() == 0 ? 1 : bias.size(0))} but expected {outF}");
                    var lead = input1.shape[..^1];
                    var x1 = input1.reshape(-1, in1);
                    var x2 = input2.reshape(-1, in2);
                    long rows = x1.size(0);
                    // (rows, in1) @ (in1, out * in2) -> (rows, out, in2), then contract with x2 over in2.
                    var t = x1.matmul(weight.permute(1, 0, 2).reshape(in1, outF * in2)).reshape(rows, outF, in2);
                    var y = t.mul(x2.unsqueeze(1)).sum(-1);
                    if (bias is not null) y = y.add(bias);
                    return y.reshape([.. lead, outF]);
                }
            }
        }
    }
}
