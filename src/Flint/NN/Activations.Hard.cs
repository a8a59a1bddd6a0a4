using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>Hardswish: x·relu6(x + 3)/6. (PyTorch's <c>nn.Hardswish</c>).</summary>
        public sealed class Hardswish : torch.nn.Module<Tensor, Tensor>
        {
            internal Hardswish(bool inplace)
            {
                this.inplace = inplace;
            }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.hardswish(tensor, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => inplace ? "inplace=True" : "";
        }

        /// <summary>Hardsigmoid: relu6(x + 3)/6. (PyTorch's <c>nn.Hardsigmoid</c>).</summary>
        public sealed class Hardsigmoid : torch.nn.Module<Tensor, Tensor>
        {
            internal Hardsigmoid(bool inplace)
            {
                this.inplace = inplace;
            }

            /// <summary>Whether <c>forward</c> overwrites its input.</summary>
            public bool inplace { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.hardsigmoid(tensor, inplace);

            /// <inheritdoc/>
            public override string extra_repr() => inplace ? "inplace=True" : "";
        }

        /// <summary>Softsign: x/(1 + |x|). (PyTorch's <c>nn.Softsign</c>).</summary>
        public sealed class Softsign : torch.nn.Module<Tensor, Tensor>
        {
            internal Softsign() { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.softsign(tensor);
        }

        /// <summary>Tanhshrink: x − tanh(x). (PyTorch's <c>nn.Tanhshrink</c>).</summary>
        public sealed class Tanhshrink : torch.nn.Module<Tensor, Tensor>
        {
            internal Tanhshrink() { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.tanhshrink(tensor);
        }

        /// <summary>GLU: a·σ(b) for the halves a, b of <c>dim</c>. (PyTorch's <c>nn.GLU</c>).</summary>
        public sealed class GLU : torch.nn.Module<Tensor, Tensor>
        {
            internal GLU(long dim)
            {
                this.dim = dim;
            }

            /// <summary>The dim that is split in half.</summary>
            public long dim { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.glu(tensor, dim);

            /// <inheritdoc/>
            public override string extra_repr() => $"dim={dim}";
        }

        /// <summary>Softmin: softmax(−x) along <c>dim</c>. (PyTorch's <c>nn.Softmin</c>).</summary>
        public sealed class Softmin : torch.nn.Module<Tensor, Tensor>
        {
            internal Softmin(long dim)
            {
                this.dim = dim;
            }

            /// <summary>The dim the softmin runs along.</summary>
            public long dim { get; set; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor tensor) => torch.nn.functional.softmin(tensor, dim);

            /// <inheritdoc/>
            public override string extra_repr() => $"dim={dim}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Hardswish: x·relu6(x + 3)/6.</summary>
            public static Hardswish Hardswish(bool inplace = false) => new(inplace);

            /// <summary>Hardsigmoid: relu6(x + 3)/6.</summary>
            public static Hardsigmoid Hardsigmoid(bool inplace = false) => new(inplace);

            /// <summary>Softsign: x/(1 + |x|).</summary>
            public static Softsign Softsign() => new();

            /// <summary>Tanhshrink: x − tanh(x).</summary>
            public static Tanhshrink Tanhshrink() => new();

            /// <summary>GLU: a·σ(b) for the halves a, b of <c>dim</c>.</summary>
            public static GLU GLU(long dim = -1) => new(dim);

            /// <summary>Softmin: softmax(−x) along <c>dim</c>.</summary>
            public static Softmin Softmin(long dim) => new(dim);
        }
    }
}
