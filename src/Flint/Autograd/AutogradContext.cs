using System.Runtime.CompilerServices;
using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    public static partial class autograd
    {
        /// <summary>
        /// What a custom <see cref="Function{T}"/> keeps between <c>forward</c> and <c>backward</c>
        /// (PyTorch's <c>ctx</c>): saved tensors (version-checked, freed after a non-retaining
        /// backward), arbitrary data, and which outputs are non-differentiable or were written in place.
        /// </summary>
        public sealed class AutogradContext
        {
            private List<Tensor?> _toSave = [];
            private SavedTensor?[]? _saved;
            private bool _sealed, _freed;
            private GradNode? _node;
            private readonly Dictionary<string, object?> _data = [];
            private readonly bool[] _needsInputGrad;

            internal AutogradContext(bool[] needsInputGrad) => _needsInputGrad = needsInputGrad;

            internal List<Tensor> DirtyTensors { get; private set; } = [];
            internal List<Tensor> NonDifferentiableTensors { get; private set; } = [];

            /// <summary>Whether missing output gradients reach <c>backward</c> as zeros (true, the default) or as null.</summary>
            public bool MaterializeGrads { get; private set; } = true;

            /// <summary>
            /// For each argument passed to <c>apply</c>, whether it is a tensor whose gradient is needed
            /// (PyTorch's <c>ctx.needs_input_grad</c>); lets <c>backward</c> skip work.
            /// </summary>
            public IReadOnlyList<bool> needs_input_grad => _needsInputGrad;

            /// <summary>Saves tensors for <c>backward</c>; call at most once, from <c>forward</c>. Null entries come back as null.</summary>
            // Preferred for a collection expression ([x, y]), which would otherwise match both overloads.
            [OverloadResolutionPriority(1)]
            public void save_for_backward(List<Tensor> tensors)
            {
                ArgumentNullException.ThrowIfNull(tensors);
                if (_sealed) throw new InvalidOperationException("save_for_backward can only be called from forward");
                _toSave = [.. tensors];
            }

            /// <summary>Saves tensors for <c>backward</c>; call at most once, from <c>forward</c>.</summary>
            public void save_for_backward(params Tensor[] tensors) => save_for_backward(new List<Tensor>(tensors));

            /// <summary>
            /// The tensors saved in <c>forward</c>, after checking that none was modified in place since;
            /// throws PyTorch's error once a non-retaining backward has freed them.
            /// </summary>
            public List<Tensor> get_saved_variables()
            {
                if (_freed) throw new InvalidOperationException(AutogradErrors.SecondBackward);
                if (_saved is null) return [.. _toSave.Select(t => t!)];
                var list = new List<Tensor>(_saved.Length);
                foreach (var s in _saved) list.Add(s is { } st ? st.Unpack(_node!) : null!);
                return list;
            }

            /// <summary>The saved tensors (PyTorch's <c>ctx.saved_tensors</c>); same as <see cref="get_saved_variables"/>.</summary>
            public List<Tensor> saved_tensors => get_saved_variables();

            /// <summary>Keeps a non-tensor value for <c>backward</c> (store tensors with <see cref="save_for_backward(List{Tensor})"/>).</summary>
            public void save_data(string key, object? value)
            {
                ArgumentNullException.ThrowIfNull(key);
                if (value is Tensor)
                    throw new ArgumentException("save_data stores non-tensor values; save tensors with save_for_backward so in-place changes are detected");
                _data[key] = value;
            }

            /// <summary>A value stored with <see cref="save_data"/>, or null when the key is unknown.</summary>
            public object? get_data(string key) => _data.TryGetValue(key, out var v) ? v : null;

            /// <summary>Marks outputs that have no gradient (e.g. an index output); they get <c>requires_grad=False</c>.</summary>
            // Preferred for a collection expression ([x, y]), which would otherwise match both overloads.
            [OverloadResolutionPriority(1)]
            public void mark_non_differentiable(List<Tensor> tensors) => NonDifferentiableTensors = [.. tensors];

            /// <summary>Marks outputs that have no gradient.</summary>
            public void mark_non_differentiable(params Tensor[] tensors) => mark_non_differentiable(new List<Tensor>(tensors));

            /// <summary>Marks inputs that <c>forward</c> modified in place (and returns as outputs).</summary>
            // Preferred for a collection expression ([x, y]), which would otherwise match both overloads.
            [OverloadResolutionPriority(1)]
            public void mark_dirty(List<Tensor> tensors) => DirtyTensors = [.. tensors];

            /// <summary>Marks inputs that <c>forward</c> modified in place.</summary>
            public void mark_dirty(params Tensor[] tensors) => mark_dirty(new List<Tensor>(tensors));

            /// <summary>Chooses whether missing output gradients are passed to <c>backward</c> as zeros (default) or null.</summary>
            public void set_materialize_grads(bool value) => MaterializeGrads = value;

            /// <summary>After forward: turns the tensors to save into version-checked saved tensors.</summary>
            internal void Seal(GradNode? node)
            {
                _sealed = true;
                _node = node;
                if (node is null) return; // nothing will run backward: keep the plain list
                _saved = new SavedTensor?[_toSave.Count];
                for (int i = 0; i < _toSave.Count; i++)
                    _saved[i] = _toSave[i] is { } t ? new SavedTensor(t) : null;
                _toSave = [];
            }

            /// <summary>Drops the saved tensors after a backward that did not retain the graph.</summary>
            internal void Release()
            {
                if (_saved is null) return;
                foreach (var s in _saved) s?.Release();
                _saved = null;
                _freed = true;
            }
        }
    }
}
