using Flint.Vision;

namespace Flint;

/// <summary>
/// torchvision as TorchSharp spells it: <c>torchvision.datasets.FashionMNIST(...)</c>,
/// <c>torchvision.transforms.Compose(...)</c>, so TorchSharp vision programs port by changing a <c>using</c>.
/// The dataset and transform types live in <see cref="Flint.Vision"/>.
/// </summary>
public static class torchvision
{
    /// <summary>torchvision's datasets. Nothing is downloaded: missing files give an error saying where Flint looked.</summary>
    public static class datasets
    {
        /// <summary>torchvision's <c>MNIST(root, train, transform, target_transform, download)</c>.</summary>
        public static MNIST MNIST(string root, bool train = true, ITransform? transform = null, Func<long, long>? target_transform = null, bool download = false) =>
            new(root, train, transform, target_transform, download);

        /// <summary>torchvision's <c>FashionMNIST(root, train, ...)</c>; a null root reads Debian's /usr/share/datasets/fashion-mnist/.</summary>
        public static FashionMNIST FashionMNIST(string? root = null, bool train = true, ITransform? transform = null, Func<long, long>? target_transform = null, bool download = false) =>
            new(root, train, transform, target_transform, download);

        /// <summary>torchvision's <c>CIFAR10(root, train, ...)</c> from the binary batches.</summary>
        public static CIFAR10 CIFAR10(string root, bool train = true, ITransform? transform = null, Func<long, long>? target_transform = null, bool download = false) =>
            new(root, train, transform, target_transform, download);

        /// <summary>torchvision's <c>ImageFolder(root, transform, target_transform)</c>: one folder per class.</summary>
        public static ImageFolder ImageFolder(string root, ITransform? transform = null, Func<long, long>? target_transform = null) =>
            new(root, transform, target_transform);
    }

    /// <summary>torchvision's utils.</summary>
    public static class utils
    {
        /// <summary>A batch of images laid out in a grid (C, H', W').</summary>
        public static Tensor make_grid(Tensor tensor, long nrow = 8, long padding = 2, bool normalize = false, double pad_value = 0) =>
            ImageGrid.make_grid(tensor, nrow, padding, normalize, pad_value);

        /// <summary>Saves an image or a batch (as a grid) as a PNG file.</summary>
        public static void save_image(Tensor tensor, string fp, long nrow = 8, long padding = 2, bool normalize = false, double pad_value = 0) =>
            ImageGrid.save_image(tensor, fp, nrow, padding, normalize, pad_value);
    }

    /// <summary>torchvision's transforms on tensor images.</summary>
    public static class transforms
    {
        /// <summary>uint8 (H, W[, C]) to float (C, H, W) in [0, 1].</summary>
        public static ITransform ToTensor() => new ToTensor();

        /// <summary>Per-channel <c>(x - mean) / std</c>.</summary>
        public static ITransform Normalize(double[] mean, double[] std) => new Normalize(mean, std);

        /// <summary>The transforms in order.</summary>
        public static ITransform Compose(params ITransform[] transforms) => new Compose(transforms);

        /// <summary>Any function as a transform.</summary>
        public static ITransform Lambda(Func<Tensor, Tensor> lambd) => new Lambda(lambd);

        /// <summary>Mirrors left-right with probability <paramref name="p"/>.</summary>
        public static ITransform RandomHorizontalFlip(double p = 0.5) => new RandomHorizontalFlip(p);

        /// <summary>A square crop at a random position after zero padding.</summary>
        public static ITransform RandomCrop(long size, long padding = 0) => new RandomCrop(size, size, padding);

        /// <summary>A height x width crop at a random position after zero padding.</summary>
        public static ITransform RandomCrop(long height, long width, long padding = 0) => new RandomCrop(height, width, padding);

        /// <summary>Resizes so that the smaller edge is <paramref name="size"/> (bilinear).</summary>
        public static ITransform Resize(long size) => new Resize(size);

        /// <summary>Resizes to <paramref name="height"/> x <paramref name="width"/> (bilinear).</summary>
        public static ITransform Resize(long height, long width) => new Resize(height, width);

        /// <summary>A square crop from the centre.</summary>
        public static ITransform CenterCrop(long size) => new CenterCrop(size);

        /// <summary>A height x width crop from the centre.</summary>
        public static ITransform CenterCrop(long height, long width) => new CenterCrop(height, width);
    }
}
