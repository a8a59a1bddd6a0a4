using Flint.Tests.Autograd;

namespace Flint.Cuda.Tests;

/// <summary>
/// The shape and index ops of issue 15 on cuda:0: their gradchecks (the golden values run in
/// <see cref="CudaGoldenOpTests"/> from tests/golden/ops-shape.json), and results that stay on the device.
/// </summary>
public class ShapeIndexOpsTests
{
    public static TheoryData<string> Names() =>
    [
        "flip", "fliplr_flipud", "roll", "roll_flat", "rot90", "diagonal", "diagonal_transposed", "diag_vector", "diag_matrix",
        "diag_embed", "trace", "meshgrid_xy", "cartesian_prod", "broadcast_tensors", "movedim", "tensor_split", "hstack_vstack",
        "dstack_column_stack", "take_along_dim", "index_copy", "index_fill_tensor_value", "index_add", "index_reduce_prod",
        "index_reduce_mean_exclude_self", "index_reduce_amax", "scatter_reduce_sum", "scatter_reduce_prod", "scatter_reduce_prod_with_zeros",
        "scatter_reduce_mean", "scatter_reduce_amin_exclude_self", "masked_scatter", "inplace_index_add_", "inplace_scatter_reduce_",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void GradCheckOnCuda(string name) => Assert.True(GradCheckCases.Check(name, CudaDevice.Device));

    [Fact]
    public void ResultsStayOnTheDevice()
    {
        var dev = CudaDevice.Device;
        var x = torch.arange(12.0, dtype: ScalarType.Float32).reshape(3, 4).to(dev);
        Assert.Equal(dev, x.flip(0).device);
        Assert.Equal(dev, x.roll(1).device);
        Assert.Equal(dev, x.diag().device);
        Assert.Equal(dev, x.trace().device);
        Assert.Equal(dev, x.argwhere().device);
        Assert.Equal(dev, x.nonzero_as_list()[1].device);
        Assert.Equal(dev, x.count_nonzero([0L]).device);
        var idx = torch.tensor(new long[] { 2, 0, 2 }).to(dev);
        var r = torch.zeros([3, 3], device: dev).scatter_reduce(1, idx.reshape(1, 3).expand(3, 3), x.narrow(1, 0, 3), "amax", include_self: false);
        Assert.Equal(dev, r.device);
        Assert.Equal(new float[] { 1, 0, 2, 5, 0, 6, 9, 0, 10 }, r.cpu().data<float>());
    }
}
