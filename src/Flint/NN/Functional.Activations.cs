using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            private static Tensor InPlaceOr(Tensor input, bool inplace, Func<Tensor, Tensor> f) => inplace ? input.copy_(f(input)) : f(input);

            /// <summary>LeakyReLU: x for x &gt; 0, else negative_slope·x.</summary>
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false) => InPlaceOr(input, inplace, x => Ops.Activations.LeakyRelu(x, negative_slope));

            /// <summary>ReLU6: min(max(0, x), 6).</summary>
            public static Tensor relu6(Tensor input, bool inplace = false) => hardtanh(input, 0.0, 6.0, inplace);

            /// <summary>Hardtanh: x clamped to [min_val, max_val] (the gradient passes strictly inside).</summary>
            public static Tensor hardtanh(Tensor input, double min_val = -1.0, double max_val = 1.0, bool inplace = false) => InPlaceOr(input, inplace, x => Ops.Activations.Hardtanh(x, min_val, max_val));

            /// <summary>Threshold: x where x &gt; threshold, else value.</summary>
            public static Tensor threshold(Tensor input, double threshold, double value, bool inplace = false) => InPlaceOr(input, inplace, x => Ops.Activations.Threshold(x, threshold, value));

            /// <summary>ELU: x for x &gt; 0, else alpha·(eˣ − 1).</summary>
            public static Tensor elu(Tensor input, double alpha = 1.0, bool inplace = false) => InPlaceOr(input, inplace, x => Ops.Activations.Elu(x, alpha, 1.0, 1.0, "EluBackward0"));

            /// <summary>CELU: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)).</summary>
            public static Tensor celu(Tensor input, double alpha = 1.0, bool inplace = false) => InPlaceOr(input, inplace, x => Ops.Activations.Elu(x, alpha, 1.0, 1.0 / alpha, "CeluBackward0"));

            /// <summary>SELU: 1.0507·ELU(x, 1.6733), the self-normalising constants.</summary>
            public static Tensor selu(Tensor input, bool inplace = false) =>
                InPlaceOr(input, inplace, x => Ops.Activations.Elu(x, 1.6732632423543772848170429916717, 1.0507009873554804934193349852946, 1.0, "EluBackward0"));

            /// <summary>Softplus: log(1 + e^(βx))/β, and x itself where βx &gt; threshold.</summary>
            public static Tensor softplus(Tensor input, double beta = 1, double threshold = 20) => Ops.Activations.Softplus(input, beta, threshold);

            /// <summary>Mish: x·tanh(softplus(x)).</summary>
            public static Tensor mish(Tensor input, bool inplace = false) => InPlaceOr(input, inplace, Ops.Activations.Mish);

            /// <summary>LogSigmoid: log σ(x), computed stably.</summary>
            public static Tensor logsigmoid(Tensor input) => Ops.Activations.LogSigmoid(input);

            /// <summary>Hardswish: x·relu6(x + 3)/6.</summary>
            public static Tensor hardswish(Tensor input, bool inplace = false) => InPlaceOr(input, inplace, Ops.Activations.Hardswish);

            /// <summary>Hardsigmoid: relu6(x + 3)/6.</summary>
            public static Tensor hardsigmoid(Tensor input, bool inplace = false) => InPlaceOr(input, inplace, Ops.Activations.Hardsigmoid);

            /// <summary>Softsign: x/(1 + |x|).</summary>
            public static Tensor softsign(Tensor input) => input / (input.abs() + 1.0);

            /// <summary>Tanhshrink: x − tanh(x).</summary>
            public static Tensor tanhshrink(Tensor input) => input - input.tanh();

            /// <summary>GLU: a·σ(b) for the two halves a, b of <paramref name="dim"/>.</summary>
            public static Tensor glu(Tensor input, long dim = -1) => Ops.Activations.Glu(input, dim);

            /// <summary>Softmin: softmax(−x) along <paramref name="dim"/>.</summary>
            public static Tensor softmin(Tensor input, long dim, ScalarType? dtype = null) => (dtype is { } dt ? input.to(dt) : input).neg().softmax(dim);

            /// <summary>PReLU: x for x &gt; 0, else weight·x, the weight broadcast along the channel dim (dim 1).</summary>
            public static Tensor prelu(Tensor input, Tensor weight) => InPlaceForwards.Prelu(input, weight);
        }
    }
}
