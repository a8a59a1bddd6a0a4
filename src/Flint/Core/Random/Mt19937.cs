using System.Numerics;

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

    /// <summary>
    /// Fills <paramref name="dst"/> with the next outputs, exactly as that many <see cref="NextUInt32"/> calls
    /// would, but tempering a whole run of state words at a time with SIMD (bulk fills such as dropout masks
    /// draw millions of words per call).
    /// </summary>
    public void Fill(Span<uint> dst)
    {
        while (dst.Length > 0)
        {
            // Words left before the next regeneration; NextUInt32 regenerates when --_left reaches 0.
            int available = _left - 1;
            if (available == 0)
            {
                NextState();
                _left = StateSize + 1;
                available = StateSize;
            }
            int take = Math.Min(available, dst.Length);
            Temper(_state.AsSpan((int)_next, take), dst[..take]);
            _next += (uint)take;
            _left -= take;
            dst = dst[take..];
        }
    }

    private static void Temper(ReadOnlySpan<uint> words, Span<uint> output)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var b = new Vector<uint>(0x9d2c5680u);
            var c = new Vector<uint>(0xefc60000u);
            for (; i <= words.Length - Vector<uint>.Count; i += Vector<uint>.Count)
            {
                var y = new Vector<uint>(words[i..]);
                y ^= Vector.ShiftRightLogical(y, 11);
                y ^= Vector.ShiftLeft(y, 7) & b;
                y ^= Vector.ShiftLeft(y, 15) & c;
                y ^= Vector.ShiftRightLogical(y, 18);
                y.CopyTo(output[i..]);
            }
        }
        for (; i < words.Length; i++)
        {
            uint y = words[i];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            y ^= y >> 18;
            output[i] = y;
        }
    }

    private static uint MixBits(uint u, uint v) => (u & UpperMask) | (v & LowerMask);

    // Branch-free: the low bit of v selects MatrixA (a branch there mispredicts half the time).
    private static uint Twist(uint u, uint v) => (MixBits(u, v) >> 1) ^ ((0u - (v & 1)) & MatrixA);

    private void NextState()
    {
        uint[] s = _state;
        _left = StateSize;
        _next = 0;
        int p = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Eight words at a time: a step reads its right neighbours' old values and words M ahead (still
            // old) or StateSize - M behind (already new), exactly what the scalar steps read.
            int w = Vector<uint>.Count;
            var upper = new Vector<uint>(UpperMask);
            var lower = new Vector<uint>(LowerMask);
            var one = new Vector<uint>(1u);
            var matrix = new Vector<uint>(MatrixA);
            for (; p + w <= StateSize - M; p += w)
                TwistVector(s, p, p + M, upper, lower, one, matrix);
            for (; p < StateSize - M; p++)
                s[p] = s[p + M] ^ Twist(s[p], s[p + 1]);
            for (; p + w <= StateSize - 1; p += w)
                TwistVector(s, p, p + M - StateSize, upper, lower, one, matrix);
        }
        for (; p < StateSize - M; p++)
            s[p] = s[p + M] ^ Twist(s[p], s[p + 1]);
        for (; p < StateSize - 1; p++)
            s[p] = s[p + M - StateSize] ^ Twist(s[p], s[p + 1]);
        s[p] = s[p + M - StateSize] ^ Twist(s[p], s[0]);
    }

    private static void TwistVector(uint[] s, int p, int far, Vector<uint> upper, Vector<uint> lower, Vector<uint> one, Vector<uint> matrix)
    {
        var u = new Vector<uint>(s, p);
        var v = new Vector<uint>(s, p + 1);
        var mixed = (u & upper) | (v & lower);
        var odd = Vector<uint>.Zero - (v & one);
        (new Vector<uint>(s, far) ^ Vector.ShiftRightLogical(mixed, 1) ^ (odd & matrix)).CopyTo(s, p);
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
