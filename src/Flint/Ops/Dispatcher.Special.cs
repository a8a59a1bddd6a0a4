using Flint.Backends;

namespace Flint.Ops;

// The special functions' door (Ops/SpecialOps.cs, Ops/PointwiseExtras.cs). Their operator structs
// (Backends/SpecialOperators.cs) evaluate in float64 through generic conversions and type tests that ILGPU cannot
// compile for a device, so a tensor on another device (cuda:0) is copied to the host, computed there by the CPU
// kernel and its result copied back: one round trip per call, as the linalg decompositions do.
internal static partial class Dispatcher
{
    /// <summary>A float unary op run by the CPU backend whatever the input's device (the result lives on that device).</summary>
    public static Tensor HostFloatUnary<TOp>(string name, Tensor x, ScalarType resultType) where TOp : IFloatUnaryOp
    {
        if (x.device.type == DeviceType.CPU) return FloatUnary<TOp>(name, x, resultType);
        using var host = ToHostCopy(x);
        using var r = FloatUnary<TOp>(name, host, resultType);
        return CopyToDevice(r, x.device);
    }

    /// <summary>A binary op run by the CPU backend whatever the operands' device (the result lives on their device).</summary>
    public static Tensor HostBinary<TOp>(string name, Tensor a, Tensor b, ScalarType resultType) where TOp : IBinaryOp
    {
        CheckSameDevice(a, b);
        var device = ResultDevice(a, b);
        if (device.type == DeviceType.CPU) return Binary<TOp>(name, a, b, resultType);
        var ha = a.device.type == DeviceType.CPU ? a : ToHostCopy(a);
        var hb = b.device.type == DeviceType.CPU ? b : ToHostCopy(b);
        try
        {
            using var r = Binary<TOp>(name, ha, hb, resultType);
            return CopyToDevice(r, device);
        }
        finally
        {
            if (!ReferenceEquals(ha, a)) ha.Dispose();
            if (!ReferenceEquals(hb, b)) hb.Dispose();
        }
    }

    /// <summary>A dense host copy of a device tensor.</summary>
    private static Tensor ToHostCopy(Tensor t)
    {
        if (Shapes.IsRowMajor(t.Shape, t.Strides)) return CopyToDevice(t, Device.Host);
        using var dense = Contiguous(t);
        return CopyToDevice(dense, Device.Host);
    }
}
