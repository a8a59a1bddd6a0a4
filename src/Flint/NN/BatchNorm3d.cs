using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Batch normalisation of (N, C, D, H, W) input (PyTorch's <c>nn.BatchNorm3d</c>).</summary>
        public sealed class BatchNorm3d : BatchNorm
        {
            internal BatchNorm3d(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype) { }

            private protected override void CheckInputDim(Tensor input)
            {
                if (input.dim() != 5) throw new ArgumentException($"expected 5D input (got {input.dim()}D input)");
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Batch normalisation over C of (N, C, D, H, W) input; <paramref name="momentum"/> null means a cumulative average.</summary>
            public static BatchNorm3d BatchNorm3d(long num_features, double eps = 1e-05, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
                Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);
        }
    }
}
