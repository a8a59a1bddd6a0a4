using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// A tensor that is a module's learnable weight: a leaf that requires grad by default,
        /// found by <c>parameters()</c>, printed as <c>Parameter containing:</c>. Made by
        /// <c>torch.nn.Parameter(t)</c>, as TorchSharp spells it.
        /// </summary>
        public class Parameter : Tensor
        {
            /// <summary>Wraps <paramref name="data"/> (sharing its storage) as a parameter.</summary>
            public Parameter(Tensor data, bool requires_grad = true)
                : base(data.Storage, (long[])data.Shape.Clone(), (long[])data.Strides.Clone(), data.Offset)
            {
                if (requires_grad) this.requires_grad = true;
            }

            /// <summary><c>Parameter containing:</c> followed by the tensor.</summary>
            public override string ToString() => "Parameter containing:\n" + base.ToString();
        }
    }

    public static partial class torch
    {
        /// <summary>The <c>torch.nn</c> namespace: modules, losses, functional ops and initialisers.</summary>
        public static partial class nn
        {
            /// <summary>Wraps <paramref name="data"/> (sharing its storage) as a module parameter: <c>nn.Parameter(torch.zeros(3))</c>.</summary>
            public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);
        }
    }
}
