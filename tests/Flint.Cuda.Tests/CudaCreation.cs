using Flint.Tests.OpInfo;

namespace Flint.Cuda.Tests;

/// <summary>
/// The golden table's creation ops, called as a user creates on the GPU: with <c>device:</c>.
/// (Their <see cref="OpTable"/> entries take no tensor and pass no device, so they would build CPU tensors.)
/// </summary>
internal static class CudaCreation
{
    public static readonly IReadOnlyDictionary<string, Func<OpArgs, Device, object?>> Ops = new Dictionary<string, Func<OpArgs, Device, object?>>
    {
        ["arange"] = (a, d) =>
            a.Count == 1 ? (a.IsInt(0) ? torch.arange(a.L(0), dtype: a.DType, device: d) : torch.arange(a.D(0), dtype: a.DType, device: d))
            : Enumerable.Range(0, a.Count).All(a.IsInt) ? torch.arange(a.L(0), a.L(1), a.Count > 2 ? a.L(2) : 1, dtype: a.DType, device: d)
            : torch.arange(a.D(0), a.D(1), a.Count > 2 ? a.D(2) : 1, dtype: a.DType, device: d),
        ["linspace"] = (a, d) => torch.linspace(a.D(0), a.D(1), a.L(2), dtype: a.DType, device: d),
        ["eye"] = (a, d) => a.Count == 1 ? torch.eye(a.L(0), dtype: a.DType, device: d) : torch.eye(a.L(0), a.L(1), dtype: a.DType, device: d),
        ["full"] = (a, d) => a.S(1).Kind switch
        {
            'i' => torch.full(a.Ints(0), a.L(1), a.DType, d),
            'b' => torch.full(a.Ints(0), a.S(1).B, a.DType, d),
            _ => torch.full(a.Ints(0), a.D(1), a.DType, d),
        },
        ["zeros"] = (a, d) => torch.zeros(a.Ints(0), a.DType, d),
        ["ones"] = (a, d) => torch.ones(a.Ints(0), a.DType, d),
        ["scalar_tensor"] = (a, d) => torch.tensor(a.D(0), a.DType ?? torch.get_default_dtype(), d),
    };
}
