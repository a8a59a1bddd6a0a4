namespace Flint.Ops;

/// <summary>
/// Local response normalisation as PyTorch's <c>F.local_response_norm</c> defines it: each element divided by
/// (k + α·mean of the squares of the <c>size</c> neighbouring channels)^β, the window running over dim 1, zero-padded
/// by ⌊size/2⌋ before and ⌊(size−1)/2⌋ after. Composed as PyTorch composes it (square, constant pad, a (size, 1)
/// average pool over (N, 1, C, rest), pow, div), so it runs and differentiates on every device and its grad_fn is
/// PyTorch's <c>DivBackward0</c>.
/// </summary>
internal static class LocalResponseNorm
{
    public static Tensor Apply(Tensor input, long size, double alpha, double beta, double k)
    {
        long dim = input.dim();
        if (dim < 3) throw new ArgumentException($"Expected 3D or higher dimensionality input (got {dim} dimensions)");
        if (input.numel() == 0) return input;
        // PyTorch pools 3-D input as (N, 1, C, L) with avg_pool2d and higher ranks as (N, 1, C, H, W·…) with
        // avg_pool3d over a (size, 1, 1) window; both equal a (size, 1) average pool over (N, 1, C, rest).
        var squares = input.mul(input).reshape(input.size(0), 1, input.size(1), -1);
        var padded = PadNd.Constant(squares, [0, 0, size / 2, (size - 1) / 2], 0);
        var mean = Pooling.AvgPool2d(padded, [size, 1], [1, 1], [0, 0], ceilMode: false, countIncludePad: true, divisorOverride: null);
        var div = mean.reshape(input.Shape).mul(alpha).add(k).pow(beta);
        return input.div(div);
    }
}
