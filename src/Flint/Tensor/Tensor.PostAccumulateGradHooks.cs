namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// Callbacks run right after <c>AccumulateGrad</c> has written this leaf's <c>.grad</c> in a backward pass
        /// (PyTorch 2.1's <c>register_post_accumulate_grad_hook</c>, internal for now). Flint.Distributed's
        /// DistributedDataParallel uses it to launch a bucket's all-reduce while the rest of backward still runs.
        /// </summary>
        private List<Action<Tensor>>? _postAccumulateGradHooks;

        /// <summary>Registers <paramref name="hook"/> to run after each accumulation into this leaf's grad; dispose the result to remove it.</summary>
        internal IDisposable RegisterPostAccumulateGradHook(Action<Tensor> hook)
        {
            ArgumentNullException.ThrowIfNull(hook);
            (_postAccumulateGradHooks ??= new()).Add(hook);
            return new HookRegistration(() => _postAccumulateGradHooks.Remove(hook));
        }

        /// <summary>Runs the post-accumulate hooks (called by <c>AccumulateGrad</c> only), in registration order.</summary>
        internal void RunPostAccumulateGradHooks()
        {
            if (_postAccumulateGradHooks is not { Count: > 0 } hooks) return;
            foreach (var hook in hooks.ToArray()) hook(this);
        }

        private sealed class HookRegistration(Action remove) : IDisposable
        {
            private Action? _remove = remove;
            public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
        }
    }
}
