using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    public partial class Tensor
    {
        private bool _requiresGrad;
        internal GradNode? GradFn;
        internal int OutputNr;
        private AccumulateGrad? _accumulator;
        private Tensor? _grad;

        /// <summary>True when gradients flow to this tensor: a leaf that asked for them, or the result of an op on such tensors.</summary>
        public bool requires_grad
        {
            get => _requiresGrad || GradFn is not null;
            set
            {
                if (GradFn is not null && !value)
                    throw new InvalidOperationException("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
                if (value && !IsFloating)
                    throw new InvalidOperationException("only Tensors of floating point dtype can require gradients");
                if (GradFn is null) _requiresGrad = value;
            }
        }

        /// <summary>Sets <see cref="requires_grad"/> in place and returns this tensor.</summary>
        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        /// <summary>The accumulated gradient; null until a backward reaches this tensor.</summary>
        public Tensor? grad
        {
            get => _grad;
            set
            {
                if (value is not null && !Shapes.SameShape(value.Shape, Shape))
                    throw new ArgumentException($"assigned grad has data of a different size");
                _grad = value;
            }
        }

        /// <summary>The node that produced this tensor (PyTorch's <c>grad_fn</c>); null for leaves.</summary>
        public GradNode? grad_fn => GradFn;

        /// <summary>True for tensors not produced by a recorded op.</summary>
        public bool is_leaf => GradFn is null;

        /// <summary>True when <see cref="retain_grad"/> was called on this non-leaf tensor.</summary>
        public bool retains_grad { get; private set; }

        /// <summary>Keeps <see cref="grad"/> for this non-leaf tensor after backward.</summary>
        public Tensor retain_grad()
        {
            if (!requires_grad) throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
            if (GradFn is null || retains_grad) return this;
            GradFn.RetainedOutputs ??= new();
            GradFn.RetainedOutputs[OutputNr] = new WeakReference<Tensor>(this);
            retains_grad = true;
            return this;
        }

        /// <summary>A view of the same data that is cut off from the graph.</summary>
        public Tensor detach()
        {
            ThrowIfDisposed();
            return new(Storage, Shape, Strides, Offset);
        }

        /// <summary>Cuts this tensor off from the graph in place.</summary>
        public Tensor detach_()
        {
            GradFn = null;
            _requiresGrad = false;
            return this;
        }

        /// <summary>
        /// Computes gradients of this tensor with respect to graph leaves and accumulates them into
        /// their <see cref="grad"/>. A non-scalar tensor needs <paramref name="gradient"/>.
        /// </summary>
        public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false)
        {
            if (!requires_grad)
                throw new InvalidOperationException("element 0 of tensors does not require grad and does not have a grad_fn");
            if (gradient is null)
            {
                if (numel() != 1) throw new InvalidOperationException("grad can be implicitly created only for scalar outputs");
                gradient = torch.ones_like(this);
            }
            else if (!Shapes.SameShape(gradient.Shape, Shape))
                throw new ArgumentException($"Mismatch in shape: grad_output[0] has a shape of {new Size(gradient.Shape)} and output[0] has a shape of {new Size(Shape)}.");
            Engine.Run([this], [gradient], retain_graph || create_graph, create_graph);
        }

        /// <summary>The edge gradients of this tensor flow into: its grad_fn, or the leaf's accumulator.</summary>
        internal Edge GradientEdge()
        {
            if (GradFn is not null) return new Edge(GradFn, OutputNr);
            if (!_requiresGrad) return new Edge(null, 0);
            _accumulator ??= new AccumulateGrad(this);
            return new Edge(_accumulator, 0);
        }

        /// <summary>
        /// A fresh handle on this tensor's data and autograd identity, for the graph to use after the user
        /// disposed this handle (TorchSharp code disposes intermediates that autograd saved; libtorch keeps the
        /// data alive for the graph, and so does Flint: the saved tensor's claim on the storage keeps it).
        /// </summary>
        internal Tensor AliasForGraph()
        {
            if (GradFn is null && _requiresGrad) _accumulator ??= new AccumulateGrad(this);
            return new Tensor(Storage, Shape, Strides, Offset)
            {
                GradFn = GradFn,
                OutputNr = OutputNr,
                _requiresGrad = _requiresGrad,
                _accumulator = _accumulator,
                IsWrappedNumber = IsWrappedNumber,
            };
        }

        /// <summary>Makes this tensor the output <paramref name="outputNr"/> of <paramref name="node"/>.</summary>
        internal void SetHistory(GradNode node, int outputNr = 0)
        {
            GradFn = node;
            OutputNr = outputNr;
        }
    }
}
