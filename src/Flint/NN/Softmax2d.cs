using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Softmax over the channels of (N, C, H, W) or (C, H, W) input, at each location.</summary>
        public sealed class Softmax2d : torch.nn.Module<Tensor, Tensor>
        {
            internal Softmax2d() { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.softmax2d(input);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Softmax over the channel dim (-3).</summary>
            public static Softmax2d Softmax2d() => new();

            public static partial class functional
            {
                /// <summary>Softmax over dim −3 of a 3-d or 4-d input (PyTorch's <c>nn.Softmax2d</c>).</summary>
                public static Tensor softmax2d(Tensor input)
                {
                    if (input.dim() != 3 && input.dim() != 4) throw new ArgumentException("Softmax2d requires a 3D or 4D tensor as input");
                    return input.softmax(-3);
                }
            }
        }
    }
}
