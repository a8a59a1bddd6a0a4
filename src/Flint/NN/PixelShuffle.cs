using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Rearranges (*, C·r², H, W) into (*, C, H·r, W·r) (PyTorch's <c>nn.PixelShuffle</c>).</summary>
        public sealed class PixelShuffle : torch.nn.Module<Tensor, Tensor>
        {
            internal PixelShuffle(long upscale_factor) => this.upscale_factor = upscale_factor;

            /// <summary>r, the factor each spatial size grows by.</summary>
            public long upscale_factor { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.pixel_shuffle(input, upscale_factor);

            /// <inheritdoc/>
            public override string extra_repr() => $"upscale_factor={upscale_factor}";
        }

        /// <summary>Rearranges (*, C, H·r, W·r) into (*, C·r², H, W) (PyTorch's <c>nn.PixelUnshuffle</c>).</summary>
        public sealed class PixelUnshuffle : torch.nn.Module<Tensor, Tensor>
        {
            internal PixelUnshuffle(long downscale_factor) => this.downscale_factor = downscale_factor;

            /// <summary>r, the factor each spatial size shrinks by.</summary>
            public long downscale_factor { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.pixel_unshuffle(input, downscale_factor);

            /// <inheritdoc/>
            public override string extra_repr() => $"downscale_factor={downscale_factor}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Rearranges channels into space by <paramref name="upscale_factor"/>.</summary>
            public static PixelShuffle PixelShuffle(long upscale_factor) => new(upscale_factor);

            /// <summary>Rearranges space into channels by <paramref name="downscale_factor"/>.</summary>
            public static PixelUnshuffle PixelUnshuffle(long downscale_factor) => new(downscale_factor);

            public static partial class functional
            {
                /// <summary>(*, C·r², H, W) → (*, C, H·r, W·r): a reshape, a permute and a reshape, differentiable as views are.</summary>
                public static Tensor pixel_shuffle(Tensor input, long upscale_factor) => Ops.Resampling.PixelShuffle(input, upscale_factor);

                /// <summary>(*, C, H·r, W·r) → (*, C·r², H, W), the inverse of <see cref="pixel_shuffle"/>.</summary>
                public static Tensor pixel_unshuffle(Tensor input, long downscale_factor) => Ops.Resampling.PixelUnshuffle(input, downscale_factor);
            }
        }
    }
}
