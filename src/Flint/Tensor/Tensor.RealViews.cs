using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>PyTorch's <c>conj()</c>: a real tensor is its own conjugate, so this returns the tensor itself.</summary>
        public Tensor conj() => this;

        /// <summary>PyTorch's <c>conj_physical()</c>: the tensor itself for a real dtype.</summary>
        public Tensor conj_physical() => this;

        /// <summary>PyTorch's <c>conj_physical_()</c>: nothing to do in place for a real dtype; returns the tensor.</summary>
        public Tensor conj_physical_() => this;

        /// <summary>PyTorch's <c>resolve_conj()</c>: Flint never sets a conjugate bit, so this is the tensor itself.</summary>
        public Tensor resolve_conj() => this;

        /// <summary>PyTorch's <c>resolve_neg()</c>: Flint never sets a negative bit, so this is the tensor itself.</summary>
        public Tensor resolve_neg() => this;

        /// <summary>PyTorch's <c>is_conj()</c>: always false (no lazy conjugation on real tensors).</summary>
        public bool is_conj() => false;

        /// <summary>PyTorch's <c>is_neg()</c>: always false (no lazy negation).</summary>
        public bool is_neg() => false;

        /// <summary>PyTorch's <c>real</c>: the tensor itself for a real dtype.</summary>
        public Tensor real => this;

        /// <summary>PyTorch's <c>imag</c>: real tensors have none; throws PyTorch's error.</summary>
        public Tensor imag => RealViews.Imag(this);

        /// <summary>PyTorch's <c>angle()</c> of real numbers: π where the value is negative, 0 elsewhere, NaN for NaN; integer inputs give the default float dtype.</summary>
        public Tensor angle() => RealViews.Angle(this);

        /// <summary>PyTorch's <c>is_quantized</c>: false (Flint has no quantized dtypes).</summary>
        public bool is_quantized => false;

        /// <summary>PyTorch's <c>is_sparse</c>: false (Flint's tensors are strided).</summary>
        public bool is_sparse => false;

        /// <summary>PyTorch's <c>to_dense()</c>: a strided tensor is already dense; returns the tensor itself.</summary>
        public Tensor to_dense() => this;

        /// <summary>PyTorch's <c>has_names()</c>: false (Flint's dimensions are unnamed).</summary>
        public bool has_names() => false;
    }

    /// <summary><c>torch.conj(input)</c>: the input itself for a real dtype.</summary>
    public static Tensor conj(Tensor input) => input.conj();

    /// <summary><c>torch.conj_physical(input)</c>: the input itself for a real dtype.</summary>
    public static Tensor conj_physical(Tensor input) => input.conj_physical();

    /// <summary><c>torch.conj_physical_(input)</c>: the input itself for a real dtype.</summary>
    public static Tensor conj_physical_(Tensor input) => input.conj_physical_();

    /// <summary><c>torch.resolve_conj(input)</c>: the input itself.</summary>
    public static Tensor resolve_conj(Tensor input) => input.resolve_conj();

    /// <summary><c>torch.resolve_neg(input)</c>: the input itself.</summary>
    public static Tensor resolve_neg(Tensor input) => input.resolve_neg();

    /// <summary><c>torch.is_conj(input)</c>: false.</summary>
    public static bool is_conj(Tensor input) => input.is_conj();

    /// <summary><c>torch.is_neg(input)</c>: false.</summary>
    public static bool is_neg(Tensor input) => input.is_neg();

    /// <summary><c>torch.real(input)</c>: the input itself for a real dtype.</summary>
    public static Tensor real(Tensor input) => input.real;

    /// <summary><c>torch.imag(input)</c>: throws PyTorch's error for a real dtype.</summary>
    public static Tensor imag(Tensor input) => input.imag;

    /// <summary><c>torch.angle(input)</c>: π for negative values, 0 otherwise, NaN for NaN.</summary>
    public static Tensor angle(Tensor input) => input.angle();

    /// <summary><c>torch.is_quantized(input)</c>: false.</summary>
    public static bool is_quantized(Tensor input) => input.is_quantized;
}
