using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>ELU: x for x &gt; 0, else alpha·(eˣ − 1). (PyTorch's <c>nn.ELU</c>).</summary>
        public sealed class ELU : torch.nn.Module<Tensor, Tensor>
        {
            internal ELU(double alpha, bool inplace)
            {
                this.alpha = alpha;
                this.inplace = inplace;
            }

            /// <summary>The negative saturation value.</summary>
            public double alpha { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.elu(tensor, alpha, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"alpha={FormatFloat(alpha)}{(inplace ? ", inplace=True" : "")}";
        }

        /// <summary>CELU: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). (PyTorch's <c>nn.CELU</c>).</summary>
        public sealed class CELU : torch.nn.Module<Tensor, Tensor>
        {
            internal CELU(double alpha, bool inplace)
            {
                this.alpha = alpha;
                this.inplace = inplace;
            }

            /// <summary>The alpha of the formula.</summary>
            public double alpha { get; set; }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.celu(tensor, alpha, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => $"alpha={FormatFloat(alpha)}{(inplace ? ", inplace=True" : "")}";
        }

        /// <summary>SELU: scale·ELU(x, alpha) with the self-normalising constants. (PyTorch's <c>nn.SELU</c>).</summary>
        public sealed class SELU : torch.nn.Module<Tensor, Tensor>
        {
            internal SELU(bool inplace)
            {
                this.inplace = inplace;
            }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.selu(tensor, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => inplace ? "inplace=True" : "";
        }

        /// <summary>Softplus: log(1 + e^(βx))/β. (PyTorch's <c>nn.Softplus</c>).</summary>
        public sealed class Softplus : torch.nn.Module<Tensor, Tensor>
        {
            internal Softplus(double beta, double threshold)
            {
                this.beta = beta;
                this.threshold = threshold;
            }

            /// <summary>The β of log(1 + e^(βx))/β.</summary>
            public double beta { get; set; }

            /// <summary>Above βx &gt; threshold the function is linear.</summary>
            public double threshold { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.softplus(tensor, beta, threshold);

            /// <inheritdoc/>
            public override string extra_repr() => $"beta={Number(beta)}, threshold={Number(threshold)}";

            // PyTorch prints the defaults as the ints they are (beta=1, threshold=20).
            private static string Number(double v) => v == Math.Floor(v) && Math.Abs(v) < 1e15 ? ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture) : FormatFloat(v);
        }

        /// <summary>Mish: x·tanh(softplus(x)). (PyTorch's <c>nn.Mish</c>).</summary>
        public sealed class Mish : torch.nn.Module<Tensor, Tensor>
        {
            internal Mish(bool inplace)
            {
                this.inplace = inplace;
            }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.mish(tensor, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => inplace ? "inplace=True" : "";
        }

        /// <summary>LogSigmoid: log σ(x). (PyTorch's <c>nn.LogSigmoid</c>).</summary>
        public sealed class LogSigmoid : torch.nn.Module<Tensor, Tensor>
        {
            internal LogSigmoid() { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.logsigmoid(tensor);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>ELU: x for x &gt; 0, else alpha·(eˣ − 1).</summary>
            public static ELU ELU(double alpha = 1.0, bool inplace = false) => new(alpha, inplace);

            /// <summary>CELU: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)).</summary>
            public static CELU CELU(double alpha = 1.0, bool inplace = false) => new(alpha, inplace);

            /// <summary>SELU: scale·ELU(x, alpha) with the self-normalising constants.</summary>
            public static SELU SELU(bool inplace = false) => new(inplace);

            /// <summary>Softplus: log(1 + e^(βx))/β.</summary>
            public static Softplus Softplus(double beta = 1, double threshold = 20) => new(beta, threshold);

            /// <summary>Mish: x·tanh(softplus(x)).</summary>
            public static Mish Mish(bool inplace = false) => new(inplace);

            /// <summary>LogSigmoid: log σ(x).</summary>
            public static LogSigmoid LogSigmoid() => new();
        }
    }
}
