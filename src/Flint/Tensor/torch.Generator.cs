namespace Flint;

public static partial class torch
{
    /// <summary>
    /// PyTorch's <c>torch.Generator</c> (CPU): an independent random stream with the same engine as the
    /// default generator, for the <c>generator:</c> arguments of samplers, <c>random_split</c> and
    /// <c>randperm</c>. <c>new torch.Generator().manual_seed(42)</c> reads as the Python does.
    /// </summary>
    public sealed class Generator
    {
        internal readonly global::Flint.Generator Impl;

        /// <summary>A generator seeded with PyTorch's default seed (67280421310721), as <c>torch.Generator()</c>.</summary>
        public Generator() => Impl = new global::Flint.Generator();

        /// <summary>A generator seeded with <paramref name="seed"/>.</summary>
        public Generator(long seed) => Impl = new global::Flint.Generator(unchecked((ulong)seed));

        private Generator(global::Flint.Generator state) => Impl = state;

        /// <summary>Reseeds this generator and returns it, as PyTorch's <c>g.manual_seed(seed)</c>.</summary>
        public Generator manual_seed(long seed)
        {
            Impl.ManualSeed(unchecked((ulong)seed));
            return this;
        }

        /// <summary>The seed this generator was last seeded with.</summary>
        public long initial_seed() => unchecked((long)Impl.InitialSeed);

        /// <summary>The generator behind <c>torch.manual_seed</c> and every draw without a <c>generator:</c>.</summary>
        public static Generator Default { get; } = new(global::Flint.Generator.Default);

        internal static global::Flint.Generator Resolve(Generator? generator) => generator?.Impl ?? global::Flint.Generator.Default;
    }

    /// <summary>The default CPU generator, as PyTorch's <c>torch.default_generator</c>.</summary>
    public static Generator default_generator => Generator.Default;

    /// <summary>A random permutation of 0..n-1 drawn from <paramref name="generator"/>, as <c>torch.randperm(n, generator=g)</c>.</summary>
    public static Tensor randperm(long n, Generator generator, ScalarType? dtype = null)
    {
        if (n < 0) throw new ArgumentException($"n must be non-negative, got{n}");
        var values = new long[n];
        Distributions.RandPerm(Generator.Resolve(generator), values);
        var t = torch.tensor(values);
        return dtype is { } dt && dt != ScalarType.Int64 ? t.to(dt) : t;
    }

    /// <summary>Integers uniformly from [low, high) drawn from <paramref name="generator"/>, as <c>torch.randint(low, high, size, generator=g)</c>.</summary>
    public static Tensor randint(long low, long high, long[] size, Generator generator, ScalarType? dtype = null)
    {
        long n = 1;
        foreach (var d in size) n *= d;
        var values = new long[n];
        Distributions.RandomInt(Generator.Resolve(generator), values, low, high);
        var t = torch.tensor(values).reshape(size);
        return dtype is { } dt && dt != ScalarType.Int64 ? t.to(dt) : t;
    }

    /// <summary>
    /// PyTorch's <c>torch.empty((), dtype=torch.int64).random_(generator=g).item()</c>: one 64-bit draw
    /// reduced to [0, 2^63). Samplers and DataLoader iterators draw their seeds this way.
    /// </summary>
    internal static long RandomInt64(Generator? generator)
    {
        var g = Generator.Resolve(generator);
        lock (g.Mutex) return (long)(g.NextUInt64() % (1UL << 63));
    }
}
