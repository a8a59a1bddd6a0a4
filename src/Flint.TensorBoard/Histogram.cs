using Flint.TensorBoard.Proto;

namespace Flint.TensorBoard;

/// <summary>
/// Histograms as <c>torch.utils.tensorboard.summary.histogram</c> makes them: NumPy's
/// <c>np.histogram</c> over the given edges, trimmed to the buckets from the first to the last non-empty
/// one (plus one empty bucket on the left, since TensorBoard stores only right edges).
/// </summary>
public static class Histogram
{
    private static readonly Lazy<double[]> s_tensorflowBins = new(() =>
    {
        // TensorFlow's default buckets: ±1e-12 * 1.1^k up to 1e20, and 0.
        var positive = new List<double>();
        for (double v = 1e-12; v < 1e20; v *= 1.1) positive.Add(v);
        var edges = new double[positive.Count * 2 + 1];
        for (int i = 0; i < positive.Count; i++)
        {
            edges[positive.Count - 1 - i] = -positive[i];
            edges[positive.Count + 1 + i] = positive[i];
        }
        return edges;
    });

    /// <summary>The bucket edges PyTorch's <c>bins="tensorflow"</c> uses.</summary>
    public static ReadOnlySpan<double> TensorflowBins => s_tensorflowBins.Value;

    /// <summary>
    /// <c>bins</c> as PyTorch takes it: <c>"tensorflow"</c> (the default), or a NumPy rule for equal-width
    /// bins over [min, max]: a count such as <c>"10"</c>, <c>"fd"</c>/<c>"auto"</c> are not supported.
    /// </summary>
    public static double[] Edges(ReadOnlySpan<double> values, string bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (bins == "tensorflow") return s_tensorflowBins.Value;
        if (int.TryParse(bins, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count))
            return EqualWidth(values, count);
        throw new ArgumentException($"bins must be \"tensorflow\" or a number of equal-width bins, got \"{bins}\"", nameof(bins));
    }

    /// <summary>NumPy's <c>np.histogram(values, bins=count)</c> edges: <paramref name="count"/> equal bins over [min, max].</summary>
    public static double[] EqualWidth(ReadOnlySpan<double> values, int count)
    {
        if (count < 1) throw new ArgumentException($"`bins` must be positive, when an integer, got {count}");
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
        if (values.IsEmpty) (lo, hi) = (0, 1);
        if (lo == hi) { lo -= 0.5; hi += 0.5; }
        var edges = new double[count + 1];
        // np.linspace(lo, hi, count + 1)
        double step = (hi - lo) / count;
        for (int i = 0; i <= count; i++) edges[i] = lo + i * step;
        edges[count] = hi;
        return edges;
    }

    /// <summary>
    /// NumPy's <c>np.histogram(values, bins=edges)</c> counts: bucket i holds edges[i] &lt;= v &lt; edges[i+1],
    /// the last bucket also its right edge; values outside the edges are not counted.
    /// </summary>
    public static double[] Counts(ReadOnlySpan<double> values, ReadOnlySpan<double> edges)
    {
        if (edges.Length < 2) throw new ArgumentException("a histogram needs at least two bin edges");
        var counts = new double[edges.Length - 1];
        foreach (var v in values)
        {
            if (double.IsNaN(v) || v < edges[0] || v > edges[^1]) continue;
            int i = edges.BinarySearch(v);
            // Exact hit on edge i: bucket i (the last edge belongs to the last bucket); else the insertion point - 1.
            int bucket = i >= 0 ? Math.Min(i, counts.Length - 1) : ~i - 1;
            counts[bucket]++;
        }
        return counts;
    }

    /// <summary>The histogram proto of <paramref name="values"/> (PyTorch's <c>make_histogram</c>).</summary>
    public static HistogramProto Make(ReadOnlySpan<double> values, string bins = "tensorflow", long? max_bins = null)
    {
        CheckValues(values);
        return Make(values, Edges(values, bins), max_bins);
    }

    /// <summary>
    /// PyTorch's <c>make_histogram(values, bins, max_bins)</c> over explicit bucket <paramref name="edges"/> (increasing):
    /// NumPy's counts, at most <paramref name="max_bins"/> buckets (neighbours summed, as PyTorch subsamples), trimmed to
    /// the support with one empty bucket on its left; min, max, num, sum and sum_squares are over all the values.
    /// </summary>
    public static HistogramProto Make(ReadOnlySpan<double> values, ReadOnlySpan<double> edges, long? max_bins)
    {
        CheckValues(values);
        if (edges.Length < 2) throw new ArgumentException("a histogram needs at least two bin edges");
        for (int i = 1; i < edges.Length; i++)
            if (!(edges[i] >= edges[i - 1])) throw new ArgumentException("`bins` must increase monotonically, when an array");
        if (max_bins is <= 0) throw new ArgumentException($"max_bins must be positive, got {max_bins}");
        double[] counts = Counts(values, edges), limits = edges.ToArray();
        int numBins = counts.Length;
        if (max_bins is long maxBins && numBins > maxBins)
        {
            int subsampling = (int)(numBins / maxBins);
            int groups = (numBins + subsampling - 1) / subsampling;
            var summed = new double[groups];
            for (int i = 0; i < numBins; i++) summed[i / subsampling] += counts[i];
            var newLimits = new double[groups + 1];
            for (int g = 0; g < groups; g++) newLimits[g] = limits[g * subsampling];
            newLimits[groups] = limits[^1];
            (counts, limits) = (summed, newLimits);
        }
        // The support: from the first to the last non-empty bucket.
        int start = Array.FindIndex(counts, c => c > 0), end = Array.FindLastIndex(counts, c => c > 0) + 1;
        if (start < 0) throw new ArgumentException("The histogram is empty: every value lies outside the bins.");
        double[] keptCounts = start > 0 ? counts[(start - 1)..end] : [0, .. counts[..end]];
        double[] keptLimits = limits[start..(end + 1)];
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0, sumSquares = 0;
        foreach (var v in values)
        {
            min = Math.Min(min, v); max = Math.Max(max, v);
            sum += v; sumSquares += v * v;
        }
        var proto = new HistogramProto { Min = min, Max = max, Num = values.Length, Sum = sum, SumSquares = sumSquares };
        proto.BucketLimit.AddRange(keptLimits);
        proto.Bucket.AddRange(keptCounts);
        return proto;
    }

    private static void CheckValues(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) throw new ArgumentException("The input has no element.");
        foreach (var v in values)
            if (!double.IsFinite(v)) throw new ArgumentException("The histogram of values with NaN or infinity is not defined (found " + v.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
    }
}
