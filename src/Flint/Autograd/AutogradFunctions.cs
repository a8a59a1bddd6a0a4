using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    /// <summary>PyTorch's <c>torch.autograd</c>: gradients on demand, custom Functions and gradcheck.</summary>
    public static partial class autograd
    {
        /// <summary>
        /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, returned
        /// instead of accumulated into <c>.grad</c> (<c>torch.autograd.grad</c>). Scalar outputs may omit
        /// <paramref name="grad_outputs"/>. With <paramref name="allow_unused"/>, an input the outputs do not
        /// depend on gets null; otherwise that is an error. <paramref name="create_graph"/> records the
        /// backward pass itself so the result can be differentiated again (and implies retaining the graph).
        /// </summary>
        public static IList<Tensor> grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor>? grad_outputs = null,
            bool retain_graph = false, bool create_graph = false, bool allow_unused = false)
        {
            ArgumentNullException.ThrowIfNull(outputs);
            ArgumentNullException.ThrowIfNull(inputs);
            if (inputs.Count == 0) throw new ArgumentException("grad requires non-empty inputs.");
            var roots = outputs.ToArray();
            var grads = MakeGrads(roots, grad_outputs);
            var result = Engine.Run(roots, grads, retain_graph || create_graph, create_graph, [.. inputs], allow_unused)!;
            return result!;
        }

        /// <summary>Differentiates a single output with respect to <paramref name="inputs"/>.</summary>
        public static IList<Tensor> grad(Tensor output, IList<Tensor> inputs, Tensor? grad_output = null,
            bool retain_graph = false, bool create_graph = false, bool allow_unused = false) =>
            grad([output], inputs, grad_output is null ? null : [grad_output], retain_graph, create_graph, allow_unused);

        /// <summary>
        /// Accumulates into the leaves' <c>.grad</c> the gradients of <paramref name="tensors"/> weighted by
        /// <paramref name="grad_tensors"/> (omit for scalars), as <c>torch.autograd.backward</c>.
        /// </summary>
        public static void backward(IList<Tensor> tensors, IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false)
        {
            ArgumentNullException.ThrowIfNull(tensors);
            var roots = tensors.ToArray();
            Engine.Run(roots, MakeGrads(roots, grad_tensors), retain_graph || create_graph, create_graph);
        }

        /// <summary>Backward from one tensor (same as <c>tensor.backward(grad_tensor)</c>).</summary>
        public static void backward(Tensor tensor, Tensor? grad_tensor = null, bool retain_graph = false, bool create_graph = false) =>
            backward([tensor], grad_tensor is null ? null : [grad_tensor], retain_graph, create_graph);

        /// <summary>Checks or creates the seed gradient of each root, with PyTorch's errors.</summary>
        private static Tensor[] MakeGrads(Tensor[] roots, IList<Tensor>? given)
        {
            if (given is not null && given.Count != roots.Length)
                throw new ArgumentException($"got {roots.Length} tensors and {given.Count} gradients");
            var grads = new Tensor[roots.Length];
            for (int i = 0; i < roots.Length; i++)
            {
                var r = roots[i] ?? throw new ArgumentNullException(nameof(roots), $"output {i} is null");
                var g = given?[i];
                if (g is null)
                {
                    if (!r.requires_grad)
                        throw new InvalidOperationException($"element {i} of tensors does not require grad and does not have a grad_fn");
                    if (r.numel() != 1) throw new InvalidOperationException(AutogradErrors.ImplicitGradScalarOnly);
                    grads[i] = torch.ones_like(r);
                }
                else
                {
                    if (!Shapes.SameShape(g.Shape, r.Shape))
                        throw new ArgumentException($"Mismatch in shape: grad_output[{i}] has a shape of {new Size(g.Shape)} and output[{i}] has a shape of {new Size(r.Shape)}.");
                    grads[i] = g;
                }
            }
            return grads;
        }
    }
}
