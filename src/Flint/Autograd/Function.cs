using Flint.Autograd;
using Flint.Ops;

namespace Flint;

public static partial class torch
{
    public static partial class autograd
    {
        /// <summary>
        /// The base of custom autograd operations, as TorchSharp spells them: derive from
        /// <see cref="SingleTensorFunction{T}"/> or <see cref="MultiTensorFunction{T}"/>, give the
        /// operation a <see cref="Name"/>, and call it with <c>MyOp.apply(x, ...)</c>.
        /// <c>forward</c> runs without recording a graph; its outputs get one node,
        /// <c>&lt;NameBackward&gt;</c>, whose backward calls yours. Every tensor argument is an input
        /// of that node, and <c>backward</c> returns one entry per <c>apply</c> argument
        /// (null for non-tensor arguments and for inputs that need no gradient).
        /// </summary>
        public abstract class Function<T> where T : Function<T>, new()
        {
            internal static T Instance { get; } = new();

            /// <summary>The operation's name; its node prints as <c>&lt;{Name}Backward&gt;</c>.</summary>
            public abstract string Name { get; }

            internal abstract List<Tensor> forward_internal(AutogradContext ctx, object[] vars);
            internal abstract List<Tensor?> backward_internal(AutogradContext ctx, List<Tensor?> grad_outputs);

            /// <summary>Runs forward and, when grad mode is on and a tensor argument requires grad, records the node.</summary>
            public static List<Tensor> apply_internal(params object[] vars)
            {
                ArgumentNullException.ThrowIfNull(vars);
                var instance = Instance;
                var argToInput = new int[vars.Length];
                var inputs = new List<Tensor>();
                var needs = new bool[vars.Length];
                bool gradMode = GradMode.IsEnabled;
                for (int a = 0; a < vars.Length; a++)
                {
                    if (vars[a] is Tensor t)
                    {
                        argToInput[a] = inputs.Count;
                        inputs.Add(t);
                        needs[a] = gradMode && t.requires_grad;
                    }
                    else argToInput[a] = -1;
                }
                bool executable = Array.IndexOf(needs, true) >= 0;

                var ctx = new AutogradContext(needs);
                List<Tensor> outputs;
                using (GradMode.Set(false))
                    outputs = instance.forward_internal(ctx, vars)
                        ?? throw new InvalidOperationException($"{instance.Name}.forward returned null");
                if (!executable)
                {
                    ctx.Seal(null);
                    return outputs;
                }

                var node = new CustomFunctionNode(instance.Name + "Backward", ctx, instance.backward_internal, argToInput)
                {
                    NumOutputs = outputs.Count,
                };
                Recorder.Attach(node, [.. inputs]);
                var meta = new (ScalarType, long[], Device)[outputs.Count];
                for (int i = 0; i < outputs.Count; i++)
                {
                    var o = outputs[i];
                    if (o is null) { meta[i] = (torch.get_default_dtype(), [], torch.CPU); continue; }
                    meta[i] = (o.dtype, o.Shape, o.device);
                    outputs[i] = WrapOutput(instance.Name, ctx, node, inputs, o, i);
                }
                node.OutputMeta = meta;
                ctx.Seal(node);
                return outputs;
            }

            /// <summary>
            /// Gives an output its history. An input returned unchanged becomes a new alias so the
            /// input keeps its own history; an input modified in place (marked dirty) takes the node.
            /// </summary>
            private static Tensor WrapOutput(string name, AutogradContext ctx, GradNode node, List<Tensor> inputs, Tensor o, int index)
            {
                bool isInput = inputs.Exists(t => ReferenceEquals(t, o));
                bool dirty = ctx.DirtyTensors.Exists(t => ReferenceEquals(t, o));
                bool differentiable = o.IsFloating && !ctx.NonDifferentiableTensors.Exists(t => ReferenceEquals(t, o));
                if (dirty)
                {
                    if (!isInput) throw new InvalidOperationException($"{name}: mark_dirty only accepts inputs that forward returns as outputs");
                    if (o.is_leaf && o.requires_grad)
                        throw new InvalidOperationException("a leaf Variable that requires grad has been used in an in-place operation.");
                    if (differentiable) o.SetHistory(node, index);
                    return o;
                }
                // Outputs the user created inside forward are fresh; anything else gets an alias.
                if (isInput || o.requires_grad) o = o.detach();
                if (differentiable) o.SetHistory(node, index);
                return o;
            }
        }

        /// <summary>
        /// A custom operation with one output. Override <see cref="forward"/> and <see cref="backward"/>
        /// and call it with <c>MyOp.apply(x)</c>.
        /// </summary>
        public abstract class SingleTensorFunction<T> : Function<T> where T : SingleTensorFunction<T>, new()
        {
            /// <summary>Runs the operation, recording it for autograd.</summary>
            public static Tensor apply(params object[] vars) => apply_internal(vars)[0];

            internal sealed override List<Tensor> forward_internal(AutogradContext ctx, object[] vars) => [forward(ctx, vars)];

            internal sealed override List<Tensor?> backward_internal(AutogradContext ctx, List<Tensor?> grad_outputs) =>
                [.. backward(ctx, grad_outputs[0]!)];

            /// <summary>Computes the output from the <c>apply</c> arguments; runs with grad mode off.</summary>
            public abstract Tensor forward(AutogradContext ctx, params object[] vars);

            /// <summary>Returns one gradient per <c>apply</c> argument, given the gradient of the output.</summary>
            public abstract List<Tensor> backward(AutogradContext ctx, Tensor grad_output);
        }

        /// <summary>A custom operation with several outputs, called as <c>MyOp.apply(x, ...)</c>.</summary>
        public abstract class MultiTensorFunction<T> : Function<T> where T : MultiTensorFunction<T>, new()
        {
            /// <summary>Runs the operation, recording it for autograd.</summary>
            public static List<Tensor> apply(params object[] vars) => apply_internal(vars);

            internal sealed override List<Tensor> forward_internal(AutogradContext ctx, object[] vars) => forward(ctx, vars);

            internal sealed override List<Tensor?> backward_internal(AutogradContext ctx, List<Tensor?> grad_outputs) =>
                [.. backward(ctx, [.. grad_outputs.Select(g => g!)])];

            /// <summary>Computes the outputs from the <c>apply</c> arguments; runs with grad mode off.</summary>
            public abstract List<Tensor> forward(AutogradContext ctx, params object[] vars);

            /// <summary>Returns one gradient per <c>apply</c> argument, given one gradient per output (zeros for unused outputs).</summary>
            public abstract List<Tensor> backward(AutogradContext ctx, List<Tensor> grad_outputs);
        }
    }
}
