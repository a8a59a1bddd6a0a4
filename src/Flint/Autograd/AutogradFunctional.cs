namespace Flint;

public static partial class torch
{
    public static partial class autograd
    {
        /// <summary>
        /// PyTorch's <c>torch.autograd.functional</c>: Jacobians, Hessians and vector products of whole functions,
        /// built on <see cref="grad(IList{Tensor}, IList{Tensor}, IList{Tensor}, bool, bool, bool)"/>. Inputs are
        /// detached copies that require grad (views of the inputs under <c>create_graph</c>, so the results stay
        /// differentiable with respect to them). Without <c>create_graph</c> the results are detached. With
        /// <c>strict</c>, an output independent of an input is an error; otherwise its block is zeros. Each function
        /// has a single-tensor form and a form over arrays of tensors (PyTorch's tuples).
        /// </summary>
        public static class functional
        {
            /// <summary>The Jacobian of <paramref name="func"/> at <paramref name="inputs"/>: shape output.shape + input.shape.</summary>
            /// <param name="func">The function.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="create_graph">Make the result differentiable.</param>
            /// <param name="strict">Throw when the output is independent of the input.</param>
            public static Tensor jacobian(Func<Tensor, Tensor> func, Tensor inputs, bool create_graph = false, bool strict = false) =>
                jacobian(xs => [func(xs[0])], [inputs], create_graph, strict)[0][0];

            /// <summary>The Jacobian blocks of a function of several inputs and outputs: <c>result[i][j]</c> is d output i / d input j.</summary>
            /// <param name="func">The function.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when an output is independent of an input.</param>
            public static Tensor[][] jacobian(Func<Tensor[], Tensor[]> func, Tensor[] inputs, bool create_graph = false, bool strict = false)
            {
                var xs = Prepare(inputs, create_graph);
                var outputs = Run(func, xs);
                var jac = new Tensor[outputs.Length][];
                for (int i = 0; i < outputs.Length; i++)
                {
                    var flat = outputs[i].reshape(-1);
                    long n = flat.shape[0];
                    var rows = new List<Tensor>[xs.Length];
                    for (int k = 0; k < xs.Length; k++) rows[k] = new List<Tensor>();
                    for (long j = 0; j < n; j++)
                    {
                        var g = Grad([flat[j]], xs, [torch.ones([], flat.dtype, flat.device)], create_graph, retain_graph: true);
                        for (int k = 0; k < xs.Length; k++)
                        {
                            if (g[k] is null && strict)
                                throw new InvalidOperationException($"Output {i} of the user-provided function is independent of input {k}. This is not allowed in strict mode.");
                            rows[k].Add(g[k] ?? torch.zeros_like(xs[k]));
                        }
                    }
                    jac[i] = new Tensor[xs.Length];
                    for (int k = 0; k < xs.Length; k++)
                    {
                        long[] shape = [.. outputs[i].shape, .. xs[k].shape];
                        var block = n == 0 ? torch.zeros(shape, xs[k].dtype, xs[k].device) : torch.stack(rows[k], 0).reshape(shape);
                        jac[i][k] = create_graph ? block : block.detach();
                    }
                }
                return jac;
            }

            /// <summary>The Hessian of a scalar function at <paramref name="inputs"/>: shape input.shape + input.shape.</summary>
            /// <param name="func">A function returning a single-element tensor.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="create_graph">Make the result differentiable.</param>
            /// <param name="strict">Throw when the gradient is independent of the input.</param>
            public static Tensor hessian(Func<Tensor, Tensor> func, Tensor inputs, bool create_graph = false, bool strict = false) =>
                hessian(xs => func(xs[0]), [inputs], create_graph, strict)[0][0];

            /// <summary>The Hessian blocks of a scalar function of several inputs: <c>result[i][j]</c> is d² f / d input i d input j.</summary>
            /// <param name="func">A function returning a single-element tensor.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when a gradient is independent of an input.</param>
            public static Tensor[][] hessian(Func<Tensor[], Tensor> func, Tensor[] inputs, bool create_graph = false, bool strict = false)
            {
                Tensor[] Gradient(Tensor[] xs)
                {
                    var output = func(xs);
                    CheckSingleElement(output, "hessian", "The function given to hessian should return a single element Tensor");
                    var g = Grad([output], xs, [torch.ones_like(output)], create_graph: true, retain_graph: true);
                    for (int k = 0; k < xs.Length; k++)
                        if (g[k] is null && strict)
                            throw new InvalidOperationException($"The output of the user-provided function is independent of input {k}. This is not allowed in strict mode.");
                    return g.Select((t, k) => t ?? torch.zeros_like(xs[k])).ToArray();
                }
                return jacobian(Gradient, inputs, create_graph, strict);
            }

            /// <summary>The vector-Jacobian product vᵀ·J of <paramref name="func"/> at <paramref name="inputs"/>, and the function's value.</summary>
            /// <param name="func">The function.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">A tensor shaped like the output (may be omitted for a single-element output).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when the output is independent of the input.</param>
            public static (Tensor output, Tensor vjp) vjp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool create_graph = false, bool strict = false)
            {
                var (o, r) = vjp(xs => [func(xs[0])], [inputs], v is null ? null : [v], create_graph, strict);
                return (o[0], r[0]);
            }

            /// <summary>The vector-Jacobian products for a function of several inputs and outputs.</summary>
            /// <param name="func">The function.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">One tensor per output (may be omitted for a single single-element output).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when the outputs are independent of an input.</param>
            public static (Tensor[] outputs, Tensor[] vjp) vjp(Func<Tensor[], Tensor[]> func, Tensor[] inputs, Tensor[]? v = null, bool create_graph = false, bool strict = false)
            {
                var xs = Prepare(inputs, create_graph);
                var outputs = Run(func, xs);
                v = CheckV(v, outputs, "outputs", "The vector v can only be None if the user-provided function returns a single Tensor with a single element.");
                var g = Grad(outputs, xs, v, create_graph, retain_graph: create_graph);
                var res = Fill(g, xs, strict, "The output of the user-provided function is independent of input {0}. This is not allowed in strict mode.");
                return (Detach(outputs, create_graph), Detach(res, create_graph));
            }

            /// <summary>The Jacobian-vector product J·v of <paramref name="func"/> at <paramref name="inputs"/> (by the double-backward trick), and the function's value.</summary>
            /// <param name="func">The function.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">A tensor shaped like the input (may be omitted for a single-element input).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when the output is independent of the input.</param>
            public static (Tensor output, Tensor jvp) jvp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool create_graph = false, bool strict = false)
            {
                var (o, r) = jvp(xs => [func(xs[0])], [inputs], v is null ? null : [v], create_graph, strict);
                return (o[0], r[0]);
            }

            /// <summary>The Jacobian-vector products for a function of several inputs and outputs (one result per output).</summary>
            /// <param name="func">The function.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">One tensor per input (may be omitted for a single single-element input).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when an output is independent of the inputs.</param>
            public static (Tensor[] outputs, Tensor[] jvp) jvp(Func<Tensor[], Tensor[]> func, Tensor[] inputs, Tensor[]? v = null, bool create_graph = false, bool strict = false)
            {
                var xs = Prepare(inputs, create_graph);
                v = CheckV(v, xs, "inputs", "The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.");
                var outputs = Run(func, xs);
                // J·v = d/du (uᵀ·J)·v: differentiate the vector-Jacobian product with respect to the dummy u.
                var u = outputs.Select(o => torch.zeros_like(o).requires_grad_(true)).ToArray();
                var gi = Grad(outputs, xs, u, create_graph: true, retain_graph: true);
                var used = gi.Select((g, k) => (g, k)).Where(p => p.g is not null).ToArray();
                Tensor?[] res = used.Length == 0
                    ? new Tensor?[outputs.Length]
                    : Grad(used.Select(p => p.g!).ToArray(), u, used.Select(p => v[p.k]).ToArray(), create_graph, retain_graph: create_graph);
                var filled = new Tensor[outputs.Length];
                for (int i = 0; i < outputs.Length; i++)
                {
                    if (res[i] is null && strict)
                        throw new InvalidOperationException($"The output of the user-provided function is independent of input {i}. This is not allowed in strict mode.");
                    filled[i] = res[i] ?? torch.zeros_like(outputs[i]);
                }
                return (Detach(outputs, create_graph), Detach(filled, create_graph));
            }

            /// <summary>The vector-Hessian product vᵀ·H of a scalar function, and the function's value.</summary>
            /// <param name="func">A function returning a single-element tensor.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">A tensor shaped like the input (may be omitted for a single-element input).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when the output is independent of the input.</param>
            public static (Tensor output, Tensor vhp) vhp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool create_graph = false, bool strict = false)
            {
                var (o, r) = vhp(xs => func(xs[0]), [inputs], v is null ? null : [v], create_graph, strict);
                return (o, r[0]);
            }

            /// <summary>The vector-Hessian products of a scalar function of several inputs.</summary>
            /// <param name="func">A function returning a single-element tensor.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">One tensor per input (may be omitted for a single single-element input).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when the output is independent of an input.</param>
            public static (Tensor output, Tensor[] vhp) vhp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v = null, bool create_graph = false, bool strict = false) =>
                HessianProduct(func, inputs, v, create_graph, strict, "vhp", trick: false);

            /// <summary>The Hessian-vector product H·v of a scalar function (by the double-backward trick), and the function's value.</summary>
            /// <param name="func">A function returning a single-element tensor.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">A tensor shaped like the input (may be omitted for a single-element input).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when the output is independent of the input.</param>
            public static (Tensor output, Tensor hvp) hvp(Func<Tensor, Tensor> func, Tensor inputs, Tensor? v = null, bool create_graph = false, bool strict = false)
            {
                var (o, r) = hvp(xs => func(xs[0]), [inputs], v is null ? null : [v], create_graph, strict);
                return (o, r[0]);
            }

            /// <summary>The Hessian-vector products of a scalar function of several inputs.</summary>
            /// <param name="func">A function returning a single-element tensor.</param>
            /// <param name="inputs">The point.</param>
            /// <param name="v">One tensor per input (may be omitted for a single single-element input).</param>
            /// <param name="create_graph">Make the results differentiable.</param>
            /// <param name="strict">Throw when the output is independent of an input.</param>
            public static (Tensor output, Tensor[] hvp) hvp(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v = null, bool create_graph = false, bool strict = false) =>
                HessianProduct(func, inputs, v, create_graph, strict, "hvp", trick: true);

            private static (Tensor, Tensor[]) HessianProduct(Func<Tensor[], Tensor> func, Tensor[] inputs, Tensor[]? v, bool create_graph, bool strict, string name, bool trick)
            {
                var xs = Prepare(inputs, create_graph);
                v = CheckV(v, xs, "inputs", "The vector v can only be None if the input to the user-provided function is a single Tensor with a single element.");
                Tensor output;
                using (torch.enable_grad()) output = func(xs);
                CheckSingleElement(output, name, $"The Tensor returned by the function given to {name} should contain a single element");
                var jac = Grad([output], xs, [torch.ones_like(output)], create_graph: true, retain_graph: true);
                var used = jac.Select((g, k) => (g, k)).Where(p => p.g is not null).ToArray();
                Tensor?[] res;
                if (used.Length == 0) res = new Tensor?[xs.Length];
                else if (!trick)
                    res = Grad(used.Select(p => p.g!).ToArray(), xs, used.Select(p => v[p.k]).ToArray(), create_graph, retain_graph: create_graph);
                else
                {
                    // H·v = d/du (uᵀ·H)·v, so it is right for any Hessian, symmetric or not, as PyTorch's hvp.
                    var u = xs.Select(x => torch.zeros_like(x).requires_grad_(true)).ToArray();
                    var back = Grad(used.Select(p => p.g!).ToArray(), xs, used.Select(p => u[p.k]).ToArray(), create_graph: true, retain_graph: true);
                    var usedBack = back.Select((g, k) => (g, k)).Where(p => p.g is not null).ToArray();
                    res = usedBack.Length == 0
                        ? new Tensor?[xs.Length]
                        : Grad(usedBack.Select(p => p.g!).ToArray(), u, usedBack.Select(p => v[p.k]).ToArray(), create_graph, retain_graph: create_graph);
                }
                var filled = Fill(res, xs, strict, "The output of the user-provided function is independent of input {0}. This is not allowed in strict mode.");
                return (create_graph ? output : output.detach(), Detach(filled, create_graph));
            }

            private static Tensor[] Prepare(Tensor[] inputs, bool create_graph)
            {
                ArgumentNullException.ThrowIfNull(inputs);
                return inputs.Select(x => create_graph && x.requires_grad ? x.view_as(x) : x.detach().requires_grad_(true)).ToArray();
            }

            private static Tensor[] Run(Func<Tensor[], Tensor[]> func, Tensor[] xs)
            {
                using (torch.enable_grad())
                    return func(xs) ?? throw new ArgumentException("the user-provided function returned null");
            }

            private static void CheckSingleElement(Tensor output, string name, string message)
            {
                if (output.numel() != 1) throw new ArgumentException(message);
            }

            private static Tensor[] CheckV(Tensor[]? v, Tensor[] like, string what, string noneMessage)
            {
                if (v is null)
                {
                    if (like.Length != 1 || like[0].numel() != 1) throw new ArgumentException(noneMessage);
                    return [torch.ones_like(like[0])];
                }
                if (v.Length != like.Length) throw new ArgumentException($"v is a tuple of invalid length: should be {like.Length} but got {v.Length}.");
                for (int i = 0; i < v.Length; i++)
                    if (!Shapes.SameShape(v[i].Shape, like[i].Shape))
                        throw new ArgumentException($"Entry {i} in v has invalid size: should be {new Size(like[i].Shape)} but got {new Size(v[i].Shape)}.");
                _ = what;
                return v;
            }

            /// <summary>autograd.grad over the outputs that require grad; null for inputs they do not reach.</summary>
            private static Tensor?[] Grad(Tensor[] outputs, Tensor[] inputs, Tensor[] grad_outputs, bool create_graph, bool retain_graph)
            {
                var keep = outputs.Select((o, i) => (o, i)).Where(p => p.o.requires_grad).ToArray();
                if (keep.Length == 0) return new Tensor?[inputs.Length];
                var r = torch.autograd.grad(keep.Select(p => p.o).ToArray(), inputs, keep.Select(p => grad_outputs[p.i]).ToArray(),
                    retain_graph: retain_graph, create_graph: create_graph, allow_unused: true);
                return [.. r];
            }

            private static Tensor[] Fill(Tensor?[] g, Tensor[] xs, bool strict, string message)
            {
                var r = new Tensor[xs.Length];
                for (int k = 0; k < xs.Length; k++)
                {
                    if (g[k] is null && strict) throw new InvalidOperationException(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, k));
                    r[k] = g[k] ?? torch.zeros_like(xs[k]);
                }
                return r;
            }

            private static Tensor[] Detach(Tensor[] ts, bool create_graph) => create_graph ? ts : ts.Select(t => t.detach()).ToArray();
        }
    }
}
