namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Whether the tensor lives in host memory, as <c>x.is_cpu</c>.</summary>
        public bool is_cpu => device.type == DeviceType.CPU;

        /// <summary>Whether the tensor lives on a CUDA device, as <c>x.is_cuda</c>.</summary>
        public bool is_cuda => device.type == DeviceType.CUDA;

        /// <summary>Always false: Flint has no meta device (TorchSharp's <c>x.is_meta</c>).</summary>
        public bool is_meta => false;

        /// <summary>The kind of device the tensor lives on, as TorchSharp's <c>x.device_type</c>.</summary>
        public DeviceType device_type => device.type;

        /// <summary>The device's index (-1 for the CPU), as TorchSharp's <c>x.device_index</c>.</summary>
        public int device_index => device.index;

        /// <summary>Bytes per element, as TorchSharp's <c>x.ElementSize</c> (same as <see cref="element_size"/>).</summary>
        public long ElementSize => element_size();

        /// <summary>The number of dims, as TorchSharp's <c>x.Dimensions</c> (same as <see cref="dim"/>).</summary>
        public long Dimensions => dim();

        /// <summary>Whether the dtype is an integer type (bool included), as TorchSharp's <c>x.is_integral()</c>.</summary>
        public bool is_integral() => DTypes.IsIntegral(dtype, includeBool: true);

        /// <summary>Always false: Flint has no complex dtypes.</summary>
        public bool is_complex() => false;

        /// <summary>Always false: Flint does not pin host memory.</summary>
        public bool is_pinned() => false;
    }

    /// <summary>Whether <paramref name="input"/>'s dtype is an integer type (bool included), as TorchSharp's <c>torch.is_integral(x)</c>.</summary>
    /// <param name="input">The tensor.</param>
    public static bool is_integral(Tensor input) => input.is_integral();

    /// <summary>Always false: Flint has no complex dtypes (<c>torch.is_complex(x)</c>).</summary>
    /// <param name="input">The tensor.</param>
    public static bool is_complex(Tensor input) => input.is_complex();
}
