namespace Flint;

public static partial class np
{
    /// <summary>
    /// NumPy's <c>np.random</c> module functions, drawing from one global legacy
    /// <see cref="RandomState"/>: <c>np.random.seed(0); np.random.randn(3, 4)</c> gives NumPy's numbers.
    /// </summary>
    public static partial class random
    {
        private static readonly RandomState Global = new(null);

        /// <summary>Reseeds the global generator (<c>np.random.seed(0)</c>).</summary>
        public static void seed(long seed) => Global.seed(seed);

        /// <summary>Reseeds the global generator from an array of 32-bit values.</summary>
        public static void seed(long[] seed) => Global.seed(seed);

        /// <summary>Standard normal samples (<c>np.random.randn(N, D_in)</c>).</summary>
        public static NDArray randn(params long[] shape) => Global.randn(shape);

        /// <summary>Standard normal samples of the given shape.</summary>
        public static NDArray standard_normal(params long[] size) => Global.standard_normal(size);

        /// <summary>Normal samples with mean <paramref name="loc"/> and standard deviation <paramref name="scale"/>.</summary>
        public static NDArray normal(double loc, double scale, params long[] size) => Global.normal(loc, scale, size);

        /// <summary>Uniform samples in [0, 1).</summary>
        public static NDArray rand(params long[] shape) => Global.rand(shape);

        /// <summary>Uniform samples in [0, 1).</summary>
        public static NDArray random_sample(params long[] size) => Global.random_sample(size);

        /// <summary>Uniform samples in [<paramref name="low"/>, <paramref name="high"/>).</summary>
        public static NDArray uniform(double low, double high, params long[] size) => Global.uniform(low, high, size);
    }
}
