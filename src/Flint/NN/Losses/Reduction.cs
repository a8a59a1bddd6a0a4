namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>How a loss reduces its per-element values (TorchSharp's <c>torch.nn.Reduction</c>).</summary>
        public enum Reduction : long
        {
            /// <summary>No reduction: the per-element losses.</summary>
            None = 0,
            /// <summary>The (weighted) mean of the per-element losses.</summary>
            Mean = 1,
            /// <summary>The sum of the per-element losses (PyTorch's legacy <c>size_average=False</c>).</summary>
            Sum = 2,
        }

        /// <summary>
        /// PyTorch's legacy <c>size_average</c>/<c>reduce</c> pair as a <see cref="Reduction"/> (both default to true):
        /// <c>size_average: false</c> is <see cref="Reduction.Sum"/>, <c>reduce: false</c> is <see cref="Reduction.None"/>.
        /// </summary>
        internal static Reduction LegacyReduction(bool? size_average, bool? reduce)
            => !(reduce ?? true) ? Reduction.None : (size_average ?? true) ? Reduction.Mean : Reduction.Sum;

        /// <summary>Applies a <see cref="Reduction"/> to per-element losses (PyTorch's apply_loss_reduction).</summary>
        internal static Tensor Reduce(Tensor loss, Reduction reduction) => reduction switch
        {
            Reduction.None => loss,
            Reduction.Mean => loss.mean(),
            Reduction.Sum => loss.sum(),
            _ => throw new ArgumentException($"{reduction} is not a valid value for reduction"),
        };
    }
}
