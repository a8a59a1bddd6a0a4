using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>LeakyReLU: x for x &gt; 0, else negative_slope·x. (PyTorch's <c>nn.LeakyReLU</c>).</summary>
        public sealed class LeakyReLU : torch.nn.Module<Tensor, Tensor>
        {
            internal LeakyReLU(double negative_slope, bool inplace)
            {
                this.negative_slope = negative_slope;
                this.inplace = inplace;
            }

            /// <summary>The slope for negative inputs.</summary>
            public double negative_slope { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.leaky_relu(tensor, negative_slope, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"negative_slope={FormatFloat(negative_slope)}{(inplace ? ", inplace=True" : "")}";
        }

        /// <summary>ReLU6: min(max(0, x), 6). (PyTorch's <c>nn.ReLU6</c>).</summary>
        public sealed class ReLU6 : torch.nn.Module<Tensor, Tensor>
        {
            internal ReLU6(bool inplace)
            {
                this.inplace = inplace;
            }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.relu6(tensor, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => inplace ? "inplace=True" : "";
        }

        /// <summary>Hardtanh: x clamped to [min_val, max_val]. (PyTorch's <c>nn.Hardtanh</c>).</summary>
        public sealed class Hardtanh : torch.nn.Module<Tensor, Tensor>
        {
            internal Hardtanh(double min_val, double max_val, bool inplace)
            {
                this.min_val = min_val;
                this.max_val = max_val;
                this.inplace = inplace;
            }

            /// <summary>The lower bound.</summary>
            public double min_val { get; set; }

            /// <summary>The upper bound.</summary>
            public double max_val { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.hardtanh(tensor, min_val, max_val, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"min_val={FormatFloat(min_val)}, max_val={FormatFloat(max_val)}{(inplace ? ", inplace=True" : "")}";
        }

        /// <summary>Threshold: x where x &gt; threshold, else value. (PyTorch's <c>nn.Threshold</c>).</summary>
        public sealed class Threshold : torch.nn.Module<Tensor, Tensor>
        {
            internal Threshold(double threshold, double value, bool inplace)
            {
                this.threshold = threshold;
                this.value = value;
                this.inplace = inplace;
            }

            /// <summary>Inputs at or below it are replaced.</summary>
            public double threshold { get; set; }

            /// <summary>The replacement.</summary>
            public double value { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.threshold(tensor, threshold, value, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"threshold={FormatFloat(threshold)}, value={FormatFloat(value)}{(inplace ? ", inplace=True" : "")}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>LeakyReLU: x for x &gt; 0, else negative_slope·x.</summary>
            public static LeakyReLU LeakyReLU(double negative_slope = 0.01, bool inplace = false) => new(negative_slope, inplace);

            /// <summary>ReLU6: min(max(0, x), 6).</summary>
            public static ReLU6 ReLU6(bool inplace = false) => new(inplace);

            /// <summary>Hardtanh: x clamped to [min_val, max_val].</summary>
            public static Hardtanh Hardtanh(double min_val = -1.0, double max_val = 1.0, bool inplace = false) => new(min_val, max_val, inplace);

            /// <summary>Threshold: x where x &gt; threshold, else value.</summary>
            public static Threshold Threshold(double threshold, double value, bool inplace = false) => new(threshold, value, inplace);
        }
    }
}
