using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Flint;

/// <summary>
/// A random number generator that reproduces PyTorch's CPU generator (<c>at::CPUGeneratorImpl</c>)
/// bit for bit: an <see cref="Mt19937"/> engine plus the cached second Box-Muller samples used by
/// <c>at::normal_distribution</c>.
/// </summary>
/// <remarks>
/// Callers that draw several numbers for one tensor operation must hold <see cref="Mutex"/> for the
/// whole operation, like PyTorch's kernels do (the <see cref="Distributions"/> fills take it themselves).
/// </remarks>
internal sealed class Generator
{
    /// <summary>PyTorch's <c>default_rng_seed_val</c>, the seed of a freshly constructed <c>torch.Generator()</c>.</summary>
    public const ulong DefaultSeed = 67280421310721;

    /// <summary>Serialized state size in bytes: <c>sizeof(CPUGeneratorImplState)</c> = <c>torch.get_rng_state().numel()</c>.</summary>
    public const int StateSizeInBytes = 5056;

    private readonly Mt19937 _engine;

    /// <summary>
    /// The process-wide default generator (PyTorch's <c>getDefaultCPUGenerator()</c>). Like PyTorch it starts
    /// from a nondeterministic seed until <see cref="ManualSeed"/> is called.
    /// </summary>
    public static Generator Default { get; } = new(NondeterministicSeed());

    /// <summary>Creates a generator seeded with <paramref name="seed"/> (default: PyTorch's <see cref="DefaultSeed"/>).</summary>
    public Generator(ulong seed = DefaultSeed) => _engine = new Mt19937(seed);

    private Generator(Mt19937 engine, double? nextDouble, float? nextFloat)
    {
        _engine = engine;
        NextDoubleNormalSample = nextDouble;
        NextFloatNormalSample = nextFloat;
    }

    /// <summary>Lock to hold while drawing the numbers of one operation (PyTorch's <c>generator->mutex_</c>).</summary>
    public Lock Mutex { get; } = new();

    /// <summary>The seed last set (<c>torch.initial_seed()</c>), all 64 bits.</summary>
    public ulong InitialSeed => _engine.InitialSeed;

    /// <summary>
    /// Cached second sample of the scalar Box-Muller transform in <c>at::normal_distribution&lt;double&gt;</c>
    /// (PyTorch's <c>next_double_normal_sample_</c>). Cleared by <see cref="ManualSeed"/>.
    /// </summary>
    public double? NextDoubleNormalSample { get; set; }

    /// <summary>
    /// PyTorch's <c>next_float_normal_sample_</c>: only used by <c>at::normal_distribution&lt;float&gt;</c>, which no
    /// CPU kernel of PyTorch 1.13 uses; kept so that <see cref="GetState"/>/<see cref="SetState"/> round-trip.
    /// </summary>
    public float? NextFloatNormalSample { get; set; }

    /// <summary><c>torch.manual_seed(seed)</c> / <c>Generator.manual_seed</c>: reseeds and drops the cached normals.</summary>
    public Generator ManualSeed(ulong seed)
    {
        lock (Mutex)
        {
            NextDoubleNormalSample = null;
            NextFloatNormalSample = null;
            _engine.Seed(seed);
        }
        return this;
    }

    /// <summary><c>Generator.seed()</c>: reseeds from a nondeterministic source and returns the new seed.</summary>
    public ulong Seed()
    {
        ulong s = NondeterministicSeed();
        ManualSeed(s);
        return s;
    }

    /// <summary>PyTorch's <c>random()</c>: one 32-bit engine output.</summary>
    public uint NextUInt32() => _engine.NextUInt32();

    /// <summary>The next <paramref name="dst"/>.Length <c>random()</c> outputs, in order (bulk; same bits as repeated <see cref="NextUInt32"/>).</summary>
    public void Fill(Span<uint> dst) => _engine.Fill(dst);

    /// <summary>PyTorch's <c>random64()</c>: two engine outputs, the first one in the high 32 bits.</summary>
    public ulong NextUInt64()
    {
        uint hi = _engine.NextUInt32();
        uint lo = _engine.NextUInt32();
        return ((ulong)hi << 32) | lo;
    }

    /// <summary>An independent copy (PyTorch's <c>clone()</c>): same engine state and cached samples.</summary>
    public Generator Clone()
    {
        lock (Mutex)
            return new Generator(_engine.Clone(), NextDoubleNormalSample, NextFloatNormalSample);
    }

    /// <summary>
    /// Serializes the state in PyTorch's layout (<c>CPUGeneratorImplState</c>, 5056 bytes, little-endian),
    /// byte-identical to <c>torch.get_rng_state()</c> / <c>Generator.get_state()</c>.
    /// </summary>
    public byte[] GetState()
    {
        var b = new byte[StateSizeInBytes];
        lock (Mutex)
        {
            Span<byte> s = b;
            BinaryPrimitives.WriteUInt64LittleEndian(s[0..], _engine.InitialSeed);   // the_initial_seed
            BinaryPrimitives.WriteInt32LittleEndian(s[8..], _engine.Left);           // left
            BinaryPrimitives.WriteInt32LittleEndian(s[12..], _engine.Seeded ? 1 : 0); // seeded
            BinaryPrimitives.WriteUInt64LittleEndian(s[16..], _engine.Next);         // next
            ReadOnlySpan<uint> st = _engine.State;
            for (int i = 0; i < Mt19937.StateSize; i++)
                BinaryPrimitives.WriteUInt64LittleEndian(s[(24 + 8 * i)..], st[i]); // state[624] as uint64
            // 5016: normal_x (0), 5024: normal_y, 5032: normal_rho (0), 5040: normal_is_valid, 5044: padding
            if (NextDoubleNormalSample is double d)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(s[5024..], d);
                BinaryPrimitives.WriteInt32LittleEndian(s[5040..], 1);
            }
            // 5048: next_float_normal_sample, 5052: is_next_float_normal_sample_valid, 5053..5055 padding
            if (NextFloatNormalSample is float f)
            {
                BinaryPrimitives.WriteSingleLittleEndian(s[5048..], f);
                s[5052] = 1;
            }
        }
        return b;
    }

    /// <summary>Restores a state produced by <see cref="GetState"/> or by <c>torch.get_rng_state()</c>.</summary>
    public void SetState(ReadOnlySpan<byte> state)
    {
        if (state.Length != StateSizeInBytes)
            throw new ArgumentException(
                $"Expected a CPUGeneratorImplState of size {StateSizeInBytes} but found the input RNG state size to be {state.Length}.",
                nameof(state));
        ulong seed = BinaryPrimitives.ReadUInt64LittleEndian(state[0..]);
        int left = BinaryPrimitives.ReadInt32LittleEndian(state[8..]);
        int seeded = BinaryPrimitives.ReadInt32LittleEndian(state[12..]);
        ulong next = BinaryPrimitives.ReadUInt64LittleEndian(state[16..]);
        var words = new uint[Mt19937.StateSize];
        for (int i = 0; i < words.Length; i++)
            words[i] = (uint)BinaryPrimitives.ReadUInt64LittleEndian(state[(24 + 8 * i)..]);
        double normalY = BinaryPrimitives.ReadDoubleLittleEndian(state[5024..]);
        int normalValid = BinaryPrimitives.ReadInt32LittleEndian(state[5040..]);
        float nextFloat = BinaryPrimitives.ReadSingleLittleEndian(state[5048..]);
        bool floatValid = state[5052] != 0;
        lock (Mutex)
        {
            _engine.SetData(words, seed, left, seeded != 0, (uint)next);
            NextDoubleNormalSample = normalValid != 0 ? normalY : null;
            NextFloatNormalSample = floatValid ? nextFloat : null;
        }
    }

    /// <summary>A 64-bit seed from the OS random source (PyTorch reads /dev/urandom).</summary>
    internal static ulong NondeterministicSeed()
    {
        Span<byte> b = stackalloc byte[8];
        RandomNumberGenerator.Fill(b);
        return BinaryPrimitives.ReadUInt64LittleEndian(b);
    }
}
