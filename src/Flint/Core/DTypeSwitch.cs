using System.Numerics;

namespace Flint;

/// <summary>A kernel over any numeric element type (the arithmetic dtypes: float32/64 and the integers).</summary>
internal interface INumberKernel
{
    void Invoke<T>() where T : unmanaged, INumber<T>;
}

/// <summary>A kernel over a floating element type (float32, float64).</summary>
internal interface IFloatKernel
{
    void Invoke<T>() where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>A kernel that only moves elements, so it takes all ten dtypes (bool and the half types included).</summary>
internal interface IElementKernel
{
    void Invoke<T>() where T : unmanaged;
}

/// <summary>
/// The one switch from a runtime <see cref="ScalarType"/> to a generic instantiation,
/// per class of element type (dotnet/runtime's TensorPrimitives operator-interface model): a primitive
/// is a struct implementing <see cref="INumberKernel"/>, <see cref="IFloatKernel"/> or
/// <see cref="IElementKernel"/>, and the JIT specialises its <c>Invoke&lt;T&gt;</c> per dtype (no boxing,
/// no virtual calls). Half and bfloat16 never reach arithmetic kernels: the op layer computes them in float32.
/// </summary>
internal static class DTypeSwitch
{
    public static ArgumentException Unsupported(string op, ScalarType t) =>
        new($"\"{op}\" not implemented for '{DTypes.ShortName(t)}'");

    /// <summary>Runs <paramref name="kernel"/> for an arithmetic dtype; any other throws PyTorch's "not implemented for" error naming <paramref name="op"/>.</summary>
    public static void Number<TKernel>(string op, ScalarType t, ref TKernel kernel) where TKernel : struct, INumberKernel
    {
        switch (t)
        {
            case ScalarType.Float32: kernel.Invoke<float>(); break;
            case ScalarType.Float64: kernel.Invoke<double>(); break;
            case ScalarType.Int64: kernel.Invoke<long>(); break;
            case ScalarType.Int32: kernel.Invoke<int>(); break;
            case ScalarType.Int16: kernel.Invoke<short>(); break;
            case ScalarType.Int8: kernel.Invoke<sbyte>(); break;
            case ScalarType.Byte: kernel.Invoke<byte>(); break;
            default: throw Unsupported(op, t);
        }
    }

    /// <summary>Runs <paramref name="kernel"/> for float32 or float64; any other dtype throws.</summary>
    public static void Float<TKernel>(string op, ScalarType t, ref TKernel kernel) where TKernel : struct, IFloatKernel
    {
        switch (t)
        {
            case ScalarType.Float32: kernel.Invoke<float>(); break;
            case ScalarType.Float64: kernel.Invoke<double>(); break;
            default: throw Unsupported(op, t);
        }
    }

    /// <summary>Runs <paramref name="kernel"/> for any of the ten dtypes.</summary>
    public static void Element<TKernel>(string op, ScalarType t, ref TKernel kernel) where TKernel : struct, IElementKernel
    {
        switch (t)
        {
            case ScalarType.Float32: kernel.Invoke<float>(); break;
            case ScalarType.Float64: kernel.Invoke<double>(); break;
            case ScalarType.Int64: kernel.Invoke<long>(); break;
            case ScalarType.Int32: kernel.Invoke<int>(); break;
            case ScalarType.Int16: kernel.Invoke<short>(); break;
            case ScalarType.Int8: kernel.Invoke<sbyte>(); break;
            case ScalarType.Byte: kernel.Invoke<byte>(); break;
            case ScalarType.Bool: kernel.Invoke<bool>(); break;
            case ScalarType.Float16: kernel.Invoke<Half>(); break;
            case ScalarType.BFloat16: kernel.Invoke<BFloat16>(); break;
            default: throw Unsupported(op, t);
        }
    }
}
