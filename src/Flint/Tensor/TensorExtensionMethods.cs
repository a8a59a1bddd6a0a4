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

    /// <summary>
    /// The tensor as a string (TorchSharp's <c>str</c>): in <paramref name="style"/>, by default the process-wide style,
    /// which in Flint starts as PyTorch's repr.
    /// </summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="fltFormat">The .NET format string for floating-point elements (TorchSharp styles only).</param>
    /// <param name="width">The Julia style's line width.</param>
    /// <param name="newLine">The new-line string (TorchSharp styles only).</param>
    /// <param name="cultureInfo">The culture for numbers (TorchSharp styles only).</param>
    /// <param name="style">The style.</param>
    public static string str(this Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null,
        System.Globalization.CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default) =>
        tensor.ToString(style, fltFormat, width, cultureInfo, newLine);

    /// <summary>The tensor in TorchSharp's Julia style.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="fltFormat">The .NET format string for floating-point elements.</param>
    /// <param name="width">The line width.</param>
    /// <param name="newLine">The new-line string.</param>
    /// <param name="cultureInfo">The culture for numbers.</param>
    public static string jlstr(this Tensor tensor, string? fltFormat = null, int? width = null, string? newLine = null,
        System.Globalization.CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Julia, fltFormat, width, cultureInfo, newLine);

    /// <summary>The tensor's shape, dtype and device in TorchSharp's metadata style.</summary>
    /// <param name="tensor">The tensor.</param>
    public static string metastr(this Tensor tensor) => tensor.ToString(TensorStringStyle.Metadata);

    /// <summary>The tensor in TorchSharp's NumPy style.</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="fltFormat">The .NET format string for floating-point elements.</param>
    /// <param name="width">The line width (unused by this style, as in TorchSharp).</param>
    /// <param name="newLine">The new-line string.</param>
    /// <param name="cultureInfo">The culture for numbers.</param>
    public static string npstr(this Tensor tensor, string? fltFormat = "g5", int? width = 100, string? newLine = null,
        System.Globalization.CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.Numpy, fltFormat, width, cultureInfo, newLine);

    /// <summary>The tensor in TorchSharp's C# style (metadata, then an array initializer).</summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="fltFormat">The .NET format string for floating-point elements.</param>
    /// <param name="width">The line width (unused by this style, as in TorchSharp).</param>
    /// <param name="newLine">The new-line string.</param>
    /// <param name="cultureInfo">The culture for numbers.</param>
    public static string cstr(this Tensor tensor, string? fltFormat = "g5", int? width = 100, string? newLine = null,
        System.Globalization.CultureInfo? cultureInfo = null) =>
        tensor.ToString(TensorStringStyle.CSharp, fltFormat, width, cultureInfo, newLine);

    /// <summary>
    /// Writes the tensor to the console with <see cref="str"/>'s rules (by default PyTorch's repr) and returns it.
    /// </summary>
    /// <param name="tensor">The tensor.</param>
    /// <param name="fltFormat">The .NET format string for floating-point elements (TorchSharp styles only).</param>
    /// <param name="width">The Julia style's line width.</param>
    /// <param name="newLine">The new-line string (TorchSharp styles only).</param>
    /// <param name="cultureInfo">The culture for numbers (TorchSharp styles only).</param>
    /// <param name="style">The style.</param>
    public static Tensor print(this Tensor tensor, string? fltFormat = "g5", int? width = 100, string? newLine = null,
        System.Globalization.CultureInfo? cultureInfo = null, TensorStringStyle style = TensorStringStyle.Default)
    {
        Console.WriteLine(tensor.ToString(style, fltFormat, width, cultureInfo, newLine));
        return tensor;
    }
}
