using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Holds submodules by name, in insertion order (PyTorch's <c>nn.ModuleDict</c>): each is registered under
        /// its key, so its parameters appear as <c>heads.cls.weight</c> in <c>state_dict</c>. It has no forward of its own.
        /// </summary>
        public class ModuleDict<T> : torch.nn.Module, IDictionary<string, T> where T : torch.nn.Module
        {
            private readonly List<string> _keys = new();
            private readonly Dictionary<string, T> _map = new();

            /// <summary>A dict of the named <paramref name="modules"/>, in order.</summary>
            public ModuleDict(params (string name, T module)[] modules) : base(nameof(ModuleDict<T>))
            {
                foreach (var (n, m) in modules) this[n] = m;
            }

            /// <summary>The module under <paramref name="key"/>; setting adds or replaces it (a new key goes last).</summary>
            public T this[string key]
            {
                get => _map.TryGetValue(key, out var m) ? m : throw new KeyNotFoundException(key);
                set
                {
                    ArgumentNullException.ThrowIfNull(value);
                    base.register_module(key, value);
                    if (!_map.ContainsKey(key)) _keys.Add(key);
                    _map[key] = value;
                }
            }

            /// <summary>The number of modules.</summary>
            public int Count => _keys.Count;

            /// <inheritdoc/>
            public bool IsReadOnly => false;

            /// <summary>The keys, in insertion order.</summary>
            public ICollection<string> Keys => _keys.ToArray();

            /// <summary>The modules, in insertion order.</summary>
            public ICollection<T> Values => _keys.Select(k => _map[k]).ToArray();

            /// <summary>The keys, in insertion order (Python's <c>keys()</c>).</summary>
            public IEnumerable<string> keys() => Keys;

            /// <summary>The modules, in insertion order (Python's <c>values()</c>).</summary>
            public IEnumerable<T> values() => Values;

            /// <summary>(key, module) pairs, in insertion order (Python's <c>items()</c>).</summary>
            public IEnumerable<(string key, T module)> items() => _keys.Select(k => (k, _map[k])).ToArray();

            /// <summary>Adds or replaces every pair of <paramref name="modules"/>.</summary>
            public void update(IEnumerable<(string key, T module)> modules)
            {
                foreach (var (k, m) in modules) this[k] = m;
            }

            /// <summary>Removes and returns the module under <paramref name="key"/>.</summary>
            public T pop(string key)
            {
                var m = this[key];
                Remove(key);
                return m;
            }

            /// <inheritdoc/>
            public void Add(string key, T value)
            {
                if (_map.ContainsKey(key)) throw new ArgumentException($"a module named '{key}' is already in this ModuleDict");
                this[key] = value;
            }

            /// <inheritdoc/>
            public bool ContainsKey(string key) => _map.ContainsKey(key);

            /// <inheritdoc/>
            public bool Remove(string key)
            {
                if (!_map.Remove(key)) return false;
                _keys.Remove(key);
                base.register_module(key, null);
                return true;
            }

            /// <inheritdoc/>
            public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value) => _map.TryGetValue(key, out value);

            /// <inheritdoc/>
            public void Add(KeyValuePair<string, T> item) => Add(item.Key, item.Value);

            /// <inheritdoc/>
            public void Clear()
            {
                foreach (var k in _keys.ToArray()) Remove(k);
            }

            /// <inheritdoc/>
            public bool Contains(KeyValuePair<string, T> item) => _map.TryGetValue(item.Key, out var m) && ReferenceEquals(m, item.Value);

            /// <inheritdoc/>
            public void CopyTo(KeyValuePair<string, T>[] array, int arrayIndex)
            {
                foreach (var k in _keys) array[arrayIndex++] = new(k, _map[k]);
            }

            /// <inheritdoc/>
            public bool Remove(KeyValuePair<string, T> item) => Contains(item) && Remove(item.Key);

            /// <inheritdoc/>
            public IEnumerator<KeyValuePair<string, T>> GetEnumerator()
            {
                foreach (var k in _keys.ToArray()) yield return new(k, _map[k]);
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>Only the dict's own operations may register children, so keys stay in step.</summary>
            public override void register_module(string name, torch.nn.Module? submodule)
            {
                if (submodule is null) { Remove(name); return; }
                if (submodule is not T typed) throw new ArgumentException($"ModuleDict<{typeof(T).Name}> can't hold a {submodule.GetType().Name}");
                this[name] = typed;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A dict of named submodules, in order: <c>nn.ModuleDict(("cls", nn.Linear(4, 3)), ("reg", nn.Linear(4, 1)))</c>.</summary>
            public static ModuleDict<Module> ModuleDict(params (string name, Module module)[] modules) => new(modules);

            /// <summary>A dict of named submodules of one type, in order.</summary>
            public static ModuleDict<T> ModuleDict<T>(params (string name, T module)[] modules) where T : Module => new(modules);
        }
    }
}
