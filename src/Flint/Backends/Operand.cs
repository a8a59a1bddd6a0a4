namespace Flint.Backends;

/// <summary>
/// A kernel's view of one tensor argument: its storage, start offset (elements) and strides
/// (possibly broadcast: 0 on expanded dims). Device backends may also receive a 0-dim CPU
/// operand (a wrapped C# number or a 0-dim CPU tensor), which they read as a scalar.
/// </summary>
internal readonly record struct Operand(Storage Storage, long Offset, long[] Strides)
{
    /// <summary>The host array behind a CPU operand.</summary>
    public Array Data => Storage.Buffer;

    /// <summary>True when this operand lives in host memory (a CPU storage).</summary>
    public bool IsHost => Storage.Memory is null;
}
