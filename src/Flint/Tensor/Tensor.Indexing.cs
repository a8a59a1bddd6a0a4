using Flint.Autograd;
using Flint.Backends;
using Flint.Ops;

namespace Flint;

// Thin forwards: the rules, kernels and backward formulas live in Ops/Indexing.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>PyTorch-style indexing: <c>x[0]</c>, <c>x[.., 1]</c>, <c>x[1..3]</c>, <c>x[mask]</c>; assignment writes in place (<c>grad_h[h &lt; 0] = 0</c>).</summary>
        public Tensor this[params TensorIndex[] indices]
        {
            get => this.Index(indices);
            set => this.IndexPut(indices, value);
        }

        /// <summary>
        /// PyTorch's <c>index_put_(indices, values, accumulate)</c>: writes <paramref name="values"/> (broadcast) at the
        /// positions the index tensors name, in place; with <paramref name="accumulate"/> adds instead, summing repeated positions.
        /// </summary>
        public Tensor index_put_(Tensor[] indices, Tensor values, bool accumulate = false)
        {
            this.IndexPut([.. indices.Select(TensorIndex.Tensor)], values, accumulate);
            return this;
        }

        /// <summary>TorchSharp's <c>index_put_(value, indices)</c>: <c>self[indices] = value</c>, in place.</summary>
        public Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            this.IndexPut(indices, value);
            return this;
        }

        /// <summary>TorchSharp's <c>index_put_(value, indices)</c> with index tensors: <c>self[i0, i1, ...] = value</c>, in place.</summary>
        public Tensor index_put_(Tensor value, params Tensor[] indices) => index_put_(indices, value);

        /// <summary>The out-of-place <see cref="index_put_(Tensor[], Tensor, bool)"/>: a copy with the values written (or added).</summary>
        public Tensor index_put(Tensor[] indices, Tensor values, bool accumulate = false) => clone().index_put_(indices, values, accumulate);

        /// <summary>Indices of non-zero elements, one row per element: shape [n, dim].</summary>
        public Tensor nonzero() => this.Nonzero();

        /// <summary>The elements where <paramref name="mask"/> is true, as a 1-D tensor.</summary>
        public Tensor masked_select(Tensor mask) => this.MaskedSelect(mask);

        /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
        public Tensor masked_fill(Tensor mask, double value) => this.MaskedFill(mask, value);

        /// <summary>Writes <paramref name="value"/> where <paramref name="mask"/> is true, in place.</summary>
        public Tensor masked_fill_(Tensor mask, double value) => !Indexing.BroadcastsTo(mask.Shape, Shape)
            ? throw new ArgumentException($"The size of tensor a ({Shapes.Str(Shape)}) must match the size of tensor b ({Shapes.Str(mask.Shape)})")
            : InPlace("masked_fill_", dtype, t => t.masked_fill(mask, value), () => Dispatcher.CopyInto(this, masked_fill(mask, value)));

        /// <summary>Picks entries along a dim by an int64 index vector.</summary>
        public Tensor index_select(long dim, Tensor index) => this.IndexSelect(dim, index);

        /// <summary>out[i][j] = self[i][index[i][j]] (for dim 1), PyTorch's gather.</summary>
        public Tensor gather(long dim, Tensor index) => this.Gather(dim, index);

        /// <summary>A copy with src values written at index positions along a dim.</summary>
        public Tensor scatter(long dim, Tensor index, Tensor src) => this.ScatterImpl(dim, index, src, false, "scatter");
        /// <summary>A copy with one value written at index positions along a dim.</summary>
        public Tensor scatter(long dim, Tensor index, double value) => this.ScatterImpl(dim, index, torch.WrappedScalar(value), false, "scatter");
        /// <summary>A copy with src values added at index positions along a dim.</summary>
        public Tensor scatter_add(long dim, Tensor index, Tensor src) => this.ScatterImpl(dim, index, src, true, "scatter_add");
        /// <summary>Writes src values at index positions along a dim, in place.</summary>
        public Tensor scatter_(long dim, Tensor index, Tensor src) => InPlace("scatter_", dtype, t => t.scatter(dim, index, src), () => Dispatcher.CopyInto(this, detach().scatter(dim, index, src.detach())), src);
        /// <summary>Writes one value at index positions along a dim, in place.</summary>
        public Tensor scatter_(long dim, Tensor index, double value) => InPlace("scatter_", dtype, t => t.scatter(dim, index, value), () => Dispatcher.CopyInto(this, detach().scatter(dim, index, value)));
        /// <summary>Adds src values at index positions along a dim, in place.</summary>
        public Tensor scatter_add_(long dim, Tensor index, Tensor src) => InPlace("scatter_add_", dtype, t => t.scatter_add(dim, index, src), () => Dispatcher.CopyInto(this, detach().scatter_add(dim, index, src.detach())), src);
    }
}
