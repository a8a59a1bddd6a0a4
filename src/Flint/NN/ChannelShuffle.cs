using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Interleaves the channels of <see cref="groups"/> groups: (N, g·k, *) → channel order k-major.</summary>
        public sealed class ChannelShuffle : torch.nn.Module<Tensor, Tensor>
        {
            internal ChannelShuffle(long groups) => this.groups = groups;

            /// <summary>The number of channel groups.</summary>
            public long groups { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => input.channel_shuffle(groups);

            /// <inheritdoc/>
            public override string extra_repr() => $"groups={groups}";
        }
    }

    public static partial class torch
    {
        /// <summary>Reorders the channels of (N, C, *) input as (N, g, C/g, *) transposed to (N, C/g, g, *).</summary>
        public static Tensor channel_shuffle(Tensor input, long groups) => input.channel_shuffle(groups);

        public partial class Tensor
        {
            /// <summary>Reorders the channels of (N, C, *) input as (N, g, C/g, *) transposed to (N, C/g, g, *).</summary>
            public Tensor channel_shuffle(long groups)
            {
                if (groups <= 0) throw new ArgumentException($"Number of groups to divide channels in must be positive. Value of groups:{groups}");
                if (dim() < 3) throw new ArgumentException($"channel_shuffle expects input to have at least 3 dimensions, but got input with sizes {Shapes.Str(shape)}");
                long c = size(1);
                if (c % groups != 0) throw new ArgumentException($"Number of channels must be divisible by groups. Got {c} channels and {groups} groups.");
                var grouped = shape.ToArray().ToList();
                grouped[1] = c / groups;
                grouped.Insert(1, groups);
                return reshape([.. grouped]).transpose(1, 2).reshape(shape);
            }
        }

        public static partial class nn
        {
            /// <summary>Shuffles channels across <paramref name="groups"/> groups.</summary>
            public static ChannelShuffle ChannelShuffle(long groups) => new(groups);
        }
    }
}
