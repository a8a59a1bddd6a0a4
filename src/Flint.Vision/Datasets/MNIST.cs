using Flint;
using static Flint.torch.utils.data;

namespace Flint.Vision;

/// <summary>
/// torchvision's <c>MNIST</c> (and the base of <see cref="FashionMNIST"/>): 28x28 grey images with labels, read from
/// the four IDX files (gzipped or not) in PyTorch's <c>root/&lt;Name&gt;/raw/</c> layout or in <c>root</c> itself.
/// A sample is <c>(image, label)</c>; without a transform the image is a uint8 tensor of shape (28, 28), as
/// torchvision's PIL image, so <c>transforms.ToTensor()</c> turns it into a float tensor (1, 28, 28) in [0, 1].
/// </summary>
public class MNIST : Dataset<(Tensor, long)>
{
    private readonly byte[] _images;
    private readonly byte[] _labels;
    private readonly int _rows, _cols;

    /// <summary>Loads the training (60,000) or test (10,000) split from <paramref name="root"/>.</summary>
    public MNIST(string root, bool train = true, ITransform? transform = null, Func<long, long>? target_transform = null, bool download = false)
        : this(root, train, transform, target_transform, download, nameof(MNIST), "http://yann.lecun.com/exdb/mnist/") { }

    private protected MNIST(string root, bool train, ITransform? transform, Func<long, long>? target_transform, bool download, string name, string source)
    {
        this.root = root;
        this.train = train;
        this.transform = transform;
        this.target_transform = target_transform;
        string prefix = train ? "train" : "t10k";
        var folders = new[] { Path.Combine(root, name, "raw"), root };
        string imagesPath = Find(folders, $"{prefix}-images-idx3-ubyte", name, source, download);
        string labelsPath = Find(folders, $"{prefix}-labels-idx1-ubyte", name, source, download);
        var images = IdxFile.Read(imagesPath, 3);
        var labels = IdxFile.Read(labelsPath, 1);
        if (images.Dims[0] != labels.Dims[0])
            throw new InvalidDataException($"{imagesPath} holds {images.Dims[0]} images but {labelsPath} holds {labels.Dims[0]} labels");
        _images = images.Data;
        _labels = labels.Data;
        _rows = images.Dims[1];
        _cols = images.Dims[2];
    }

    /// <summary>The folder given (or the default one).</summary>
    public string root { get; }

    /// <summary>Whether this is the training split.</summary>
    public bool train { get; }

    /// <summary>Applied to each image (a uint8 tensor H x W) when a sample is read.</summary>
    public ITransform? transform { get; }

    /// <summary>Applied to each label when a sample is read.</summary>
    public Func<long, long>? target_transform { get; }

    /// <summary>The class names, indexed by label.</summary>
    public virtual IReadOnlyList<string> classes { get; } =
        ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"];

    /// <summary>All images as one uint8 tensor (N, H, W), as torchvision's <c>data</c>.</summary>
    public Tensor data => torch.tensor(_images, [_labels.Length, _rows, _cols]);

    /// <summary>All labels as an int64 tensor (N), as torchvision's <c>targets</c>.</summary>
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
            int size = _rows * _cols;
            var pixels = new byte[size];
            Array.Copy(_images, index * size, pixels, 0, size);
            Tensor image = torch.tensor(pixels, [_rows, _cols]);
            long label = _labels[index];
            if (transform is not null) image = transform.call(image);
            if (target_transform is not null) label = target_transform(label);
            return (image, label);
        }
    }

    private static string Find(string[] folders, string file, string name, string source, bool download)
    {
        foreach (var folder in folders)
        {
            foreach (var candidate in new[] { file, file + ".gz" })
            {
                var path = Path.Combine(folder, candidate);
                if (File.Exists(path)) return path;
            }
        }
        throw new FileNotFoundException(
            $"{name}: {file}[.gz] not found; looked in {string.Join(" and ", folders)}. " +
            (name == nameof(FashionMNIST) ? "On Debian, 'apt-get install dataset-fashion-mnist' installs it in /usr/share/datasets/fashion-mnist/ (the default root); " : "") +
            $"otherwise put the IDX files from {source} there. " +
            (download ? "Flint never downloads (download: true only finds files already there)." : "Nothing is downloaded."), Path.Combine(folders[0], file));
    }
}
