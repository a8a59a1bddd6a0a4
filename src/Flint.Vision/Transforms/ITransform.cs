using Flint;

namespace Flint.Vision;

/// <summary>TorchSharp's <c>torchvision.ITransform</c>: an image transform, applied with <see cref="call"/>.</summary>
public interface ITransform
{
    /// <summary>Transforms one image.</summary>
    Tensor call(Tensor input);
}
