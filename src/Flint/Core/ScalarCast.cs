using System.Numerics;

namespace Flint;

/// <summary>
/// Converts a C# double (how op layers carry Python scalars) to an element type the way PyTorch's
/// Scalar conversion does: floats round, integers truncate toward zero to int64 and then wrap to
/// their width (so <c>-1</c> becomes 255 in uint8, as in <c>clamp(uint8, min=-1)</c>).
/// </summary>
internal static class ScalarCast
{
    public static T FromDouble<T>(double value) where T : unmanaged, INumber<T> =>
        typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Half)
            ? T.CreateTruncating(value)
            : T.CreateTruncating((long)value);
}
