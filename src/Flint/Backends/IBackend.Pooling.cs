namespace Flint.Backends;

// The pooling primitives (max, average and their adaptive forms over dense planes).
internal partial interface IBackend
{
    /// <summary>
    /// Pools the dense planes of <paramref name="x"/> (from element <paramref name="xOffset"/>) into dense
    /// <paramref name="y"/>; max kinds also write each maximum's flat index within its input plane (int64)
    /// into <paramref name="indices"/>. float32/float64.
    /// </summary>
    void Pool(ScalarType t, PoolGeometry g, Storage x, long xOffset, Storage y, Storage? indices);

    /// <summary>
    /// Adds each output gradient (dense from <paramref name="gOffset"/>) into the zeroed dense
    /// <paramref name="gradIn"/>: at its saved index for max kinds, spread over its window for averages.
    /// </summary>
    void PoolBackward(ScalarType t, PoolGeometry g, Storage gradOut, long gOffset, Storage? indices, Storage gradIn);
}
