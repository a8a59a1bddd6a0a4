using Flint.Ops;

namespace Flint;

// Thin forwards: the reductions' rules, kernels and backward formulas live in Ops/Reductions.cs.
public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Sum of all elements (integers sum to int64).</summary>
        public Tensor sum(ScalarType? dtype = null) => this.SumImpl(null, false, dtype);
        /// <summary>Sum over one dim.</summary>
        public Tensor sum(long dim, bool keepdim = false, ScalarType? dtype = null) => this.SumImpl([dim], keepdim, dtype);
        /// <summary>Sum over one dim. This <c>int</c> overload makes <c>sum(0)</c> mean dim 0: C# would otherwise convert the literal 0 to a dtype.</summary>
        public Tensor sum(int dim, bool keepdim = false, ScalarType? dtype = null) => this.SumImpl([dim], keepdim, dtype);
        /// <summary>Sum over several dims.</summary>
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? dtype = null) => this.SumImpl(dim, keepdim, dtype);
        /// <summary>Mean of all elements (floating tensors only, as in PyTorch).</summary>
        public Tensor mean(ScalarType? dtype = null) => this.MeanImpl(null, false, dtype);
        /// <summary>Mean over one dim.</summary>
        public Tensor mean(long dim, bool keepdim = false, ScalarType? dtype = null) => this.MeanImpl([dim], keepdim, dtype);
        /// <summary>Mean over one dim (the <c>int</c> overload keeps <c>mean(0)</c> from binding to the dtype overload).</summary>
        public Tensor mean(int dim, bool keepdim = false, ScalarType? dtype = null) => this.MeanImpl([dim], keepdim, dtype);
        /// <summary>Mean over several dims.</summary>
        public Tensor mean(long[] dim, bool keepdim = false, ScalarType? dtype = null) => this.MeanImpl(dim, keepdim, dtype);
        /// <summary>Product of all elements.</summary>
        public Tensor prod(ScalarType? dtype = null) => dtype is { } d ? to(d).ProdImpl(null, false) : this.ProdImpl(null, false);
        /// <summary>Product over one dim.</summary>
        public Tensor prod(long dim, bool keepdim = false) => this.ProdImpl([dim], keepdim);
        /// <summary>Product over one dim (the <c>int</c> overload keeps <c>prod(0)</c> from binding to the dtype overload).</summary>
        public Tensor prod(int dim, bool keepdim = false) => this.ProdImpl([dim], keepdim);
        /// <summary>The largest element (NaN if any).</summary>
        public Tensor max() => this.ExtremeAll(true);
        /// <summary>The smallest element (NaN if any).</summary>
        public Tensor min() => this.ExtremeAll(false);
        /// <summary>Largest values along a dim and their indices.</summary>
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => this.ExtremeDim(dim, keepdim, true);
        /// <summary>Smallest values along a dim and their indices.</summary>
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => this.ExtremeDim(dim, keepdim, false);
        /// <summary>Elementwise maximum with another tensor (alias of <see cref="maximum"/>).</summary>
        public Tensor max(Tensor other) => maximum(other);
        /// <summary>Elementwise minimum with another tensor (alias of <see cref="minimum"/>).</summary>
        public Tensor min(Tensor other) => minimum(other);
        /// <summary>Largest values over dims (no indices).</summary>
        public Tensor amax(long dim, bool keepdim = false) => this.AExtreme(dim, keepdim, true);
        /// <summary>Smallest values over dims (no indices).</summary>
        public Tensor amin(long dim, bool keepdim = false) => this.AExtreme(dim, keepdim, false);
        /// <summary>Index of the largest element of the flattened tensor.</summary>
        public Tensor argmax() => this.ExtremeImpl(null, false, true, "argmax").indices;
        /// <summary>Index of the smallest element of the flattened tensor.</summary>
        public Tensor argmin() => this.ExtremeImpl(null, false, false, "argmin").indices;
        /// <summary>Indices of the largest values along a dim.</summary>
        public Tensor argmax(long dim, bool keepdim = false) => this.ExtremeImpl([dim], keepdim, true, "argmax").indices;
        /// <summary>Indices of the smallest values along a dim.</summary>
        public Tensor argmin(long dim, bool keepdim = false) => this.ExtremeImpl([dim], keepdim, false, "argmin").indices;
        /// <summary>Variance of all elements (Bessel-corrected by default).</summary>
        public Tensor var(bool unbiased = true) => this.VarImpl(null, false, unbiased ? 1 : 0);
        /// <summary>Variance along a dim.</summary>
        public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => this.VarImpl([dim], keepdim, unbiased ? 1 : 0);
        /// <summary>Variance over dims.</summary>
        public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false) => this.VarImpl(dim, keepdim, unbiased ? 1 : 0);
        /// <summary>Standard deviation of all elements.</summary>
        public Tensor std(bool unbiased = true) => this.VarImpl(null, false, unbiased ? 1 : 0, std: true);
        /// <summary>Standard deviation along a dim.</summary>
        public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => this.VarImpl([dim], keepdim, unbiased ? 1 : 0, std: true);
        /// <summary>Standard deviation over dims.</summary>
        public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => this.VarImpl(dim, keepdim, unbiased ? 1 : 0, std: true);
        /// <summary>The p-norm of all elements (p = 2 by default; p = ∞ is the largest magnitude).</summary>
        public Tensor norm(double p = 2) => this.NormImpl(p, null, false);
        /// <summary>The p-norm along dims.</summary>
        public Tensor norm(double p, long[] dim, bool keepdim = false) => this.NormImpl(p, dim, keepdim);
        /// <summary>The p-norm along a dim.</summary>
        public Tensor norm(long dim, double p = 2, bool keepdim = false) => this.NormImpl(p, [dim], keepdim);
        /// <summary>True when every element is non-zero.</summary>
        public Tensor all() => this.AllAny(null, false, true);
        /// <summary>True when any element is non-zero.</summary>
        public Tensor any() => this.AllAny(null, false, false);
        /// <summary>All along a dim.</summary>
        public Tensor all(long dim, bool keepdim = false) => this.AllAny([dim], keepdim, true);
        /// <summary>Any along a dim.</summary>
        public Tensor any(long dim, bool keepdim = false) => this.AllAny([dim], keepdim, false);
        /// <summary>The number of non-zero elements (along a dim when given).</summary>
        public Tensor count_nonzero(long? dim = null) => dim is { } d ? ne(0.0).SumImpl([d], false, null) : ne(0.0).SumImpl(null, false, null);
    }
}
