namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Pads <paramref name="input"/> (PyTorch's <c>F.pad</c>). <paramref name="pad"/> holds (left, right) pairs starting
            /// from the last dim: <c>{1, 1}</c> pads the last dim, <c>{1, 1, 2, 2}</c> the last two. Constant padding works on
            /// any rank and takes negative pads (which crop); reflect, replicate and circular pad the last 1–3 dims of a
            /// (batched or unbatched) input.
            /// </summary>
            /// <param name="input">The tensor to pad.</param>
            /// <param name="pad">(left, right) pairs, last dim first.</param>
            /// <param name="mode">Constant, reflect, replicate or circular.</param>
            /// <param name="value">The fill value of constant padding.</param>
            public static Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
                => Ops.PadNd.Pad(input, pad, mode, value);
        }
    }
}
