using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// Copies that change dtype or device, and clone: each op's rule, its call into the dispatcher and its
/// backward (a copy's gradient is the incoming one, moved or cast back).
/// </summary>
internal static class Conversion
{
    /// <summary>self converted to <paramref name="dtype"/> (self itself when it already has it, unless <paramref name="copy"/>).</summary>
    public static Tensor ToDType(Tensor self, ScalarType dtype, bool copy)
    {
        if (dtype == self.dtype && !copy) return self;
        var r = Dispatcher.Cast(self, dtype);
        if (ReferenceEquals(r, self)) r = Dispatcher.Contiguous(self);
        if (!Recorder.Needed(self) || !DTypes.IsFloatingPoint(dtype)) return r;
        var from = self.dtype;
        return Recorder.Record(r, "ToCopyBackward0", [self], [], (g, _) => [g.to(from)]);
    }

    /// <summary>self on <paramref name="device"/> (self itself when already there).</summary>
    public static Tensor ToDevice(Tensor self, Device device)
    {
        torch.CheckDevice(device);
        if (device == self.device) return self;
        var r = CopyToDevice(self, device);
        if (!Recorder.Needed(self)) return r;
        var from = self.device;
        return Recorder.Record(r, "ToCopyBackward0", [self], [], (g, _) => [g.to(from)]);
    }

    /// <summary>A dense copy of a view's elements in <paramref name="device"/>'s memory (no autograd).</summary>
    public static Tensor CopyToDevice(Tensor self, Device device)
    {
        self.ThrowIfDisposed();
        // Make the elements dense where they are (unless they already are), then move them in one transfer.
        var src = self.is_contiguous() ? self : Dispatcher.Contiguous(self);
        var r = Dispatcher.CopyToDevice(src, device);
        if (!ReferenceEquals(src, self)) src.Dispose();
        return r;
    }

    /// <summary>A copy with its own storage; gradients flow back unchanged.</summary>
    public static Tensor Clone(Tensor self) =>
        Recorder.Record(Dispatcher.Contiguous(self), "CloneBackward0", [self], [], (g, _) => [g]);
}
