using System.Collections;
using System.Globalization;
using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Holds parameters in a list (PyTorch's <c>nn.ParameterList</c>): each is registered under its position
        /// (<c>"0"</c>, <c>"1"</c>, ...), so an owning module's <c>state_dict</c> names them <c>ps.0</c>, <c>ps.1</c>.
        /// A plain tensor added is wrapped as a Parameter, as in PyTorch.
        /// </summary>
        public class ParameterList : torch.nn.Module, IList<Parameter>
        {
            private readonly List<Parameter> _list = new();

            /// <summary>A list of <paramref name="parameters"/>, in order.</summary>
            public ParameterList(params Tensor[] parameters) : base(nameof(ParameterList))
            {
                foreach (var p in parameters) append(p);
            }

            private static string Key(int i) => i.ToString(CultureInfo.InvariantCulture);

            private static Parameter AsParameter(Tensor t) => t as Parameter ?? torch.nn.Parameter(t);

            private int Wrap(int index)
            {
                int i = index < 0 ? index + _list.Count : index;
                if (i < 0 || i >= _list.Count) throw new IndexOutOfRangeException($"index {index} is out of range");
                return i;
            }

            /// <summary>The parameter at <paramref name="index"/> (negative counts from the end); setting replaces it.</summary>
            public Parameter this[int index]
            {
                get => _list[Wrap(index)];
                set
                {
                    int i = Wrap(index);
                    _list[i] = value;
                    register_parameter(Key(i), value);
                }
            }

            /// <summary>The number of parameters.</summary>
            public int Count => _list.Count;

            /// <inheritdoc/>
            public bool IsReadOnly => false;

            /// <summary>Appends <paramref name="value"/> (wrapped as a Parameter when it is a plain tensor).</summary>
            public ParameterList append(Tensor value)
            {
                Add(AsParameter(value));
                return this;
            }

            /// <summary>Appends every tensor of <paramref name="values"/>.</summary>
            public ParameterList extend(IEnumerable<Tensor> values)
            {
                foreach (var v in values) append(v);
                return this;
            }

            /// <inheritdoc/>
            public void Add(Parameter item)
            {
                ArgumentNullException.ThrowIfNull(item);
                _list.Add(item);
                register_parameter(Key(_list.Count - 1), item);
            }

            private void Renumber(int oldCount)
            {
                for (int i = 0; i < oldCount; i++) register_parameter(Key(i), null);
                for (int i = 0; i < _list.Count; i++) register_parameter(Key(i), _list[i]);
            }

            /// <inheritdoc/>
            public void Insert(int index, Parameter item)
            {
                int old = _list.Count;
                _list.Insert(index, item);
                Renumber(old);
            }

            /// <inheritdoc/>
            public void RemoveAt(int index)
            {
                int old = _list.Count;
                _list.RemoveAt(Wrap(index));
                Renumber(old);
            }

            /// <inheritdoc/>
            public bool Remove(Parameter item)
            {
                int i = _list.IndexOf(item);
                if (i < 0) return false;
                RemoveAt(i);
                return true;
            }

            /// <inheritdoc/>
            public void Clear()
            {
                int old = _list.Count;
                _list.Clear();
                Renumber(old);
            }

            /// <inheritdoc/>
            public int IndexOf(Parameter item) => _list.IndexOf(item);

            /// <inheritdoc/>
            public bool Contains(Parameter item) => _list.Contains(item);

            /// <inheritdoc/>
            public void CopyTo(Parameter[] array, int arrayIndex) => _list.CopyTo(array, arrayIndex);

            /// <inheritdoc/>
            public IEnumerator<Parameter> GetEnumerator() => _list.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>One line per parameter, as PyTorch 1.13 prints it: <c>(0): Parameter containing: [torch.float32 of size 2x3]</c>.</summary>
            public override string extra_repr() => string.Join("\n", _list.Select((p, i) =>
                $"  ({i}): Parameter containing: [{DTypes.Name(p.dtype)} of size {string.Join("x", p.shape)}{(p.device.type == DeviceType.CPU ? "" : $" (GPU {Math.Max(p.device.index, 0)})")}]"));
        }

        /// <summary>
        /// Holds parameters by name, in insertion order (PyTorch's <c>nn.ParameterDict</c>): each registered under its key.
        /// </summary>
        public class ParameterDict : torch.nn.Module, IEnumerable<KeyValuePair<string, Parameter>>
        {
            private readonly List<string> _keys = new();
            private readonly Dictionary<string, Parameter> _map = new();

            /// <summary>A dict of the named <paramref name="parameters"/>, in order.</summary>
            public ParameterDict(params (string name, Tensor parameter)[] parameters) : base(nameof(ParameterDict))
            {
                foreach (var (n, p) in parameters) this[n] = p as Parameter ?? torch.nn.Parameter(p);
            }

            /// <summary>The parameter under <paramref name="key"/>; setting adds or replaces it (a new key goes last).</summary>
            public Parameter this[string key]
            {
                get => _map.TryGetValue(key, out var p) ? p : throw new KeyNotFoundException(key);
                set
                {
                    ArgumentNullException.ThrowIfNull(value);
                    register_parameter(key, value);
                    if (!_map.ContainsKey(key)) _keys.Add(key);
                    _map[key] = value;
                }
            }

            /// <summary>The number of parameters.</summary>
            public int Count => _keys.Count;

            /// <summary>The keys, in insertion order.</summary>
            public IEnumerable<string> keys() => _keys.ToArray();

            /// <summary>The parameters, in insertion order.</summary>
            public IEnumerable<Parameter> values() => _keys.Select(k => _map[k]).ToArray();

            /// <summary>(key, parameter) pairs, in insertion order.</summary>
            public IEnumerable<(string key, Parameter parameter)> items() => _keys.Select(k => (k, _map[k])).ToArray();

            /// <summary>Whether <paramref name="key"/> is present.</summary>
            public bool ContainsKey(string key) => _map.ContainsKey(key);

            /// <summary>Removes and returns the parameter under <paramref name="key"/>.</summary>
            public Parameter pop(string key)
            {
                var p = this[key];
                _map.Remove(key);
                _keys.Remove(key);
                register_parameter(key, null);
                return p;
            }

            /// <summary>Adds or replaces every pair of <paramref name="parameters"/>.</summary>
            public void update(IEnumerable<(string key, Tensor parameter)> parameters)
            {
                foreach (var (k, p) in parameters) this[k] = p as Parameter ?? torch.nn.Parameter(p);
            }

            /// <inheritdoc/>
            public IEnumerator<KeyValuePair<string, Parameter>> GetEnumerator()
            {
                foreach (var k in _keys.ToArray()) yield return new(k, _map[k]);
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>One line per parameter, as PyTorch 1.13 prints it: <c>(a): Parameter containing: [torch.FloatTensor of size 3]</c>.</summary>
            public override string extra_repr() => string.Join("\n", _keys.Select(k =>
                $"  ({k}): Parameter containing: [{Ops.EmbeddingOps.TensorTypeName(_map[k])} of size {string.Join("x", _map[k].shape)}{(_map[k].device.type == DeviceType.CPU ? "" : $" (GPU {Math.Max(_map[k].device.index, 0)})")}]"));
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A list of parameters, registered as "0", "1", ... (plain tensors are wrapped as parameters).</summary>
            public static ParameterList ParameterList(params Tensor[] parameters) => new(parameters);

            /// <summary>A dict of named parameters, in order.</summary>
            public static ParameterDict ParameterDict(params (string name, Tensor parameter)[] parameters) => new(parameters);
        }
    }
}
