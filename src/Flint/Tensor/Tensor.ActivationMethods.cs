using Flint.Ops;

namespace Flint;

// TorchSharp's activation methods on Tensor (x.elu(), x.silu_(), ...) and the in-place comparisons (x.eq_(y), ...):
// forwards to the ops behind torch.nn.functional, the in-place forms through Ops/InPlaceForwards.cs.
public static partial class torch
{
    public partial class Tensor
    {
        private const double SeluAlpha = 1.6732632423543772848170429916717;
        private const double SeluScale = 1.0507009873554804934193349852946;

        /// <summary>CELU: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)) (as <c>F.celu</c>).</summary>
        public Tensor celu(double alpha = 1.0) => Activations.Elu(this, alpha, 1.0, 1.0 / alpha, "CeluBackward0");

        /// <summary>CELU in place.</summary>
        public Tensor celu_(double alpha = 1.0) => InPlaceForwards.Apply(this, t => t.celu(alpha));

        /// <summary>ELU: x for x &gt; 0, else alpha·(eˣ − 1) (as <c>F.elu</c>).</summary>
        public Tensor elu(double alpha = 1.0) => Activations.Elu(this, alpha, 1.0, 1.0, "EluBackward0");

        /// <summary>The general ELU: scale·x for x &gt; 0, else scale·alpha·(e^(input_scale·x) − 1) (PyTorch's <c>torch._C._nn.elu</c>).</summary>
        public Tensor elu(double alpha, double scale, double input_scale) => Activations.Elu(this, alpha, scale, input_scale, "EluBackward0");

        /// <summary>ELU in place.</summary>
        public Tensor elu_(double alpha = 1.0) => InPlaceForwards.Apply(this, t => t.elu(alpha));

        /// <summary>The general ELU in place.</summary>
        public Tensor elu_(double alpha, double scale, double input_scale) => InPlaceForwards.Apply(this, t => t.elu(alpha, scale, input_scale));

        /// <summary>GELU: x·Φ(x), exact (<paramref name="approximate"/> = "none") or the tanh approximation ("tanh").</summary>
        public Tensor gelu(string approximate = "none") => Activations.Gelu(this, approximate);

        /// <summary>GELU in place.</summary>
        public Tensor gelu_(string approximate = "none") => InPlaceForwards.Apply(this, t => t.gelu(approximate));

        /// <summary>GLU: a·σ(b) for the two halves a, b of <paramref name="dim"/>.</summary>
        public Tensor glu(long dim = -1) => Activations.Glu(this, dim);

        /// <summary>Hardsigmoid: relu6(x + 3)/6.</summary>
        public Tensor hardsigmoid() => Activations.Hardsigmoid(this);

        /// <summary>Hardsigmoid in place.</summary>
        public Tensor hardsigmoid_() => InPlaceForwards.Apply(this, Activations.Hardsigmoid);

        /// <summary>Hardswish: x·relu6(x + 3)/6.</summary>
        public Tensor hardswish() => Activations.Hardswish(this);

        /// <summary>Hardswish in place.</summary>
        public Tensor hardswish_() => InPlaceForwards.Apply(this, Activations.Hardswish);

        /// <summary>Hardtanh: x clamped to [min, max] (the gradient passes strictly inside).</summary>
        public Tensor hardtanh(double min = -1.0, double max = 1.0) => Activations.Hardtanh(this, min, max);

        /// <summary>Hardtanh in place.</summary>
        public Tensor hardtanh_(double min = -1.0, double max = 1.0) => InPlaceForwards.Apply(this, t => t.hardtanh(min, max));

        /// <summary>LeakyReLU: x for x &gt; 0, else negative_slope·x.</summary>
        public Tensor leaky_relu(double negative_slope = 0.01) => Activations.LeakyRelu(this, negative_slope);

        /// <summary>LeakyReLU in place.</summary>
        public Tensor leaky_relu_(double negative_slope = 0.01) => InPlaceForwards.Apply(this, t => t.leaky_relu(negative_slope));

        /// <summary>log σ(x), computed stably (<c>F.logsigmoid</c>).</summary>
        public Tensor log_sigmoid() => Activations.LogSigmoid(this);

        /// <summary>PReLU: x for x &gt; 0, else weight·x, the weight broadcast along the channel dim (<c>F.prelu</c>).</summary>
        public Tensor prelu(Tensor target) => InPlaceForwards.Prelu(this, target);

        /// <summary>ReLU6: min(max(0, x), 6).</summary>
        public Tensor relu6() => hardtanh(0.0, 6.0);

        /// <summary>ReLU6 in place.</summary>
        public Tensor relu6_() => hardtanh_(0.0, 6.0);

        /// <summary>SELU: 1.0507·ELU(x, 1.6733), the self-normalising constants.</summary>
        public Tensor selu() => Activations.Elu(this, SeluAlpha, SeluScale, 1.0, "EluBackward0");

        /// <summary>SELU in place.</summary>
        public Tensor selu_() => InPlaceForwards.Apply(this, t => t.selu());

        /// <summary>SiLU (swish): x·σ(x).</summary>
        public Tensor silu() => Activations.Silu(this);

        /// <summary>SiLU in place.</summary>
        public Tensor silu_() => InPlaceForwards.Apply(this, Activations.Silu);

        /// <summary>Softplus: log(1 + e^(βx))/β, and x itself where βx &gt; threshold.</summary>
        public Tensor softplus(double beta = 1, double threshold = 20) => Activations.Softplus(this, beta, threshold);

        /// <summary>Threshold: x where x &gt; threshold, else value.</summary>
        public Tensor threshold(double threshold, double value) => Activations.Threshold(this, threshold, value);

        /// <summary>Threshold in place.</summary>
        public Tensor threshold_(double threshold, double value) => InPlaceForwards.Apply(this, t => t.threshold(threshold, value));

        // ---------------------------------------------------------------- in-place comparisons

        /// <summary>In place: self = (self == other), written as 1/0 in self's dtype.</summary>
        public Tensor eq_(Tensor other) => InPlaceForwards.Compare(this, other, "EqBackward1", (a, b) => a.eq(b));

        /// <summary>In place: self = (self == other) in self's dtype.</summary>
        public Tensor eq_(double other) => InPlaceForwards.Compare(this, torch.WrappedScalar(other), "EqBackward0", (a, b) => a.eq(b));

        /// <summary>In place: self = (self != other), written as 1/0 in self's dtype.</summary>
        public Tensor ne_(Tensor other) => InPlaceForwards.Compare(this, other, "NeBackward1", (a, b) => a.ne(b));

        /// <summary>In place: self = (self != other) in self's dtype.</summary>
        public Tensor ne_(double other) => InPlaceForwards.Compare(this, torch.WrappedScalar(other), "NeBackward0", (a, b) => a.ne(b));

        /// <summary>Alias of <see cref="ne_(Tensor)"/>.</summary>
        public Tensor not_equal_(Tensor other) => ne_(other);

        /// <summary>Alias of <see cref="ne_(double)"/>.</summary>
        public Tensor not_equal_(double other) => ne_(other);

        /// <summary>In place: self = (self &gt; other), written as 1/0 in self's dtype.</summary>
        public Tensor gt_(Tensor other) => InPlaceForwards.Compare(this, other, "GtBackward1", (a, b) => a.gt(b));

        /// <summary>In place: self = (self &gt; other) in self's dtype.</summary>
        public Tensor gt_(double other) => InPlaceForwards.Compare(this, torch.WrappedScalar(other), "GtBackward0", (a, b) => a.gt(b));

        /// <summary>In place: self = (self ≥ other), written as 1/0 in self's dtype.</summary>
        public Tensor ge_(Tensor other) => InPlaceForwards.Compare(this, other, "GeBackward1", (a, b) => a.ge(b));

        /// <summary>In place: self = (self ≥ other) in self's dtype.</summary>
        public Tensor ge_(double other) => InPlaceForwards.Compare(this, torch.WrappedScalar(other), "GeBackward0", (a, b) => a.ge(b));

        /// <summary>In place: self = (self &lt; other), written as 1/0 in self's dtype.</summary>
        public Tensor lt_(Tensor other) => InPlaceForwards.Compare(this, other, "LtBackward1", (a, b) => a.lt(b));

        /// <summary>In place: self = (self &lt; other) in self's dtype.</summary>
        public Tensor lt_(double other) => InPlaceForwards.Compare(this, torch.WrappedScalar(other), "LtBackward0", (a, b) => a.lt(b));

        /// <summary>In place: self = (self ≤ other), written as 1/0 in self's dtype.</summary>
        public Tensor le_(Tensor other) => InPlaceForwards.Compare(this, other, "LeBackward1", (a, b) => a.le(b));

        /// <summary>In place: self = (self ≤ other) in self's dtype.</summary>
        public Tensor le_(double other) => InPlaceForwards.Compare(this, torch.WrappedScalar(other), "LeBackward0", (a, b) => a.le(b));

        /// <summary>Alias of <see cref="le_(Tensor)"/>.</summary>
        public Tensor less_equal_(Tensor other) => le_(other);

        /// <summary>Alias of <see cref="le_(double)"/>.</summary>
        public Tensor less_equal_(double other) => le_(other);
    }
}
