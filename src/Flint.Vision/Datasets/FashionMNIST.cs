using Flint;

namespace Flint.Vision;

/// <summary>
/// torchvision's <c>FashionMNIST</c>: Zalando's 28x28 grey clothing images in MNIST's IDX format. Without a root it
/// reads <see cref="DefaultRoot"/>, where Debian's <c>dataset-fashion-mnist</c> package installs the full data set.
/// </summary>
public sealed class FashionMNIST : MNIST
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> puts the files.</summary>
    public const string DefaultRoot = "/usr/share/datasets/fashion-mnist/";

    /// <summary>Loads the training (60,000) or test (10,000) split from <paramref name="root"/> (default <see cref="DefaultRoot"/>).</summary>
    public FashionMNIST(string? root = null, bool train = true, ITransform? transform = null, Func<long, long>? target_transform = null, bool download = false)
        : base(root ?? DefaultRoot, train, transform, target_transform, download, nameof(FashionMNIST), "https://github.com/zalando-research/fashionmnist") { }

    /// <inheritdoc/>
    public override IReadOnlyList<string> classes { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
}
