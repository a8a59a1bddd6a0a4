using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The multi-class multi-label hinge loss: for each sample, Σ over its target classes j and non-target classes i of
        /// max(0, 1 − (x[j] − x[i])) / C. The target holds class indices, ended by the first −1.
        /// </summary>
        public sealed class MultiLabelMarginLoss : Loss<Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public MultiLabelMarginLoss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { }

            /// <inheritdoc/>
            public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.multilabel_margin_loss(input, target, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The multi-label margin loss.</summary>
            public static MultiLabelMarginLoss MultiLabelMarginLoss(Reduction reduction = Reduction.Mean) => new(reduction);

            public static partial class functional
            {
                /// <summary>TorchSharp's spelling of <see cref="multilabel_margin_loss"/>.</summary>
                public static Tensor multi_label_margin_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => multilabel_margin_loss(input, target, reduction);

                /// <summary>
                /// Σ_j Σ_{i not a target} max(0, 1 − (x[y_j] − x[i])) / C per sample of a (C) or (N, C) input, with int64 targets of
                /// the input's shape listing class indices up to the first −1; reduced over the samples. The target indices are
                /// read on the host.
                /// </summary>
                public static Tensor multilabel_margin_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
                {
                    long ndims = input.dim();
                    if (!((ndims == 2 && input.size(1) != 0) || (ndims == 1 && input.size(0) != 0) || ndims == 0))
                        throw new ArgumentException($"Expected non-empty vector or matrix with optional 0-dim batch size, but got: {Shapes.Str(input.shape)}");
                    long n = ndims <= 1 ? 1 : input.size(0), c = ndims == 0 ? 1 : input.size(ndims - 1);
                    bool consistent = ndims <= 1 ? target.dim() <= 1 && target.numel() == c
                        : target.dim() == 2 && target.size(0) == n && target.size(1) == c;
                    if (!consistent) throw new ArgumentException($"inconsistent target size: {Shapes.Str(target.shape)} for input of size: {Shapes.Str(input.shape)}");
                    if (target.dtype != ScalarType.Int64)
                        throw new ArgumentException($"expected scalar type Long but found {DTypes.ShortName(target.dtype)}");
                    var t = target.data<long>();
                    // slot[n, j] = the j-th target class (0 where the list has ended); valid[n, j, i] = slot j is a target and i is not
                    var slots = new long[n * c];
                    var valid = new double[n * c * c];
                    for (long s = 0; s < n; s++)
                    {
                        var isTarget = new bool[c];
                        long count = 0;
                        for (; count < c; count++)
                        {
                            long y = t[s * c + count];
                            if (y < 0) break;
                            if (y >= c) throw new ArgumentException($"multilabel_margin_loss: target index {y} is out of bounds for {c} classes");
                            isTarget[y] = true;
                            slots[s * c + count] = y;
                        }
                        for (long j = 0; j < count; j++)
                            for (long i = 0; i < c; i++)
                                if (!isTarget[i]) valid[(s * c + j) * c + i] = 1;
                    }
                    var x = input.reshape(n, c);
                    var picked = x.gather(1, tensor(slots, [n, c], ScalarType.Int64, input.device));            // (N, J)
                    var hinge = (1 - picked.unsqueeze(2) + x.unsqueeze(1)).clamp_min(0);                       // (N, J, C)
                    var mask = tensor(valid, [n, c, c], ScalarType.Float64, input.device).to(input.dtype);
                    var loss = (hinge * mask).sum([1L, 2L]) / (double)c;
                    if (ndims <= 1) loss = loss.reshape([]);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}
