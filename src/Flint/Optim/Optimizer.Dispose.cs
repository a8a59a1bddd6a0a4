namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public abstract partial class Optimizer : IDisposable
        {
            private bool _disposed;

            /// <summary>
            /// Releases the optimizer's state tensors (momentum buffers, running averages, step counters) at once,
            /// as TorchSharp's optimizers release their native state. The parameters are not touched. Optional:
            /// state is managed memory and is recycled when the optimizer becomes unreachable. A disposed
            /// optimizer cannot create state again (its next update throws <see cref="ObjectDisposedException"/>).
            /// </summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>Disposes the state tensors when <paramref name="disposing"/>; derived optimizers with more tensors override it.</summary>
            protected virtual void Dispose(bool disposing)
            {
                if (_disposed) return;
                _disposed = true;
                if (!disposing) return;
                var buffers = new Dictionary<string, object?>();
                foreach (var st in _state.Values)
                {
                    buffers.Clear();
                    st.SaveTo(buffers);
                    foreach (var v in buffers.Values)
                        if (v is Tensor t) t.Dispose();
                }
                _state.Clear();
            }
        }
    }
}
