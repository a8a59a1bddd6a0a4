using Flint.IO;
using Flint.IO.Npy;

namespace Flint;

public static partial class np
{
    /// <summary>
    /// Saves an array in NumPy's .npy format (C order, little-endian), atomically. As in NumPy, ".npy" is
    /// appended to <paramref name="file"/> unless it already ends so.
    /// </summary>
    public static void save(string file, NDArray arr)
    {
        ArgumentNullException.ThrowIfNull(arr);
        AtomicFile.Write(WithExtension(file, ".npy"), s => NpyFormat.Write(arr.AsTensor, s));
    }

    /// <summary>Saves a tensor as .npy, as NumPy's <c>np.save(file, t)</c> does (the tensor must not require grad, as for <c>t.numpy()</c>).</summary>
    public static void save(string file, Tensor arr) => save(file, arr.numpy());

    /// <summary>
    /// Loads a .npy file (any byte order, C or Fortran order) as an array; use <see cref="load_npz"/> for .npz
    /// archives. Turn it into a tensor with <c>torch.from_numpy</c>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a valid .npy file, or is an .npz archive.</exception>
    public static NDArray load(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> head = stackalloc byte[2];
        int got = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        if (got == 2 && head[0] == 'P' && head[1] == 'K')
            throw new InvalidDataException($"'{file}' is an .npz archive; read it with np.load_npz.");
        stream.Position = 0;
        return new NDArray(NpyFormat.Read(stream, $"'{file}'"));
    }

    /// <summary>Loads every array of an .npz archive (from <c>np.savez</c> or <c>np.savez_compressed</c>), by name in archive order.</summary>
    public static Dictionary<string, NDArray> load_npz(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var result = new Dictionary<string, NDArray>(StringComparer.Ordinal);
        foreach (var (name, t) in NpyFormat.ReadNpz(stream, $"'{file}'")) result[name] = new NDArray(t);
        return result;
    }

    /// <summary>Saves named arrays in an uncompressed .npz archive (".npz" is appended unless present), atomically.</summary>
    public static void savez(string file, IDictionary<string, NDArray> arrays) => SaveZ(file, ToTensors(arrays), compress: false);

    /// <summary>Saves arrays as <c>arr_0</c>, <c>arr_1</c>, ... in an uncompressed .npz archive, as NumPy's positional <c>np.savez</c>.</summary>
    public static void savez(string file, params NDArray[] arrays) => SaveZ(file, Positional(arrays), compress: false);

    /// <summary>Saves named tensors in an uncompressed .npz archive (tensors must not require grad, as for <c>t.numpy()</c>).</summary>
    public static void savez(string file, IDictionary<string, Tensor> arrays) => SaveZ(file, ToTensors(arrays), compress: false);

    /// <summary>Like <see cref="savez(string, IDictionary{string, NDArray})"/> with deflate-compressed entries.</summary>
    public static void savez_compressed(string file, IDictionary<string, NDArray> arrays) => SaveZ(file, ToTensors(arrays), compress: true);

    /// <summary>Like <see cref="savez(string, NDArray[])"/> with deflate-compressed entries.</summary>
    public static void savez_compressed(string file, params NDArray[] arrays) => SaveZ(file, Positional(arrays), compress: true);

    private static void SaveZ(string file, Dictionary<string, Tensor> arrays, bool compress) =>
        AtomicFile.Write(WithExtension(file, ".npz"), s => NpyFormat.WriteNpz(arrays, s, compress));

    private static Dictionary<string, Tensor> ToTensors(IDictionary<string, NDArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (k, a) in arrays) result[k] = (a ?? throw new ArgumentNullException(k)).AsTensor;
        return result;
    }

    private static Dictionary<string, Tensor> ToTensors(IDictionary<string, Tensor> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (k, t) in arrays) result[k] = (t ?? throw new ArgumentNullException(k)).numpy().AsTensor;
        return result;
    }

    private static Dictionary<string, Tensor> Positional(NDArray[] arrays)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        for (int i = 0; i < arrays.Length; i++) result["arr_" + i] = (arrays[i] ?? throw new ArgumentNullException($"arrays[{i}]")).AsTensor;
        return result;
    }

    private static string WithExtension(string file, string extension)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.EndsWith(extension, StringComparison.Ordinal) ? file : file + extension;
    }
}
