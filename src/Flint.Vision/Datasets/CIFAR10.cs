using Flint;
using static Flint.torch.utils.data;

namespace Flint.Vision;

/// <summary>
/// torchvision's <c>CIFAR10</c> from the binary version (<c>cifar-10-batches-bin/data_batch_1..5.bin</c>,
/// <c>test_batch.bin</c>): 32x32 colour images in 10 classes. Without a transform the image is a uint8 tensor
/// (32, 32, 3), height-width-channel as torchvision's PIL image; <c>transforms.ToTensor()</c> gives (3, 32, 32).
/// </summary>
public sealed class CIFAR10 : Dataset<(Tensor, long)>
{
    private const int Side = 32, Plane = Side * Side, Record = 1 + 3 * Plane;
    private readonly byte[] _pixels;   // N x 3 x 32 x 32, as stored
    private readonly byte[] _labels;

    /// <summary>Loads the training (50,000) or test (10,000) split from <paramref name="root"/> (or root/cifar-10-batches-bin).</summary>
    public CIFAR10(string root, bool train = true, ITransform? transform = null, Func<long, long>? target_transform = null, bool download = false)
    {
        this.root = root;
        this.train = train;
        this.transform = transform;
        this.target_transform = target_transform;
        var names = train ? Enumerable.Range(1, 5).Select(i => $"data_batch_{i}.bin").ToArray() : ["test_batch.bin"];
        var folders = new[] { Path.Combine(root, "cifar-10-batches-bin"), root };
        var folder = folders.FirstOrDefault(f => names.All(n => File.Exists(Path.Combine(f, n))))
            ?? throw new FileNotFoundException(
                $"CIFAR10: {string.Join(", ", names)} not found; looked in {string.Join(" and ", folders)}. Put the binary version " +
                "(cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html, unpacked) there. " +
                (download ? "Flint never downloads (download: true only finds files already there)." : "Nothing is downloaded."));
        var pixels = new MemoryStream();
        var labels = new List<byte>();
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0 || bytes.Length % Record != 0)
                throw new InvalidDataException($"{path}: {bytes.Length} bytes is not a whole number of CIFAR-10 records ({Record} bytes each: a label and 3x32x32 pixels)");
            for (int r = 0; r < bytes.Length / Record; r++)
            {
                byte label = bytes[r * Record];
                if (label > 9) throw new InvalidDataException($"{path}: record {r} has label {label}; CIFAR-10 labels are 0 to 9");
                labels.Add(label);
                pixels.Write(bytes, r * Record + 1, 3 * Plane);
            }
        }
        _pixels = pixels.ToArray();
        _labels = labels.ToArray();
    }

    /// <summary>The folder given.</summary>
    public string root { get; }

    /// <summary>Whether this is the training split.</summary>
    public bool train { get; }

    /// <summary>Applied to each image (a uint8 tensor 32 x 32 x 3) when a sample is read.</summary>
    public ITransform? transform { get; }

    /// <summary>Applied to each label when a sample is read.</summary>
    public Func<long, long>? target_transform { get; }

    /// <summary>The class names, indexed by label.</summary>
    public IReadOnlyList<string> classes { get; } = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>All labels as an int64 tensor, as torchvision's <c>targets</c>.</summary>
    public Tensor targets => torch.tensor(Array.ConvertAll(_labels, b => (long)b));

    /// <inheritdoc/>
    public override long Count => _labels.Length;

    /// <inheritdoc/>
    public override (Tensor, long) this[long index]
    {
        get
        {
            if (index < 0) index += Count;
            if (index < 0 || index >= Count) throw new IndexOutOfRangeException($"index {index} is out of range for a dataset of {Count} samples");
            var hwc = new byte[3 * Plane];
            long start = index * 3 * Plane;
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < Plane; p++)
                    hwc[p * 3 + c] = _pixels[start + c * Plane + p];
            Tensor image = torch.tensor(hwc, [Side, Side, 3]);
            long label = _labels[index];
            if (transform is not null) image = transform.call(image);
            if (target_transform is not null) label = target_transform(label);
            return (image, label);
        }
    }
}
