namespace Flint
{
public static partial class torch
{
    public static partial class utils
    {
        /// <summary>
        /// Activation checkpointing (PyTorch's <c>torch.utils.checkpoint.checkpoint</c>, its default reentrant
        /// variant; C# cannot name a method like its class, so it is <c>torch.utils.checkpoint(...)</c>):
        /// runs <paramref name="function"/> without recording a graph, keeping only its inputs, and runs it again
        /// in backward to get the gradients, trading compute for memory. With <paramref name="preserve_rng_state"/>
        /// (the default) the CPU generator's state is saved before the forward and restored for the recomputation
        /// (then put back), so dropout draws the same mask twice; the state of <c>cuda</c> generators is not saved.
        /// As in PyTorch's reentrant checkpoint, gradients reach parameters used inside <paramref name="function"/>
        /// only when at least one input requires grad, and <c>torch.autograd.grad</c> cannot see through it.
        /// </summary>
        /// <param name="function">The segment to checkpoint.</param>
        /// <param name="inputs">Its inputs.</param>
        /// <param name="preserve_rng_state">Replay the random draws in the recomputation (default true).</param>
        public static Tensor checkpoint(Func<Tensor[], Tensor> function, Tensor[] inputs, bool preserve_rng_state = true) =>
            checkpoint(xs => [function(xs)], inputs, preserve_rng_state)[0];

        /// <summary>Checkpoints a one-input, one-output segment (see the overload over arrays).</summary>
        /// <param name="function">The segment to checkpoint.</param>
        /// <param name="input">Its input.</param>
        /// <param name="preserve_rng_state">Replay the random draws in the recomputation (default true).</param>
        public static Tensor checkpoint(Func<Tensor, Tensor> function, Tensor input, bool preserve_rng_state = true) =>
            checkpoint(xs => [function(xs[0])], [input], preserve_rng_state)[0];

        /// <summary>Checkpoints a segment with several outputs (see the overload with one output).</summary>
        /// <param name="function">The segment to checkpoint.</param>
        /// <param name="inputs">Its inputs.</param>
        /// <param name="preserve_rng_state">Replay the random draws in the recomputation (default true).</param>
        public static Tensor[] checkpoint(Func<Tensor[], Tensor[]> function, Tensor[] inputs, bool preserve_rng_state = true)
        {
            ArgumentNullException.ThrowIfNull(function);
            ArgumentNullException.ThrowIfNull(inputs);
            object[] vars = [function, preserve_rng_state, .. inputs];
            return [.. Autograd.CheckpointFunction.apply(vars)];
        }
    }
}
}

namespace Flint.Autograd
{
    /// <summary>The node behind <c>torch.utils.checkpoint</c>: forward without a graph, recomputation with one in backward.</summary>
    internal sealed class CheckpointFunction : torch.autograd.MultiTensorFunction<CheckpointFunction>
    {
        public override string Name => "Checkpoint";

        public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
        {
            var function = (Func<Tensor[], Tensor[]>)vars[0];
            bool preserve = (bool)vars[1];
            var inputs = vars.Skip(2).Cast<Tensor>().ToArray();
            ctx.save_data("function", function);
            ctx.save_data("requires_grad", inputs.Select(x => x.requires_grad).ToArray());
            if (preserve) ctx.save_data("rng_state", torch.Generator.Default.Impl.GetState());
            ctx.save_for_backward(inputs);
            return [.. function(inputs)];
        }

        public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> grad_outputs)
        {
            var function = (Func<Tensor[], Tensor[]>)ctx.get_data("function")!;
            var requiresGrad = (bool[])ctx.get_data("requires_grad")!;
            var saved = ctx.saved_tensors;
            var detached = saved.Select((x, i) => x.detach().requires_grad_(requiresGrad[i] && x.is_floating_point())).ToArray();

            Tensor[] outputs;
            var rng = (byte[]?)ctx.get_data("rng_state");
            var generator = torch.Generator.Default.Impl;
            byte[]? current = rng is null ? null : generator.GetState();
            try
            {
                if (rng is not null) generator.SetState(rng);
                using (torch.enable_grad()) outputs = function(detached);
            }
            finally
            {
                if (current is not null) generator.SetState(current); // fork_rng: the caller's stream continues undisturbed
            }

            var roots = new List<Tensor>();
            var grads = new List<Tensor>();
            for (int i = 0; i < outputs.Length && i < grad_outputs.Count; i++)
                if (outputs[i].requires_grad) { roots.Add(outputs[i]); grads.Add(grad_outputs[i]); }
            if (roots.Count == 0)
                throw new InvalidOperationException("none of output has requires_grad=True, this checkpoint() is not necessary");
            torch.autograd.backward(roots, grads);

            var result = new List<Tensor> { null!, null! }; // the function and the flag
            result.AddRange(detached.Select(d => d.grad!));
            return result;
        }
    }
}
