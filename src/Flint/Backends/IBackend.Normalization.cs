namespace Flint.Backends;

// The fused layer-norm primitives (PyTorch's native_layer_norm and its backward) over dense [rows, n] blocks.
internal partial interface IBackend
{
    /// <summary>
    /// Normalises each row of the dense [rows, n] <paramref name="x"/> (from <paramref name="xOffset"/>):
    /// writes the row's mean and 1/√(biased variance + eps) into <paramref name="mean"/>/<paramref name="rstd"/>[row]
    /// and y = (x − mean)·rstd·w + b into dense <paramref name="y"/> (w and b: n elements each, or null). float32/float64.
    /// </summary>
    void LayerNorm(ScalarType t, int rows, int n, Storage x, long xOffset, Storage? w, long wOffset, Storage? b, long bOffset,
        double eps, Storage y, Storage mean, Storage rstd);

    /// <summary>
    /// The backward of <see cref="LayerNorm"/> from the dense output gradient <paramref name="g"/>, the input and the saved
    /// mean/rstd: the input gradient into dense <paramref name="gx"/>, and, when given, the weight gradient
    /// Σ_rows g·(x − mean)·rstd into <paramref name="gw"/> and the bias gradient Σ_rows g into <paramref name="gb"/> (n each).
    /// </summary>
    void LayerNormBackward(ScalarType t, int rows, int n, Storage g, long gOffset, Storage x, long xOffset, Storage mean, Storage rstd,
        Storage? w, long wOffset, Storage gx, Storage? gw, Storage? gb);
}
