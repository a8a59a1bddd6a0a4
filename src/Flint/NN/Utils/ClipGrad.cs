namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>PyTorch's <c>torch.nn.utils</c>: gradient clipping and parameter/vector conversion.</summary>
        public static partial class utils
        {
            /// <summary>
            /// Scales the gradients of <paramref name="parameters"/> in place so that their total norm (the
            /// <paramref name="norm_type"/>-norm of the per-parameter norms; the largest |g| for infinity) is at most
            /// <paramref name="max_norm"/>, as PyTorch 1.13: coefficient max_norm / (norm + 1e-6), clamped to 1.
            /// Returns the total norm before clipping (a 0-dim tensor). Parameters without a gradient are skipped.
            /// </summary>
            /// <exception cref="InvalidOperationException">With <paramref name="error_if_nonfinite"/>, when the total norm is NaN or infinite.</exception>
            public static Tensor clip_grad_norm_(IEnumerable<Tensor> parameters, double max_norm, double norm_type = 2.0, bool error_if_nonfinite = false)
            {
                var grads = parameters.Select(p => p.grad).Where(g => g is not null).Select(g => g!).ToList();
                if (grads.Count == 0) return torch.tensor(0.0f);
                var device = grads[0].device;
                using (torch.no_grad())
                {
                    Tensor total;
                    if (double.IsPositiveInfinity(norm_type))
                    {
                        var norms = grads.Select(g => g.detach().abs().max().to(device)).ToList();
                        total = norms.Count == 1 ? norms[0] : torch.stack(norms).max();
                    }
                    else
                        total = torch.stack(grads.Select(g => g.detach().norm(norm_type).to(device)).ToList()).norm(norm_type);
                    if (error_if_nonfinite)
                    {
                        double t = total.to(ScalarType.Float64).item<double>();
                        if (double.IsNaN(t) || double.IsInfinity(t))
                            throw new InvalidOperationException($"The total norm of order {Module.FormatFloat(norm_type)} for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set `error_if_nonfinite=False`");
                    }
                    var coef = (max_norm / (total + 1e-6)).clamp(max: 1.0);
                    foreach (var g in grads) g.detach().mul_(coef.to(g.device));
                    return total;
                }
            }

            /// <summary>
            /// Clamps every gradient of <paramref name="parameters"/> into [−<paramref name="clip_value"/>, <paramref name="clip_value"/>], in place.
            /// </summary>
            public static void clip_grad_value_(IEnumerable<Tensor> parameters, double clip_value)
            {
                using (torch.no_grad())
                    foreach (var p in parameters)
                        p.grad?.clamp_(-clip_value, clip_value);
            }
        }
    }
}
