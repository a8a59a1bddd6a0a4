namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Stateless versions of the layers and losses (PyTorch's <c>torch.nn.functional</c>, usually imported as <c>F</c>).
        /// Each function lives in the file of the module it backs.
        /// </summary>
        public static partial class functional
        {
        }
    }
}
