namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        // PyTorch's and TorchSharp's alias spellings: each forwards to the op it names, so values, dtypes,
        // errors and gradients are the target's.

        /// <summary>Alias of <see cref="abs()"/>, as <c>x.absolute()</c>.</summary>
        public Tensor absolute() => abs();

        /// <summary>Alias of <see cref="mul(Tensor)"/>, as <c>x.multiply(y)</c>.</summary>
        /// <param name="other">The other factor.</param>
        public Tensor multiply(Tensor other) => mul(other);
        /// <summary>Alias of <see cref="mul(double)"/>, as <c>x.multiply(2.0)</c>.</summary>
        /// <param name="other">The other factor.</param>
        public Tensor multiply(double other) => mul(other);
        /// <summary>Alias of <see cref="mul(long)"/>, as <c>x.multiply(2)</c>.</summary>
        /// <param name="other">The other factor.</param>
        public Tensor multiply(long other) => mul(other);
        /// <summary>Alias of <see cref="mul_(Tensor)"/>: multiplies in place and returns this tensor.</summary>
        /// <param name="other">The other factor.</param>
        public Tensor multiply_(Tensor other) => mul_(other);
        /// <summary>Alias of <see cref="mul_(double)"/>: multiplies in place and returns this tensor.</summary>
        /// <param name="other">The other factor.</param>
        public Tensor multiply_(double other) => mul_(other);
        /// <summary>Alias of <see cref="mul_(long)"/>: multiplies in place and returns this tensor.</summary>
        /// <param name="other">The other factor.</param>
        public Tensor multiply_(long other) => mul_(other);

        /// <summary>Alias of <see cref="div(Tensor)"/>, as <c>x.divide(y)</c> (true division).</summary>
        /// <param name="other">The divisor.</param>
        public Tensor divide(Tensor other) => div(other);
        /// <summary>Alias of <see cref="div(double)"/>.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor divide(double other) => div(other);
        /// <summary>Alias of <see cref="div(long)"/>.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor divide(long other) => div(other);
        /// <summary>Alias of <see cref="div_(Tensor)"/>: divides in place and returns this tensor.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor divide_(Tensor other) => div_(other);
        /// <summary>Alias of <see cref="div_(double)"/>: divides in place and returns this tensor.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor divide_(double other) => div_(other);
        /// <summary>Alias of <see cref="div_(long)"/>: divides in place and returns this tensor.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor divide_(long other) => div_(other);

        /// <summary>Alias of <see cref="div(Tensor)"/>, as <c>x.true_divide(y)</c>.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor true_divide(Tensor other) => div(other);
        /// <summary>Alias of <see cref="div(double)"/>.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor true_divide(double other) => div(other);
        /// <summary>Alias of <see cref="div(long)"/>.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor true_divide(long other) => div(other);
        /// <summary>Alias of <see cref="div_(Tensor)"/>: divides in place and returns this tensor.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor true_divide_(Tensor other) => div_(other);
        /// <summary>Alias of <see cref="div_(double)"/>: divides in place and returns this tensor.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor true_divide_(double other) => div_(other);
        /// <summary>Alias of <see cref="div_(long)"/>: divides in place and returns this tensor.</summary>
        /// <param name="other">The divisor.</param>
        public Tensor true_divide_(long other) => div_(other);

        /// <summary>Alias of <see cref="sub(Tensor, double)"/>: <c>this - alpha * other</c>.</summary>
        /// <param name="other">The subtrahend.</param>
        /// <param name="alpha">The multiplier of <paramref name="other"/>.</param>
        public Tensor subtract(Tensor other, double alpha = 1) => sub(other, alpha);
        /// <summary>Alias of <see cref="sub(double, double)"/>.</summary>
        /// <param name="other">The subtrahend.</param>
        /// <param name="alpha">The multiplier of <paramref name="other"/>.</param>
        public Tensor subtract(double other, double alpha = 1) => sub(other, alpha);
        /// <summary>Alias of <see cref="sub(long, double)"/>.</summary>
        /// <param name="other">The subtrahend.</param>
        /// <param name="alpha">The multiplier of <paramref name="other"/>.</param>
        public Tensor subtract(long other, double alpha = 1) => sub(other, alpha);
        /// <summary>Alias of <see cref="sub_(Tensor, double)"/>: subtracts in place and returns this tensor.</summary>
        /// <param name="other">The subtrahend.</param>
        /// <param name="alpha">The multiplier of <paramref name="other"/>.</param>
        public Tensor subtract_(Tensor other, double alpha = 1) => sub_(other, alpha);
        /// <summary>Alias of <see cref="sub_(double, double)"/>: subtracts in place and returns this tensor.</summary>
        /// <param name="other">The subtrahend.</param>
        /// <param name="alpha">The multiplier of <paramref name="other"/>.</param>
        public Tensor subtract_(double other, double alpha = 1) => sub_(other, alpha);
        /// <summary>Alias of <see cref="sub_(long, double)"/>: subtracts in place and returns this tensor.</summary>
        /// <param name="other">The subtrahend.</param>
        /// <param name="alpha">The multiplier of <paramref name="other"/>.</param>
        public Tensor subtract_(long other, double alpha = 1) => sub_(other, alpha);

        /// <summary>Alias of <see cref="gt(Tensor)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor greater(Tensor other) => gt(other);
        /// <summary>Alias of <see cref="gt(double)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor greater(double other) => gt(other);
        /// <summary>Alias of <see cref="ge(Tensor)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor greater_equal(Tensor other) => ge(other);
        /// <summary>Alias of <see cref="ge(double)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor greater_equal(double other) => ge(other);
        /// <summary>Alias of <see cref="lt(Tensor)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor less(Tensor other) => lt(other);
        /// <summary>Alias of <see cref="lt(double)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor less(double other) => lt(other);
        /// <summary>Alias of <see cref="le(Tensor)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor less_equal(Tensor other) => le(other);
        /// <summary>Alias of <see cref="le(double)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor less_equal(double other) => le(other);
        /// <summary>Alias of <see cref="ne(Tensor)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor not_equal(Tensor other) => ne(other);
        /// <summary>Alias of <see cref="ne(double)"/>.</summary>
        /// <param name="other">The right-hand side.</param>
        public Tensor not_equal(double other) => ne(other);

        /// <summary>Alias of <see cref="neg()"/>.</summary>
        public Tensor negative() => neg();
        /// <summary>Alias of <see cref="neg_()"/>: negates in place and returns this tensor.</summary>
        public Tensor negative_() => neg_();

        /// <summary>
        /// This tensor itself, as PyTorch's <c>x.positive()</c> (unary plus); a bool tensor throws
        /// <c>The `+` operator, on a bool tensor is not supported.</c> as PyTorch does.
        /// </summary>
        public Tensor positive() => dtype == ScalarType.Bool
            ? throw new ArgumentException("The `+` operator, on a bool tensor is not supported.")
            : this;

        /// <summary>Alias of <see cref="outer(Tensor)"/>, as <c>x.ger(y)</c>.</summary>
        /// <param name="vec2">The second vector.</param>
        public Tensor ger(Tensor vec2) => outer(vec2);

        /// <summary>The elements as a 1-D tensor, as <c>x.ravel()</c> (<c>reshape(-1)</c>: a view when the layout allows).</summary>
        public Tensor ravel() => reshape(-1);

        /// <summary>The tensor sorted along dim 0 (values only), as <c>x.msort()</c>, i.e. <c>sort(dim: 0).values</c>.</summary>
        public Tensor msort() => sort(0).values;
    }

    /// <summary>Alias of <see cref="cat"/>, as <c>torch.concat(tensors, dim)</c>.</summary>
    /// <param name="tensors">The tensors to join.</param>
    /// <param name="dim">The dim to join along.</param>
    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    /// <summary>Alias of <see cref="cat"/>, as <c>torch.concatenate(tensors, dim)</c>.</summary>
    /// <param name="tensors">The tensors to join.</param>
    /// <param name="dim">The dim to join along.</param>
    public static Tensor concatenate(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    /// <summary>Alias of <see cref="vstack(IList{Tensor})"/>, as <c>torch.row_stack(tensors)</c>.</summary>
    /// <param name="tensors">The tensors to stack.</param>
    public static Tensor row_stack(IList<Tensor> tensors) => vstack(tensors);

    /// <summary>Alias of <see cref="vstack(Tensor[])"/>, as <c>torch.row_stack(a, b)</c>.</summary>
    /// <param name="tensors">The tensors to stack.</param>
    public static Tensor row_stack(params Tensor[] tensors) => vstack(tensors);
}
