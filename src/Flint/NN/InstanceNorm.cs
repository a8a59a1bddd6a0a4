using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Instance normalisation (PyTorch's <c>_InstanceNorm</c>): normalises each (sample, channel) slice by its own mean
        /// and biased variance. With <see cref="track_running_stats"/> it keeps running statistics (averaged over the
        /// batch) and uses them in evaluation. Unbatched input (one dim short) is accepted. Defaults: no affine, no
        /// running statistics, as in PyTorch.
        /// </summary>
        public abstract class InstanceNorm : torch.nn.Module<Tensor, Tensor>
        {
            private readonly int _noBatchDim;

            private protected InstanceNorm(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype, int noBatchDim)
            {
                _noBatchDim = noBatchDim;
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
            /// <summary>The running statistics' update factor.</summary>
            public double momentum { get; set; }
            /// <summary>Whether the layer has a learnable per-channel weight and bias.</summary>
            public bool affine { get; }
            /// <summary>Whether the layer keeps running statistics for evaluation.</summary>
            public bool track_running_stats { get; }
            /// <summary>The per-channel scale, or null without <see cref="affine"/>.</summary>
            public Modules.Parameter? weight { get; }
            /// <summary>The per-channel shift, or null without <see cref="affine"/>.</summary>
            public Modules.Parameter? bias { get; }
            /// <summary>The running mean (a buffer), or null without <see cref="track_running_stats"/>.</summary>
            public Tensor? running_mean { get; }
            /// <summary>The running unbiased variance (a buffer), or null without <see cref="track_running_stats"/>.</summary>
            public Tensor? running_var { get; }
            /// <summary>Kept for state-dict compatibility with PyTorch (instance norm never counts batches).</summary>
            public Tensor? num_batches_tracked { get; }

            /// <summary>Throws PyTorch's error for an input of the wrong rank.</summary>
            private protected abstract void CheckInputDim(Tensor input);

            /// <inheritdoc/>
            public override Tensor forward(Tensor input)
            {
                CheckInputDim(input);
                bool unbatched = input.dim() == _noBatchDim;
                var x = unbatched ? input.unsqueeze(0) : input;
                var y = torch.nn.functional.instance_norm(x, running_mean, running_var, weight, bias, training || !track_running_stats, momentum, eps);
                return unbatched ? y.squeeze(0) : y;
            }

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"{num_features}, eps={FormatFloat(eps)}, momentum={FormatFloat(momentum)}, affine={FormatBool(affine)}, track_running_stats={FormatBool(track_running_stats)}";
        }

        /// <summary>Instance normalisation of (N, C, L) or (C, L) input.</summary>
        public sealed class InstanceNorm1d : InstanceNorm
        {
            internal InstanceNorm1d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, 2) { }

            private protected override void CheckInputDim(Tensor input)
            {
                if (input.dim() != 2 && input.dim() != 3) throw new ArgumentException($"expected 2D or 3D input (got {input.dim()}D input)");
            }
        }

        /// <summary>Instance normalisation of (N, C, H, W) or (C, H, W) input.</summary>
        public sealed class InstanceNorm2d : InstanceNorm
        {
            internal InstanceNorm2d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, 3) { }

            private protected override void CheckInputDim(Tensor input)
            {
                if (input.dim() != 3 && input.dim() != 4) throw new ArgumentException($"expected 3D or 4D input (got {input.dim()}D input)");
            }
        }

        /// <summary>Instance normalisation of (N, C, D, H, W) or (C, D, H, W) input.</summary>
        public sealed class InstanceNorm3d : InstanceNorm
        {
            internal InstanceNorm3d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, 4) { }

            private protected override void CheckInputDim(Tensor input)
            {
                if (input.dim() != 4 && input.dim() != 5) throw new ArgumentException($"expected 4D or 5D input (got {input.dim()}D input)");
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Instance normalisation of (N, C, L) input.</summary>
            public static InstanceNorm1d InstanceNorm1d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = false, bool track_running_stats = false,
                Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            /// <summary>Instance normalisation of (N, C, H, W) input.</summary>
            public static InstanceNorm2d InstanceNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = false, bool track_running_stats = false,
                Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            /// <summary>Instance normalisation of (N, C, D, H, W) input.</summary>
            public static InstanceNorm3d InstanceNorm3d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = false, bool track_running_stats = false,
                Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            public static partial class functional
            {
                /// <summary>
                /// Normalises each (sample, channel) slice of (N, C, *) input by its own statistics (<paramref name="use_input_stats"/>)
                /// or by the running ones, then applies the per-channel weight and bias. With input statistics and running
                /// buffers, the buffers move by <paramref name="momentum"/> towards the batch average of the slices' statistics
                /// (PyTorch's instance_norm: a batch norm of the (1, N·C, *) view).
                /// </summary>
                public static Tensor instance_norm(Tensor input, Tensor? running_mean = null, Tensor? running_var = null, Tensor? weight = null, Tensor? bias = null,
                    bool use_input_stats = true, double momentum = 0.1, double eps = 1e-05)
                {
                    if (input.dim() < 2) throw new ArgumentException($"instance_norm: expected an input with at least 2 dims, got {input.dim()}D input");
                    if (use_input_stats)
                    {
                        long spatial = 1;
                        for (int i = 2; i < input.dim(); i++) spatial *= input.size(i);
                        if (spatial == 1) throw new ArgumentException($"Expected more than 1 spatial element when training, got input size {input.size()}");
                    }
                    long n = input.size(0), c = input.size(1);
                    if (weight is not null && weight.numel() != c) throw new ArgumentException($"weight should contain {n * c} elements not {n * weight.numel()}");
                    if (bias is not null && bias.numel() != c) throw new ArgumentException($"bias should contain {n * c} elements not {n * bias.numel()}");
                    var shape = input.shape.ToArray();
                    shape[0] = 1;
                    shape[1] = n * c;
                    var x = input.reshape(shape);
                    var rm = running_mean?.repeat(n);
                    var rv = running_var?.repeat(n);
                    var y = batch_norm(x, rm, rv, weight?.repeat(n), bias?.repeat(n), use_input_stats, momentum, eps);
                    if (use_input_stats)
                        using (no_grad())
                        {
                            if (running_mean is not null) running_mean.copy_(rm!.view(n, c).mean(0));
                            if (running_var is not null) running_var.copy_(rv!.view(n, c).mean(0));
                        }
                    return y.reshape(input.shape);
                }
            }
        }
    }
}
