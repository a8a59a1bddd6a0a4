namespace Flint.Backends;

// The fused GELU primitives: forward and backward in one pass per element over dense runs.
internal partial interface IBackend
{
    /// <summary>
    /// y = GELU(x) over <paramref name="count"/> dense elements: x·Φ(x), or PyTorch's tanh approximation when
    /// <paramref name="tanh"/>. float32/float64 (float32 evaluates in float64 and rounds once); y dense from element 0.
    /// </summary>
    void Gelu(ScalarType t, bool tanh, long count, Storage x, long xOffset, Storage y);

    /// <summary>gx = g·GELU′(x) over <paramref name="count"/> dense elements; gx dense from element 0.</summary>
    void GeluBackward(ScalarType t, bool tanh, long count, Storage g, long gOffset, Storage x, long xOffset, Storage gx);
}
