namespace Flint.Backends.Cpu;

/// <summary>A kernel's view of one tensor argument: its buffer, start offset and (possibly broadcast) strides.</summary>
internal readonly record struct Operand(Array Data, long Offset, long[] Strides)
{
    public static Operand Of(Tensor t)
    {
        t.ThrowIfDisposed();
        return new(t.Storage.Buffer, t.Offset, t.Strides);
    }

    public static Operand Of(Tensor t, long[] strides)
    {
        t.ThrowIfDisposed();
        return new(t.Storage.Buffer, t.Offset, strides);
    }
}
