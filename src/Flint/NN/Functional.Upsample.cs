namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>PyTorch's deprecated alias of <see cref="interpolate"/>.</summary>
            public static Tensor upsample(Tensor input, long[]? size = null, double[]? scale_factor = null, string mode = "nearest", bool? align_corners = null) =>
                interpolate(input, size, scale_factor, mode, align_corners);

            /// <summary>Nearest upsampling (PyTorch's deprecated <c>upsample_nearest</c>: interpolate with mode "nearest").</summary>
            public static Tensor upsample_nearest(Tensor input, long[]? size = null, double[]? scale_factor = null) =>
                interpolate(input, size, scale_factor, "nearest");

            /// <summary>Bilinear upsampling with aligned corners (PyTorch's deprecated <c>upsample_bilinear</c>).</summary>
            public static Tensor upsample_bilinear(Tensor input, long[]? size = null, double[]? scale_factor = null) =>
                interpolate(input, size, scale_factor, "bilinear", align_corners: true);
        }
    }
}
