namespace Flint;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>PyTorch's <c>TensorDataset</c>: sample i is the i-th slice (along dim 0) of every tensor.</summary>
            public sealed class TensorDataset : Dataset<Tensor[]>
            {
                private readonly Tensor[] _tensors;

                /// <summary>Wraps tensors that share their first dimension.</summary>
                public TensorDataset(params Tensor[] tensors)
                {
                    if (tensors.Length == 0) throw new ArgumentException("TensorDataset needs at least one tensor");
                    foreach (var t in tensors)
                    {
                        if (t.dim() == 0 || t.shape[0] != tensors[0].shape[0])
                            throw new ArgumentException("Size mismatch between tensors");
                    }
                    _tensors = tensors;
                }

                /// <summary>The wrapped tensors.</summary>
                public IReadOnlyList<Tensor> tensors => _tensors;

                /// <inheritdoc/>
                public override long Count => _tensors[0].shape[0];

                /// <inheritdoc/>
                public override Tensor[] this[long index] => Array.ConvertAll(_tensors, t => t[index]);
            }
        }
    }
}
