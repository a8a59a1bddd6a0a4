using Flint.Backends.Cpu;

namespace Flint.Backends;

/// <summary>What a reduction computes per row of a dense [rows, n] block.</summary>
internal enum ReduceKind { Sum, Prod, Max, Min, All, Any }

/// <summary>Which distribution <see cref="IBackend.Random"/> draws from.</summary>
internal enum RandomKind { Uniform, Normal, Bernoulli }

/// <summary>What an inclusive scan accumulates along each row of a dense [rows, n] block.</summary>
internal enum ScanKind { Sum, Prod }

/// <summary>
/// The primitives a device implements. The op layer (<see cref="Ops.Dispatcher"/>) promotes,
/// broadcasts and allocates; a backend only moves and computes elements. Operands arrive as
/// <see cref="Operand"/> views (any strides; broadcast dims have stride 0) that all share the
/// given shape. Arithmetic kernels receive the compute dtype only (float32, float64 and the
/// integer types; half types are computed in float32 by the op layer). The op structs are
/// the CPU's (<see cref="IBinaryOp"/> and friends): a backend calls their generic
/// <c>Invoke</c>, so an op is defined once for every device.
/// </summary>
internal partial interface IBackend
{
    /// <summary>A new storage of <paramref name="numel"/> elements on <paramref name="device"/>; zeroed when <paramref name="clear"/>.</summary>
    Storage Allocate(ScalarType dtype, long numel, Device device, bool clear);

    /// <summary>Copies <paramref name="count"/> host elements from <paramref name="srcOffset"/> into a device storage at element <paramref name="dstOffset"/>.</summary>
    void Upload(Array src, long srcOffset, long count, Storage dst, long dstOffset);

    /// <summary>Copies <paramref name="dst"/>.Length elements of a device storage, from element <paramref name="srcOffset"/>, to the host (waits for queued work).</summary>
    void Download(Storage src, long srcOffset, Array dst);

    /// <summary>Waits until every queued kernel has finished.</summary>
    void Synchronize();

    void Binary<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : IBinaryOp;
    void Unary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IUnaryOp;
    void FloatUnary<TOp>(string op, ScalarType t, long[] shape, Operand x, Operand o) where TOp : IFloatUnaryOp;
    /// <summary>o (bool) = TOp(a, b).</summary>
    void Compare<TOp>(string op, ScalarType t, long[] shape, Operand a, Operand b, Operand o) where TOp : ICompareOp;
    /// <summary>o = cond ? a : b; cond is bool, a, b and o have dtype <paramref name="t"/> (any of the ten).</summary>
    void Where(ScalarType t, long[] shape, Operand cond, Operand a, Operand b, Operand o);
    /// <summary>Copies src into dst converting the element type as PyTorch casts (float→int truncates; x→bool is x != 0).</summary>
    void Copy(long[] shape, Operand src, ScalarType srcType, Operand dst, ScalarType dstType);
    /// <summary>Writes <paramref name="value"/> (converted as a cast would) into every element of the view.</summary>
    void Fill(ScalarType t, long[] shape, Operand o, double value);
    void Clamp(ScalarType t, long[] shape, Operand x, Operand o, double? lo, double? hi);
    /// <summary>o = lo ≤ x ≤ hi ? g : 0 (float32/float64, all operands of one shape).</summary>
    void ClampBackward(ScalarType t, long[] shape, Operand x, Operand g, Operand o, double? lo, double? hi);

    /// <summary>
    /// Reduces each row of a dense [rows, n] block (float32, float64, int64, or bool for All/Any)
    /// into <paramref name="values"/>[row]; Max/Min also write the first extreme's index (int64)
    /// into <paramref name="indices"/>, a NaN winning at its first position.
    /// </summary>
    void Reduce(ReduceKind kind, ScalarType t, Storage block, int rows, int n, Storage values, Storage? indices);

    /// <summary>
    /// Column sums of a dense [outer, inner] float32/float64 block at element <paramref name="offset"/>:
    /// values[j] = Σ_i block[offset + i·inner + j]. The leading-dims sum of a bias gradient, read in place
    /// (no transposed copy), rows added in groups of <see cref="SumOuterGroup"/> and the group sums then added.
    /// </summary>
    void SumOuter(ScalarType t, Storage block, long offset, int outer, int inner, Storage values);

    /// <summary>How many rows <see cref="SumOuter"/> adds one after another before adding their sum to the total (bounds the rounding error's growth).</summary>
    const int SumOuterGroup = 64;

    /// <summary>
    /// c[i] = a[i] @ b[i] for i &lt; batch: a is [m, k] at aOffset + i·aBatchStride with row/column
    /// strides aRs/aCs (likewise b, [k, n]); c is dense row-major [batch, m, n] from element 0.
    /// </summary>
    void MatMul(ScalarType t, int batch, int m, int n, int k,
        Storage a, long aOffset, long aBatchStride, long aRs, long aCs,
        Storage b, long bOffset, long bBatchStride, long bRs, long bCs,
        Storage c);

    /// <summary>
    /// im2col: col [N, C·KD·KH·KW, OD·OH·OW] (dense from element 0) from the dense image batch
    /// x [N, C, ID, IH, IW] at <paramref name="xOffset"/>; taps that fall in the zero padding read 0.
    /// float32/float64.
    /// </summary>
    void Im2Col(ScalarType t, ConvGeometry g, Storage x, long xOffset, Storage col);

    /// <summary>
    /// col2im, the adjoint of <see cref="Im2Col"/>: x [N, C, ID, IH, IW] (dense from element 0, every
    /// element written) = the sum of the entries of the dense col [N, C·KD·KH·KW, OD·OH·OW] at
    /// <paramref name="colOffset"/> whose taps land on each element. float32/float64.
    /// </summary>
    void Col2Im(ScalarType t, ConvGeometry g, Storage col, long colOffset, Storage x);

    /// <summary>
    /// dst[i·block + j] = src[offsets[i] + j] for j &lt; <paramref name="block"/> (element offsets into src's storage,
    /// each starting a run of <paramref name="block"/> consecutive elements; dst dense from element 0).
    /// </summary>
    void Take(ScalarType t, Storage src, long[] offsets, int block, Storage dst);

    /// <summary>
    /// dst[offsets[i] + j] = src[i·block + j] for j &lt; <paramref name="block"/> (or += when
    /// <paramref name="accumulate"/>, summing duplicates in order).
    /// </summary>
    void Put(ScalarType t, Storage dst, long[] offsets, int block, Storage src, bool accumulate);

    /// <summary>
    /// Fills <paramref name="count"/> elements of a float32/float64 storage from element
    /// <paramref name="offset"/>: Uniform in [a, b), Normal(mean a, std b), Bernoulli(p = a) as 0/1.
    /// Draws come from the device's own generator (reproducible per seed, not the CPU's stream).
    /// </summary>
    void Random(RandomKind kind, ScalarType t, Storage dst, long offset, long count, double a, double b);

    /// <summary>
    /// Stable sort of each row of a dense [rows, n] block (float32, float64 or int64) into dense
    /// <paramref name="values"/> and the source positions (int64) into <paramref name="indices"/>.
    /// NaN sorts above every number (last ascending, first descending); equal keys keep their order.
    /// </summary>
    void Sort(ScalarType t, Storage block, int rows, int n, Storage values, Storage indices, bool descending);

    /// <summary>
    /// Inclusive scan (running sum or product) of each row of a dense [rows, n] block (float64 or
    /// int64) into dense <paramref name="output"/>; <paramref name="reverse"/> scans from the row's end.
    /// </summary>
    void Scan(ScanKind kind, ScalarType t, Storage block, int rows, int n, Storage output, bool reverse);
}

/// <summary>Finds the backend for a device: the CPU's is built in; others register themselves.</summary>
internal static class Backend
{
    /// <summary>The CPU's backend, typed as its sealed class so generic calls on the hot path bind directly (no generic virtual dispatch).</summary>
    public static readonly CpuBackend Cpu = new();

    public static IBackend For(Device device) =>
        device.type == DeviceType.CPU ? Cpu : DeviceRegistry.Get(device);

}
