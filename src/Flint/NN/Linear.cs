using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// y = x W^T + b (PyTorch's <c>nn.Linear</c>). Initialised as PyTorch 1.13 does, drawing from the
        /// global generator: <c>kaiming_uniform_(weight, a: sqrt(5))</c>, then bias from U(-1/sqrt(in), 1/sqrt(in)),
        /// so a seeded Flint model starts from PyTorch's exact weights.
        /// </summary>
        public class Linear : torch.nn.Module<Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);
            private const string BiasComponentName = nameof(bias);

            [ComponentName(Name = WeightComponentName)]
            private Modules.Parameter _weight = null!;
            [ComponentName(Name = BiasComponentName)]
            private Modules.Parameter? _bias;

            internal Linear(Modules.Parameter weight, Modules.Parameter? bias)
            {
                if (weight.dim() != 2) throw new ArgumentException($"Linear expects a 2-D weight, got shape {weight.size()}");
                if (bias is not null && (bias.dim() != 1 || bias.size(0) != weight.size(0)))
                    throw new ArgumentException($"Linear bias of shape {bias.size()} doesn't match weight of shape {weight.size()}");
                in_features = weight.size(1);
                out_features = weight.size(0);
                this.weight = weight;
                this.bias = bias;
            }

            internal Linear(long inputSize, long outputSize, bool hasBias, Device? device, ScalarType? dtype)
            {
                in_features = inputSize;
                out_features = outputSize;
                weight = torch.nn.Parameter(torch.empty([outputSize, inputSize], dtype, device));
                torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
                if (hasBias)
                {
                    bias = torch.nn.Parameter(torch.empty([outputSize], dtype, device));
                    var (fanIn, _) = torch.nn.init.CalculateFanInAndFanOut(weight);
                    double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
                    torch.nn.init.uniform_(bias, -bound, bound);
                }
            }

            /// <summary>The (out_features, in_features) weight.</summary>
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

            /// <summary>The size of each input sample.</summary>
            public long in_features { get; set; }

            /// <summary>The size of each output sample.</summary>
            public long out_features { get; set; }

            /// <summary>x W^T + b.</summary>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.linear(tensor, _weight, _bias);

            /// <inheritdoc/>
            public override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={FormatBool(_bias is not null)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A fully connected layer <c>y = x W^T + b</c> with PyTorch's default initialisation.</summary>
            /// <param name="inputSize">in_features: the size of each input sample.</param>
            /// <param name="outputSize">out_features: the size of each output sample.</param>
            /// <param name="hasBias">Whether the layer learns an additive bias.</param>
            /// <param name="device">Where the parameters live (default: CPU).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null)
                => new(inputSize, outputSize, hasBias, device, dtype);

            /// <summary>A fully connected layer around existing parameters.</summary>
            public static Linear Linear(Parameter weight, Parameter? bias = null) => new(weight, bias);

            public static partial class functional
            {
                /// <summary>
                /// <c>input @ weight^T + bias</c> for input of shape (*, in_features), weight (out_features, in_features)
                /// and bias (out_features).
                /// </summary>
                public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
                {
                    if (input.dim() != 2 || weights.dim() != 2 || bias is not null && bias.dim() != 1 || input.dtype != weights.dtype
                        || bias is not null && bias.dtype != input.dtype || input.size(1) != weights.size(1))
                    {
                        var y = input.matmul(weights.t());
                        return bias is null ? y : y.add(bias);
                    }
                    return bias is null ? input.mm(weights.t()) : Ops.MatMul.LinearAddmm(input, weights, bias);
                }
            }
        }
    }
}
