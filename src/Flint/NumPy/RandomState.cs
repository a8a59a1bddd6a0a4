namespace Flint;

public static partial class np
{
    public static partial class random
    {
        /// <summary>
        /// NumPy's legacy generator (<c>np.random.RandomState</c>), bit for bit: MT19937 seeded as
        /// NumPy seeds it, 53-bit doubles from two draws (<c>(a &gt;&gt; 5, b &gt;&gt; 6)</c>) and
        /// normals from the polar Box-Muller method, caching the second value of each pair.
        /// </summary>
        public sealed partial class RandomState
        {
            private readonly Mt19937 _mt = new();
            private readonly Lock _lock = new();
            private bool _hasGauss;
            private double _gauss;

            /// <summary>A generator seeded with <paramref name="seed"/>, or from the OS's entropy when null.</summary>
            public RandomState(long? seed = null)
            {
                if (seed is { } s) this.seed(s);
                else this.seed([(long)(uint)System.Random.Shared.Next(), (long)(uint)System.Random.Shared.Next()]);
            }

            /// <summary>Reseeds like <c>np.random.seed(n)</c> (MT19937's <c>init_genrand</c> with n).</summary>
            public void seed(long seed)
            {
                if (seed < 0 || seed > uint.MaxValue) throw new ArgumentException("Seed must be between 0 and 2**32 - 1");
                lock (_lock)
                {
                    _mt.Seed((ulong)seed);
                    _hasGauss = false;
                    _gauss = 0;
                }
            }

            /// <summary>Reseeds from an array like <c>np.random.seed([1, 2, 3])</c> (MT19937's <c>init_by_array</c>).</summary>
            public void seed(long[] seed)
            {
                if (seed.Length == 0) throw new ArgumentException("Seed must be non-empty");
                foreach (var s in seed)
                    if (s < 0 || s > uint.MaxValue) throw new ArgumentException("Seed must be between 0 and 2**32 - 1");
                const int n = Mt19937.StateSize;
                var mt = new uint[n];
                mt[0] = 19650218u;
                for (uint j = 1; j < n; j++) mt[j] = unchecked(1812433253u * (mt[j - 1] ^ (mt[j - 1] >> 30)) + j);
                int i = 1, k = Math.Max(n, seed.Length), kj = 0;
                for (; k > 0; k--)
                {
                    mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + (uint)seed[kj] + (uint)kj);
                    i++; kj++;
                    if (i >= n) { mt[0] = mt[n - 1]; i = 1; }
                    if (kj >= seed.Length) kj = 0;
                }
                for (k = n - 1; k > 0; k--)
                {
                    mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint)i);
                    i++;
                    if (i >= n) { mt[0] = mt[n - 1]; i = 1; }
                }
                mt[0] = 0x80000000u;
                lock (_lock)
                {
                    // left = 1: the next draw regenerates the whole state, as NumPy's pos = 624 does.
                    _mt.SetData(mt, 0, left: 1, seeded: true, next: 0);
                    _hasGauss = false;
                    _gauss = 0;
                }
            }

            /// <summary>One double in [0, 1) from 53 random bits (NumPy's <c>random_sample</c>).</summary>
            private double NextDouble()
            {
                uint a = _mt.NextUInt32() >> 5, b = _mt.NextUInt32() >> 6;
                return (a * 67108864.0 + b) / 9007199254740992.0;
            }

            /// <summary>One standard normal, NumPy's <c>legacy_gauss</c>.</summary>
            private double NextGauss()
            {
                if (_hasGauss)
                {
                    _hasGauss = false;
                    return _gauss;
                }
                double x1, x2, r2;
                do
                {
                    x1 = 2.0 * NextDouble() - 1.0;
                    x2 = 2.0 * NextDouble() - 1.0;
                    r2 = x1 * x1 + x2 * x2;
                } while (r2 >= 1.0 || r2 == 0.0);
                double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
                _gauss = f * x1;
                _hasGauss = true;
                return f * x2;
            }

            private static NDArray Make(double[] data, long[] shape) =>
                shape.Length == 0 ? new NDArray(torch.from_array(data, []), scalar: true) : new NDArray(torch.from_array(data, (long[])shape.Clone()));

            private static double[] Buffer(long[] shape)
            {
                foreach (var s in shape) if (s < 0) throw new ArgumentException("negative dimensions are not allowed");
                return new double[Shapes.Numel(shape)];
            }

            /// <summary>Standard normal samples of the given shape (a float scalar when no shape is given).</summary>
            public NDArray randn(params long[] shape) => standard_normal(shape);

            /// <summary>Standard normal samples of the given shape.</summary>
            public NDArray standard_normal(params long[] size) => normal(0.0, 1.0, size);

            /// <summary>Normal samples with mean <paramref name="loc"/> and standard deviation <paramref name="scale"/>.</summary>
            public NDArray normal(double loc, double scale, params long[] size)
            {
                if (scale < 0) throw new ArgumentException("scale < 0");
                var data = Buffer(size);
                lock (_lock)
                    for (int i = 0; i < data.Length; i++) data[i] = loc + scale * NextGauss();
                return Make(data, size);
            }

            /// <summary>Uniform samples in [0, 1) of the given shape.</summary>
            public NDArray rand(params long[] shape) => random_sample(shape);

            /// <summary>Uniform samples in [0, 1) of the given shape.</summary>
            public NDArray random_sample(params long[] size) => uniform(0.0, 1.0, size);

            /// <summary>Uniform samples in [<paramref name="low"/>, <paramref name="high"/>).</summary>
            public NDArray uniform(double low, double high, params long[] size)
            {
                var data = Buffer(size);
                double range = high - low;
                lock (_lock)
                    for (int i = 0; i < data.Length; i++) data[i] = low + range * NextDouble();
                return Make(data, size);
            }
        }
    }
}
