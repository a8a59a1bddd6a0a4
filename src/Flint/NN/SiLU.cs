using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>The sigmoid linear unit (swish) x·σ(x) (PyTorch's <c>nn.SiLU</c>).</summary>
        public sealed class SiLU : torch.nn.Module<Tensor, Tensor>
        {
            internal SiLU(bool inplace) => this.inplace = inplace;

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.silu(tensor, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => inplace ? "inplace=True" : "";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>SiLU (swish): x·σ(x).</summary>
            public static SiLU SiLU(bool inplace = false) => new(inplace);

            public static partial class functional
            {
                /// <summary>SiLU (swish): x·σ(x); with <paramref name="inplace"/> it overwrites <paramref name="input"/>.</summary>
                public static Tensor silu(Tensor input, bool inplace = false) => inplace ? input.copy_(Ops.Activations.Silu(input)) : Ops.Activations.Silu(input);
            }
        }
    }
}
