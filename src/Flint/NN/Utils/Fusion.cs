using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class utils
        {
            /// <summary>
            /// Folds an evaluation-mode batch norm into the preceding convolution's weight and bias (PyTorch's
            /// <c>fuse_conv_bn_weights</c>): w' = w · (γ / sqrt(var + eps)) per output channel (per input-channel slot of a
            /// transposed convolution's weight with <paramref name="transpose"/>), b' = (b - mean) · γ / sqrt(var + eps) + β.
            /// Missing bias, γ or β count as 0, 1 and 0.
            /// </summary>
            public static (Modules.Parameter weight, Modules.Parameter bias) fuse_conv_bn_weights(Tensor conv_w, Tensor? conv_b,
                Tensor bn_rm, Tensor bn_rv, double bn_eps, Tensor? bn_w, Tensor? bn_b, bool transpose = false)
            {
                using var _ = no_grad();
                conv_b ??= zeros_like(bn_rm);
                bn_w ??= ones_like(bn_rm);
                bn_b ??= zeros_like(bn_rm);
                var rsqrt = bn_rv.add(bn_eps).rsqrt();
                var shape = new long[conv_w.dim()];
                Array.Fill(shape, 1L);
                shape[transpose ? 1 : 0] = -1;
                var w = conv_w.mul(bn_w.mul(rsqrt).reshape(shape));
                var b = conv_b.sub(bn_rm).mul(rsqrt).mul(bn_w).add(bn_b);
                return (Parameter(w, conv_w.requires_grad), Parameter(b, conv_b.requires_grad));
            }

            /// <summary>
            /// Folds an evaluation-mode batch norm into the preceding linear layer's weight and bias:
            /// w' = w · (γ / sqrt(var + eps)) per output feature, b' = (b - mean) · γ / sqrt(var + eps) + β.
            /// </summary>
            public static (Modules.Parameter weight, Modules.Parameter bias) fuse_linear_bn_weights(Tensor linear_w, Tensor? linear_b,
                Tensor bn_rm, Tensor bn_rv, double bn_eps, Tensor bn_w, Tensor bn_b)
            {
                using var _ = no_grad();
                linear_b ??= zeros_like(bn_rm);
                var scale = bn_w.mul(bn_rv.add(bn_eps).rsqrt());
                var w = linear_w.mul(scale.unsqueeze(-1));
                var b = linear_b.sub(bn_rm).mul(scale).add(bn_b);
                return (Parameter(w, linear_w.requires_grad), Parameter(b, linear_b.requires_grad));
            }

            /// <summary>
            /// A new <c>Linear</c> computing <paramref name="linear"/> followed by <paramref name="bn"/> in evaluation mode
            /// (both must be in evaluation mode).
            /// </summary>
            public static Linear fuse_linear_bn_eval(Linear linear, BatchNorm bn)
            {
                if (linear.training || bn.training) throw new InvalidOperationException("Fusing operators is valid only for eval mode.");
                if (bn.running_mean is null || bn.running_var is null)
                    throw new ArgumentException("fuse_linear_bn_eval needs a batch norm that tracks running statistics");
                var (w, b) = fuse_linear_bn_weights(linear.weight, linear.bias, bn.running_mean, bn.running_var, bn.eps,
                    bn.weight ?? ones_like(bn.running_mean), bn.bias ?? zeros_like(bn.running_mean));
                return Linear(w, b);
            }
        }
    }
}
