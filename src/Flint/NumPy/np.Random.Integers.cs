namespace Flint;

public static partial class np
{
    public static partial class random
    {
        /// <summary>Random integers in [<paramref name="low"/>, <paramref name="high"/>) (<c>np.random.randint(0, 10, size: [5])</c>), NumPy's draws.</summary>
        public static NDArray randint(long low, long? high = null, long[]? size = null, NDType? dtype = null) => Global.randint(low, high, size, dtype);

        /// <summary>A random sample from <c>np.arange(a)</c>.</summary>
        public static NDArray choice(long a, long[]? size = null, bool replace = true, NDArray? p = null) => Global.choice(a, size, replace, p);

        /// <summary>A random sample from the 1-D array <paramref name="a"/>.</summary>
        public static NDArray choice(NDArray a, long[]? size = null, bool replace = true, NDArray? p = null) => Global.choice(a, size, replace, p);

        /// <summary>Shuffles <paramref name="x"/> in place along its first axis.</summary>
        public static void shuffle(NDArray x) => Global.shuffle(x);

        /// <summary><c>np.arange(n)</c> randomly permuted.</summary>
        public static NDArray permutation(long n) => Global.permutation(n);

        /// <summary>A shuffled copy of <paramref name="x"/>.</summary>
        public static NDArray permutation(NDArray x) => Global.permutation(x);
    }
}
