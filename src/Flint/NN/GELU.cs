using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The Gaussian error linear unit x·Φ(x) (PyTorch's <c>nn.GELU</c>), exact or with the tanh approximation.</summary>
        public sealed class GELU : torch.nn.Module<Tensor, Tensor>
        {
            internal GELU(string approximate)
            {
                if (approximate is not ("none" or "tanh")) throw new ArgumentException("approximate argument must be either none or tanh.");
                this.approximate = approximate;
            }

            /// <summary><c>"none"</c> (exact, through erf) or <c>"tanh"</c>.</summary>
            public string approximate { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.gelu(tensor, approximate);

            /// <inheritdoc/>
            public override string extra_repr() => $"approximate='{approximate}'";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>GELU: x·Φ(x); <paramref name="approximate"/> = "tanh" uses 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).</summary>
            public static GELU GELU(string approximate = "none") => new(approximate);

            public static partial class functional
            {
                /// <summary>GELU: x·Φ(x) (exact, via erf), or its tanh approximation with <paramref name="approximate"/> = "tanh".</summary>
                public static Tensor gelu(Tensor input, string approximate = "none") => Ops.Activations.Gelu(input, approximate);
            }
        }
    }
}
