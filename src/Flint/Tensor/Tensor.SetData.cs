namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// Makes this tensor view <paramref name="source"/>'s storage and layout, keeping its identity and
        /// autograd state (PyTorch's <c>t.data = source</c>): <c>Module.to</c> converts parameters this way
        /// so references held elsewhere (optimizers) see the new data.
        /// </summary>
        internal void SetData(Tensor source)
        {
            if (requires_grad && !source.IsFloating)
                throw new ArgumentException($"data set to a tensor of dtype {DTypes.ShortName(source.dtype)} that can't require gradients");
            ThrowIfDisposed();
            source.ThrowIfDisposed();
            // Move this view's count from the old storage to the new one, so disposing `source` later
            // (a dispose scope, say) can never recycle the buffer this tensor now reads.
            var old = Storage;
            source.Storage.AddView();
            Storage = source.Storage;
            Shape = (long[])source.Shape.Clone();
            Strides = (long[])source.Strides.Clone();
            Offset = source.Offset;
            old.ReleaseView();
        }
    }
}
