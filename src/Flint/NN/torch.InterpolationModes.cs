namespace Flint;

public static partial class torch
{
    /// <summary>TorchSharp's upsampling modes (Flint's <c>nn.Upsample</c> and <c>F.interpolate</c> take PyTorch's mode strings; <see cref="ModeName(UpsampleMode)"/> converts).</summary>
    public enum UpsampleMode
    {
        /// <summary>"nearest".</summary>
        Nearest = 0,
        /// <summary>"linear".</summary>
        Linear = 1,
        /// <summary>"bilinear".</summary>
        Bilinear = 2,
        /// <summary>"bicubic".</summary>
        Bicubic = 3,
        /// <summary>"trilinear".</summary>
        Trilinear = 4,
    }

    /// <summary>TorchSharp's interpolation modes (Flint's <c>F.interpolate</c> takes PyTorch's mode strings; <see cref="ModeName(InterpolationMode)"/> converts).</summary>
    public enum InterpolationMode
    {
        /// <summary>"nearest".</summary>
        Nearest = 0,
        /// <summary>"linear".</summary>
        Linear = 1,
        /// <summary>"bilinear".</summary>
        Bilinear = 2,
        /// <summary>"bicubic".</summary>
        Bicubic = 3,
        /// <summary>"trilinear".</summary>
        Trilinear = 4,
        /// <summary>"area".</summary>
        Area = 5,
        /// <summary>"nearest-exact".</summary>
        NearestExact = 6,
    }

    /// <summary>PyTorch's mode string for a TorchSharp <see cref="UpsampleMode"/> ("nearest", "bilinear", ...).</summary>
    public static string ModeName(UpsampleMode mode) => ModeName((InterpolationMode)(int)mode);

    /// <summary>PyTorch's mode string for a TorchSharp <see cref="InterpolationMode"/> ("nearest", "area", "nearest-exact", ...).</summary>
    public static string ModeName(InterpolationMode mode) => mode switch
    {
        InterpolationMode.Nearest => "nearest",
        InterpolationMode.Linear => "linear",
        InterpolationMode.Bilinear => "bilinear",
        InterpolationMode.Bicubic => "bicubic",
        InterpolationMode.Trilinear => "trilinear",
        InterpolationMode.Area => "area",
        InterpolationMode.NearestExact => "nearest-exact",
        _ => throw new ArgumentException($"unknown interpolation mode {(int)mode}"),
    };
}
