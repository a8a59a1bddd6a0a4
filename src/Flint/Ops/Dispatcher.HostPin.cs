using System.Runtime.InteropServices;

namespace Flint.Ops;

internal static partial class Dispatcher
{
    /// <summary>
    /// Pins a contiguous CPU tensor's storage and hands out the address of its first element, for native
    /// code that reads or writes it in place (Flint.Distributed's MPI calls, possibly on another thread).
    /// The pin holds the tensor, so its buffer stays put and is not recycled until the pin is disposed.
    /// </summary>
    public static HostPin PinHost(Tensor t, bool writes)
    {
        if (t.device.type != DeviceType.CPU || !t.is_contiguous())
            throw new InvalidOperationException("internal error: only a contiguous CPU tensor can be pinned");
        if (writes) t.Storage.Version++;
        return new HostPin(t, GCHandle.Alloc(t.Storage.Buffer, GCHandleType.Pinned), t.Offset * DTypes.ElementSize(t.dtype));
    }
}

/// <summary>A pinned contiguous CPU tensor (see <see cref="Dispatcher.PinHost"/>); dispose to unpin.</summary>
internal sealed class HostPin : IDisposable
{
    private GCHandle _handle;

    /// <summary>The pinned tensor, held so its storage outlives every native access.</summary>
    public Tensor Tensor { get; }

    /// <summary>The address of the tensor's first element.</summary>
    public nint Address { get; }

    /// <summary>The tensor's size in bytes.</summary>
    public long Bytes => Tensor.numel() * DTypes.ElementSize(Tensor.dtype);

    internal HostPin(Tensor tensor, GCHandle handle, long byteOffset)
    {
        Tensor = tensor;
        _handle = handle;
        Address = handle.AddrOfPinnedObject() + (nint)byteOffset;
    }

    /// <summary>Unpins the buffer.</summary>
    public void Dispose()
    {
        if (_handle.IsAllocated) _handle.Free();
    }
}
