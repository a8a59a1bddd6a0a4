using Flint.Ops;

namespace Flint.Distributed;

/// <summary>
/// A tensor as MPI sees it: a pinned, contiguous CPU buffer of the wire dtype. A contiguous CPU tensor of that
/// dtype is used in place (no copy); anything else (a CUDA tensor, a non-contiguous view, float16/bfloat16/bool
/// under a reduction) goes through a host copy, pinned for MPI and copied back into the tensor when the
/// operation finishes.
/// </summary>
internal sealed class Staged : IDisposable
{
    private readonly bool _writeBack;
    private HostPin? _pin;

    private Staged(Tensor user, Tensor buffer, bool writeBack)
    {
        User = user;
        Buffer = buffer;
        _writeBack = writeBack && !ReferenceEquals(user, buffer);
        _pin = Dispatcher.PinHost(buffer, writes: writeBack);
    }

    /// <summary>The caller's tensor.</summary>
    public Tensor User { get; }

    /// <summary>The contiguous CPU tensor MPI reads or writes.</summary>
    public Tensor Buffer { get; }

    /// <summary>The buffer's first element.</summary>
    public nint Address => _pin!.Address;

    /// <summary>Elements in the buffer, checked against MPI's <c>int</c> counts.</summary>
    public int Count => ToInt(Buffer.numel());

    /// <summary>Bytes in the buffer, for MPI_BYTE transfers.</summary>
    public int ByteCount => ToInt(_pin!.Bytes);

    /// <summary>A tensor MPI only reads.</summary>
    public static Staged Input(Tensor t, ScalarType wire) => new(t, Host(t, wire, copyIn: true), writeBack: false);

    /// <summary>A tensor MPI writes (and reads first when <paramref name="copyIn"/>).</summary>
    public static Staged Output(Tensor t, ScalarType wire, bool copyIn) => new(t, Host(t, wire, copyIn), writeBack: true);

    /// <summary>A fresh pinned host buffer of <paramref name="numel"/> elements (list-valued collectives).</summary>
    public static Staged Scratch(long numel, ScalarType dtype) { var b = torch.empty([numel], dtype); return new(b, b, writeBack: false); }

    private static Tensor Host(Tensor t, ScalarType wire, bool copyIn)
    {
        if (t.device.type == DeviceType.CPU && t.dtype == wire && t.is_contiguous()) return t;
        using var _ = torch.no_grad();
        if (!copyIn) return torch.empty(t.Shape, wire);
        var copy = t.detach().to(torch.CPU).to(wire).contiguous();
        return ReferenceEquals(copy.Storage, t.Storage) ? copy.clone() : copy;
    }

    /// <summary>Copies a staged result back into the caller's tensor and unpins.</summary>
    public void Finish()
    {
        Unpin();
        if (!_writeBack) return;
        using var _ = torch.no_grad();
        User.copy_(Buffer);
    }

    /// <summary>Unpins without copying back (a failed operation).</summary>
    public void Dispose() => Unpin();

    private void Unpin() => Interlocked.Exchange(ref _pin, null)?.Dispose();

    internal static int ToInt(long n) =>
        n <= int.MaxValue ? (int)n : throw new ArgumentException($"Flint.Distributed: {n} exceeds MPI's int count; split the tensor");
}
