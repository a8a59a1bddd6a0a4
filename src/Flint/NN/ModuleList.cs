using System.Collections;
using System.Globalization;
using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Holds submodules in a list (PyTorch's <c>nn.ModuleList</c>): each is registered under its position
        /// (<c>"0"</c>, <c>"1"</c>, ...), so its parameters appear as <c>layers.0.weight</c> in <c>state_dict</c> and
        /// move with <c>to</c>. It has no forward of its own: the owning module iterates it.
        /// </summary>
        public class ModuleList<T> : torch.nn.Module, IList<T> where T : torch.nn.Module
        {
            private readonly List<T> _list = new();

            /// <summary>A list of <paramref name="modules"/>, in order.</summary>
            public ModuleList(params T[] modules) : base(nameof(ModuleList<T>))
            {
                foreach (var m in modules) Add(m);
            }

            private static string Key(int i) => i.ToString(CultureInfo.InvariantCulture);

            /// <summary>Re-registers every child under its current position (after an insert or a removal, as PyTorch renumbers).</summary>
            private void Renumber(int oldCount)
            {
                for (int i = 0; i < oldCount; i++) base.register_module(Key(i), null);
                for (int i = 0; i < _list.Count; i++) base.register_module(Key(i), _list[i]);
            }

            private int Wrap(int index)
            {
                int i = index < 0 ? index + _list.Count : index;
                if (i < 0 || i >= _list.Count) throw new IndexOutOfRangeException($"index {index} is out of range");
                return i;
            }

            /// <summary>The module at <paramref name="index"/> (negative counts from the end); setting replaces it.</summary>
            public T this[int index]
            {
                get => _list[Wrap(index)];
                set
                {
                    ArgumentNullException.ThrowIfNull(value);
                    int i = Wrap(index);
                    _list[i] = value;
                    base.register_module(Key(i), value);
                }
            }

            /// <summary>A new ModuleList sharing the modules in <paramref name="range"/>, like <c>layers[1:3]</c>.</summary>
            public ModuleList<T> this[Range range]
            {
                get
                {
                    var (start, length) = range.GetOffsetAndLength(_list.Count);
                    return new ModuleList<T>([.. _list.GetRange(start, length)]);
                }
            }

            /// <summary>The number of modules.</summary>
            public int Count => _list.Count;

            /// <inheritdoc/>
            public bool IsReadOnly => false;

            /// <summary>Appends <paramref name="module"/>, registered under the next position.</summary>
            public ModuleList<T> append(T module)
            {
                Add(module);
                return this;
            }

            /// <summary>Appends every module of <paramref name="modules"/>.</summary>
            public ModuleList<T> extend(IEnumerable<T> modules)
            {
                foreach (var m in modules) Add(m);
                return this;
            }

            /// <summary>Inserts <paramref name="module"/> before <paramref name="index"/>, shifting later positions.</summary>
            public void insert(int index, T module) => Insert(index < 0 ? Math.Max(0, index + _list.Count) : Math.Min(index, _list.Count), module);

            /// <summary>Removes and returns the module at <paramref name="index"/>; later positions shift down.</summary>
            public T pop(int index = -1)
            {
                int i = Wrap(index);
                var m = _list[i];
                RemoveAt(i);
                return m;
            }

            /// <inheritdoc/>
            public void Add(T item)
            {
                ArgumentNullException.ThrowIfNull(item);
                _list.Add(item);
                base.register_module(Key(_list.Count - 1), item);
            }

            /// <inheritdoc/>
            public void Insert(int index, T item)
            {
                ArgumentNullException.ThrowIfNull(item);
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
            public bool Remove(T item)
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
            public int IndexOf(T item) => _list.IndexOf(item);

            /// <inheritdoc/>
            public bool Contains(T item) => _list.Contains(item);

            /// <inheritdoc/>
            public void CopyTo(T[] array, int arrayIndex) => _list.CopyTo(array, arrayIndex);

            /// <inheritdoc/>
            public IEnumerator<T> GetEnumerator() => _list.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

            /// <summary>Only the list's own operations may register children, so positions stay in step.</summary>
            public override void register_module(string name, torch.nn.Module? submodule) =>
                throw new InvalidOperationException("ModuleList registers its modules by position; use append, insert or the indexer");
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A list of submodules, registered as "0", "1", ...: <c>nn.ModuleList(nn.Linear(4, 4), nn.Linear(4, 2))</c>.</summary>
            public static ModuleList<Module> ModuleList(params Module[] modules) => new(modules);

            /// <summary>A list of submodules of one type, registered as "0", "1", ....</summary>
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        }
    }
}
