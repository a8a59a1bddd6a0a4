namespace Flint;

/// <summary>TorchSharp's <c>TensorExtensionMethods</c> spellings: scalar conversions and printing.</summary>
public static class TensorExtensionMethods
{
    /// <summary>The value of a one-element tensor as a float, converting from any dtype.</summary>
    /// <param name="tensor">A one-element tensor.</param>
    public static float ToSingle(this Tensor tensor) => tensor.to(ScalarType.Float32).item<float>();

    /// <summary>The value of a one-element tensor as a long, converting from any dtype (truncating floats).</summary>
    /// <param name="tensor">A one-element tensor.</param>
    public static long ToInt64(this Tensor tensor) => tensor.to(ScalarType.Int64).item<long>();

    /// <summary>The value of a one-element tensor as an int, converting from any dtype (truncating floats).</summary>
    /// <param name="tensor">A one-element tensor.</param>
    public static int ToInt32(this Tensor tensor) => tensor.to(ScalarType.Int32).item<int>();

    /// <summary>Writes the tensor as PyTorch prints it to the console and returns it.</summary>
    /// <param name="tensor">The tensor.</param>
    public static Tensor print(this Tensor tensor)
    {
        Console.WriteLine(tensor.str());
        return tensor;
    }
}
