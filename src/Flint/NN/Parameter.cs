namespace Flint;

public static partial class torch
{
    /// <summary>The <c>torch.nn</c> namespace: modules, losses, functional ops and initialisers.</summary>
    public static partial class nn
    {
        /// <summary>
        /// A tensor that is a module's learnable weight: a leaf that requires grad by default,
        /// found by <c>parameters()</c>, printed as <c>Parameter containing:</c>.
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
}
