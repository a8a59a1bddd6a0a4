using Flint.IO;
using Flint.IO.ZipCheckpoint;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// Saves a tensor in PyTorch's checkpoint format (a zip archive holding a pickle and the raw storages);
    /// PyTorch reads it with <c>torch.load(path, weights_only=True)</c>. Views keep their strides and
    /// offsets and share storage as they did. The write is atomic: the file appears complete or not at all.
    /// </summary>
    public static void save(Tensor tensor, string path) => save((object)tensor, path);

    /// <summary>Saves a state dict (name → tensor, written as an <c>OrderedDict</c> like PyTorch's) in PyTorch's checkpoint format, atomically.</summary>
    public static void save(IDictionary<string, Tensor> state_dict, string path) => save((object)state_dict, path);

    /// <summary>
    /// Saves a value in PyTorch's checkpoint format, atomically. The value may be a tensor, an optimizer's
    /// <c>state_dict()</c>, null, bool, integer, floating-point number or string, or an array, list, tuple
    /// (<c>object?[]</c>) or dictionary of those, nested (a training checkpoint, for example).
    /// </summary>
    /// <exception cref="ArgumentException">The value holds something that cannot be saved; the file is not touched.</exception>
    public static void save(object? obj, string path) => AtomicFile.Write(path, s => TorchSave.Save(obj, s));

    /// <summary>Saves a value in PyTorch's checkpoint format to a stream (see <see cref="save(object?, string)"/>).</summary>
    public static void save(object? obj, Stream stream) => TorchSave.Save(obj, stream);

    /// <summary>
    /// Loads a file written by <c>torch.save</c> (PyTorch 1.6 and later, or Flint), on the CPU. Only tensors,
    /// parameters and plain containers are read, as with PyTorch's <c>torch.load(weights_only=True)</c>:
    /// a file naming any other Python global (a class, <c>os.system</c>, ...) is rejected with an
    /// <see cref="InvalidDataException"/> naming it, and nothing from the file is ever run.
    /// </summary>
    /// <returns>A <see cref="Tensor"/>; a <c>Dictionary&lt;string, Tensor&gt;</c> for a dict of tensors (a state dict),
    /// in the file's order; a <see cref="Flint.Modules.StateDictionary"/> for an optimizer's <c>state_dict()</c>
    /// (for <c>optimizer.load_state_dict</c>); otherwise dictionaries (<c>Dictionary&lt;string, object?&gt;</c>, or
    /// <c>Dictionary&lt;object, object?&gt;</c> when some key is not a string), <c>List&lt;object?&gt;</c> for lists,
    /// <c>object?[]</c> for tuples, long, double, bool, string or null.</returns>
    /// <exception cref="InvalidDataException">The file is corrupt, truncated, not a checkpoint, or names a global Flint does not allow.</exception>
    public static object? load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return TorchLoad.Load(stream, $"'{path}'");
    }

    /// <summary>Loads a checkpoint from a stream (see <see cref="load(string)"/>).</summary>
    public static object? load(Stream stream) => TorchLoad.Load(stream, "the stream");

    /// <summary>Loads a file that holds a state dict (a dict of tensors), such as one saved with
    /// <c>torch.save(model.state_dict(), path)</c> in PyTorch.</summary>
    /// <exception cref="InvalidDataException">The file holds something other than a dict of tensors.</exception>
    public static Dictionary<string, Tensor> load_state_dict(string path) =>
        load(path) as Dictionary<string, Tensor>
        ?? throw new InvalidDataException($"'{path}' does not hold a state dict (a dict from names to tensors).");
}
