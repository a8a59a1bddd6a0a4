using System.Runtime.CompilerServices;
using Flint.Ops;

namespace Flint;

// Thin forwards to the everyday math and statistics ops (issue 15): Ops/MathPointwise.cs, Ops/NanReductions.cs,
// Ops/OrderStatistics.cs, Ops/Scans.cs, Ops/Counting.cs, Ops/Bitwise.cs and Ops/Distances.cs hold the rules.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>In place: the out-of-place result written back into this tensor (PyTorch's cast and autograd rules).</summary>
        private Tensor MathInPlace(Func<Tensor, Tensor> outOfPlace, Tensor? other = null)
        {
            Tensor result;
            using (torch.no_grad()) result = outOfPlace(this);
            if (!Shapes.SameShape(result.Shape, Shape))
                throw new ArgumentException($"output with shape {Shapes.Str(Shape)} doesn't match the broadcast shape {Shapes.Str(result.Shape)}");
            return Ops.InPlace.Run(this, result.dtype, outOfPlace, () => Dispatcher.CopyInto(this, result), other);
        }

        // ---- clamp with tensor bounds, lerp, hypot, xlogy, sinc, angles ----------------------

        /// <summary>Clamps each element between the matching elements of <paramref name="min"/> and <paramref name="max"/> (broadcast); either may be null.</summary>
        [OverloadResolutionPriority(-1)]
        public Tensor clamp(Tensor? min = null, Tensor? max = null) => MathPointwise.ClampTensor(this, min, max);

        /// <summary>In place: <see cref="clamp(Tensor?, Tensor?)"/>.</summary>
        [OverloadResolutionPriority(-1)]
        public Tensor clamp_(Tensor? min = null, Tensor? max = null) => MathInPlace(t => t.clamp(min, max), min ?? max);

        /// <summary>Alias of <see cref="clamp(double?, double?)"/>.</summary>
        public Tensor clip(double? min = null, double? max = null) => clamp(min, max);

        /// <summary>Alias of <see cref="clamp(Tensor?, Tensor?)"/>.</summary>
        [OverloadResolutionPriority(-1)]
        public Tensor clip(Tensor? min = null, Tensor? max = null) => clamp(min, max);

        /// <summary>In place: <see cref="clip(double?, double?)"/>.</summary>
        public Tensor clip_(double? min = null, double? max = null) => clamp_(min, max);

        /// <summary>Linear interpolation: this + weight · (end − this).</summary>
        public Tensor lerp(Tensor end, double weight) => MathPointwise.Lerp(this, end, torch.WrappedScalar(weight), scalarWeight: true);

        /// <summary>Linear interpolation with a tensor weight (broadcast): this + weight · (end − this).</summary>
        public Tensor lerp(Tensor end, Tensor weight) => MathPointwise.Lerp(this, end, weight, scalarWeight: false);

        /// <summary>In place: <see cref="lerp(Tensor, double)"/>.</summary>
        public Tensor lerp_(Tensor end, double weight) => MathInPlace(t => t.lerp(end, weight), end);

        /// <summary>In place: <see cref="lerp(Tensor, Tensor)"/>.</summary>
        public Tensor lerp_(Tensor end, Tensor weight) => MathInPlace(t => t.lerp(end, weight), end);

        /// <summary>sqrt(this² + other²), elementwise, without intermediate overflow.</summary>
        public Tensor hypot(Tensor other) => MathPointwise.Hypot(this, other);

        /// <summary>In place: <see cref="hypot"/>.</summary>
        public Tensor hypot_(Tensor other) => MathInPlace(t => t.hypot(other), other);

        /// <summary>this · log(other), 0 where this is 0 (NaN where other is NaN).</summary>
        public Tensor xlogy(Tensor other) => MathPointwise.Xlogy(this, other);

        /// <summary>this · log(other) with a scalar other.</summary>
        public Tensor xlogy(double other) => MathPointwise.Xlogy(this, torch.WrappedScalar(other));

        /// <summary>In place: <see cref="xlogy(Tensor)"/>.</summary>
        public Tensor xlogy_(Tensor other) => MathInPlace(t => t.xlogy(other), other);

        /// <summary>In place: <see cref="xlogy(double)"/>.</summary>
        public Tensor xlogy_(double other) => MathInPlace(t => t.xlogy(other));

        /// <summary>The normalised sinc, sin(πx)/(πx), 1 at 0.</summary>
        public Tensor sinc() => MathPointwise.Sinc(this);

        /// <summary>In place: <see cref="sinc"/>.</summary>
        public Tensor sinc_() => MathInPlace(t => t.sinc());

        /// <summary>Degrees to radians.</summary>
        public Tensor deg2rad() => MathPointwise.ScaleAngle(this, Math.PI / 180);

        /// <summary>In place: <see cref="deg2rad"/>.</summary>
        public Tensor deg2rad_() => MathInPlace(t => t.deg2rad());

        /// <summary>Radians to degrees.</summary>
        public Tensor rad2deg() => MathPointwise.ScaleAngle(this, 180 / Math.PI);

        /// <summary>In place: <see cref="rad2deg"/>.</summary>
        public Tensor rad2deg_() => MathInPlace(t => t.rad2deg());

        /// <summary>Elementwise closeness: |this − other| ≤ atol + rtol·|other| (or equal, including infinities); NaNs match when <paramref name="equal_nan"/>.</summary>
        public Tensor isclose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) => MathPointwise.IsClose(this, other, rtol, atol, equal_nan);

        // ---- reductions ------------------------------------------------------------------

        /// <summary>log(sum(exp(x))) over <paramref name="dim"/>, computed stably.</summary>
        public Tensor logsumexp(long dim, bool keepdim = false) => NanReductions.LogSumExp(this, [dim], keepdim);

        /// <summary>log(sum(exp(x))) over several dims.</summary>
        public Tensor logsumexp(long[] dim, bool keepdim = false) => NanReductions.LogSumExp(this, dim, keepdim);

        /// <summary>Sum of all elements, NaN counted as zero.</summary>
        public Tensor nansum(ScalarType? dtype = null) => NanReductions.NanSum(this, null, false, dtype);

        /// <summary>Sum over <paramref name="dim"/>, NaN counted as zero.</summary>
        public Tensor nansum(long dim, bool keepdim = false, ScalarType? dtype = null) => NanReductions.NanSum(this, [dim], keepdim, dtype);

        /// <summary>Sum over several dims, NaN counted as zero.</summary>
        public Tensor nansum(long[] dim, bool keepdim = false, ScalarType? dtype = null) => NanReductions.NanSum(this, dim, keepdim, dtype);

        /// <summary>Mean of the non-NaN elements.</summary>
        public Tensor nanmean(ScalarType? dtype = null) => NanReductions.NanMean(this, null, false, dtype);

        /// <summary>Mean of the non-NaN elements over <paramref name="dim"/>.</summary>
        public Tensor nanmean(long dim, bool keepdim = false, ScalarType? dtype = null) => NanReductions.NanMean(this, [dim], keepdim, dtype);

        /// <summary>Mean of the non-NaN elements over several dims.</summary>
        public Tensor nanmean(long[] dim, bool keepdim = false, ScalarType? dtype = null) => NanReductions.NanMean(this, dim, keepdim, dtype);

        /// <summary>The n-th forward difference along <paramref name="dim"/>, after prepending/appending the given tensors.</summary>
        public Tensor diff(long n = 1, long dim = -1, Tensor? prepend = null, Tensor? append = null) => NanReductions.Diff(this, n, dim, prepend, append);

        // ---- order statistics --------------------------------------------------------------

        /// <summary>The k-th smallest element (k from 1) along <paramref name="dim"/> and its index.</summary>
        public (Tensor values, Tensor indices) kthvalue(long k, long dim = -1, bool keepdim = false) => OrderStatistics.Kthvalue(this, k, dim, keepdim);

        /// <summary>The lower median of all elements (NaN if any element is NaN).</summary>
        public Tensor median() => OrderStatistics.MedianAll(this, ignoreNan: false);

        /// <summary>The lower median along <paramref name="dim"/> and its index.</summary>
        public (Tensor values, Tensor indices) median(long dim, bool keepdim = false) => OrderStatistics.MedianDim(this, dim, keepdim, ignoreNan: false);

        /// <summary>The lower median of the non-NaN elements.</summary>
        public Tensor nanmedian() => OrderStatistics.MedianAll(this, ignoreNan: true);

        /// <summary>The lower median of the non-NaN elements along <paramref name="dim"/> and its index.</summary>
        public (Tensor values, Tensor indices) nanmedian(long dim, bool keepdim = false) => OrderStatistics.MedianDim(this, dim, keepdim, ignoreNan: true);

        /// <summary>The most frequent value along <paramref name="dim"/> (the smallest of equally frequent ones) and the index of its last occurrence.</summary>
        public (Tensor values, Tensor indices) mode(long dim = -1, bool keepdim = false) => OrderStatistics.Mode(this, dim, keepdim);

        /// <summary>The q-th quantile over <paramref name="dim"/> (all elements when null); interpolation: linear, lower, higher, midpoint or nearest.</summary>
        public Tensor quantile(double q, long? dim = null, bool keepdim = false, string interpolation = "linear") => OrderStatistics.Quantile(this, q, dim, keepdim, interpolation, ignoreNan: false);

        /// <summary>The quantiles for each q in a scalar or 1-D tensor (a 1-D q adds a leading dim).</summary>
        public Tensor quantile(Tensor q, long? dim = null, bool keepdim = false, string interpolation = "linear") => OrderStatistics.Quantile(this, q, dim, keepdim, interpolation, ignoreNan: false);

        /// <summary><see cref="quantile(double, long?, bool, string)"/> ignoring NaN values.</summary>
        public Tensor nanquantile(double q, long? dim = null, bool keepdim = false, string interpolation = "linear") => OrderStatistics.Quantile(this, q, dim, keepdim, interpolation, ignoreNan: true);

        /// <summary><see cref="quantile(Tensor, long?, bool, string)"/> ignoring NaN values.</summary>
        public Tensor nanquantile(Tensor q, long? dim = null, bool keepdim = false, string interpolation = "linear") => OrderStatistics.Quantile(this, q, dim, keepdim, interpolation, ignoreNan: true);

        // ---- scans -------------------------------------------------------------------------

        /// <summary>Running maximum along <paramref name="dim"/> and the index where it was reached (the latest among equals).</summary>
        public (Tensor values, Tensor indices) cummax(long dim) => Scans.CumExtreme(this, dim, max: true);

        /// <summary>Running minimum along <paramref name="dim"/> and the index where it was reached (the latest among equals).</summary>
        public (Tensor values, Tensor indices) cummin(long dim) => Scans.CumExtreme(this, dim, max: false);

        /// <summary>log(cumsum(exp(x))) along <paramref name="dim"/>, computed stably.</summary>
        public Tensor logcumsumexp(long dim) => Scans.LogCumSumExp(this, dim);

        // ---- counting and searching -------------------------------------------------------------

        /// <summary>The index of the bucket (between sorted 1-D <paramref name="boundaries"/>) each element falls in.</summary>
        public Tensor bucketize(Tensor boundaries, bool out_int32 = false, bool right = false) => Counting.Bucketize(this, boundaries, out_int32, right);

        /// <summary>A histogram of <paramref name="bins"/> equal bins over [min, max] (the data's range when both are 0).</summary>
        public Tensor histc(long bins = 100, double min = 0, double max = 0) => Counting.Histc(this, bins, min, max);

        /// <summary>Counts (or summed <paramref name="weights"/>) of each value of a 1-D non-negative integer tensor.</summary>
        public Tensor bincount(Tensor? weights = null, long minlength = 0) => Counting.Bincount(this, weights, minlength);

        /// <summary>The sorted distinct elements, with each element's index into them and each value's count when asked.</summary>
        /// <remarks>The output is always sorted (PyTorch allows sorting when <paramref name="sorted"/> is false, and its CPU kernel does).</remarks>
        public (Tensor output, Tensor? inverse_indices, Tensor? counts) unique(bool sorted = true, bool return_inverse = false, bool return_counts = false) =>
            Counting.Unique(this, sorted, return_inverse, return_counts);

        /// <summary>One element (or slice along <paramref name="dim"/>) per run of equal consecutive ones.</summary>
        public (Tensor output, Tensor? inverse_indices, Tensor? counts) unique_consecutive(bool return_inverse = false, bool return_counts = false, long? dim = null) =>
            Counting.UniqueConsecutive(this, return_inverse, return_counts, dim);

        // ---- bitwise, gcd, lcm ---------------------------------------------------------------

        /// <summary>Bitwise and (logical and for bool).</summary>
        public Tensor bitwise_and(Tensor other) => Bitwise.And(this, other);
        /// <summary>Bitwise and with an integer.</summary>
        public Tensor bitwise_and(long other) => Bitwise.And(this, torch.WrappedScalar(other));
        /// <summary>In place: <see cref="bitwise_and(Tensor)"/>.</summary>
        public Tensor bitwise_and_(Tensor other) => MathInPlace(t => t.bitwise_and(other), other);
        /// <summary>Bitwise or (logical or for bool).</summary>
        public Tensor bitwise_or(Tensor other) => Bitwise.Or(this, other);
        /// <summary>Bitwise or with an integer.</summary>
        public Tensor bitwise_or(long other) => Bitwise.Or(this, torch.WrappedScalar(other));
        /// <summary>In place: <see cref="bitwise_or(Tensor)"/>.</summary>
        public Tensor bitwise_or_(Tensor other) => MathInPlace(t => t.bitwise_or(other), other);
        /// <summary>Bitwise exclusive or (logical xor for bool).</summary>
        public Tensor bitwise_xor(Tensor other) => Bitwise.Xor(this, other);
        /// <summary>Bitwise exclusive or with an integer.</summary>
        public Tensor bitwise_xor(long other) => Bitwise.Xor(this, torch.WrappedScalar(other));
        /// <summary>In place: <see cref="bitwise_xor(Tensor)"/>.</summary>
        public Tensor bitwise_xor_(Tensor other) => MathInPlace(t => t.bitwise_xor(other), other);
        /// <summary>Bitwise not (logical not for bool).</summary>
        public Tensor bitwise_not() => Bitwise.Not(this);
        /// <summary>In place: <see cref="bitwise_not"/>.</summary>
        public Tensor bitwise_not_() => MathInPlace(t => t.bitwise_not());
        /// <summary>Shifts each element left by the matching element of <paramref name="other"/> (0 beyond the bit width).</summary>
        public Tensor bitwise_left_shift(Tensor other) => Bitwise.LeftShift(this, other);
        /// <summary>Shifts each element left by <paramref name="other"/> bits.</summary>
        public Tensor bitwise_left_shift(long other) => Bitwise.LeftShift(this, torch.WrappedScalar(other));
        /// <summary>In place: <see cref="bitwise_left_shift(Tensor)"/>.</summary>
        public Tensor bitwise_left_shift_(Tensor other) => MathInPlace(t => t.bitwise_left_shift(other), other);
        /// <summary>Arithmetic right shift by the matching element of <paramref name="other"/>.</summary>
        public Tensor bitwise_right_shift(Tensor other) => Bitwise.RightShift(this, other);
        /// <summary>Arithmetic right shift by <paramref name="other"/> bits.</summary>
        public Tensor bitwise_right_shift(long other) => Bitwise.RightShift(this, torch.WrappedScalar(other));
        /// <summary>In place: <see cref="bitwise_right_shift(Tensor)"/>.</summary>
        public Tensor bitwise_right_shift_(Tensor other) => MathInPlace(t => t.bitwise_right_shift(other), other);
        /// <summary>Greatest common divisor (non-negative), elementwise.</summary>
        public Tensor gcd(Tensor other) => Bitwise.Gcd(this, other);
        /// <summary>In place: <see cref="gcd"/>.</summary>
        public Tensor gcd_(Tensor other) => MathInPlace(t => t.gcd(other), other);
        /// <summary>Least common multiple (non-negative), elementwise.</summary>
        public Tensor lcm(Tensor other) => Bitwise.Lcm(this, other);
        /// <summary>In place: <see cref="lcm"/>.</summary>
        public Tensor lcm_(Tensor other) => MathInPlace(t => t.lcm(other), other);

        /// <summary>Bitwise and of integer tensors, logical and of bool tensors.</summary>
        public static Tensor operator &(Tensor a, Tensor b) => a.bitwise_and(b);
        /// <summary>Bitwise and with an integer.</summary>
        public static Tensor operator &(Tensor a, long b) => a.bitwise_and(b);
        /// <summary>Bitwise or of integer tensors, logical or of bool tensors.</summary>
        public static Tensor operator |(Tensor a, Tensor b) => a.bitwise_or(b);
        /// <summary>Bitwise or with an integer.</summary>
        public static Tensor operator |(Tensor a, long b) => a.bitwise_or(b);
        /// <summary>Bitwise exclusive or of integer tensors, logical xor of bool tensors.</summary>
        public static Tensor operator ^(Tensor a, Tensor b) => a.bitwise_xor(b);
        /// <summary>Bitwise exclusive or with an integer.</summary>
        public static Tensor operator ^(Tensor a, long b) => a.bitwise_xor(b);
        /// <summary>Bitwise not of an integer tensor, logical not of a bool tensor.</summary>
        public static Tensor operator ~(Tensor a) => a.bitwise_not();
        /// <summary>Left shift by the matching elements of <paramref name="b"/>.</summary>
        public static Tensor operator <<(Tensor a, Tensor b) => a.bitwise_left_shift(b);
        /// <summary>Left shift by <paramref name="b"/> bits.</summary>
        public static Tensor operator <<(Tensor a, long b) => a.bitwise_left_shift(b);
        /// <summary>Arithmetic right shift by the matching elements of <paramref name="b"/>.</summary>
        public static Tensor operator >>(Tensor a, Tensor b) => a.bitwise_right_shift(b);
        /// <summary>Arithmetic right shift by <paramref name="b"/> bits.</summary>
        public static Tensor operator >>(Tensor a, long b) => a.bitwise_right_shift(b);
    }
}
