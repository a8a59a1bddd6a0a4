namespace Flint;

public static partial class torch
{
    /// <summary>PyTorch's <c>torch.random</c> module: the same seeding functions as <c>torch.*</c>.</summary>
    public static partial class random
    {
        /// <summary>Seeds the default CPU generator (and every CUDA generator), as <c>torch.manual_seed</c>.</summary>
        /// <param name="seed">The seed.</param>
        public static void manual_seed(long seed) => torch.manual_seed(seed);
    }
}
