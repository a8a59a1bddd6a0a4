using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Returns its input unchanged (a placeholder layer).</summary>
        public sealed class Identity : torch.nn.Module<Tensor, Tensor>
        {
            internal Identity() { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => tensor;
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A layer that returns its input.</summary>
            public static Identity Identity() => new();
        }
    }
}
