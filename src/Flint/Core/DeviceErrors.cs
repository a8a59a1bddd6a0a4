namespace Flint;

/// <summary>PyTorch's device-mismatch message, written once for the op layer and the device backends.</summary>
internal static class DeviceErrors
{
    /// <summary>"Expected all tensors to be on the same device, ... cuda:0 and cpu!" (PyTorch names the accelerator first).</summary>
    public static string Mismatch(Device a, Device b)
    {
        var (first, second) = a.type == DeviceType.CPU ? (b, a) : (a, b);
        return MismatchInOrder(first, second);
    }

    /// <summary>The same message with the devices in the order given (copy_ names the destination first).</summary>
    public static string MismatchInOrder(Device first, Device second) =>
        $"Expected all tensors to be on the same device, but found at least two devices, {FullName(first)} and {FullName(second)}!";

    /// <summary>
    /// masked_fill's check: a CPU self gives the iterator's message (<see cref="Mismatch"/>), a device self its kernel's own,
    /// "expected self and mask to be on the same device, but got mask on cpu and self on cuda:0".
    /// </summary>
    public static string MaskedFill(Device self, Device mask) => self.type == DeviceType.CPU
        ? Mismatch(self, mask)
        : $"expected self and mask to be on the same device, but got mask on {FullName(mask)} and self on {FullName(self)}";

    private static string FullName(Device d) => d.type == DeviceType.CPU ? "cpu" : $"cuda:{Math.Max(d.index, 0)}";
}
