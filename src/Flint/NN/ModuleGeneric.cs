namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Anything callable like a one-argument module.</summary>
        public interface IModule<T, TResult>
        {
            /// <summary>Runs the module (with its hooks).</summary>
            TResult call(T input1);
        }

        /// <summary>Anything callable like a two-argument module (losses).</summary>
        public interface IModule<T1, T2, TResult>
        {
            /// <summary>Runs the module (with its hooks).</summary>
            TResult call(T1 input1, T2 input2);
        }

        /// <summary>
        /// A module that accepts forward hooks: pre-hooks run before <c>forward</c> and may replace its input,
        /// post-hooks run after it and may replace its output. Hooks run in registration order.
        /// </summary>
        public abstract class HookableModule<TPreHook, TPostHook> : Module
            where TPreHook : Delegate
            where TPostHook : Delegate
        {
            private long _nextHookId;
            private readonly List<(long id, TPreHook? typed, Action<Module>? plain)> _preHooks = new();
            private readonly List<(long id, TPostHook? typed, Action<Module>? plain)> _postHooks = new();

            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected HookableModule(string name) : base(name) { }

            /// <summary>Creates a module named after its class.</summary>
            protected HookableModule() { }

            /// <summary>Registers a hook run after <c>forward</c>; a non-null return value replaces the output.</summary>
            public HookRemover register_forward_hook(TPostHook hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                _postHooks.Add((++_nextHookId, hook, null));
                return new HookRemover(this, _nextHookId);
            }

            /// <summary>Registers a hook run before <c>forward</c>; a non-null return value replaces the input.</summary>
            public HookRemover register_forward_pre_hook(TPreHook hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                _preHooks.Add((++_nextHookId, hook, null));
                return new HookRemover(this, _nextHookId);
            }

            /// <summary>Registers a hook that only sees the module, run after <c>forward</c>.</summary>
            public HookRemover register_forward_hook(Action<Module> hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                _postHooks.Add((++_nextHookId, null, hook));
                return new HookRemover(this, _nextHookId);
            }

            /// <summary>Registers a hook that only sees the module, run before <c>forward</c>.</summary>
            public HookRemover register_forward_pre_hook(Action<Module> hook)
            {
                ArgumentNullException.ThrowIfNull(hook);
                _preHooks.Add((++_nextHookId, null, hook));
                return new HookRemover(this, _nextHookId);
            }

            /// <summary>True when any hook is registered (call's fast path skips the hook loops otherwise).</summary>
            protected bool HasHooks => _preHooks.Count > 0 || _postHooks.Count > 0;

            /// <summary>The pre-hooks, a snapshot so hooks may remove themselves while running.</summary>
            protected (TPreHook? typed, Action<Module>? plain)[] PreHooks()
            {
                var r = new (TPreHook?, Action<Module>?)[_preHooks.Count];
                for (int i = 0; i < r.Length; i++) r[i] = (_preHooks[i].typed, _preHooks[i].plain);
                return r;
            }

            /// <summary>The post-hooks, a snapshot so hooks may remove themselves while running.</summary>
            protected (TPostHook? typed, Action<Module>? plain)[] PostHooks()
            {
                var r = new (TPostHook?, Action<Module>?)[_postHooks.Count];
                for (int i = 0; i < r.Length; i++) r[i] = (_postHooks[i].typed, _postHooks[i].plain);
                return r;
            }

            private void Remove(long id)
            {
                _preHooks.RemoveAll(h => h.id == id);
                _postHooks.RemoveAll(h => h.id == id);
            }

            /// <summary>Returned by hook registration; <see cref="remove"/> unregisters the hook (PyTorch's RemovableHandle).</summary>
            public sealed class HookRemover
            {
                private readonly HookableModule<TPreHook, TPostHook> _module;
                private readonly long _id;

                internal HookRemover(HookableModule<TPreHook, TPostHook> module, long id)
                {
                    _module = module;
                    _id = id;
                }

                /// <summary>Unregisters the hook; removing twice is harmless.</summary>
                public void remove() => _module.Remove(_id);
            }
        }

        /// <summary>
        /// A module with a one-argument <see cref="forward"/>: derive from <c>Module&lt;Tensor, Tensor&gt;</c> for layers
        /// and models. <see cref="call"/> runs the hooks around <see cref="forward"/>, like calling a PyTorch module.
        /// </summary>
        public abstract class Module<T, TResult> : HookableModule<Func<Module<T, TResult>, T, T>, Func<Module<T, TResult>, T, TResult, TResult>>, IModule<T, TResult>
        {
            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>Creates a module named after its class.</summary>
            protected Module() { }

            /// <summary>The module's computation (no hooks run; use <see cref="call"/> to run them).</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs the pre-hooks, <see cref="forward"/>, then the post-hooks.</summary>
            public TResult call(T input)
            {
                if (!HasHooks) return forward(input);
                foreach (var (typed, plain) in PreHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    var modified = typed!(this, input);
                    if (modified is not null) input = modified;
                }
                var result = forward(input);
                foreach (var (typed, plain) in PostHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    var modified = typed!(this, input, result);
                    if (modified is not null) result = modified;
                }
                return result;
            }
        }

        /// <summary>A module with a two-argument <see cref="forward"/> (losses: input and target).</summary>
        public abstract class Module<T1, T2, TResult> : HookableModule<Func<Module<T1, T2, TResult>, T1, T2, (T1, T2)?>, Func<Module<T1, T2, TResult>, T1, T2, TResult, TResult>>, IModule<T1, T2, TResult>
        {
            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>Creates a module named after its class.</summary>
            protected Module() { }

            /// <summary>The module's computation (no hooks run; use <see cref="call"/> to run them).</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs the pre-hooks, <see cref="forward"/>, then the post-hooks.</summary>
            public TResult call(T1 input1, T2 input2)
            {
                if (!HasHooks) return forward(input1, input2);
                foreach (var (typed, plain) in PreHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    if (typed!(this, input1, input2) is { } modified) (input1, input2) = modified;
                }
                var result = forward(input1, input2);
                foreach (var (typed, plain) in PostHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    var modified = typed!(this, input1, input2, result);
                    if (modified is not null) result = modified;
                }
                return result;
            }
        }
    }
}
