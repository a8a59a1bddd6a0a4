using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Upsampling by <see cref="torch.nn.functional.interpolate"/> (PyTorch's <c>nn.Upsample</c>): to a fixed <see cref="size"/>
        /// or by <see cref="scale_factor"/>, in mode nearest, nearest-exact, linear, bilinear, bicubic, trilinear or area.
        /// </summary>
        public sealed class Upsample : torch.nn.Module<Tensor, Tensor>
        {
            private readonly bool _scalarSize;

            internal Upsample(long[]? size, bool scalarSize, double[]? scale_factor, string mode, bool? align_corners, bool? recompute_scale_factor)
            {
                this.size = size;
                _scalarSize = scalarSize;
                this.scale_factor = scale_factor;
                this.mode = mode;
                this.align_corners = align_corners;
                this.recompute_scale_factor = recompute_scale_factor;
            }

            /// <summary>The output spatial size, or null when <see cref="scale_factor"/> is given.</summary>
            public long[]? size { get; }
            /// <summary>The multiplier of each spatial size, or null when <see cref="size"/> is given.</summary>
            public double[]? scale_factor { get; }
            /// <summary>"nearest", "nearest-exact", "linear", "bilinear", "bicubic", "trilinear" or "area".</summary>
            public string mode { get; }
            /// <summary>Whether corner pixels' centres align (bilinear only).</summary>
            public bool? align_corners { get; }
            /// <summary>Whether the scale is recomputed from the output size.</summary>
            public bool? recompute_scale_factor { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) =>
                torch.nn.functional.interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor);

            /// <inheritdoc/>
            public override string extra_repr()
            {
                string info = scale_factor is not null
                    ? "scale_factor=" + (scale_factor.Length == 1 ? FormatFloat(scale_factor[0]) : "(" + string.Join(", ", scale_factor.Select(FormatFloat)) + ")")
                    : "size=" + (_scalarSize ? $"{size![0]}" : "(" + string.Join(", ", size!) + ")");
                return info + ", mode=" + mode;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Upsamples to <paramref name="size"/> (one entry for every spatial dim, or one per dim) or by <paramref name="scale_factor"/>.</summary>
            public static Upsample Upsample(long[]? size = null, double[]? scale_factor = null, string mode = "nearest", bool? align_corners = null, bool? recompute_scale_factor = null)
                => new(size, false, scale_factor, mode, align_corners, recompute_scale_factor);

            /// <summary>Upsamples every spatial dim to <paramref name="size"/>.</summary>
            public static Upsample Upsample(long size, string mode = "nearest", bool? align_corners = null)
                => new([size], true, null, mode, align_corners, null);

            /// <summary>Upsamples every spatial dim by <paramref name="scale_factor"/>.</summary>
            public static Upsample Upsample(double scale_factor, string mode = "nearest", bool? align_corners = null, bool? recompute_scale_factor = null)
                => new(null, false, [scale_factor], mode, align_corners, recompute_scale_factor);

            public static partial class functional
            {
                /// <summary>
                /// Resizes the spatial dims of (N, C, L), (N, C, H, W) or (N, C, D, H, W) input to <paramref name="size"/> or by
                /// <paramref name="scale_factor"/> (one value for every dim, or one per dim; exactly one of the two), with
                /// <paramref name="mode"/> "nearest" (PyTorch's legacy nearest: floor of the scaled index), "nearest-exact",
                /// "linear" (3-d input), "bilinear" or "bicubic" (4-d), "trilinear" (5-d) or "area" (adaptive average pooling);
                /// <paramref name="align_corners"/> and <paramref name="recompute_scale_factor"/> as PyTorch's.
                /// </summary>
                public static Tensor interpolate(Tensor input, long[]? size = null, double[]? scale_factor = null, string mode = "nearest",
                    bool? align_corners = null, bool? recompute_scale_factor = null) =>
                    Ops.Resampling.Interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor);
            }
        }
    }
}
