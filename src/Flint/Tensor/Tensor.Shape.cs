using Flint.Ops;

namespace Flint;

// Thin forwards: the rules, kernels and backward formulas live in Ops/Shape.cs.
public static partial class torch
{
    public partial class Tensor
    {

        /// <summary>The same data with a new shape (one dim may be -1); fails when the strides do not allow it.</summary>
        public Tensor view(params long[] shape) => this.View(shape);

        /// <summary>A view with the same shape as <paramref name="other"/>.</summary>
        public Tensor view_as(Tensor other) => view(other.Shape);

        /// <summary>A new shape; a view when the layout allows, else a copy.</summary>
        public Tensor reshape(params long[] shape) => this.Reshape(shape);

        /// <summary>Reshapes like <paramref name="other"/>.</summary>
        public Tensor reshape_as(Tensor other) => reshape(other.Shape);

        /// <summary>Merges dims start..end into one.</summary>
        public Tensor flatten(long start_dim = 0, long end_dim = -1) => this.Flatten(start_dim, end_dim);

        /// <summary>Undoes a flatten of one dim into <paramref name="sizes"/>.</summary>
        public Tensor unflatten(long dim, long[] sizes) => this.Unflatten(dim, sizes);

        /// <summary>Removes all size-1 dims.</summary>
        public Tensor squeeze() => this.Squeeze();

        /// <summary>Removes dim <paramref name="dim"/> if its size is 1.</summary>
        public Tensor squeeze(long dim) => this.Squeeze(dim);

        /// <summary>Inserts a size-1 dim at <paramref name="dim"/>.</summary>
        public Tensor unsqueeze(long dim) => this.Unsqueeze(dim);

        /// <summary>Reorders the dims.</summary>
        public Tensor permute(params long[] dims) => this.Permute(dims);

        /// <summary>Swaps two dims (a view).</summary>
        public Tensor transpose(long dim0, long dim1) => this.Transpose(dim0, dim1);

        /// <summary>Swaps two dims (alias of transpose).</summary>
        public Tensor swapaxes(long dim0, long dim1) => transpose(dim0, dim1);

        /// <summary>The transpose of a matrix (a 0-D or 1-D tensor is returned as is).</summary>
        public Tensor t() => this.MatrixTranspose();

        /// <summary>All dims reversed (<c>x.T</c>).</summary>
        public Tensor T
        {
            get
            {
                var dims = new long[Shape.Length];
                for (int i = 0; i < dims.Length; i++) dims[i] = dims.Length - 1 - i;
                return Shape.Length == 2 ? t() : permute(dims);
            }
        }

        /// <summary>The matrix transpose of the last two dims (<c>x.mT</c>).</summary>
        public Tensor mT => transpose(-2, -1);

        /// <summary>A broadcast view: size-1 dims repeat without copying; -1 keeps a size.</summary>
        public Tensor expand(params long[] sizes) => this.Expand(sizes);

        /// <summary>PyTorch's legacy type name used in some messages: "FloatTensor", "LongTensor".</summary>
        internal string LegacyTypeName => dtype switch
        {
            ScalarType.Int8 => "CharTensor",
            ScalarType.BFloat16 => "BFloat16Tensor",
            var t => DTypes.ShortName(t) + "Tensor",
        };

        /// <summary>Expands to the shape of <paramref name="other"/>.</summary>
        public Tensor expand_as(Tensor other) => expand(other.Shape);

        /// <summary>Repeats the whole tensor along each dim (a copy).</summary>
        public Tensor repeat(params long[] repeats) => this.Repeat(repeats);

        /// <summary>Elements start..start+length-1 of one dim (a view).</summary>
        public Tensor narrow(long dim, long start, long length) => this.Narrow(dim, start, length);

        /// <summary>The sub-tensor at <paramref name="index"/> of one dim, removing that dim (a view).</summary>
        public Tensor select(long dim, long index) => this.Select(dim, index);

        /// <summary>Splits into chunks of <paramref name="split_size"/> along a dim (views).</summary>
        public Tensor[] split(long split_size, long dim = 0) => this.Split(split_size, dim);

        /// <summary>Splits into pieces of the given sizes along a dim (views).</summary>
        public Tensor[] split(long[] split_sizes, long dim = 0) => this.Split(split_sizes, dim);

        /// <summary>Splits into <paramref name="chunks"/> nearly equal pieces along a dim (views).</summary>
        public Tensor[] chunk(long chunks, long dim = 0) => this.Chunk(chunks, dim);

        /// <summary>Removes a dim, returning the slices along it (views sharing one UnbindBackward0 node).</summary>
        public Tensor[] unbind(long dim = 0) => this.Unbind(dim);
    }
}
