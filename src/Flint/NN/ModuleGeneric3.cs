namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Anything callable like a three-argument module (ranking and triplet losses).</summary>
        public interface IModule<T1, T2, T3, TResult>
        {
            /// <summary>Runs the module (with its hooks).</summary>
            TResult call(T1 input1, T2 input2, T3 input3);
        }

        /// <summary>Anything callable like a four-argument module (<c>CTCLoss</c>).</summary>
        public interface IModule<T1, T2, T3, T4, TResult>
        {
            /// <summary>Runs the module (with its hooks).</summary>
            TResult call(T1 input1, T2 input2, T3 input3, T4 input4);
        }

        /// <summary>A module with a three-argument <see cref="forward"/> (e.g. <c>MarginRankingLoss</c>, <c>TripletMarginLoss</c>).</summary>
        public abstract class Module<T1, T2, T3, TResult> : HookableModule<Func<Module<T1, T2, T3, TResult>, T1, T2, T3, (T1, T2, T3)?>, Func<Module<T1, T2, T3, TResult>, T1, T2, T3, TResult, TResult>>, IModule<T1, T2, T3, TResult>
        {
            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>Creates a module named after its class.</summary>
            protected Module() { }

            /// <summary>The module's computation (no hooks run; use <see cref="call"/> to run them).</summary>
            public abstract TResult forward(T1 input1, T2 input2, T3 input3);

            /// <summary>Runs the pre-hooks, <see cref="forward"/>, then the post-hooks.</summary>
            public TResult call(T1 input1, T2 input2, T3 input3)
            {
                if (!HasHooks) return forward(input1, input2, input3);
                foreach (var (typed, plain) in PreHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    if (typed!(this, input1, input2, input3) is { } modified) (input1, input2, input3) = modified;
                }
                var result = forward(input1, input2, input3);
                foreach (var (typed, plain) in PostHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    var modified = typed!(this, input1, input2, input3, result);
                    if (modified is not null) result = modified;
                }
                return result;
            }
        }

        /// <summary>A module with a four-argument <see cref="forward"/> (<c>CTCLoss</c>).</summary>
        public abstract class Module<T1, T2, T3, T4, TResult> : HookableModule<Func<Module<T1, T2, T3, T4, TResult>, T1, T2, T3, T4, (T1, T2, T3, T4)?>, Func<Module<T1, T2, T3, T4, TResult>, T1, T2, T3, T4, TResult, TResult>>, IModule<T1, T2, T3, T4, TResult>
        {
            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>Creates a module named after its class.</summary>
            protected Module() { }

            /// <summary>The module's computation (no hooks run; use <see cref="call"/> to run them).</summary>
            public abstract TResult forward(T1 input1, T2 input2, T3 input3, T4 input4);

            /// <summary>Runs the pre-hooks, <see cref="forward"/>, then the post-hooks.</summary>
            public TResult call(T1 input1, T2 input2, T3 input3, T4 input4)
            {
                if (!HasHooks) return forward(input1, input2, input3, input4);
                foreach (var (typed, plain) in PreHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    if (typed!(this, input1, input2, input3, input4) is { } modified) (input1, input2, input3, input4) = modified;
                }
                var result = forward(input1, input2, input3, input4);
                foreach (var (typed, plain) in PostHooks())
                {
                    if (plain is not null) { plain(this); continue; }
                    var modified = typed!(this, input1, input2, input3, input4, result);
                    if (modified is not null) result = modified;
                }
                return result;
            }
        }
    }
}
