using Flint.Ops;

namespace Flint;

public static partial class torch
{
    /// <summary>Joins tensors along an existing dim (dtypes promote, as in PyTorch).</summary>
    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => Joining.Cat(tensors, dim);

    /// <summary>Joins tensors along a new dim.</summary>
    public static Tensor stack(IList<Tensor> tensors, long dim = 0) => Joining.Stack(tensors, dim);

    /// <summary>Elementwise choice: x where condition is true, else y.</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => Pointwise.Where(condition, x, y);

    /// <summary>Matrix product of two 2-D tensors.</summary>
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);
    /// <summary>PyTorch's general matrix product.</summary>
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    /// <summary>Batched matrix product.</summary>
    public static Tensor bmm(Tensor input, Tensor mat2) => input.bmm(mat2);
    /// <summary>Inner product of 1-D tensors.</summary>
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);
    /// <summary>Matrix-vector product.</summary>
    public static Tensor mv(Tensor input, Tensor vec) => input.mv(vec);
    /// <summary>Outer product.</summary>
    public static Tensor outer(Tensor input, Tensor vec2) => input.outer(vec2);
    /// <summary>Swaps two dims.</summary>
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    /// <summary>Matrix transpose.</summary>
    public static Tensor t(Tensor input) => input.t();
    /// <summary>Reshapes.</summary>
    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);
    /// <summary>Flattens dims.</summary>
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
    /// <summary>Reorders dims.</summary>
    public static Tensor permute(Tensor input, params long[] dims) => input.permute(dims);
    /// <summary>Removes size-1 dims.</summary>
    public static Tensor squeeze(Tensor input) => input.squeeze();
    /// <summary>Adds a size-1 dim.</summary>
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);
    /// <summary>Sum of all elements.</summary>
    public static Tensor sum(Tensor input) => input.sum();
    /// <summary>Mean of all elements.</summary>
    public static Tensor mean(Tensor input) => input.mean();
    /// <summary>Largest element.</summary>
    public static Tensor max(Tensor input) => input.max();
    /// <summary>Smallest element.</summary>
    public static Tensor min(Tensor input) => input.min();
    /// <summary>Index of the largest element.</summary>
    public static Tensor argmax(Tensor input) => input.argmax();
    /// <summary>Largest values along <paramref name="dim"/> and their indices, as <c>torch.max(x, 1)</c>.</summary>
    public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    /// <summary>Smallest values along <paramref name="dim"/> and their indices, as <c>torch.min(x, 1)</c>.</summary>
    public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    /// <summary>Indices of the largest values along <paramref name="dim"/>, as <c>torch.argmax(x, 1)</c>.</summary>
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    /// <summary>Indices of the smallest values along <paramref name="dim"/>, as <c>torch.argmin(x, 1)</c>.</summary>
    public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => input.argmin(dim, keepdim);
    /// <summary>Index of the smallest element.</summary>
    public static Tensor argmin(Tensor input) => input.argmin();
    /// <summary>Elementwise maximum.</summary>
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    /// <summary>Elementwise minimum.</summary>
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    /// <summary>Clamps into [min, max].</summary>
    public static Tensor clamp(Tensor input, double? min = null, double? max = null) => input.clamp(min, max);
    /// <summary>max(x, 0).</summary>
    public static Tensor relu(Tensor input) => input.relu();
    /// <summary>Logistic sigmoid.</summary>
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    /// <summary>Hyperbolic tangent.</summary>
    public static Tensor tanh(Tensor input) => input.tanh();
    /// <summary>e^x.</summary>
    public static Tensor exp(Tensor input) => input.exp();
    /// <summary>Natural log.</summary>
    public static Tensor log(Tensor input) => input.log();
    /// <summary>Square root.</summary>
    public static Tensor sqrt(Tensor input) => input.sqrt();
    /// <summary>Absolute value.</summary>
    public static Tensor abs(Tensor input) => input.abs();
    /// <summary>Power with a scalar exponent.</summary>
    public static Tensor pow(Tensor input, double exponent) => input.pow(exponent);
    /// <summary>Power with a tensor exponent.</summary>
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    /// <summary>A floating scalar raised to a tensor of exponents (<c>torch.pow(2.0, t)</c>).</summary>
    public static Tensor pow(double self, Tensor exponent) => WrappedScalar(self).pow(exponent);
    /// <summary>An integer scalar raised to a tensor of exponents (integer tensors stay integral).</summary>
    public static Tensor pow(long self, Tensor exponent) => WrappedScalar(self).pow(exponent);
    /// <summary>Elementwise sum.</summary>
    public static Tensor add(Tensor input, Tensor other, double alpha = 1) => input.add(other, alpha);
    /// <summary>Elementwise difference.</summary>
    public static Tensor sub(Tensor input, Tensor other, double alpha = 1) => input.sub(other, alpha);
    /// <summary>Elementwise product.</summary>
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    /// <summary>Elementwise true division.</summary>
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    /// <summary>Elementwise equality.</summary>
    public static Tensor eq(Tensor input, Tensor other) => input.eq(other);
    /// <summary>Same shape and elements.</summary>
    public static bool equal(Tensor input, Tensor other) => input.equal(other);
    /// <summary>All elements close.</summary>
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) => input.allclose(other, rtol, atol, equal_nan);
    /// <summary>Picks entries along a dim.</summary>
    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
    /// <summary>Gathers along a dim.</summary>
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    /// <summary>A copy with a value where the mask is true.</summary>
    public static Tensor masked_fill(Tensor input, Tensor mask, double value) => input.masked_fill(mask, value);
    /// <summary>Splits into chunks.</summary>
    public static Tensor[] split(Tensor input, long split_size, long dim = 0) => input.split(split_size, dim);
    /// <summary>Splits into n pieces.</summary>
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);
    /// <summary>Indices of non-zero elements.</summary>
    public static Tensor nonzero(Tensor input) => input.nonzero();
}
