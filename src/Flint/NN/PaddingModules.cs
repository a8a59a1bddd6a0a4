using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>A padding layer: <c>F.pad</c> with a fixed padding, mode and value (PyTorch's ReflectionPadNd, ReplicationPadNd, ConstantPadNd, ZeroPad2d).</summary>
        public sealed class PadNd : torch.nn.Module<Tensor, Tensor>
        {
            private readonly string _className;
            private readonly bool _showValue;

            internal PadNd(string className, long[] padding, PaddingModes mode, double value, bool showValue) : base(className)
            {
                _className = className;
                this.padding = padding;
                this.mode = mode;
                this.value = value;
                _showValue = showValue;
            }

            /// <summary>(left, right) pairs from the last dim backwards.</summary>
            public long[] padding { get; }

            /// <summary>The padding mode.</summary>
            public PaddingModes mode { get; }

            /// <summary>The fill value of constant padding.</summary>
            public double value { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input) => torch.nn.functional.pad(input, padding, mode, value);

            /// <inheritdoc/>
            public override string extra_repr() => _showValue ? $"padding={Unflatten.PyTuple(padding)}, value={FormatFloat(value)}" : Unflatten.PyTuple(padding);

            /// <inheritdoc/>
            public override string ToString() => _className + base.ToString()[nameof(PadNd).Length..];

            internal static long[] Expand(long padding, int dims) => Enumerable.Repeat(padding, 2 * dims).ToArray();

            internal static long[] Check(long[] padding, int dims)
            {
                if (padding.Length != 2 * dims) throw new ArgumentException($"padding must have {2 * dims} elements, got {padding.Length}");
                return padding;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Reflection padding of the last dim.</summary>
            public static PadNd ReflectionPad1d(long padding) => new("ReflectionPad1d", PadNd.Expand(padding, 1), PaddingModes.Reflect, 0, false);
            /// <summary>Reflection padding of the last dim by (left, right).</summary>
            public static PadNd ReflectionPad1d(long[] padding) => new("ReflectionPad1d", PadNd.Check(padding, 1), PaddingModes.Reflect, 0, false);
            /// <summary>Reflection padding of the last two dims.</summary>
            public static PadNd ReflectionPad2d(long padding) => new("ReflectionPad2d", PadNd.Expand(padding, 2), PaddingModes.Reflect, 0, false);
            /// <summary>Reflection padding of the last two dims by (left, right, top, bottom).</summary>
            public static PadNd ReflectionPad2d(long[] padding) => new("ReflectionPad2d", PadNd.Check(padding, 2), PaddingModes.Reflect, 0, false);
            /// <summary>Reflection padding of the last three dims.</summary>
            public static PadNd ReflectionPad3d(long padding) => new("ReflectionPad3d", PadNd.Expand(padding, 3), PaddingModes.Reflect, 0, false);
            /// <summary>Reflection padding of the last three dims by six sizes.</summary>
            public static PadNd ReflectionPad3d(long[] padding) => new("ReflectionPad3d", PadNd.Check(padding, 3), PaddingModes.Reflect, 0, false);

            /// <summary>Replication padding of the last dim.</summary>
            public static PadNd ReplicationPad1d(long padding) => new("ReplicationPad1d", PadNd.Expand(padding, 1), PaddingModes.Replicate, 0, false);
            /// <summary>Replication padding of the last dim by (left, right).</summary>
            public static PadNd ReplicationPad1d(long[] padding) => new("ReplicationPad1d", PadNd.Check(padding, 1), PaddingModes.Replicate, 0, false);
            /// <summary>Replication padding of the last two dims.</summary>
            public static PadNd ReplicationPad2d(long padding) => new("ReplicationPad2d", PadNd.Expand(padding, 2), PaddingModes.Replicate, 0, false);
            /// <summary>Replication padding of the last two dims by (left, right, top, bottom).</summary>
            public static PadNd ReplicationPad2d(long[] padding) => new("ReplicationPad2d", PadNd.Check(padding, 2), PaddingModes.Replicate, 0, false);
            /// <summary>Replication padding of the last three dims.</summary>
            public static PadNd ReplicationPad3d(long padding) => new("ReplicationPad3d", PadNd.Expand(padding, 3), PaddingModes.Replicate, 0, false);
            /// <summary>Replication padding of the last three dims by six sizes.</summary>
            public static PadNd ReplicationPad3d(long[] padding) => new("ReplicationPad3d", PadNd.Check(padding, 3), PaddingModes.Replicate, 0, false);

            /// <summary>Constant padding of the last dim with <paramref name="value"/>.</summary>
            public static PadNd ConstantPad1d(long padding, double value) => new("ConstantPad1d", PadNd.Expand(padding, 1), PaddingModes.Constant, value, true);
            /// <summary>Constant padding of the last dim by (left, right).</summary>
            public static PadNd ConstantPad1d(long[] padding, double value) => new("ConstantPad1d", PadNd.Check(padding, 1), PaddingModes.Constant, value, true);
            /// <summary>Constant padding of the last two dims.</summary>
            public static PadNd ConstantPad2d(long padding, double value) => new("ConstantPad2d", PadNd.Expand(padding, 2), PaddingModes.Constant, value, true);
            /// <summary>Constant padding of the last two dims by (left, right, top, bottom).</summary>
            public static PadNd ConstantPad2d(long[] padding, double value) => new("ConstantPad2d", PadNd.Check(padding, 2), PaddingModes.Constant, value, true);
            /// <summary>Constant padding of the last three dims.</summary>
            public static PadNd ConstantPad3d(long padding, double value) => new("ConstantPad3d", PadNd.Expand(padding, 3), PaddingModes.Constant, value, true);
            /// <summary>Constant padding of the last three dims by six sizes.</summary>
            public static PadNd ConstantPad3d(long[] padding, double value) => new("ConstantPad3d", PadNd.Check(padding, 3), PaddingModes.Constant, value, true);

            /// <summary>Zero padding of the last two dims.</summary>
            public static PadNd ZeroPad2d(long padding) => new("ZeroPad2d", PadNd.Expand(padding, 2), PaddingModes.Constant, 0, false);
            /// <summary>Zero padding of the last two dims by (left, right, top, bottom).</summary>
            public static PadNd ZeroPad2d(long[] padding) => new("ZeroPad2d", PadNd.Check(padding, 2), PaddingModes.Constant, 0, false);
        }
    }
}
