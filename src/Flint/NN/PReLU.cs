using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>PReLU: x for x &gt; 0, else a·x with a learned slope a per channel (or one shared), PyTorch's <c>nn.PReLU</c>.</summary>
        public sealed class PReLU : torch.nn.Module<Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);

            [ComponentName(Name = WeightComponentName)]
            private Parameter _weight = null!;

            internal PReLU(long numParameters, double init, Device? device, ScalarType? dtype)
            {
                num_parameters = numParameters;
                this.init = init;
                weight = torch.nn.Parameter(torch.full([numParameters], init, dtype ?? torch.get_default_dtype(), device));
            }

            /// <summary>The slopes: one per channel, or one shared.</summary>
            public Parameter weight
            {
                get => _weight;
                set { ArgumentNullException.ThrowIfNull(value); _weight = value; register_parameter(WeightComponentName, value); }
            }

            /// <summary>The number of slopes.</summary>
            public long num_parameters { get; }

            /// <summary>The slopes' initial value.</summary>
            public double init { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.prelu(tensor, _weight);

            /// <inheritdoc/>
            public override string extra_repr() => $"num_parameters={num_parameters}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>PReLU with <paramref name="num_parameters"/> learned slopes (1 or the channel count), all starting at <paramref name="init"/>.</summary>
            public static PReLU PReLU(long num_parameters = 1, double init = 0.25, Device? device = null, ScalarType? dtype = null) => new(num_parameters, init, device, dtype);
        }
    }
}
