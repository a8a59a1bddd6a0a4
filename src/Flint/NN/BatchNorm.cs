using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Batch normalisation over the channel dim (PyTorch's <c>_BatchNorm</c>): in training, normalises by the
        /// batch's statistics and updates <see cref="running_mean"/>/<see cref="running_var"/> (unbiased variance) by
        /// <see cref="momentum"/>, or by a cumulative average when momentum is null; in evaluation, uses the running
        /// statistics. The state dict holds weight, bias, running_mean, running_var and num_batches_tracked, as PyTorch's.
        /// </summary>
        public abstract class BatchNorm : torch.nn.Module<Tensor, Tensor>
        {
            private protected BatchNorm(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
            {
                this.num_features = num_features;
                this.eps = eps;
                this.momentum = momentum;
                this.affine = affine;
                this.track_running_stats = track_running_stats;
                if (affine)
                {
                    weight = torch.nn.Parameter(torch.ones([num_features], dtype, device));
                    bias = torch.nn.Parameter(torch.zeros([num_features], dtype, device));
                    register_parameter(nameof(weight), weight);
                    register_parameter(nameof(bias), bias);
                }
                if (track_running_stats)
                {
                    running_mean = torch.zeros([num_features], dtype, device);
                    running_var = torch.ones([num_features], dtype, device);
                    num_batches_tracked = torch.zeros([], ScalarType.Int64, device);
                    register_buffer(nameof(running_mean), running_mean);
                    register_buffer(nameof(running_var), running_var);
                    register_buffer(nameof(num_batches_tracked), num_batches_tracked);
                }
            }

            /// <summary>C, the number of channels.</summary>
            public long num_features { get; }
            /// <summary>Added to the variance for numerical stability.</summary>
            public double eps { get; set; }
            /// <summary>The running statistics' update factor; null for a cumulative moving average.</summary>
            public double? momentum { get; set; }
            /// <summary>Whether the layer has a learnable per-channel weight and bias.</summary>
            public bool affine { get; }
            /// <summary>Whether the layer keeps running statistics (else it always normalises by the batch's).</summary>
            public bool track_running_stats { get; }
            /// <summary>The per-channel scale (ones at first), or null without <see cref="affine"/>.</summary>
            public Modules.Parameter? weight { get; }
            /// <summary>The per-channel shift (zeros at first), or null without <see cref="affine"/>.</summary>
            public Modules.Parameter? bias { get; }
            /// <summary>The running mean (a buffer), or null without <see cref="track_running_stats"/>.</summary>
            public Tensor? running_mean { get; }
            /// <summary>The running unbiased variance (a buffer), or null without <see cref="track_running_stats"/>.</summary>
            public Tensor? running_var { get; }
            /// <summary>How many training batches updated the statistics (an int64 buffer).</summary>
            public Tensor? num_batches_tracked { get; }

            /// <summary>Throws PyTorch's error for an input of the wrong rank.</summary>
            private protected abstract void CheckInputDim(Tensor input);

            /// <summary>Resets the running statistics to mean 0, variance 1 and no batches.</summary>
            public void reset_running_stats()
            {
                if (!track_running_stats) return;
                using (torch.no_grad())
                {
                    running_mean!.zero_();
                    running_var!.fill_(1);
                    num_batches_tracked!.zero_();
                }
            }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input)
            {
                CheckInputDim(input);
                double factor = momentum ?? 0.0;
                if (training && track_running_stats)
                {
                    using (torch.no_grad()) num_batches_tracked!.add_(1);
                    if (momentum is null) factor = 1.0 / num_batches_tracked!.item<long>();
                }
                bool useBatchStats = training || running_mean is null;
                bool passStats = !training || track_running_stats;
                return torch.nn.functional.batch_norm(input, passStats ? running_mean : null, passStats ? running_var : null,
                    weight, bias, useBatchStats, factor, eps);
            }

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"{num_features}, eps={FormatFloat(eps)}, momentum={(momentum is { } m ? FormatFloat(m) : "None")}, affine={FormatBool(affine)}, track_running_stats={FormatBool(track_running_stats)}";
        }

        /// <summary>Batch normalisation of (N, C) or (N, C, L) input (PyTorch's <c>nn.BatchNorm1d</c>).</summary>
        public sealed class BatchNorm1d : BatchNorm
        {
            internal BatchNorm1d(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype) { }

            private protected override void CheckInputDim(Tensor input)
            {
                if (input.dim() != 2 && input.dim() != 3) throw new ArgumentException($"expected 2D or 3D input (got {input.dim()}D input)");
            }
        }

        /// <summary>Batch normalisation of (N, C, H, W) input (PyTorch's <c>nn.BatchNorm2d</c>).</summary>
        public sealed class BatchNorm2d : BatchNorm
        {
            internal BatchNorm2d(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype) { }

            private protected override void CheckInputDim(Tensor input)
            {
                if (input.dim() != 4) throw new ArgumentException($"expected 4D input (got {input.dim()}D input)");
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Batch normalisation over C of (N, C) or (N, C, L) input; <paramref name="momentum"/> null means a cumulative average.</summary>
            public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-05, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
                Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            /// <summary>Batch normalisation over C of (N, C, H, W) input; <paramref name="momentum"/> null means a cumulative average.</summary>
            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-05, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
                Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            public static partial class functional
            {
                /// <summary>
                /// Normalises <paramref name="input"/> (N, C, *) per channel: by the batch's mean and biased variance when
                /// <paramref name="training"/> (updating the running statistics in place by <paramref name="momentum"/>, the
                /// variance unbiased), else by the running statistics; then scales by weight and shifts by bias.
                /// </summary>
                public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                    bool training = false, double momentum = 0.1, double eps = 1e-05) =>
                    Ops.BatchNormOps.BatchNorm(input, running_mean, running_var, weight, bias, training, momentum, eps);
            }
        }
    }
}
