using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// Registers a backward hook: each time a gradient with respect to this tensor is computed, <paramref name="hook"/>
        /// is called with it; returning a tensor (of the same shape) replaces the gradient, returning null keeps it.
        /// On a leaf the hook runs before the gradient is accumulated into <see cref="grad"/>; on a non-leaf before the
        /// gradient flows on (and before <see cref="retain_grad"/> keeps it). Hooks run in registration order.
        /// </summary>
        /// <param name="hook">Receives the gradient; returns a replacement or null.</param>
        /// <returns>A handle whose <c>remove()</c> unregisters the hook.</returns>
        public RemovableHandle register_hook(Func<Tensor, Tensor?> hook)
        {
            ArgumentNullException.ThrowIfNull(hook);
            if (!requires_grad) throw new InvalidOperationException("cannot register a hook on a tensor that doesn't require gradient");
            var edge = GradientEdge();
            var h = edge.Node!.AddTensorPreHook(edge.InputNr, hook);
            return new RemovableHandle(h.Remove);
        }

        /// <summary>Registers a backward hook that only observes the gradient (see <see cref="register_hook(Func{Tensor, Tensor})"/>).</summary>
        /// <param name="hook">Receives the gradient.</param>
        /// <returns>A handle whose <c>remove()</c> unregisters the hook.</returns>
        public RemovableHandle register_hook(Action<Tensor> hook)
        {
            ArgumentNullException.ThrowIfNull(hook);
            return register_hook(g => { hook(g); return null; });
        }
    }
}
