using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>max(0, x) elementwise.</summary>
        public sealed class ReLU : torch.nn.Module<Tensor, Tensor>
        {
            internal ReLU(bool inplace) => this.inplace = inplace;

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.relu(tensor, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => inplace ? "inplace=True" : "";
        }

        /// <summary>1 / (1 + e^-x) elementwise.</summary>
        public sealed class Sigmoid : torch.nn.Module<Tensor, Tensor>
        {
            internal Sigmoid(bool inplace) => this.inplace = inplace;

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.sigmoid(tensor, inplace);
        }

        /// <summary>tanh(x) elementwise.</summary>
        public sealed class Tanh : torch.nn.Module<Tensor, Tensor>
        {
            internal Tanh(bool inplace) => this.inplace = inplace;

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.tanh(tensor, inplace);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The rectified linear unit max(0, x).</summary>
            public static ReLU ReLU(bool inplace = false) => new(inplace);

            /// <summary>The logistic sigmoid.</summary>
            public static Sigmoid Sigmoid() => new(false);

            /// <summary>The logistic sigmoid, optionally in place.</summary>
            public static Sigmoid Sigmoid(bool inplace) => new(inplace);

            /// <summary>The hyperbolic tangent.</summary>
            public static Tanh Tanh() => new(false);

            /// <summary>The hyperbolic tangent, optionally in place.</summary>
            public static Tanh Tanh(bool inplace) => new(inplace);

            public static partial class functional
            {
                /// <summary>max(0, x); with <paramref name="inplace"/> it overwrites <paramref name="x"/>.</summary>
                public static Tensor relu(Tensor x, bool inplace = false) => inplace ? x.relu_() : x.relu();

                /// <summary>1 / (1 + e^-x).</summary>
                public static Tensor sigmoid(Tensor x) => x.sigmoid();

                /// <summary>1 / (1 + e^-x); with <paramref name="inplace"/> it overwrites <paramref name="x"/>.</summary>
                public static Tensor sigmoid(Tensor x, bool inplace) => inplace ? x.copy_(x.sigmoid()) : x.sigmoid();

                /// <summary>tanh(x); with <paramref name="inplace"/> it overwrites <paramref name="x"/>.</summary>
                public static Tensor tanh(Tensor x, bool inplace = false) => inplace ? x.copy_(x.tanh()) : x.tanh();
            }
        }
    }
}
