using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// Runs its modules in order, each one's output feeding the next (PyTorch's <c>nn.Sequential</c>).
        /// Children are named <c>"0"</c>, <c>"1"</c>, ... unless given names; <c>model[0]</c> indexes them.
        /// </summary>
        public class Sequential : torch.nn.Module<Tensor, Tensor>
        {
            private readonly List<torch.nn.Module<Tensor, Tensor>> _layers = new();
            private readonly List<string> _names = new();

            /// <summary>An empty Sequential (its forward returns the input).</summary>
            protected internal Sequential() { }

            /// <summary>A Sequential of named modules, in order.</summary>
            protected internal Sequential(params (string name, torch.nn.Module<Tensor, Tensor> submodule)[] modules)
            {
                foreach (var (n, m) in modules) append(n, m);
            }

            /// <summary>A Sequential of modules named by position.</summary>
            protected internal Sequential(params torch.nn.Module<Tensor, Tensor>[] modules)
            {
                foreach (var m in modules) append(m);
            }

            /// <summary>Adds a module at the end under <paramref name="name"/>.</summary>
            public Sequential append(string name, torch.nn.Module<Tensor, Tensor> module)
            {
                ArgumentNullException.ThrowIfNull(module);
                if (_names.Contains(name))
                    throw new ArgumentException($"a module named '{name}' is already in this Sequential");
                register_module(name, module);
                return this;
            }

            /// <summary>Registers a child, keeping the run order in step: a new name runs last, a known name is replaced in place, null removes.</summary>
            public override void register_module(string name, torch.nn.Module? submodule)
            {
                if (submodule is not null and not torch.nn.Module<Tensor, Tensor>)
                    throw new ArgumentException($"Sequential can only hold Module<Tensor, Tensor> modules, got {submodule.GetType().Name}");
                base.register_module(name, submodule);
                int i = _names.IndexOf(name);
                if (submodule is null)
                {
                    if (i >= 0) { _names.RemoveAt(i); _layers.RemoveAt(i); }
                }
                else if (i >= 0) _layers[i] = (torch.nn.Module<Tensor, Tensor>)submodule;
                else { _names.Add(name); _layers.Add((torch.nn.Module<Tensor, Tensor>)submodule); }
            }

            /// <summary>Adds a module at the end, named by its position.</summary>
            public Sequential append(torch.nn.Module<Tensor, Tensor> module) => append(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

            /// <summary>The number of modules.</summary>
            public int Count => _layers.Count;

            /// <summary>The module at <paramref name="index"/>; negative indices count from the end, as in Python.</summary>
            public torch.nn.Module<Tensor, Tensor> this[int index]
            {
                get
                {
                    int i = index < 0 ? index + _layers.Count : index;
                    if (i < 0 || i >= _layers.Count) throw new IndexOutOfRangeException($"index {index} is out of range");
                    return _layers[i];
                }
            }

            /// <summary>A new Sequential sharing the modules in <paramref name="range"/> (keeping their names), like <c>model[1:3]</c>.</summary>
            public Sequential this[Range range]
            {
                get
                {
                    var (start, length) = range.GetOffsetAndLength(_layers.Count);
                    var result = new Sequential();
                    for (int i = start; i < start + length; i++) result.append(_names[i], _layers[i]);
                    return result;
                }
            }

            /// <summary>Feeds <paramref name="input"/> through every module's <c>call</c> in order.</summary>
            public override Tensor forward(Tensor input)
            {
                var x = input;
                foreach (var m in _layers) x = m.call(x);
                return x;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>An empty Sequential; add modules with <c>append</c>.</summary>
            public static Sequential Sequential() => new();

            /// <summary>A Sequential of modules named "0", "1", ...: <c>nn.Sequential(nn.Linear(4, 2), nn.ReLU())</c>.</summary>
            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

            /// <summary>A Sequential of named modules: <c>nn.Sequential(("fc1", nn.Linear(4, 2)), ("act", nn.ReLU()))</c>.</summary>
            public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules) => new(modules);

            /// <summary>A Sequential of the given modules, named by position.</summary>
            public static Sequential Sequential(IEnumerable<Module<Tensor, Tensor>> modules) => new(modules.ToArray());

            /// <summary>A Sequential of the given named modules.</summary>
            public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules) => new(modules.ToArray());
        }
    }
}
