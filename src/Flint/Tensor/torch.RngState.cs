using System.Security.Cryptography;

namespace Flint;

public static partial class torch
{
    /// <summary>The default CPU generator's state as a uint8 tensor of 5056 bytes, byte-identical to PyTorch 1.13's <c>torch.get_rng_state()</c>.</summary>
    public static Tensor get_rng_state() => tensor(global::Flint.Generator.Default.GetState());

    /// <summary>Restores the default CPU generator from a state that <see cref="get_rng_state"/> (Flint's or PyTorch's) returned.</summary>
    /// <param name="new_state">A uint8 CPU tensor of 5056 bytes.</param>
    public static void set_rng_state(Tensor new_state)
    {
        if (new_state.dtype != ScalarType.Byte || new_state.device.type != DeviceType.CPU)
            throw new ArgumentException("RNG state must be a torch.ByteTensor", nameof(new_state));
        global::Flint.Generator.Default.SetState(new_state.contiguous().data<byte>());
    }

    /// <summary>The seed the default CPU generator was last seeded with, as <c>torch.initial_seed()</c>.</summary>
    public static long initial_seed() => unchecked((long)global::Flint.Generator.Default.InitialSeed);

    /// <summary>
    /// Seeds the default generators (CPU and CUDA, as <see cref="manual_seed"/>) with a non-deterministic 64-bit
    /// number and returns it, as <c>torch.seed()</c>.
    /// </summary>
    public static long seed()
    {
        long s = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        manual_seed(s);
        return s;
    }

    public static partial class random
    {
        /// <inheritdoc cref="torch.get_rng_state"/>
        public static Tensor get_rng_state() => torch.get_rng_state();

        /// <inheritdoc cref="torch.set_rng_state"/>
        public static void set_rng_state(Tensor new_state) => torch.set_rng_state(new_state);

        /// <inheritdoc cref="torch.initial_seed"/>
        public static long initial_seed() => torch.initial_seed();

        /// <inheritdoc cref="torch.seed"/>
        public static long seed() => torch.seed();
    }
}
