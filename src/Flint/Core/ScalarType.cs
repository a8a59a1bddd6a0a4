namespace Flint;

// Nested in torch, as TorchSharp spells it (torch.ScalarType); `ScalarType` alone names it through the global using
// alias of Directory.Build.props and the package's buildTransitive/Flint.props.
public static partial class torch
{
    /// <summary>
    /// The element type of a tensor. The numeric values match TorchSharp's (and libtorch's)
    /// <c>ScalarType</c>, so code and serialized data port unchanged.
    /// </summary>
    public enum ScalarType : sbyte
    {
        /// <summary>8-bit unsigned integer (<c>torch.uint8</c>).</summary>
        Byte = 0,
        /// <summary>8-bit signed integer (<c>torch.int8</c>).</summary>
        Int8 = 1,
        /// <summary>16-bit signed integer (<c>torch.int16</c>).</summary>
        Int16 = 2,
        /// <summary>32-bit signed integer (<c>torch.int32</c>).</summary>
        Int32 = 3,
        /// <summary>64-bit signed integer (<c>torch.int64</c>, the default integer type).</summary>
        Int64 = 4,
        /// <summary>IEEE half precision (<c>torch.float16</c>).</summary>
        Float16 = 5,
        /// <summary>IEEE single precision (<c>torch.float32</c>, the default floating type).</summary>
        Float32 = 6,
        /// <summary>IEEE double precision (<c>torch.float64</c>).</summary>
        Float64 = 7,
        /// <summary>Boolean (<c>torch.bool</c>).</summary>
        Bool = 11,
        /// <summary>Brain floating point, 8 exponent bits and 7 mantissa bits (<c>torch.bfloat16</c>).</summary>
        BFloat16 = 15,
    }
}
