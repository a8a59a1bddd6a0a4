namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// This tensor as a NumPy array sharing its memory (writes show through both ways), as
        /// PyTorch's <c>t.numpy()</c>. CPU tensors that do not require grad only.
        /// </summary>
        public NDArray numpy()
        {
            if (device.type != DeviceType.CPU)
                throw new InvalidOperationException($"can't convert {device} device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.");
            if (requires_grad)
                throw new InvalidOperationException("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
            return new NDArray(detach());
        }
    }
}
