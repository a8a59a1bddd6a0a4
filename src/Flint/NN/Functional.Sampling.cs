using Flint.Ops;

namespace Flint;

public static partial class torch
{
    /// <summary>How <see cref="nn.functional.grid_sample(Tensor, Tensor, GridSampleMode, GridSamplePaddingMode, bool?)"/> interpolates.</summary>
    public enum GridSampleMode
    {
        /// <summary>The nearest input pixel (rounding half to even).</summary>
        Nearest = 0,
        /// <summary>Bilinear interpolation of the four neighbours.</summary>
        Bilinear = 1,
        /// <summary>Bicubic interpolation of the sixteen neighbours (A = -0.75).</summary>
        Bicubic = 2,
    }

    /// <summary>What <see cref="nn.functional.grid_sample(Tensor, Tensor, GridSampleMode, GridSamplePaddingMode, bool?)"/> reads outside the input.</summary>
    public enum GridSamplePaddingMode
    {
        /// <summary>Zeros.</summary>
        Zeros = 0,
        /// <summary>The input reflected at its border.</summary>
        Reflection = 1,
        /// <summary>The border values.</summary>
        Border = 2,
    }

    /// <summary>The p-norm distance between every pair of rows of an (N, M) input: N·(N-1)/2 values, pairs (i, j) with i &lt; j in order.</summary>
    public static Tensor pdist(Tensor input, double p = 2) => Pdist.Forward(input, p);

    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Samples (N, C, H, W) input at the (N, Ho, Wo, 2) grid's normalised (x, y) locations in [-1, 1] (PyTorch's
            /// grid_sampler_2d), differentiable in both input and grid; <paramref name="align_corners"/> null means false.
            /// </summary>
            public static Tensor grid_sample(Tensor input, Tensor grid, GridSampleMode mode = GridSampleMode.Bilinear,
                GridSamplePaddingMode padding_mode = GridSamplePaddingMode.Zeros, bool? align_corners = null) =>
                GridSampling.GridSample(input, grid,
                    mode switch { GridSampleMode.Nearest => GridSampling.NearestMode, GridSampleMode.Bicubic => GridSampling.BicubicMode, _ => GridSampling.BilinearMode },
                    padding_mode switch { GridSamplePaddingMode.Border => GridSampling.Border, GridSamplePaddingMode.Reflection => GridSampling.Reflection, _ => GridSampling.Zeros },
                    align_corners ?? false);

            /// <summary>grid_sample with PyTorch's strings: mode "bilinear", "nearest" or "bicubic"; padding_mode "zeros", "border" or "reflection".</summary>
            public static Tensor grid_sample(Tensor input, Tensor grid, string mode, string padding_mode = "zeros", bool? align_corners = null)
            {
                int m = mode switch
                {
                    "bilinear" => GridSampling.BilinearMode,
                    "nearest" => GridSampling.NearestMode,
                    "bicubic" => GridSampling.BicubicMode,
                    _ => throw new ArgumentException($"nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '{mode}'"),
                };
                int p = padding_mode switch
                {
                    "zeros" => GridSampling.Zeros,
                    "border" => GridSampling.Border,
                    "reflection" => GridSampling.Reflection,
                    _ => throw new ArgumentException($"nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or 'reflection', but got: '{padding_mode}'"),
                };
                return GridSampling.GridSample(input, grid, m, p, align_corners ?? false);
            }

            /// <summary>
            /// The sampling grid of a batch of affine transforms: theta (N, 2, 3) for <paramref name="size"/> (N, C, H, W) gives
            /// (N, H, W, 2); theta (N, 3, 4) for (N, C, D, H, W) gives (N, D, H, W, 3). <paramref name="align_corners"/> null means false.
            /// </summary>
            public static Tensor affine_grid(Tensor theta, long[] size, bool? align_corners = null) =>
                GridSampling.AffineGrid(theta, size, align_corners ?? false);

            /// <summary>The p-norm distance between every pair of rows of an (N, M) input (<see cref="torch.pdist"/>).</summary>
            public static Tensor pdist(Tensor input, double p = 2) => Pdist.Forward(input, p);
        }
    }
}
