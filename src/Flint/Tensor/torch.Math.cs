using System.Runtime.CompilerServices;
using Flint.Ops;

namespace Flint;

// torch.* forms of the everyday math and statistics ops (Tensor/Tensor.Math.cs forwards to the rules).
public static partial class torch
{
    /// <summary>Clamps <paramref name="input"/> between tensor bounds (broadcast); either may be null.</summary>
    [OverloadResolutionPriority(-1)]
    public static Tensor clamp(Tensor input, Tensor? min = null, Tensor? max = null) => input.clamp(min, max);
    /// <summary>In place: <see cref="clamp(Tensor, Tensor?, Tensor?)"/>.</summary>
    [OverloadResolutionPriority(-1)]
    public static Tensor clamp_(Tensor input, Tensor? min = null, Tensor? max = null) => input.clamp_(min, max);
    /// <summary>Alias of clamp with scalar bounds.</summary>
    public static Tensor clip(Tensor input, double? min = null, double? max = null) => input.clip(min, max);
    /// <summary>Alias of clamp with tensor bounds.</summary>
    [OverloadResolutionPriority(-1)]
    public static Tensor clip(Tensor input, Tensor? min = null, Tensor? max = null) => input.clip(min, max);
    /// <summary>input + weight · (end − input).</summary>
    public static Tensor lerp(Tensor input, Tensor end, double weight) => input.lerp(end, weight);
    /// <summary>input + weight · (end − input) with a tensor weight.</summary>
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) => input.lerp(end, weight);
    /// <summary>sqrt(input² + other²), elementwise.</summary>
    public static Tensor hypot(Tensor input, Tensor other) => input.hypot(other);
    /// <summary>input · log(other), 0 where input is 0.</summary>
    public static Tensor xlogy(Tensor input, Tensor other) => input.xlogy(other);
    /// <summary>input · log(other) with a scalar other.</summary>
    public static Tensor xlogy(Tensor input, double other) => input.xlogy(other);
    /// <summary>A scalar input times log(other).</summary>
    public static Tensor xlogy(double input, Tensor other) => MathPointwise.Xlogy(WrappedScalar(input), other);
    /// <summary>In place: input · log(other).</summary>
    public static Tensor xlogy_(Tensor input, Tensor other) => input.xlogy_(other);
    /// <summary>The normalised sinc, sin(πx)/(πx).</summary>
    public static Tensor sinc(Tensor input) => input.sinc();
    /// <summary>In place: <see cref="sinc"/>.</summary>
    public static Tensor sinc_(Tensor input) => input.sinc_();
    /// <summary>Degrees to radians.</summary>
    public static Tensor deg2rad(Tensor input) => input.deg2rad();
    /// <summary>Radians to degrees.</summary>
    public static Tensor rad2deg(Tensor input) => input.rad2deg();
    /// <summary>Elementwise closeness of two tensors of one dtype.</summary>
    public static Tensor isclose(Tensor input, Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) => input.isclose(other, rtol, atol, equal_nan);

    /// <summary>log(sum(exp(input))) over <paramref name="dim"/>.</summary>
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
    /// <summary>log(sum(exp(input))) over several dims.</summary>
    public static Tensor logsumexp(Tensor input, long[] dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
    /// <summary>Sum with NaN counted as zero.</summary>
    public static Tensor nansum(Tensor input, ScalarType? dtype = null) => input.nansum(dtype);
    /// <summary>Sum over <paramref name="dim"/> with NaN counted as zero.</summary>
    public static Tensor nansum(Tensor input, long dim, bool keepdim = false, ScalarType? dtype = null) => input.nansum(dim, keepdim, dtype);
    /// <summary>Sum over several dims with NaN counted as zero.</summary>
    public static Tensor nansum(Tensor input, long[] dim, bool keepdim = false, ScalarType? dtype = null) => input.nansum(dim, keepdim, dtype);
    /// <summary>Mean of the non-NaN elements.</summary>
    public static Tensor nanmean(Tensor input, ScalarType? dtype = null) => input.nanmean(dtype);
    /// <summary>Mean of the non-NaN elements over <paramref name="dim"/>.</summary>
    public static Tensor nanmean(Tensor input, long dim, bool keepdim = false, ScalarType? dtype = null) => input.nanmean(dim, keepdim, dtype);
    /// <summary>Mean of the non-NaN elements over several dims.</summary>
    public static Tensor nanmean(Tensor input, long[] dim, bool keepdim = false, ScalarType? dtype = null) => input.nanmean(dim, keepdim, dtype);
    /// <summary>The n-th forward difference along <paramref name="dim"/>.</summary>
    public static Tensor diff(Tensor input, long n = 1, long dim = -1, Tensor? prepend = null, Tensor? append = null) => input.diff(n, dim, prepend, append);

    /// <summary>The k-th smallest element along <paramref name="dim"/> and its index.</summary>
    public static (Tensor values, Tensor indices) kthvalue(Tensor input, long k, long dim = -1, bool keepdim = false) => input.kthvalue(k, dim, keepdim);
    /// <summary>The lower median of all elements.</summary>
    public static Tensor median(Tensor input) => input.median();
    /// <summary>The lower median along <paramref name="dim"/> and its index.</summary>
    public static (Tensor values, Tensor indices) median(Tensor input, long dim, bool keepdim = false) => input.median(dim, keepdim);
    /// <summary>The lower median of the non-NaN elements.</summary>
    public static Tensor nanmedian(Tensor input) => input.nanmedian();
    /// <summary>The lower median of the non-NaN elements along <paramref name="dim"/> and its index.</summary>
    public static (Tensor values, Tensor indices) nanmedian(Tensor input, long dim, bool keepdim = false) => input.nanmedian(dim, keepdim);
    /// <summary>The most frequent value along <paramref name="dim"/> and the index of its last occurrence.</summary>
    public static (Tensor values, Tensor indices) mode(Tensor input, long dim = -1, bool keepdim = false) => input.mode(dim, keepdim);
    /// <summary>The q-th quantile of <paramref name="input"/>.</summary>
    public static Tensor quantile(Tensor input, double q, long? dim = null, bool keepdim = false, string interpolation = "linear") => input.quantile(q, dim, keepdim, interpolation);
    /// <summary>The quantiles for each q in a scalar or 1-D tensor.</summary>
    public static Tensor quantile(Tensor input, Tensor q, long? dim = null, bool keepdim = false, string interpolation = "linear") => input.quantile(q, dim, keepdim, interpolation);
    /// <summary>The q-th quantile ignoring NaN values.</summary>
    public static Tensor nanquantile(Tensor input, double q, long? dim = null, bool keepdim = false, string interpolation = "linear") => input.nanquantile(q, dim, keepdim, interpolation);
    /// <summary>The quantiles for each q ignoring NaN values.</summary>
    public static Tensor nanquantile(Tensor input, Tensor q, long? dim = null, bool keepdim = false, string interpolation = "linear") => input.nanquantile(q, dim, keepdim, interpolation);

    /// <summary>Running maximum along <paramref name="dim"/> with indices.</summary>
    public static (Tensor values, Tensor indices) cummax(Tensor input, long dim) => input.cummax(dim);
    /// <summary>Running minimum along <paramref name="dim"/> with indices.</summary>
    public static (Tensor values, Tensor indices) cummin(Tensor input, long dim) => input.cummin(dim);
    /// <summary>log(cumsum(exp(input))) along <paramref name="dim"/>.</summary>
    public static Tensor logcumsumexp(Tensor input, long dim) => input.logcumsumexp(dim);

    /// <summary>The bucket index of each element of <paramref name="input"/> between sorted 1-D <paramref name="boundaries"/>.</summary>
    public static Tensor bucketize(Tensor input, Tensor boundaries, bool out_int32 = false, bool right = false) => input.bucketize(boundaries, out_int32, right);
    /// <summary>
    /// Where each of <paramref name="values"/> would be inserted to keep the last dim of <paramref name="sorted_sequence"/>
    /// sorted (the first such place, or the last when <paramref name="right"/> or <paramref name="side"/> = "right");
    /// <paramref name="sorter"/> gives the order that sorts an unsorted sequence.
    /// </summary>
    public static Tensor searchsorted(Tensor sorted_sequence, Tensor values, bool out_int32 = false, bool right = false, string? side = null, Tensor? sorter = null) =>
        Counting.Searchsorted(sorted_sequence, values, out_int32, right, side, sorter);
    /// <summary>searchsorted for one scalar value (a 0-dim result).</summary>
    public static Tensor searchsorted(Tensor sorted_sequence, double value, bool out_int32 = false, bool right = false, string? side = null, Tensor? sorter = null) =>
        Counting.Searchsorted(sorted_sequence, full([], value, sorted_sequence.dtype, sorted_sequence.device), out_int32, right, side, sorter);
    /// <summary>A histogram of equal-width bins.</summary>
    public static Tensor histc(Tensor input, long bins = 100, double min = 0, double max = 0) => input.histc(bins, min, max);
    /// <summary>Counts (or summed weights) of each value of a 1-D non-negative integer tensor.</summary>
    public static Tensor bincount(Tensor input, Tensor? weights = null, long minlength = 0) => input.bincount(weights, minlength);
    /// <summary>The sorted distinct elements of <paramref name="input"/>, with inverse indices and counts when asked.</summary>
    public static (Tensor output, Tensor? inverse_indices, Tensor? counts) unique(Tensor input, bool sorted = true, bool return_inverse = false, bool return_counts = false) =>
        input.unique(sorted, return_inverse, return_counts);
    /// <summary>One element (or slice along <paramref name="dim"/>) per run of equal consecutive ones.</summary>
    public static (Tensor output, Tensor? inverse_indices, Tensor? counts) unique_consecutive(Tensor input, bool return_inverse = false, bool return_counts = false, long? dim = null) =>
        input.unique_consecutive(return_inverse, return_counts, dim);

    /// <summary>Bitwise and.</summary>
    public static Tensor bitwise_and(Tensor input, Tensor other) => input.bitwise_and(other);
    /// <summary>Bitwise or.</summary>
    public static Tensor bitwise_or(Tensor input, Tensor other) => input.bitwise_or(other);
    /// <summary>Bitwise exclusive or.</summary>
    public static Tensor bitwise_xor(Tensor input, Tensor other) => input.bitwise_xor(other);
    /// <summary>Bitwise not.</summary>
    public static Tensor bitwise_not(Tensor input) => input.bitwise_not();
    /// <summary>Left shift.</summary>
    public static Tensor bitwise_left_shift(Tensor input, Tensor other) => input.bitwise_left_shift(other);
    /// <summary>Arithmetic right shift.</summary>
    public static Tensor bitwise_right_shift(Tensor input, Tensor other) => input.bitwise_right_shift(other);
    /// <summary>Greatest common divisor, elementwise.</summary>
    public static Tensor gcd(Tensor input, Tensor other) => input.gcd(other);
    /// <summary>Least common multiple, elementwise.</summary>
    public static Tensor lcm(Tensor input, Tensor other) => input.lcm(other);

    /// <summary>
    /// The p-norm distance between each row of <paramref name="x1"/> [..., P, M] and each row of <paramref name="x2"/> [..., R, M]
    /// (batch dims broadcast). compute_mode: "use_mm_for_euclid_dist_if_necessary" (p = 2 and P or R &gt; 25),
    /// "use_mm_for_euclid_dist" or "donot_use_mm_for_euclid_dist".
    /// </summary>
    public static Tensor cdist(Tensor x1, Tensor x2, double p = 2.0, string compute_mode = "use_mm_for_euclid_dist_if_necessary") =>
        Distances.Cdist(x1, x2, p, compute_mode switch
        {
            "use_mm_for_euclid_dist_if_necessary" => null,
            "use_mm_for_euclid_dist" => true,
            "donot_use_mm_for_euclid_dist" => false,
            _ => throw new ArgumentException($"{compute_mode} is not a valid value for compute_mode"),
        });
    /// <summary>Cosine similarity along <paramref name="dim"/>.</summary>
    public static Tensor cosine_similarity(Tensor x1, Tensor x2, long dim = 1, double eps = 1e-8) => Distances.CosineSimilarity(x1, x2, dim, eps);
    /// <summary>The p-norm of x1 − x2 + eps over the last dim.</summary>
    public static Tensor pairwise_distance(Tensor x1, Tensor x2, double p = 2.0, double eps = 1e-6, bool keepdim = false) => Distances.PairwiseDistance(x1, x2, p, eps, keepdim);
}
