using Flint;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Flint.torch.utils.data;

namespace Flint.Vision;

/// <summary>
/// torchvision's <c>ImageFolder</c>: <c>root/&lt;class&gt;/&lt;image&gt;</c>, classes in sorted folder order. Images are
/// decoded by ImageSharp and converted to RGB; without a transform a sample's image is a uint8 tensor (H, W, 3).
/// </summary>
public sealed class ImageFolder : Dataset<(Tensor, long)>
{
    /// <summary>The file extensions torchvision accepts (<c>IMG_EXTENSIONS</c>).</summary>
    public static readonly IReadOnlyList<string> IMG_EXTENSIONS = [".jpg", ".jpeg", ".png", ".ppm", ".bmp", ".pgm", ".tif", ".tiff", ".webp"];

    /// <summary>Indexes every image under <paramref name="root"/>'s class folders.</summary>
    public ImageFolder(string root, ITransform? transform = null, Func<long, long>? target_transform = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"ImageFolder: the folder {root} does not exist");
        this.root = root;
        this.transform = transform;
        this.target_transform = target_transform;
        classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        if (classes.Count == 0) throw new FileNotFoundException($"Couldn't find any class folder in {root}.");
        class_to_idx = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (long)p.i);
        var samples = new List<(string, long)>();
        foreach (var c in classes)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, c), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (IMG_EXTENSIONS.Contains(Path.GetExtension(file).ToLowerInvariant())) samples.Add((file, class_to_idx[c]));
            }
        }
        if (samples.Count == 0)
            throw new FileNotFoundException($"Found no valid file for the classes {string.Join(", ", classes)}. Supported extensions are: {string.Join(", ", IMG_EXTENSIONS)}");
        this.samples = samples;
    }

    /// <summary>The folder given.</summary>
    public string root { get; }

    /// <summary>Class names (the folder names, sorted).</summary>
    public IReadOnlyList<string> classes { get; }

    /// <summary>Class name to label.</summary>
    public IReadOnlyDictionary<string, long> class_to_idx { get; }

    /// <summary>(path, label) of every image, in order.</summary>
    public IReadOnlyList<(string path, long label)> samples { get; }

    /// <summary>Applied to each image (a uint8 tensor H x W x 3) when a sample is read.</summary>
    public ITransform? transform { get; }

    /// <summary>Applied to each label when a sample is read.</summary>
    public Func<long, long>? target_transform { get; }

    /// <inheritdoc/>
    public override long Count => samples.Count;

    /// <inheritdoc/>
    public override (Tensor, long) this[long index]
    {
        get
        {
            var (path, label) = samples[(int)(index < 0 ? index + Count : index)];
            Tensor image;
            try
            {
                using var decoded = Image.Load<Rgb24>(path);
                var pixels = new byte[decoded.Width * decoded.Height * 3];
                decoded.CopyPixelDataTo(pixels);
                image = torch.tensor(pixels, [decoded.Height, decoded.Width, 3]);
            }
            catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException)
            {
                throw new InvalidDataException($"{path}: cannot decode the image ({e.Message})", e);
            }
            if (transform is not null) image = transform.call(image);
            if (target_transform is not null) label = target_transform(label);
            return (image, label);
        }
    }
}
