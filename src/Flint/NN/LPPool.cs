using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>1-d power-average pooling (PyTorch's <c>nn.LPPool1d</c>): (sum over the window of x^p)^(1/p).</summary>
        public sealed class LPPool1d : torch.nn.Module<Tensor, Tensor>
        {
            internal LPPool1d(double norm_type, long kernel_size, long? stride, bool ceil_mode)
            {
                this.norm_type = norm_type;
                this.kernel_size = kernel_size;
                this.stride = stride;
                this.ceil_mode = ceil_mode;
            }

            /// <summary>The power p.</summary>
            public double norm_type { get; set; }
            /// <summary>The window size.</summary>
            public long kernel_size { get; set; }
            /// <summary>The window step (null: the kernel size).</summary>
            public long? stride { get; set; }
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.lp_pool1d(input, norm_type, kernel_size, stride, ceil_mode);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"norm_type={LPPool2d.FormatNorm(norm_type)}, kernel_size={kernel_size}, stride={(stride is { } s ? s.ToString() : "None")}, ceil_mode={FormatBool(ceil_mode)}";
        }

        /// <summary>2-d power-average pooling (PyTorch's <c>nn.LPPool2d</c>): (sum over the window of x^p)^(1/p).</summary>
        public sealed class LPPool2d : torch.nn.Module<Tensor, Tensor>
        {
            private readonly PoolSize _kernel;
            private readonly PoolSize? _stride;

            internal LPPool2d(double norm_type, PoolSize kernel, PoolSize? stride, bool ceil_mode)
            {
                this.norm_type = norm_type;
                _kernel = kernel;
                _stride = stride;
                this.ceil_mode = ceil_mode;
            }

            /// <summary>The power p.</summary>
            public double norm_type { get; set; }
            /// <summary>The window size (height, width).</summary>
            public long[] kernel_size => _kernel.Expand(2);
            /// <summary>The window step (height, width), or null for the kernel size.</summary>
            public long[]? stride => _stride?.Expand(2);
            /// <summary>Whether the output size rounds up.</summary>
            public bool ceil_mode { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.lp_pool2d(input, norm_type, kernel_size, stride, ceil_mode);

            /// <inheritdoc/>
            public override string extra_repr() =>
                $"norm_type={FormatNorm(norm_type)}, kernel_size={_kernel}, stride={(_stride is { } s ? s.ToString() : "None")}, ceil_mode={FormatBool(ceil_mode)}";

            /// <summary>A whole power prints as the int PyTorch users pass (<c>2</c>), others as Python floats.</summary>
            internal static string FormatNorm(double p) =>
                p == Math.Floor(p) && Math.Abs(p) < 1e15 ? ((long)p).ToString(System.Globalization.CultureInfo.InvariantCulture) : FormatFloat(p);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>1-d power-average pooling with power <paramref name="norm_type"/>.</summary>
            public static LPPool1d LPPool1d(double norm_type, long kernel_size, long? stride = null, bool ceil_mode = false) =>
                new(norm_type, kernel_size, stride, ceil_mode);

            /// <summary>2-d power-average pooling with a square window.</summary>
            public static LPPool2d LPPool2d(double norm_type, long kernel_size, long? stride = null, bool ceil_mode = false) =>
                new(norm_type, PoolSize.Of(kernel_size), stride is { } s ? PoolSize.Of(s) : null, ceil_mode);

            /// <summary>2-d power-average pooling with a (height, width) window.</summary>
            public static LPPool2d LPPool2d(double norm_type, long[] kernel_size, long[]? stride = null, bool ceil_mode = false) =>
                new(norm_type, PoolSize.Of(kernel_size), stride is { } s ? PoolSize.Of(s) : null, ceil_mode);

            public static partial class functional
            {
                /// <summary>
                /// 1-d power-average pooling (PyTorch's <c>F.lp_pool1d</c>), exactly PyTorch 1.13's formula:
                /// <c>out = avg_pool1d(x^p, k, stride, 0, ceil_mode)</c>, then <c>(sign(out) * relu(|out|) * k)^(1/p)</c>.
                /// </summary>
                public static Tensor lp_pool1d(Tensor input, double norm_type, long kernel_size, long? stride = null, bool ceil_mode = false)
                {
                    var o = avg_pool1d(input.pow(norm_type), kernel_size, stride ?? kernel_size, 0, ceil_mode);
                    return o.sign().mul(relu(o.abs())).mul((double)kernel_size).pow(1.0 / norm_type);
                }

                /// <summary>2-d power-average pooling with a square window (PyTorch's <c>F.lp_pool2d</c>).</summary>
                public static Tensor lp_pool2d(Tensor input, double norm_type, long kernel_size, long? stride = null, bool ceil_mode = false) =>
                    lp_pool2d(input, norm_type, [kernel_size], stride is { } s ? [s] : null, ceil_mode);

                /// <summary>
                /// 2-d power-average pooling with a (height, width) window (PyTorch's <c>F.lp_pool2d</c>), PyTorch 1.13's formula:
                /// <c>out = avg_pool2d(x^p, k, stride, 0, ceil_mode)</c>, then <c>(sign(out) * relu(|out|) * kh * kw)^(1/p)</c>.
                /// </summary>
                public static Tensor lp_pool2d(Tensor input, double norm_type, long[] kernel_size, long[]? stride = null, bool ceil_mode = false)
                {
                    var k = Pair(kernel_size, "lp_pool2d", "kernel_size");
                    var o = avg_pool2d(input.pow(norm_type), k, stride, [0], ceil_mode);
                    return o.sign().mul(relu(o.abs())).mul((double)(k[0] * k[1])).pow(1.0 / norm_type);
                }
            }
        }
    }
}
