using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>What one random launch draws: kind (0 uniform, 1 normal, 2 bernoulli), parameters and its Philox key and counter.</summary>
internal struct RandomArgs
{
    public long Offset;
    public ulong Seed, Call;
    public int Kind;
    public double A, B;
}

/// <summary>
/// Counter-based Philox4x32-10 (the generator family of PyTorch's CUDA backend): element i of
/// launch number <c>Call</c> hashes the counter (i, Call) under the key Seed, so draws need no
/// state per thread, the same seed reproduces the same numbers, and each launch differs.
/// Uniform takes 24 (float) or 53 (double) bits, normal uses Box-Muller, bernoulli is u &lt; p.
/// </summary>
internal static class PhiloxKernel
{
    private const uint M0 = 0xD2511F53u, M1 = 0xCD9E8D57u, W0 = 0x9E3779B9u, W1 = 0xBB67AE85u;

    /// <summary>Ten Philox rounds; returns the four 32-bit outputs in (r0, r1, r2, r3).</summary>
    public static void Philox(ulong seed, ulong c01, ulong c23, out uint r0, out uint r1, out uint r2, out uint r3)
    {
        uint c0 = (uint)c01, c1 = (uint)(c01 >> 32), c2 = (uint)c23, c3 = (uint)(c23 >> 32);
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0, hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            uint n0 = hi1 ^ c1 ^ k0, n2 = hi0 ^ c3 ^ k1;
            c0 = n0; c1 = lo1; c2 = n2; c3 = lo0;
            k0 += W0; k1 += W1;
        }
        r0 = c0; r1 = c1; r2 = c2; r3 = c3;
    }

    public static void Float32(Index1D i, ArrayView<float> dst, RandomArgs r)
    {
        Philox(r.Seed, (ulong)i.X, r.Call, out uint x0, out uint x1, out _, out _);
        float u = (x0 >> 8) * (1f / 16777216f); // [0, 1)
        float v;
        if (r.Kind == 0) v = (float)(r.A + (r.B - r.A) * u);
        else if (r.Kind == 1)
        {
            float u1 = 1f - u; // (0, 1]: log stays finite
            float u2 = (x1 >> 8) * (1f / 16777216f);
            v = (float)(r.A + r.B * (MathF.Sqrt(-2f * MathF.Log(u1)) * MathF.Cos(2f * MathF.PI * u2)));
        }
        else v = u < r.A ? 1f : 0f;
        dst[r.Offset + i] = v;
    }

    public static void Float64(Index1D i, ArrayView<double> dst, RandomArgs r)
    {
        Philox(r.Seed, (ulong)i.X, r.Call, out uint x0, out uint x1, out uint x2, out uint x3);
        double u = ((((ulong)x0 << 32) | x1) >> 11) * (1.0 / 9007199254740992.0);
        double v;
        if (r.Kind == 0) v = r.A + (r.B - r.A) * u;
        else if (r.Kind == 1)
        {
            double u2 = ((((ulong)x2 << 32) | x3) >> 11) * (1.0 / 9007199254740992.0);
            v = r.A + r.B * (Math.Sqrt(-2.0 * Math.Log(1.0 - u)) * Math.Cos(2.0 * Math.PI * u2));
        }
        else v = u < r.A ? 1.0 : 0.0;
        dst[r.Offset + i] = v;
    }
}
