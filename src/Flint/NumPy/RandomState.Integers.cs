namespace Flint;

public static partial class np
{
    public static partial class random
    {
        public sealed partial class RandomState
        {
            /// <summary>
            /// Random integers in [<paramref name="low"/>, <paramref name="high"/>) (in [0, <paramref name="low"/>) when
            /// <paramref name="high"/> is null), int64 unless <paramref name="dtype"/> says otherwise; a NumPy scalar
            /// when <paramref name="size"/> is null. NumPy's legacy draws: masked rejection on 32-bit draws for ranges
            /// below 2^32, on 64-bit draws above, on 16/8/1-bit slices of buffered 32-bit draws for the small dtypes.
            /// </summary>
            public NDArray randint(long low, long? high = null, long[]? size = null, NDType? dtype = null)
            {
                var type = dtype?.Type ?? ScalarType.Int64;
                Int128 lo = high is null ? 0 : low, hi = high ?? low;
                var (min, max, bits) = IntegerBounds(type);
                long[] shape = size is null ? [] : CheckSize(size);
                long count = Shapes.Numel(shape);
                if (count == 0) return new NDArray(torch.zeros(shape, type));
                Int128 top = hi - 1; // the generator draws on the closed interval [low, high - 1]
                if (lo < min) throw new ArgumentException($"low is out of bounds for {NDType.Name(type)}");
                if (top > max) throw new ArgumentException($"high is out of bounds for {NDType.Name(type)}");
                if (lo > top) throw new ArgumentException(lo == 0 ? "high <= 0" : "low >= high");
                ulong range = (ulong)(top - lo);
                ulong[] draws;
                lock (_lock) draws = Bounded(range, count, bits);
                var values = new long[count];
                for (long i = 0; i < count; i++) values[i] = (long)(lo + (Int128)draws[i]);
                var t = torch.from_array(values, shape).to(type);
                return new NDArray(t, scalar: size is null);
            }

            /// <summary>
            /// A random sample from <c>np.arange(a)</c> (NumPy's <c>choice(5, size=3)</c>): with replacement from
            /// <c>randint</c>, without from a permutation, or by the probabilities <paramref name="p"/>.
            /// </summary>
            public NDArray choice(long a, long[]? size = null, bool replace = true, NDArray? p = null)
            {
                if (a <= 0 && (size is null || Shapes.Numel(size) != 0))
                    throw new ArgumentException("a must be greater than 0 unless no samples are taken");
                return ChooseIndices(a, size, replace, p);
            }

            /// <summary>A random sample from the 1-D array <paramref name="a"/> (with replacement unless told otherwise, uniform unless <paramref name="p"/> is given).</summary>
            public NDArray choice(NDArray a, long[]? size = null, bool replace = true, NDArray? p = null)
            {
                if (a.ndim == 0)
                {
                    if (a.AsTensor.IsFloating) throw new ArgumentException("a must be 1-dimensional or an integer");
                    return choice((long)a, size, replace, p);
                }
                if (a.ndim != 1) throw new ArgumentException("a must be 1-dimensional");
                long popSize = a.shape[0];
                if (popSize == 0 && (size is null || Shapes.Numel(size) != 0))
                    throw new ArgumentException("'a' cannot be empty unless no samples are taken");
                var idx = ChooseIndices(popSize, size, replace, p);
                var picked = a.AsTensor.index_select(0, idx.AsTensor.reshape(-1));
                return size is null ? new NDArray(picked.reshape([]), scalar: true) : new NDArray(picked.reshape(idx.AsTensor.Shape));
            }

            private NDArray ChooseIndices(long popSize, long[]? size, bool replace, NDArray? p)
            {
                double[]? probs = null;
                if (p is not null)
                {
                    double atol = Math.Sqrt(2.220446049250313e-16); // sqrt(finfo(float64).eps)
                    if (p.dtype.Type is ScalarType.Float32) atol = Math.Max(atol, Math.Sqrt(1.1920929e-07));
                    else if (p.dtype.Type is ScalarType.Float16) atol = Math.Max(atol, Math.Sqrt(0.000977));
                    if (p.ndim != 1) throw new ArgumentException("'p' must be 1-dimensional");
                    if (p.size != popSize) throw new ArgumentException("'a' and 'p' must have same size");
                    probs = p.Cast(ScalarType.Float64).contiguous().data<double>();
                    double sum = KahanSum(probs);
                    if (double.IsNaN(sum)) throw new ArgumentException("probabilities contain NaN");
                    if (probs.Any(v => v < 0)) throw new ArgumentException("probabilities are not non-negative");
                    if (Math.Abs(sum - 1.0) > atol) throw new ArgumentException("probabilities do not sum to 1");
                }
                long[] shape = size is null ? [] : CheckSize(size);
                long count = Shapes.Numel(shape);
                long[] idx;
                if (replace)
                {
                    if (probs is not null)
                    {
                        var cdf = Cdf(probs);
                        var u = random_sample(shape);
                        var us = u.AsTensor.reshape(-1).data<double>();
                        idx = new long[count];
                        for (long i = 0; i < count; i++) idx[i] = SearchSortedRight(cdf, us[i]);
                    }
                    else
                    {
                        idx = randint(0, popSize, shape).AsTensor.reshape(-1).data<long>();
                    }
                }
                else
                {
                    if (count > popSize) throw new ArgumentException("Cannot take a larger sample than population when 'replace=False'");
                    if (probs is not null)
                    {
                        if (probs.Count(v => v > 0) < count) throw new ArgumentException("Fewer non-zero entries in p than size");
                        idx = UniqueByProbability(probs, count);
                    }
                    else
                    {
                        idx = permutation(popSize).AsTensor.data<long>()[..(int)count];
                    }
                }
                return new NDArray(torch.from_array(idx, shape), scalar: size is null);
            }

            /// <summary>NumPy's loop for <c>replace=False</c> with <c>p</c>: draw, zero the found entries, keep new values in order of first appearance.</summary>
            private long[] UniqueByProbability(double[] probs, long count)
            {
                var p = (double[])probs.Clone();
                var found = new long[count];
                long nUniq = 0;
                while (nUniq < count)
                {
                    var x = random_sample(count - nUniq).AsTensor.reshape(-1).data<double>();
                    for (long i = 0; i < nUniq; i++) p[found[i]] = 0;
                    var cdf = Cdf(p);
                    var seen = new HashSet<long>();
                    foreach (var u in x)
                    {
                        long v = SearchSortedRight(cdf, u);
                        if (seen.Add(v) && nUniq < count) found[nUniq++] = v;
                    }
                }
                return found;
            }

            /// <summary>The running sum of <paramref name="p"/> divided by its last value (NumPy's <c>cdf /= cdf[-1]</c>).</summary>
            private static double[] Cdf(double[] p)
            {
                var cdf = new double[p.Length];
                double acc = 0;
                for (int i = 0; i < p.Length; i++) cdf[i] = acc += p[i];
                double last = cdf[^1];
                for (int i = 0; i < cdf.Length; i++) cdf[i] /= last;
                return cdf;
            }

            /// <summary>The number of <paramref name="cdf"/> entries ≤ <paramref name="v"/> (<c>searchsorted(side='right')</c>).</summary>
            private static long SearchSortedRight(double[] cdf, double v)
            {
                int lo = 0, hi = cdf.Length;
                while (lo < hi)
                {
                    int mid = (lo + hi) >>> 1;
                    if (cdf[mid] <= v) lo = mid + 1; else hi = mid;
                }
                return lo;
            }

            private static double KahanSum(double[] a)
            {
                if (a.Length == 0) return 0;
                double sum = a[0], c = 0;
                for (int i = 1; i < a.Length; i++)
                {
                    double y = a[i] - c;
                    double t = sum + y;
                    c = (t - sum) - y;
                    sum = t;
                }
                return sum;
            }

            /// <summary>
            /// Shuffles <paramref name="x"/> in place along its first axis: NumPy's Fisher-Yates, from the last
            /// position down, swapping with a position drawn by masked rejection (<c>random_interval</c>).
            /// </summary>
            public void shuffle(NDArray x)
            {
                if (x.ndim == 0) throw new ArgumentException("len() of unsized object");
                long n = x.shape[0];
                var order = new long[n];
                for (long i = 0; i < n; i++) order[i] = i;
                lock (_lock)
                {
                    for (long i = n - 1; i > 0; i--)
                    {
                        long j = (long)RandomInterval((ulong)i);
                        (order[i], order[j]) = (order[j], order[i]);
                    }
                }
                if (n < 2) return;
                var t = x.AsTensor;
                t.copy_(t.index_select(0, torch.from_array(order)));
            }

            /// <summary><c>np.arange(n)</c> randomly permuted (int64).</summary>
            public NDArray permutation(long n)
            {
                var a = arange(n);
                shuffle(a);
                return a;
            }

            /// <summary>A shuffled copy of <paramref name="x"/> (rows permuted for more than one dimension).</summary>
            public NDArray permutation(NDArray x)
            {
                if (x.ndim == 0) throw new IndexOutOfRangeException("x must be an integer or at least 1-dimensional");
                var c = x.copy();
                shuffle(c);
                return c;
            }

            private static long[] CheckSize(long[] size)
            {
                foreach (var s in size) if (s < 0) throw new ArgumentException("negative dimensions are not allowed");
                return (long[])size.Clone();
            }

            /// <summary>The closed bounds of a dtype and the width of the draws NumPy's bounded fill uses for it.</summary>
            private static (Int128 Min, Int128 Max, int Bits) IntegerBounds(ScalarType type) => type switch
            {
                ScalarType.Int64 => (long.MinValue, long.MaxValue, 64),
                ScalarType.Int32 => (int.MinValue, int.MaxValue, 32),
                ScalarType.Int16 => (short.MinValue, short.MaxValue, 16),
                ScalarType.Int8 => (sbyte.MinValue, sbyte.MaxValue, 8),
                ScalarType.Byte => (byte.MinValue, byte.MaxValue, 8),
                ScalarType.Bool => (0, 1, 1),
                _ => throw new ArgumentException($"Unsupported dtype {NDType.Name(type)} for randint"),
            };

            /// <summary>MT19937's 64-bit draw: two 32-bit draws, the first in the high half.</summary>
            private ulong NextUInt64()
            {
                ulong hi = _mt.NextUInt32();
                return (hi << 32) | _mt.NextUInt32();
            }

            /// <summary>The smallest all-ones bit mask covering <paramref name="max"/>.</summary>
            private static ulong Mask(ulong max)
            {
                max |= max >> 1; max |= max >> 2; max |= max >> 4;
                max |= max >> 8; max |= max >> 16; max |= max >> 32;
                return max;
            }

            /// <summary>A value in [0, <paramref name="max"/>] by masked rejection (NumPy's <c>random_interval</c>).</summary>
            private ulong RandomInterval(ulong max)
            {
                if (max == 0) return 0;
                ulong mask = Mask(max), v;
                if (max <= uint.MaxValue)
                    do v = _mt.NextUInt32() & mask; while (v > max);
                else
                    do v = NextUInt64() & mask; while (v > max);
                return v;
            }

            /// <summary>
            /// <paramref name="count"/> values in [0, <paramref name="range"/>], NumPy's <c>random_bounded_*_fill</c>
            /// with the masked method: <paramref name="bits"/> is the dtype's width (1 for bool).
            /// </summary>
            private ulong[] Bounded(ulong range, long count, int bits)
            {
                var o = new ulong[count];
                if (range == 0) return o;
                uint buf = 0;
                int bcnt = 0;
                ulong mask = Mask(range);
                for (long i = 0; i < count; i++)
                {
                    ulong v;
                    switch (bits)
                    {
                        case 64 when range > uint.MaxValue:
                            if (range == ulong.MaxValue) v = NextUInt64();
                            else do v = NextUInt64() & mask; while (v > range);
                            break;
                        case 64 or 32:
                            if (range == uint.MaxValue) v = _mt.NextUInt32();
                            else do v = _mt.NextUInt32() & mask; while (v > range);
                            break;
                        case 16:
                            if (range == ushort.MaxValue) v = Buffered(ref buf, ref bcnt, 16);
                            else do v = Buffered(ref buf, ref bcnt, 16) & mask; while (v > range);
                            break;
                        case 8:
                            if (range == byte.MaxValue) v = Buffered(ref buf, ref bcnt, 8);
                            else do v = Buffered(ref buf, ref bcnt, 8) & mask; while (v > range);
                            break;
                        default:
                            v = Buffered(ref buf, ref bcnt, 1);
                            break;
                    }
                    o[i] = v;
                }
                return o;
            }

            /// <summary>The next <paramref name="width"/>-bit slice of a buffered 32-bit draw (NumPy's <c>buffered_uint16/uint8/bool</c>).</summary>
            private ulong Buffered(ref uint buf, ref int bcnt, int width)
            {
                if (bcnt == 0)
                {
                    buf = _mt.NextUInt32();
                    bcnt = 32 / width - 1;
                }
                else
                {
                    buf >>= width;
                    bcnt--;
                }
                return width == 1 ? buf & 1u : width == 8 ? (byte)buf : (ushort)buf;
            }
        }
    }
}
