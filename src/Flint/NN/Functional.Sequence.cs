namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// int64 class indices to int64 one-hot vectors along a new last dim of size <paramref name="num_classes"/>
            /// (−1: one more than the largest index).
            /// </summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1) => Ops.OneHot.Encode(tensor, num_classes);
        }
    }
}
