using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Flattens dims <see cref="start_dim"/>..<see cref="end_dim"/> into one (by default all but the batch dim).</summary>
        public sealed class Flatten : torch.nn.Module<Tensor, Tensor>
        {
            internal Flatten(long start_dim, long end_dim)
            {
                this.start_dim = start_dim;
                this.end_dim = end_dim;
            }

            /// <summary>The first dim flattened.</summary>
            public long start_dim { get; set; }

            /// <summary>The last dim flattened.</summary>
            public long end_dim { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);

            /// <inheritdoc/>
            public override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Flattens a contiguous range of dims: <c>nn.Flatten()</c> turns (N, C, H, W) into (N, C*H*W).</summary>
            public static Flatten Flatten(long start_dim = 1, long end_dim = -1) => new(start_dim, end_dim);
        }
    }
}
