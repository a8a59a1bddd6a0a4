using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Splits dim <see cref="dim"/> into <see cref="unflattened_size"/> (the inverse of <c>Flatten</c>).</summary>
        public sealed class Unflatten : torch.nn.Module<Tensor, Tensor>
        {
            internal Unflatten(long dim, long[] unflattened_size)
            {
                this.dim = dim;
                this.unflattened_size = unflattened_size;
            }

            /// <summary>The dim split.</summary>
            public long dim { get; set; }

            /// <summary>The sizes it is split into.</summary>
            public long[] unflattened_size { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => input.unflatten(dim, unflattened_size);

            /// <inheritdoc/>
            public override string extra_repr() => $"dim={dim}, unflattened_size={PyTuple(unflattened_size)}";

            internal static string PyTuple(long[] v) => v.Length == 1 ? $"({v[0]},)" : "(" + string.Join(", ", v) + ")";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Unflattens dim <paramref name="dim"/> into <paramref name="unflattened_size"/>.</summary>
            public static Unflatten Unflatten(long dim, long[] unflattened_size) => new(dim, unflattened_size);
        }
    }
}
