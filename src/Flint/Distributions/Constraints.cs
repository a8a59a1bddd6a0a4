using System.Globalization;

namespace Flint;

public static partial class torch
{
    public static partial class distributions
    {
        /// <summary>
        /// PyTorch's <c>torch.distributions.constraints</c>: the sets parameters and samples must lie in. <c>check</c>
        /// returns a bool tensor over the batch (event dims reduced) with PyTorch 1.13's semantics, and the reprs are
        /// PyTorch's, so validation messages read as PyTorch's. The constraint types carry PyTorch's (and TorchSharp's)
        /// underscore names (<see cref="_GreaterThan"/>, ...); the lower-case members are the ready-made instances and
        /// factories.
        /// </summary>
        public static class constraints
        {
            /// <summary>A constraint: a region of valid values.</summary>
            public abstract class Constraint
            {
                /// <summary>Whether the constrained space is discrete.</summary>
                public virtual bool is_discrete => false;

                /// <summary>How many rightmost dims together form one event.</summary>
                public virtual int event_dim => 0;

                /// <summary>True for a constraint that depends on other parameters and is not checked (PyTorch's <c>dependent</c>).</summary>
                public virtual bool is_dependent => false;

                /// <summary>A bool tensor: whether each event of <paramref name="value"/> satisfies the constraint.</summary>
                public abstract Tensor check(Tensor value);

                /// <summary>PyTorch's repr: the class name without its underscore and <c>()</c>.</summary>
                public override string ToString() => GetType().Name.TrimStart('_') + "()";
            }

            /// <summary>Python's str of a bound: a float as <c>0.0</c>, an integer as <c>0</c>, a tensor as its print.</summary>
            internal static string Py(object bound) => bound switch
            {
                double d when double.IsPositiveInfinity(d) => "inf",
                double d when double.IsNegativeInfinity(d) => "-inf",
                double d when d == Math.Floor(d) && Math.Abs(d) < 1e16 => d.ToString("0.0", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                Tensor t => t.ToString(),
                _ => bound.ToString() ?? "",
            };

            private static Tensor Bound(object bound) => bound switch
            {
                Tensor t => t,
                long l => torch.WrappedScalar(l),
                int i => torch.WrappedScalar((long)i),
                double d => torch.WrappedScalar(d),
                _ => throw new ArgumentException("a bound is a number or a tensor"),
            };

            /// <summary>value % 1 == 0 (false for ±inf and NaN, as Python's float remainder gives NaN there).</summary>
            private static Tensor Integral(Tensor value) => value.is_floating_point()
                ? value.eq(value.floor()).logical_and(value.abs().lt(double.PositiveInfinity))
                : value.eq(value);

            /// <summary>A placeholder for a constraint that depends on other parameters; <c>check</c> throws.</summary>
            public class _Dependent : Constraint
            {
                private readonly bool? _isDiscrete;
                private readonly int? _eventDim;

                /// <summary>Optionally with static <c>is_discrete</c> / <c>event_dim</c> (otherwise reading them throws).</summary>
                public _Dependent(bool? is_discrete = null, int? event_dim = null) { _isDiscrete = is_discrete; _eventDim = event_dim; }

                /// <inheritdoc/>
                public override bool is_discrete => _isDiscrete ?? throw new NotSupportedException(".is_discrete cannot be determined statically");
                /// <inheritdoc/>
                public override int event_dim => _eventDim ?? throw new NotSupportedException(".event_dim cannot be determined statically");
                /// <inheritdoc/>
                public override bool is_dependent => true;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => throw new ArgumentException("Cannot determine validity of dependent constraint");
            }

            /// <summary>Any real number (false for NaN).</summary>
            public class _Real : Constraint
            {
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.eq(value);
            }

            /// <summary>0 or 1.</summary>
            public class _Boolean : Constraint
            {
                /// <inheritdoc/>
                public override bool is_discrete => true;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.eq(0.0).logical_or(value.eq(1.0));
            }

            /// <summary>One-hot vectors.</summary>
            public class _OneHot : Constraint
            {
                /// <inheritdoc/>
                public override bool is_discrete => true;
                /// <inheritdoc/>
                public override int event_dim => 1;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) =>
                    value.eq(0.0).logical_or(value.eq(1.0)).all(-1).logical_and(value.sum(-1).eq(1.0));
            }

            /// <summary>x &gt; lower_bound.</summary>
            public class _GreaterThan(object lower_bound) : Constraint
            {
                /// <summary>The (exclusive) lower bound: a number or a tensor.</summary>
                public object lower_bound { get; } = lower_bound;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.gt(Bound(lower_bound));
                /// <inheritdoc/>
                public override string ToString() => $"GreaterThan(lower_bound={Py(lower_bound)})";
            }

            /// <summary>x ≥ lower_bound.</summary>
            public class _GreaterThanEq(object lower_bound) : Constraint
            {
                /// <summary>The (inclusive) lower bound: a number or a tensor.</summary>
                public object lower_bound { get; } = lower_bound;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.ge(Bound(lower_bound));
                /// <inheritdoc/>
                public override string ToString() => $"GreaterThanEq(lower_bound={Py(lower_bound)})";
            }

            /// <summary>x &lt; upper_bound.</summary>
            public class _LessThan(object upper_bound) : Constraint
            {
                /// <summary>The (exclusive) upper bound: a number or a tensor.</summary>
                public object upper_bound { get; } = upper_bound;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.lt(Bound(upper_bound));
                /// <inheritdoc/>
                public override string ToString() => $"LessThan(upper_bound={Py(upper_bound)})";
            }

            /// <summary>lower_bound ≤ x ≤ upper_bound.</summary>
            public class _Interval(object lower_bound, object upper_bound) : Constraint
            {
                /// <summary>The lower bound.</summary>
                public object lower_bound { get; } = lower_bound;
                /// <summary>The upper bound.</summary>
                public object upper_bound { get; } = upper_bound;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.ge(Bound(lower_bound)).logical_and(value.le(Bound(upper_bound)));
                /// <inheritdoc/>
                public override string ToString() => $"Interval(lower_bound={Py(lower_bound)}, upper_bound={Py(upper_bound)})";
            }

            /// <summary>lower_bound ≤ x &lt; upper_bound.</summary>
            public class _HalfOpenInterval(object lower_bound, object upper_bound) : Constraint
            {
                /// <summary>The lower bound.</summary>
                public object lower_bound { get; } = lower_bound;
                /// <summary>The (exclusive) upper bound.</summary>
                public object upper_bound { get; } = upper_bound;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.ge(Bound(lower_bound)).logical_and(value.lt(Bound(upper_bound)));
                /// <inheritdoc/>
                public override string ToString() => $"HalfOpenInterval(lower_bound={Py(lower_bound)}, upper_bound={Py(upper_bound)})";
            }

            /// <summary>Integers in [lower_bound, upper_bound].</summary>
            public class _IntegerInterval(object lower_bound, object upper_bound) : Constraint
            {
                /// <summary>The lower bound.</summary>
                public object lower_bound { get; } = lower_bound;
                /// <summary>The upper bound.</summary>
                public object upper_bound { get; } = upper_bound;
                /// <inheritdoc/>
                public override bool is_discrete => true;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) =>
                    Integral(value).logical_and(value.ge(Bound(lower_bound))).logical_and(value.le(Bound(upper_bound)));
                /// <inheritdoc/>
                public override string ToString() => $"IntegerInterval(lower_bound={Py(lower_bound)}, upper_bound={Py(upper_bound)})";
            }

            /// <summary>Integers ≤ upper_bound.</summary>
            public class _IntegerLessThan(object upper_bound) : Constraint
            {
                /// <summary>The upper bound.</summary>
                public object upper_bound { get; } = upper_bound;
                /// <inheritdoc/>
                public override bool is_discrete => true;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => Integral(value).logical_and(value.le(Bound(upper_bound)));
                /// <inheritdoc/>
                public override string ToString() => $"IntegerLessThan(upper_bound={Py(upper_bound)})";
            }

            /// <summary>Integers ≥ lower_bound.</summary>
            public class _IntegerGreaterThan(object lower_bound) : Constraint
            {
                /// <summary>The lower bound.</summary>
                public object lower_bound { get; } = lower_bound;
                /// <inheritdoc/>
                public override bool is_discrete => true;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => Integral(value).logical_and(value.ge(Bound(lower_bound)));
                /// <inheritdoc/>
                public override string ToString() => $"IntegerGreaterThan(lower_bound={Py(lower_bound)})";
            }

            /// <summary>Non-negative vectors summing to 1 (within 1e-6) over the last dim.</summary>
            public class _Simplex : Constraint
            {
                /// <inheritdoc/>
                public override int event_dim => 1;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) =>
                    value.ge(0.0).all(-1).logical_and((value.sum(-1) - 1.0).abs().lt(1e-6));
            }

            /// <summary>Non-negative vectors whose sum is at most upper_bound (PyTorch's weaker check).</summary>
            public class _Multinomial(object upper_bound) : Constraint
            {
                /// <summary>The bound on the sum.</summary>
                public object upper_bound { get; } = upper_bound;
                /// <inheritdoc/>
                public override bool is_discrete => true;
                /// <inheritdoc/>
                public override int event_dim => 1;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.ge(0.0).all(-1).logical_and(value.sum(-1).le(Bound(upper_bound)));
            }

            /// <summary>Reinterprets the rightmost <c>reinterpreted_batch_ndims</c> dims of a base constraint as one event.</summary>
            public class _IndependentConstraint : Constraint
            {
                /// <summary>The wrapped constraint.</summary>
                public Constraint base_constraint { get; }
                /// <summary>How many extra rightmost dims form the event.</summary>
                public int reinterpreted_batch_ndims { get; }

                /// <summary>Wraps <paramref name="base_constraint"/> (reinterpreted_batch_ndims ≥ 0).</summary>
                public _IndependentConstraint(Constraint base_constraint, int reinterpreted_batch_ndims)
                {
                    if (reinterpreted_batch_ndims < 0) throw new ArgumentException("reinterpreted_batch_ndims must be non-negative");
                    this.base_constraint = base_constraint;
                    this.reinterpreted_batch_ndims = reinterpreted_batch_ndims;
                }

                /// <inheritdoc/>
                public override bool is_discrete => base_constraint.is_discrete;
                /// <inheritdoc/>
                public override int event_dim => base_constraint.event_dim + reinterpreted_batch_ndims;
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    var result = base_constraint.check(value);
                    if (result.dim() < reinterpreted_batch_ndims)
                        throw new ArgumentException($"Expected value.dim() >= {event_dim} but got {value.dim()}");
                    long[] keep = result.shape[..(int)(result.dim() - reinterpreted_batch_ndims)];
                    return result.reshape([.. keep, -1]).all(-1);
                }
                /// <inheritdoc/>
                public override string ToString() => $"IndependentConstraint({base_constraint}, {reinterpreted_batch_ndims})";
            }

            /// <summary>Lower-triangular matrices.</summary>
            public class _LowerTriangular : Constraint
            {
                /// <inheritdoc/>
                public override int event_dim => 2;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) => value.tril().eq(value).flatten(-2).all(-1);
            }

            /// <summary>Lower-triangular matrices with a positive diagonal.</summary>
            public class _LowerCholesky : Constraint
            {
                /// <inheritdoc/>
                public override int event_dim => 2;
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    var lowerTriangular = value.tril().eq(value).flatten(-2).all(-1);
                    var positiveDiagonal = DistributionLinalg.Diagonal(value).gt(0.0).all(-1);
                    return lowerTriangular.logical_and(positiveDiagonal);
                }
            }

            /// <summary>Lower Cholesky factors of correlation matrices: also every row of unit length (within eps·n·10).</summary>
            public class _CorrCholesky : Constraint
            {
                /// <inheritdoc/>
                public override int event_dim => 2;
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    double tol = DistributionMath.Eps(value.dtype) * value.shape[^1] * 10;
                    var rowNorm = value.detach().pow(2).sum(-1).sqrt();
                    var unitRowNorm = (rowNorm - 1.0).abs().le(tol).all(-1);
                    return lower_cholesky.check(value).logical_and(unitRowNorm);
                }
            }

            /// <summary>Square matrices.</summary>
            public class _Square : Constraint
            {
                /// <inheritdoc/>
                public override int event_dim => 2;
                /// <inheritdoc/>
                public override Tensor check(Tensor value) =>
                    torch.full(value.shape[..^2], value.shape[^2] == value.shape[^1] ? 1.0 : 0.0, ScalarType.Bool, value.device);
            }

            /// <summary>Symmetric matrices (isclose to the transpose, atol 1e-6); non-square batches fail the square check.</summary>
            public class _Symmetric : _Square
            {
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    var square = base.check(value);
                    if (!AllTrue(square)) return square;
                    var t = value.transpose(-2, -1);
                    return (value - t).abs().le(1e-6 + 1e-5 * t.abs()).logical_or(value.eq(t)).all(-2).all(-1);
                }
            }

            /// <summary>Symmetric positive-semidefinite matrices (eigenvalues ≥ 0); when any matrix is not symmetric the symmetric check is returned, as in PyTorch.</summary>
            public class _PositiveSemiDefinite : _Symmetric
            {
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    var symmetric = base.check(value);
                    if (!AllTrue(symmetric)) return symmetric;
                    using (no_grad()) return torch.linalg.eigvalsh(value.detach()).ge(0.0).all(-1);
                }

                /// <summary>PyTorch's repr: <c>PositiveSemidefinite()</c>.</summary>
                public override string ToString() => "PositiveSemidefinite()";
            }

            /// <summary>Symmetric positive-definite matrices (a Cholesky factor exists); when any matrix is not symmetric the symmetric check is returned, as in PyTorch.</summary>
            public class _PositiveDefinite : _Symmetric
            {
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    var symmetric = base.check(value);
                    if (!AllTrue(symmetric)) return symmetric;
                    using (no_grad())
                    {
                        // A Cholesky factor exists exactly when every pivot is positive (cholesky_ex's info == 0).
                        var pivots = DistributionLinalg.Diagonal(DistributionLinalg.Cholesky(value.detach()));
                        return pivots.gt(0.0).all(-1);
                    }
                }
            }

            /// <summary>Applies a sequence of constraints to consecutive slices along <c>dim</c> (compatible with <c>torch.cat</c>).</summary>
            public class _Cat : Constraint
            {
                /// <summary>The constraints, one per slice.</summary>
                public IReadOnlyList<Constraint> cseq { get; }
                /// <summary>The length of each slice.</summary>
                public IReadOnlyList<long> lengths { get; }
                /// <summary>The dim the slices are taken along.</summary>
                public long dim { get; }

                /// <summary>Slices of <paramref name="lengths"/> (default 1 each) along <paramref name="dim"/>.</summary>
                public _Cat(IEnumerable<Constraint> cseq, long dim = 0, IEnumerable<long>? lengths = null)
                {
                    this.cseq = cseq.ToList();
                    this.lengths = lengths?.ToList() ?? Enumerable.Repeat(1L, this.cseq.Count).ToList();
                    if (this.lengths.Count != this.cseq.Count) throw new ArgumentException("cseq and lengths must have the same length");
                    this.dim = dim;
                }

                /// <inheritdoc/>
                public override bool is_discrete => cseq.Any(c => c.is_discrete);
                /// <inheritdoc/>
                public override int event_dim => cseq.Max(c => c.event_dim);
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    if (dim < -value.dim() || dim >= value.dim()) throw new ArgumentException($"dim {dim} is out of range for a {value.dim()}-dim value");
                    var checks = new List<Tensor>();
                    long start = 0;
                    for (int i = 0; i < cseq.Count; i++)
                    {
                        checks.Add(cseq[i].check(value.narrow(dim, start, lengths[i])));
                        start += lengths[i];
                    }
                    return torch.cat(checks, dim);
                }
            }

            /// <summary>Applies a sequence of constraints to the slices along <c>dim</c> (compatible with <c>torch.stack</c>).</summary>
            public class _Stack : Constraint
            {
                /// <summary>The constraints, one per index along <see cref="dim"/>.</summary>
                public IReadOnlyList<Constraint> cseq { get; }
                /// <summary>The stacking dim.</summary>
                public long dim { get; }

                /// <summary>One constraint per index along <paramref name="dim"/>.</summary>
                public _Stack(IEnumerable<Constraint> cseq, long dim = 0) { this.cseq = cseq.ToList(); this.dim = dim; }

                /// <inheritdoc/>
                public override bool is_discrete => cseq.Any(c => c.is_discrete);
                /// <inheritdoc/>
                public override int event_dim
                {
                    get
                    {
                        int d = cseq.Max(c => c.event_dim);
                        return dim + d < 0 ? d + 1 : d;
                    }
                }
                /// <inheritdoc/>
                public override Tensor check(Tensor value)
                {
                    if (dim < -value.dim() || dim >= value.dim()) throw new ArgumentException($"dim {dim} is out of range for a {value.dim()}-dim value");
                    long n = value.shape[dim < 0 ? dim + value.dim() : dim];
                    var checks = Enumerable.Range(0, (int)Math.Min(n, cseq.Count)).Select(i => cseq[i].check(value.select(dim, i))).ToList();
                    return torch.stack(checks, dim);
                }
            }

            private static bool AllTrue(Tensor t) => t.numel() == 0 || t.all().item<bool>();

            /// <summary>A constraint that depends on other parameters; never checked.</summary>
            public static readonly _Dependent dependent = new();
            /// <summary>Any real number (not NaN).</summary>
            public static readonly _Real real = new();
            /// <summary>Real vectors (event_dim 1).</summary>
            public static readonly _IndependentConstraint real_vector = new(real, 1);
            /// <summary>0 or 1.</summary>
            public static readonly _Boolean boolean = new();
            /// <summary>One-hot vectors.</summary>
            public static readonly _OneHot one_hot = new();
            /// <summary>x &gt; 0.</summary>
            public static readonly _GreaterThan positive = new(0.0);
            /// <summary>x ≥ 0.</summary>
            public static readonly _GreaterThanEq nonnegative = new(0.0);
            /// <summary>[0, 1].</summary>
            public static readonly _Interval unit_interval = new(0.0, 1.0);
            /// <summary>Integers ≥ 0.</summary>
            public static readonly _IntegerGreaterThan nonnegative_integer = new(0L);
            /// <summary>Integers ≥ 1.</summary>
            public static readonly _IntegerGreaterThan positive_integer = new(1L);
            /// <summary>Non-negative vectors summing to 1 over the last dim.</summary>
            public static readonly _Simplex simplex = new();
            /// <summary>Lower-triangular matrices.</summary>
            public static readonly _LowerTriangular lower_triangular = new();
            /// <summary>Lower-triangular matrices with a positive diagonal.</summary>
            public static readonly _LowerCholesky lower_cholesky = new();
            /// <summary>Cholesky factors of correlation matrices.</summary>
            public static readonly _CorrCholesky corr_cholesky = new();
            /// <summary>Square matrices.</summary>
            public static readonly _Square square = new();
            /// <summary>Symmetric matrices.</summary>
            public static readonly _Symmetric symmetric = new();
            /// <summary>Symmetric positive-semidefinite matrices.</summary>
            public static readonly _PositiveSemiDefinite positive_semidefinite = new();
            /// <summary>Symmetric positive-definite matrices.</summary>
            public static readonly _PositiveDefinite positive_definite = new();

            /// <summary>x &gt; lower_bound (a number or a tensor).</summary>
            public static _GreaterThan greater_than(object lower_bound) => new(lower_bound);
            /// <summary>x ≥ lower_bound.</summary>
            public static _GreaterThanEq greater_than_eq(object lower_bound) => new(lower_bound);
            /// <summary>x &lt; upper_bound.</summary>
            public static _LessThan less_than(object upper_bound) => new(upper_bound);
            /// <summary>[lower_bound, upper_bound].</summary>
            public static _Interval interval(object lower_bound, object upper_bound) => new(lower_bound, upper_bound);
            /// <summary>[lower_bound, upper_bound).</summary>
            public static _HalfOpenInterval half_open_interval(object lower_bound, object upper_bound) => new(lower_bound, upper_bound);
            /// <summary>Integers in [lower_bound, upper_bound].</summary>
            public static _IntegerInterval integer_interval(object lower_bound, object upper_bound) => new(lower_bound, upper_bound);
            /// <summary>Non-negative integer vectors whose sum is at most upper_bound.</summary>
            public static _Multinomial multinomial(object upper_bound) => new(upper_bound);
            /// <summary>Reinterprets the rightmost <paramref name="reinterpreted_batch_ndims"/> dims as one event.</summary>
            public static _IndependentConstraint independent(Constraint base_constraint, int reinterpreted_batch_ndims) => new(base_constraint, reinterpreted_batch_ndims);
            /// <summary>Constraints applied to consecutive slices along <paramref name="dim"/>.</summary>
            public static _Cat cat(IEnumerable<Constraint> cseq, long dim = 0, IEnumerable<long>? lengths = null) => new(cseq, dim, lengths);
            /// <summary>Constraints applied to the slices along <paramref name="dim"/>.</summary>
            public static _Stack stack(IEnumerable<Constraint> cseq, long dim = 0) => new(cseq, dim);
        }
    }
}
