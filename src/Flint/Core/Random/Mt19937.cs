namespace Flint;

/// <summary>
/// The 32-bit Mersenne Twister exactly as PyTorch implements it in
/// <c>aten/src/ATen/core/MT19937RNGEngine.h</c> (<c>at::mt19937</c>).
/// </summary>
/// <remarks>
/// Seeding uses the standard <c>init_genrand</c> recurrence on the low 32 bits of the 64-bit seed
/// (so seeds <c>s</c> and <c>s + 2^32</c> produce the same stream, as in PyTorch), but the full 64-bit
/// seed is remembered and reported. The <c>left</c>/<c>next</c> bookkeeping mirrors PyTorch's so that the
/// serialized state (<see cref="Generator.GetState"/>) is byte-identical to <c>torch.get_rng_state()</c>.
/// </remarks>
internal sealed class Mt19937
{
    /// <summary>Number of 32-bit words of state (MERSENNE_STATE_N).</summary>
    public const int StateSize = 624;
    private const int M = 397; // MERSENNE_STATE_M
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    private readonly uint[] _state = new uint[StateSize];
    private ulong _seed;
    private int _left;
    private bool _seeded;
    private uint _next;

    /// <summary>Creates an engine seeded with <paramref name="seed"/> (PyTorch's default is 5489).</summary>
    public Mt19937(ulong seed = 5489) => Seed(seed);

    /// <summary>The seed last passed to <see cref="Seed"/> (all 64 bits).</summary>
    public ulong InitialSeed => _seed;

    /// <summary>Re-initializes the state from <paramref name="seed"/> (only its low 32 bits matter).</summary>
    public void Seed(ulong seed)
    {
        _seed = seed;
        _seeded = true;
        _state[0] = (uint)(seed & 0xffffffff);
        for (uint j = 1; j < StateSize; j++)
        {
            uint prev = _state[j - 1];
            _state[j] = unchecked(1812433253u * (prev ^ (prev >> 30)) + j);
        }
        _left = 1;
        _next = 0;
    }

    /// <summary>Next tempered 32-bit output.</summary>
    public uint NextUInt32()
    {
        if (--_left == 0)
            NextState();
        uint y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    private static uint MixBits(uint u, uint v) => (u & UpperMask) | (v & LowerMask);

    private static uint Twist(uint u, uint v) => (MixBits(u, v) >> 1) ^ ((v & 1) != 0 ? MatrixA : 0u);

    private void NextState()
    {
        uint[] s = _state;
        _left = StateSize;
        _next = 0;
        int p = 0;
        for (; p < StateSize - M; p++)
            s[p] = s[p + M] ^ Twist(s[p], s[p + 1]);
        for (; p < StateSize - 1; p++)
            s[p] = s[p + M - StateSize] ^ Twist(s[p], s[p + 1]);
        s[p] = s[p + M - StateSize] ^ Twist(s[p], s[0]);
    }

    /// <summary>Copies the complete engine state from <paramref name="other"/>.</summary>
    public void CopyFrom(Mt19937 other)
    {
        Array.Copy(other._state, _state, StateSize);
        _seed = other._seed;
        _left = other._left;
        _seeded = other._seeded;
        _next = other._next;
    }

    /// <summary>Returns an independent copy of this engine.</summary>
    public Mt19937 Clone()
    {
        var c = new Mt19937(0);
        c.CopyFrom(this);
        return c;
    }

    /// <summary>Raw state words (for serialization).</summary>
    internal ReadOnlySpan<uint> State => _state;

    internal int Left => _left;

    internal bool Seeded => _seeded;

    internal uint Next => _next;

    /// <summary>
    /// Restores a raw state (PyTorch's <c>set_data</c> followed by the <c>is_valid</c> check).
    /// </summary>
    internal void SetData(ReadOnlySpan<uint> state, ulong seed, int left, bool seeded, uint next)
    {
        if (state.Length != StateSize)
            throw new ArgumentException($"Expected {StateSize} state words but got {state.Length}.", nameof(state));
        if (!seeded || left <= 0 || left > StateSize || next > StateSize)
            throw new ArgumentException("Invalid mt19937 state.");
        state.CopyTo(_state);
        _seed = seed;
        _left = left;
        _seeded = seeded;
        _next = next;
    }
}
