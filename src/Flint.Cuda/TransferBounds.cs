namespace Flint.Cuda;

/// <summary>
/// The checks every host↔device copy makes before touching memory: the host range must lie inside the
/// host array (whose element type must match the storage's), and the device range inside the device
/// storage. The copies use raw pointers, so an unchecked offset would read or write past a buffer.
/// </summary>
internal static class TransferBounds
{
    /// <exception cref="ArgumentOutOfRangeException">A range reaches outside its buffer.</exception>
    /// <exception cref="ArgumentException">The host array's element type does not match the storage's dtype.</exception>
    public static void Check(string what, Array host, long hostOffset, long count, Storage device, long deviceOffset)
    {
        ArgumentNullException.ThrowIfNull(host);
        var expected = DTypes.ClrType(device.DType);
        if (host.GetType().GetElementType() != expected)
            throw new ArgumentException($"{what}: a {host.GetType().Name} cannot hold {DTypes.Name(device.DType)} elements (expected {expected.Name}[]).");
        if (!ShapeMath.RangeInside(hostOffset, count, host.LongLength))
            throw new ArgumentOutOfRangeException(nameof(hostOffset), $"{what}: host elements [{hostOffset}, {hostOffset} + {count}) lie outside the host array of {host.LongLength}.");
        if (!ShapeMath.RangeInside(deviceOffset, count, device.Length))
            throw new ArgumentOutOfRangeException(nameof(deviceOffset), $"{what}: device elements [{deviceOffset}, {deviceOffset} + {count}) lie outside the storage of {device.Length}.");
    }
}
