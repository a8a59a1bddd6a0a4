namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// What PyTorch's <c>_ConvNd</c> holds for every convolution layer: the hyper-parameters, the
        /// <c>weight</c> (C_out, C_in / groups, *kernel), or (C_in, C_out / groups, *kernel) when transposed, and
        /// the optional <c>bias</c>, initialised as PyTorch 1.13 does from the global generator
        /// (<c>kaiming_uniform_(weight, a: sqrt(5))</c>, bias from U(±1/sqrt(fan_in))), and its printing.
        /// </summary>
        public abstract class Convolution : torch.nn.Module<Tensor, Tensor>
        {
            private const string WeightComponentName = nameof(weight);
            private const string BiasComponentName = nameof(bias);

            [ComponentName(Name = WeightComponentName)]
            private Modules.Parameter _weight = null!;
            [ComponentName(Name = BiasComponentName)]
            private Modules.Parameter? _bias;

            private protected Convolution(string kind, long inChannels, long outChannels, long[] kernelSize, long[] stride, long[] padding, Padding? paddingType,
                long[] dilation, bool transposed, long[] outputPadding, long groups, bool hasBias, PaddingModes paddingMode, Device? device, ScalarType? dtype)
            {
                if (groups <= 0) throw new ArgumentException("groups must be a positive integer");
                if (inChannels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups");
                if (outChannels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups");
                if (paddingMode is not (PaddingModes.Zeros or PaddingModes.Reflect or PaddingModes.Replicate or PaddingModes.Circular))
                    throw new ArgumentException($"padding_mode must be one of {{'zeros', 'reflect', 'replicate', 'circular'}}, but got padding_mode='{paddingMode.ToString().ToLowerInvariant()}'");
                if (transposed && paddingMode != PaddingModes.Zeros)
                    throw new ArgumentException($"Only \"zeros\" padding mode is supported for {GetType().Name}");
                if (paddingType == Padding.Same && stride.Any(s => s != 1))
                    throw new ArgumentException("padding='same' is not supported for strided convolutions");
                Kind = kind;
                in_channels = inChannels;
                out_channels = outChannels;
                kernel_size = kernelSize;
                this.stride = stride;
                this.padding = paddingType == Padding.Same ? new long[kernelSize.Length] : paddingType == Padding.Valid ? new long[kernelSize.Length] : padding;
                padding_type = paddingType;
                this.dilation = dilation;
                this.transposed = transposed;
                output_padding = outputPadding;
                this.groups = groups;
                padding_mode = paddingMode;
                long[] shape = transposed ? [inChannels, outChannels / groups, .. kernelSize] : [outChannels, inChannels / groups, .. kernelSize];
                weight = torch.nn.Parameter(torch.empty(shape, dtype, device));
                if (hasBias) bias = torch.nn.Parameter(torch.empty([outChannels], dtype, device));
                reset_parameters();
            }

            /// <summary>The layer's name in errors (e.g. conv2d).</summary>
            private protected string Kind { get; }

            /// <summary>Re-draws the parameters as PyTorch's <c>reset_parameters</c>: kaiming_uniform_(a: √5) weight, U(±1/√fan_in) bias.</summary>
            public void reset_parameters()
            {
                using var _ = torch.no_grad();
                torch.nn.init.kaiming_uniform_(_weight, a: Math.Sqrt(5));
                if (_bias is not null)
                {
                    var (fanIn, _) = torch.nn.init.CalculateFanInAndFanOut(_weight);
                    if (fanIn != 0)
                    {
                        double bound = 1 / Math.Sqrt(fanIn);
                        torch.nn.init.uniform_(_bias, -bound, bound);
                    }
                }
            }

            /// <summary>The filters: (out_channels, in_channels / groups, *kernel_size), transposed: (in_channels, out_channels / groups, *kernel_size).</summary>
            public Modules.Parameter weight
            {
                get => _weight;
                set
                {
                    ArgumentNullException.ThrowIfNull(value);
                    _weight = value;
                    register_parameter(WeightComponentName, value);
                }
            }

            /// <summary>The (out_channels) bias, or null without one.</summary>
            public Modules.Parameter? bias
            {
                get => _bias;
                set
                {
                    _bias = value;
                    register_parameter(BiasComponentName, value);
                }
            }

            /// <summary>Channels of the input.</summary>
            public long in_channels { get; }
            /// <summary>Channels of the output.</summary>
            public long out_channels { get; }
            /// <summary>The kernel's size per spatial dim.</summary>
            public long[] kernel_size { get; }
            /// <summary>The stride per spatial dim.</summary>
            public long[] stride { get; }
            /// <summary>The padding per spatial dim (zeros for <c>'valid'</c>; for <c>'same'</c> see <see cref="padding_type"/>).</summary>
            public long[] padding { get; }
            /// <summary><c>'valid'</c> or <c>'same'</c> when the layer was built with a padding string, else null.</summary>
            public Padding? padding_type { get; }
            /// <summary>The spacing between kernel taps per spatial dim.</summary>
            public long[] dilation { get; }
            /// <summary>Whether this is a transposed convolution.</summary>
            public bool transposed { get; }
            /// <summary>A transposed convolution's extra output size per spatial dim.</summary>
            public long[] output_padding { get; }
            /// <summary>The number of channel groups.</summary>
            public long groups { get; }
            /// <summary>How the input is padded: zeros, reflect, replicate or circular.</summary>
            public PaddingModes padding_mode { get; }

            /// <summary>
            /// The F.pad array of a non-zeros padding mode (PyTorch's <c>_reversed_padding_repeated_twice</c>): last dim first;
            /// for <c>'same'</c>, d·(k − 1) split with the larger half on the right.
            /// </summary>
            private protected long[] ReversedPaddingRepeatedTwice()
            {
                int s = kernel_size.Length;
                var r = new long[2 * s];
                for (int i = 0; i < s; i++)
                {
                    int j = s - 1 - i;
                    if (padding_type == Padding.Same)
                    {
                        long total = dilation[i] * (kernel_size[i] - 1);
                        r[2 * j] = total / 2;
                        r[2 * j + 1] = total - total / 2;
                    }
                    else r[2 * j] = r[2 * j + 1] = padding[i];
                }
                return r;
            }

            private static string Tuple(long[] v) => v.Length == 1 ? $"({v[0]},)" : "(" + string.Join(", ", v) + ")";

            /// <inheritdoc/>
            public override string extra_repr()
            {
                var s = $"{in_channels}, {out_channels}, kernel_size={Tuple(kernel_size)}, stride={Tuple(stride)}";
                if (padding_type is Padding pt) s += $", padding={(pt == Padding.Same ? "same" : "valid")}";
                else if (padding.Any(p => p != 0)) s += $", padding={Tuple(padding)}";
                if (dilation.Any(d => d != 1)) s += $", dilation={Tuple(dilation)}";
                if (output_padding.Any(p => p != 0)) s += $", output_padding={Tuple(output_padding)}";
                if (groups != 1) s += $", groups={groups}";
                if (_bias is null) s += ", bias=False";
                if (padding_mode != PaddingModes.Zeros) s += $", padding_mode={padding_mode.ToString().ToLowerInvariant()}";
                return s;
            }

            /// <summary>The convolution of a batched or unbatched input, through nn.functional.</summary>
            public override Tensor forward(Tensor input)
            {
                int s = kernel_size.Length;
                string name = transposed ? $"conv_transpose{s}d" : $"conv{s}d";
                if (transposed)
                {
                    return ConvFunctional.ConvTranspose(name, s, input, _weight, _bias, stride, padding, output_padding, dilation, groups);
                }
                if (padding_mode != PaddingModes.Zeros)
                    return ConvFunctional.Conv(name, s, torch.nn.functional.pad(input, ReversedPaddingRepeatedTwice(), padding_mode), _weight, _bias,
                        stride, new long[s], null, dilation, groups);
                return ConvFunctional.Conv(name, s, input, _weight, _bias, stride, padding, padding_type == Padding.Same ? Padding.Same : null, dilation, groups);
            }

            /// <summary>Repeats a single value once per spatial dim.</summary>
            private protected static long[] Rep(long v, int s) => Enumerable.Repeat(v, s).ToArray();
        }
    }
}
