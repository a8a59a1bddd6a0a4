using ILGPU;

namespace Flint.Cuda.Kernels;

/// <summary>A float function the device evaluates in float64 through <see cref="DeviceMath"/> or an accurate ILGPU routine.</summary>
internal interface IDeviceMathOp
{
    static abstract double Invoke(double x);
}

internal struct DeviceSin : IDeviceMathOp { public static double Invoke(double x) => DeviceMath.Sin(x); }
internal struct DeviceCos : IDeviceMathOp { public static double Invoke(double x) => DeviceMath.Cos(x); }
internal struct DeviceRound : IDeviceMathOp { public static double Invoke(double x) => DeviceMath.RoundHalfEven(x); }
internal struct DeviceTanh : IDeviceMathOp { public static double Invoke(double x) => DeviceMath.Tanh(x); }
internal struct DeviceErf : IDeviceMathOp { public static double Invoke(double x) => Flint.Backends.SpecialMath.Erf(x); }
internal struct DeviceErfinv : IDeviceMathOp { public static double Invoke(double x) => Flint.Backends.SpecialMath.Erfinv(x); }
// ILGPU's float64 exp agrees with the CPU within an ulp or two; its float32 one is a PTX approximation.
internal struct DeviceExp : IDeviceMathOp { public static double Invoke(double x) => Math.Exp(x); }

/// <summary>
/// Elementwise kernels for the ops whose PTX mapping is not accurate enough (see <see cref="DeviceMath"/>):
/// float32 inputs are widened, evaluated in float64 and rounded once.
/// </summary>
internal static class DeviceMathKernels
{
    public static void Float32<TOp>(Index1D i, Dims d, ArrayView<float> x, Strided sx, ArrayView<float> o, Strided so) where TOp : IDeviceMathOp =>
        o[Strided.At(d, so, i)] = (float)TOp.Invoke(x[Strided.At(d, sx, i)]);

    public static void Float64<TOp>(Index1D i, Dims d, ArrayView<double> x, Strided sx, ArrayView<double> o, Strided so) where TOp : IDeviceMathOp =>
        o[Strided.At(d, so, i)] = TOp.Invoke(x[Strided.At(d, sx, i)]);
}
