using Flint.Autograd;
using Flint.Backends;
using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        // Thin forwards: each op's rule, kernel and backward live in Ops/Pointwise.cs.

        // ---- binary arithmetic -------------------------------------------------------------

        /// <summary>this + alpha * other, with broadcasting and type promotion (two bool tensors: logical or, as in PyTorch).</summary>
        public Tensor add(Tensor other, double alpha = 1) => Pointwise.Add(this, other, alpha);

        /// <summary>this + alpha * other for a floating scalar.</summary>
        public Tensor add(double other, double alpha = 1) => add(torch.WrappedScalar(other), alpha);

        /// <summary>this + alpha * other for an integer scalar (integer tensors stay integral).</summary>
        public Tensor add(long other, double alpha = 1) => add(torch.WrappedScalar(other), alpha);

        /// <summary>this - alpha * other.</summary>
        public Tensor sub(Tensor other, double alpha = 1) => Pointwise.Sub(this, other, alpha);

        /// <summary>this - alpha * other for a floating scalar.</summary>
        public Tensor sub(double other, double alpha = 1) => sub(torch.WrappedScalar(other), alpha);

        /// <summary>this - alpha * other for an integer scalar (integer tensors stay integral).</summary>
        public Tensor sub(long other, double alpha = 1) => sub(torch.WrappedScalar(other), alpha);

        /// <summary>Elementwise product.</summary>
        public Tensor mul(Tensor other) => Pointwise.Mul(this, other);

        /// <summary>Elementwise product with a floating scalar.</summary>
        public Tensor mul(double other) => mul(torch.WrappedScalar(other));

        /// <summary>Elementwise product with an integer scalar (integer tensors stay integral).</summary>
        public Tensor mul(long other) => mul(torch.WrappedScalar(other));

        /// <summary>True division: integer inputs give a floating result, as in PyTorch.</summary>
        public Tensor div(Tensor other) => Pointwise.Div(this, other);

        /// <summary>Division by a scalar.</summary>
        public Tensor div(double other) => div(torch.WrappedScalar(other));

        /// <summary>Division by an integer scalar.</summary>
        public Tensor div(long other) => div(torch.WrappedScalar(other));

        /// <summary>Elementwise power with a tensor exponent.</summary>
        public Tensor pow(Tensor exponent) => Pointwise.Pow(this, exponent);

        /// <summary>Elementwise power with a scalar exponent.</summary>
        public Tensor pow(double exponent) => pow(torch.WrappedScalar(exponent));

        /// <summary>Elementwise power with an integer exponent (stays integral for integer tensors).</summary>
        public Tensor pow(long exponent) => pow(torch.WrappedScalar(exponent));

        /// <summary>Elementwise maximum of two tensors (NaN propagates).</summary>
        public Tensor maximum(Tensor other) => Pointwise.MinMax<MaximumOp>(this, other, "maximum", "MaximumBackward0", max: true);

        /// <summary>Elementwise minimum of two tensors (NaN propagates).</summary>
        public Tensor minimum(Tensor other) => Pointwise.MinMax<MinimumOp>(this, other, "minimum", "MinimumBackward0", max: false);

        // ---- unary -------------------------------------------------------------------------

        /// <summary>e^x.</summary>
        public Tensor exp() => Pointwise.Exp(this);
        /// <summary>Natural logarithm.</summary>
        public Tensor log() => Pointwise.Log(this);
        /// <summary>log(1 + x), accurate near 0.</summary>
        public Tensor log1p() => Pointwise.Log1p(this);
        /// <summary>Square root.</summary>
        public Tensor sqrt() => Pointwise.Sqrt(this);
        /// <summary>1 / sqrt(x).</summary>
        public Tensor rsqrt() => Pointwise.Rsqrt(this);
        /// <summary>Sine.</summary>
        public Tensor sin() => Pointwise.Sin(this);
        /// <summary>Cosine.</summary>
        public Tensor cos() => Pointwise.Cos(this);
        /// <summary>Hyperbolic tangent.</summary>
        public Tensor tanh() => Pointwise.Tanh(this);
        /// <summary>Logistic sigmoid 1 / (1 + e^-x).</summary>
        public Tensor sigmoid() => Pointwise.Sigmoid(this);

        /// <summary>Rounds down.</summary>
        public Tensor floor() => Pointwise.Rounding<FloorOp>(this, "floor", "FloorBackward0");
        /// <summary>Rounds up.</summary>
        public Tensor ceil() => Pointwise.Rounding<CeilOp>(this, "ceil", "CeilBackward0");
        /// <summary>Rounds half to even.</summary>
        public Tensor round() => Pointwise.Rounding<RoundOp>(this, "round", "RoundBackward0");

        /// <summary>-x.</summary>
        public Tensor neg() => Pointwise.Neg(this);

        /// <summary>|x|.</summary>
        public Tensor abs() => Pointwise.Abs(this);

        /// <summary>-1, 0 or 1 by sign.</summary>
        public Tensor sign() => Pointwise.Sign(this);

        /// <summary>max(x, 0).</summary>
        public Tensor relu() => Pointwise.Relu(this);

        /// <summary>Clamps into [min, max]; either bound may be omitted.</summary>
        public Tensor clamp(double? min = null, double? max = null) => Pointwise.Clamp(this, min, max, "ClampBackward1");

        /// <summary>Clamps from below.</summary>
        public Tensor clamp_min(double min) => Pointwise.Clamp(this, min, null, "ClampMinBackward0");
        /// <summary>Clamps from above.</summary>
        public Tensor clamp_max(double max) => Pointwise.Clamp(this, null, max, "ClampMaxBackward0");

        // ---- comparisons -------------------------------------------------------------------

        /// <summary>Elementwise ==, a bool tensor.</summary>
        public Tensor eq(Tensor other) => Dispatcher.Compare<EqOp>("eq", this, other);
        /// <summary>Elementwise !=, a bool tensor.</summary>
        public Tensor ne(Tensor other) => Dispatcher.Compare<NeOp>("ne", this, other);
        /// <summary>Elementwise &lt;, a bool tensor.</summary>
        public Tensor lt(Tensor other) => Dispatcher.Compare<LtOp>("lt", this, other);
        /// <summary>Elementwise &lt;=, a bool tensor.</summary>
        public Tensor le(Tensor other) => Dispatcher.Compare<LeOp>("le", this, other);
        /// <summary>Elementwise &gt;, a bool tensor.</summary>
        public Tensor gt(Tensor other) => Dispatcher.Compare<GtOp>("gt", this, other);
        /// <summary>Elementwise &gt;=, a bool tensor.</summary>
        public Tensor ge(Tensor other) => Dispatcher.Compare<GeOp>("ge", this, other);
        /// <summary>Elementwise == with a scalar.</summary>
        public Tensor eq(double other) => eq(torch.WrappedScalar(other));
        /// <summary>Elementwise != with a scalar.</summary>
        public Tensor ne(double other) => ne(torch.WrappedScalar(other));
        /// <summary>Elementwise &lt; with a scalar.</summary>
        public Tensor lt(double other) => lt(torch.WrappedScalar(other));
        /// <summary>Elementwise &lt;= with a scalar.</summary>
        public Tensor le(double other) => le(torch.WrappedScalar(other));
        /// <summary>Elementwise &gt; with a scalar.</summary>
        public Tensor gt(double other) => gt(torch.WrappedScalar(other));
        /// <summary>Elementwise &gt;= with a scalar.</summary>
        public Tensor ge(double other) => ge(torch.WrappedScalar(other));

        /// <summary>True when both tensors have the same shape and elements.</summary>
        public bool equal(Tensor other) => Shapes.SameShape(Shape, other.Shape) && eq(other).all().item<bool>();

        /// <summary>True when all elements are close (see <see cref="isclose"/>): |a - b| &lt;= atol + rtol * |b|, equal infinities included.</summary>
        public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false)
            => Ops.MathPointwise.AllClose(this, other, rtol, atol, equal_nan);

        // ---- logical (bool tensors) --------------------------------------------------------

        /// <summary>Elementwise logical and.</summary>
        public Tensor logical_and(Tensor other) => Predicates.And(this, other);
        /// <summary>Elementwise logical or.</summary>
        public Tensor logical_or(Tensor other) => Predicates.Or(this, other);
        /// <summary>Elementwise logical exclusive or (nonzero values, NaN included, are true).</summary>
        public Tensor logical_xor(Tensor other) => Predicates.Xor(this, other);
        /// <summary>Elementwise logical not.</summary>
        public Tensor logical_not() => Predicates.Not(this);
    }
}
