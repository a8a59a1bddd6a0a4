using System.Numerics;

namespace Flint.Backends.Cpu.Decompositions;

/// <summary>The machine epsilon of the two element types the decompositions run in (T.Epsilon is the smallest subnormal, not this).</summary>
internal static class DecompositionScalars
{
    public static T Eps<T>() where T : IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? T.CreateChecked(1.1920928955078125e-7) : T.CreateChecked(2.220446049250313e-16);
}
