using System.Globalization;

namespace Flint;

public static partial class torch
{
    public static partial class distributions
    {
        /// <summary>
        /// PyTorch's <c>torch.distributions.constraints</c>: the sets parameters and samples must lie in. <c>check</c>
        /// returns a bool tensor over the batch (event dims reduced), and the reprs are PyTorch's, so validation
        /// messages read as PyTorch's.
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

                /// <summary>PyTorch's repr, e.g. <c>GreaterThan(lower_bound=0.0)</c>.</summary>
                public abstract override string ToString();
            }

            /// <summary>Python's str of a bound: a float as <c>0.0</c>, an integer as <c>0</c>, a tensor as its print.</summary>
            internal static string Py(object bound) => bound switch
            {
                double d when double.IsPositiveInfinity(d) => "inf",
                double d when double.IsNegativeInfinity(d) => "-inf",
                double d when d == Math.Floor(d) && Math.Abs(d) < 1e16 => d.ToString("0.0", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture),
                Tensor t => t.ToString(),
                _ => bound.ToString() ?? "",
            };

            private static Tensor Bound(object bound, Tensor like) => bound switch
            {
                Tensor t => t,
                long l => torch.WrappedScalar(l),
                double d => torch.WrappedScalar(d),
                _ => throw new ArgumentException("a bound is a number or a tensor"),
            };

            private sealed class DependentConstraint(bool discrete, int eventDim) : Constraint
            {
                public override bool is_discrete => discrete;
                public override int event_dim => eventDim;
                public override bool is_dependent => true;
                public override Tensor check(Tensor value) => throw new ArgumentException("Cannot determine validity of dependent constraint");
                public override string ToString() => "Dependent()";
            }

            private sealed class RealConstraint : Constraint
            {
                public override Tensor check(Tensor value) => value.eq(value); // false for NaN
                public override string ToString() => "Real()";
            }

            private sealed class BooleanConstraint : Constraint
            {
                public override bool is_discrete => true;
                public override Tensor check(Tensor value) => value.eq(0.0).logical_or(value.eq(1.0));
                public override string ToString() => "Boolean()";
            }

            private sealed class OneHotConstraint : Constraint
            {
                public override bool is_discrete => true;
                public override int event_dim => 1;
                public override Tensor check(Tensor value) =>
                    value.eq(0.0).logical_or(value.eq(1.0)).all(-1).logical_and(value.sum(-1).eq(1.0));
                public override string ToString() => "OneHot()";
            }

            private sealed class GreaterThanConstraint(object lower, bool inclusive) : Constraint
            {
                public override Tensor check(Tensor value) => inclusive ? value.ge(Bound(lower, value)) : value.gt(Bound(lower, value));
                public override string ToString() => (inclusive ? "GreaterThanEq" : "GreaterThan") + $"(lower_bound={Py(lower)})";
            }

            private sealed class LessThanConstraint(object upper) : Constraint
            {
                public override Tensor check(Tensor value) => value.lt(Bound(upper, value));
                public override string ToString() => $"LessThan(upper_bound={Py(upper)})";
            }

            private sealed class IntervalConstraint(object lower, object upper, bool halfOpen) : Constraint
            {
                public override Tensor check(Tensor value) =>
                    value.ge(Bound(lower, value)).logical_and(halfOpen ? value.lt(Bound(upper, value)) : value.le(Bound(upper, value)));
                public override string ToString() => (halfOpen ? "HalfOpenInterval" : "Interval") + $"(lower_bound={Py(lower)}, upper_bound={Py(upper)})";
            }

            private sealed class IntegerIntervalConstraint(object lower, object? upper) : Constraint
            {
                public override bool is_discrete => true;
                public override Tensor check(Tensor value)
                {
                    var integral = value.is_floating_point() ? value.eq(value.floor()) : value.eq(value);
                    var ok = integral.logical_and(value.ge(Bound(lower, value)));
                    return upper is null ? ok : ok.logical_and(value.le(Bound(upper, value)));
                }
                public override string ToString() => upper is null
                    ? $"IntegerGreaterThan(lower_bound={Py(lower)})"
                    : $"IntegerInterval(lower_bound={Py(lower)}, upper_bound={Py(upper)})";
            }

            private sealed class SimplexConstraint : Constraint
            {
                public override int event_dim => 1;
                public override Tensor check(Tensor value) =>
                    value.ge(0.0).all(-1).logical_and((value.sum(-1) - 1.0).abs().lt(1e-6));
                public override string ToString() => "Simplex()";
            }

            private sealed class MultinomialConstraint(object upper) : Constraint
            {
                public override bool is_discrete => true;
                public override int event_dim => 1;
                public override Tensor check(Tensor value) => value.ge(0.0).all(-1).logical_and(value.sum(-1).le(Bound(upper, value)));
                public override string ToString() => $"Multinomial(upper_bound={Py(upper)})";
            }

            private sealed class IndependentConstraint(Constraint baseConstraint, int reinterpreted) : Constraint
            {
                public override bool is_discrete => baseConstraint.is_discrete;
                public override int event_dim => baseConstraint.event_dim + reinterpreted;
                public override Tensor check(Tensor value)
                {
                    var result = baseConstraint.check(value);
                    if (result.dim() < reinterpreted)
                        throw new ArgumentException($"Expected value.dim() >= {event_dim} but got {value.dim()}");
                    long[] keep = result.Shape[..(int)(result.dim() - reinterpreted)];
                    return result.reshape([.. keep, -1]).all(-1);
                }
                public override string ToString() => $"IndependentConstraint({baseConstraint}, {reinterpreted})";
            }

            private sealed class LowerCholeskyConstraint : Constraint
            {
                public override int event_dim => 2;
                public override Tensor check(Tensor value)
                {
                    var lowerTriangular = value.tril().eq(value).flatten(-2).all(-1);
                    var positiveDiagonal = DistributionLinalg.Diagonal(value).gt(0.0).all(-1);
                    return lowerTriangular.logical_and(positiveDiagonal);
                }
                public override string ToString() => "LowerCholesky()";
            }

            private sealed class PositiveDefiniteConstraint : Constraint
            {
                public override int event_dim => 2;
                public override Tensor check(Tensor value)
                {
                    var symmetric = (value - value.transpose(-2, -1)).abs().le(1e-6 + 1e-5 * value.transpose(-2, -1).abs()).flatten(-2).all(-1);
                    using (no_grad())
                    {
                        // A Cholesky factor exists exactly when every pivot is positive (cholesky_ex's info == 0).
                        var pivots = DistributionLinalg.Diagonal(DistributionLinalg.Cholesky(value.detach()));
                        return symmetric.logical_and(pivots.gt(0.0).all(-1));
                    }
                }
                public override string ToString() => "PositiveDefinite()";
            }

            /// <summary>A constraint that depends on other parameters; never checked.</summary>
            public static readonly Constraint dependent = new DependentConstraint(false, 0);
            /// <summary>Any real number (not NaN).</summary>
            public static readonly Constraint real = new RealConstraint();
            /// <summary>Real vectors (event_dim 1).</summary>
            public static readonly Constraint real_vector = new IndependentConstraint(real, 1);
            /// <summary>0 or 1.</summary>
            public static readonly Constraint boolean = new BooleanConstraint();
            /// <summary>One-hot vectors.</summary>
            public static readonly Constraint one_hot = new OneHotConstraint();
            /// <summary>x &gt; 0.</summary>
            public static readonly Constraint positive = new GreaterThanConstraint(0.0, false);
            /// <summary>x ≥ 0.</summary>
            public static readonly Constraint nonnegative = new GreaterThanConstraint(0.0, true);
            /// <summary>[0, 1].</summary>
            public static readonly Constraint unit_interval = new IntervalConstraint(0.0, 1.0, false);
            /// <summary>Integers ≥ 0.</summary>
            public static readonly Constraint nonnegative_integer = new IntegerIntervalConstraint(0L, null);
            /// <summary>Non-negative vectors summing to 1 over the last dim.</summary>
            public static readonly Constraint simplex = new SimplexConstraint();
            /// <summary>Lower-triangular matrices with a positive diagonal.</summary>
            public static readonly Constraint lower_cholesky = new LowerCholeskyConstraint();
            /// <summary>Symmetric positive-definite matrices.</summary>
            public static readonly Constraint positive_definite = new PositiveDefiniteConstraint();

            /// <summary>x &gt; lower_bound (a number or a tensor).</summary>
            public static Constraint greater_than(object lower_bound) => new GreaterThanConstraint(lower_bound, false);
            /// <summary>x ≥ lower_bound.</summary>
            public static Constraint greater_than_eq(object lower_bound) => new GreaterThanConstraint(lower_bound, true);
            /// <summary>x &lt; upper_bound.</summary>
            public static Constraint less_than(object upper_bound) => new LessThanConstraint(upper_bound);
            /// <summary>[lower_bound, upper_bound].</summary>
            public static Constraint interval(object lower_bound, object upper_bound) => new IntervalConstraint(lower_bound, upper_bound, false);
            /// <summary>[lower_bound, upper_bound).</summary>
            public static Constraint half_open_interval(object lower_bound, object upper_bound) => new IntervalConstraint(lower_bound, upper_bound, true);
            /// <summary>Integers in [lower_bound, upper_bound].</summary>
            public static Constraint integer_interval(object lower_bound, object upper_bound) => new IntegerIntervalConstraint(lower_bound, upper_bound);
            /// <summary>Non-negative integer vectors whose sum is at most upper_bound.</summary>
            public static Constraint multinomial(object upper_bound) => new MultinomialConstraint(upper_bound);
            /// <summary>Reinterprets the rightmost <paramref name="reinterpreted_batch_ndims"/> dims as one event.</summary>
            public static Constraint independent(Constraint base_constraint, int reinterpreted_batch_ndims) => new IndependentConstraint(base_constraint, reinterpreted_batch_ndims);
        }
    }
}
