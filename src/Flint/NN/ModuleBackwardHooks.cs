using System.Runtime.CompilerServices;
using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Module backward hooks for one-tensor modules (<c>Module&lt;Tensor, Tensor&gt;</c>), PyTorch's
        /// <c>register_full_backward_hook</c> and <c>register_full_backward_pre_hook</c>. The first registration installs
        /// a forward pre-hook that routes the input through an identity node and a forward hook that does the same for
        /// the output (so, unlike PyTorch, where the wrapping happens outside all forward hooks, it sits among the
        /// forward hooks in registration order). In backward, the pre-hooks see the gradient of the output and may
        /// replace it; the full hooks then see (grad_input, grad_output), grad_input being null when the input does
        /// not require grad, and may replace grad_input. Hooks of each kind run in registration order.
        /// </summary>
        public static class ModuleBackwardHooks
        {
            private sealed class State
            {
                public readonly List<(long id, Func<Module<Tensor, Tensor>, Tensor?[], Tensor?[], Tensor?[]?> hook)> Full = new();
                public readonly List<(long id, Func<Module<Tensor, Tensor>, Tensor?[], Tensor?[]?> hook)> Pre = new();
                public readonly Stack<Call> Calls = new();
                public long NextId;
            }

            private sealed class Call
            {
                public Tensor? GradOutput;
                public bool InputRequiresGrad;
                public bool FullHooksRan;
            }

            private static readonly ConditionalWeakTable<Module<Tensor, Tensor>, State> States = new();

            /// <summary>
            /// Registers <paramref name="hook"/>(module, grad_input, grad_output), called when the gradients with respect to
            /// the module's input have been computed; a non-null result replaces grad_input.
            /// </summary>
            /// <param name="module">The module.</param>
            /// <param name="hook">The hook.</param>
            public static RemovableHandle register_full_backward_hook(Module<Tensor, Tensor> module, Func<Module<Tensor, Tensor>, Tensor?[], Tensor?[], Tensor?[]?> hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                var s = StateOf(module);
                long id = ++s.NextId;
                s.Full.Add((id, hook));
                return new RemovableHandle(() => s.Full.RemoveAll(h => h.id == id));
            }

            /// <summary>
            /// Registers <paramref name="hook"/>(module, grad_output), called when the gradient with respect to the module's
            /// output has been computed; a non-null result replaces grad_output.
            /// </summary>
            /// <param name="module">The module.</param>
            /// <param name="hook">The hook.</param>
            public static RemovableHandle register_full_backward_pre_hook(Module<Tensor, Tensor> module, Func<Module<Tensor, Tensor>, Tensor?[], Tensor?[]?> hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                var s = StateOf(module);
                long id = ++s.NextId;
                s.Pre.Add((id, hook));
                return new RemovableHandle(() => s.Pre.RemoveAll(h => h.id == id));
            }

            private static State StateOf(Module<Tensor, Tensor> module)
            {
                ArgumentNullException.ThrowIfNull(module);
                if (States.TryGetValue(module, out var existing)) return existing;
                var s = new State();
                States.Add(module, s);
                module.register_forward_pre_hook((m, input) =>
                {
                    var call = new Call { InputRequiresGrad = GradMode.IsEnabled && input.requires_grad };
                    s.Calls.Push(call);
                    if (!call.InputRequiresGrad || s.Full.Count == 0) return input;
                    return BackwardHookFunction.Wrap(input, g => RunFull(m, s, call, g) ?? g);
                });
                module.register_forward_hook((m, input, output) =>
                {
                    var call = s.Calls.Count > 0 ? s.Calls.Pop() : new Call();
                    if (!GradMode.IsEnabled || !output.requires_grad || (s.Full.Count == 0 && s.Pre.Count == 0)) return output;
                    return BackwardHookFunction.Wrap(output, g =>
                    {
                        foreach (var (_, pre) in s.Pre.ToArray())
                            if (pre(m, [g]) is { } replaced && replaced[0] is { } r) g = r;
                        call.GradOutput = g;
                        // No gradient will reach the input: PyTorch calls the full hooks here with grad_input None.
                        if (!call.InputRequiresGrad) RunFull(m, s, call, null);
                        return g;
                    });
                });
                return s;
            }

            private static Tensor? RunFull(Module<Tensor, Tensor> m, State s, Call call, Tensor? gradInput)
            {
                if (call.FullHooksRan) return gradInput;
                call.FullHooksRan = true;
                foreach (var (_, hook) in s.Full.ToArray())
                    if (hook(m, [gradInput], [call.GradOutput]) is { } replaced) gradInput = replaced[0];
                return gradInput;
            }
        }
    }
}

/// <summary>Extension spellings of the module backward hooks: <c>module.register_full_backward_hook(...)</c>.</summary>
public static class ModuleBackwardHookExtensions
{
    /// <summary>See <see cref="torch.nn.ModuleBackwardHooks.register_full_backward_hook"/>.</summary>
    /// <param name="module">The module.</param>
    /// <param name="hook">The hook (module, grad_input, grad_output) → new grad_input or null.</param>
    public static RemovableHandle register_full_backward_hook(this torch.nn.Module<Tensor, Tensor> module, Func<torch.nn.Module<Tensor, Tensor>, Tensor?[], Tensor?[], Tensor?[]?> hook) =>
        torch.nn.ModuleBackwardHooks.register_full_backward_hook(module, hook);

    /// <summary>See <see cref="torch.nn.ModuleBackwardHooks.register_full_backward_pre_hook"/>.</summary>
    /// <param name="module">The module.</param>
    /// <param name="hook">The hook (module, grad_output) → new grad_output or null.</param>
    public static RemovableHandle register_full_backward_pre_hook(this torch.nn.Module<Tensor, Tensor> module, Func<torch.nn.Module<Tensor, Tensor>, Tensor?[], Tensor?[]?> hook) =>
        torch.nn.ModuleBackwardHooks.register_full_backward_pre_hook(module, hook);
}
