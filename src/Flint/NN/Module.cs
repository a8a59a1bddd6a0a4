using Flint.Modules;
using System.Reflection;
using System.Text;

namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base class of all neural-network modules (PyTorch's <c>torch.nn.Module</c>, spelled as TorchSharp does).
        /// A module owns parameters, buffers and child modules, registered by name in insertion order;
        /// names of nested entries are dotted paths (<c>"0.weight"</c>, <c>"linear1.bias"</c>).
        /// </summary>
        /// <remarks>
        /// Derive from <see cref="Module{T, TResult}"/>, assign layers and <see cref="Parameter"/>s to fields
        /// in the constructor and call <see cref="RegisterComponents"/> at its end (TorchSharp's way of doing
        /// what Python's attribute assignment does), or register explicitly with <see cref="register_parameter"/>,
        /// <see cref="register_buffer"/> and <see cref="register_module"/>.
        /// </remarks>
        // The trimmer keeps every field of every module type: RegisterComponents finds them by reflection.
        [System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(
            System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields | System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicFields)]
        public abstract class Module : IDisposable
        {
            private readonly OrderedDictionary<string, Parameter> _parameters = new();
            private readonly OrderedDictionary<string, (Tensor tensor, bool persistent)> _buffers = new();
            private readonly OrderedDictionary<string, Module> _modules = new();
            private bool _areComponentsRegistered;
            private bool _training = true;

            /// <summary>The name given at construction (TorchSharp's module name); defaults to the class name.</summary>
            protected string? name;

            /// <summary>Creates a module named <paramref name="name"/>.</summary>
            protected Module(string name) => this.name = name;

            /// <summary>Creates a module named after its class.</summary>
            protected Module() { }

            /// <summary>The module's name: the one given at construction, else the class name.</summary>
            public virtual string GetName() => name ?? ClassName(GetType());

            // ------------------------------------------------------------------ registration

            /// <summary>
            /// Adds (or replaces) a parameter under <paramref name="name"/>; a null parameter removes it,
            /// as PyTorch's <c>register_parameter(name, None)</c> leaves it out of <c>parameters()</c>.
            /// </summary>
            public virtual void register_parameter(string name, Parameter? param)
            {
                CheckName(name, "parameter", _parameters.ContainsKey(name));
                if (param is null) _parameters.Remove(name);
                else _parameters[name] = param;
            }

            /// <summary>
            /// Adds (or replaces) a buffer: a tensor that is state but not a parameter. Persistent buffers are
            /// part of <see cref="state_dict"/>; a null tensor removes the buffer.
            /// </summary>
            public virtual void register_buffer(string name, Tensor? tensor, bool persistent = true)
            {
                CheckName(name, "buffer", _buffers.ContainsKey(name));
                if (tensor is Parameter)
                    throw new ArgumentException($"cannot assign a Parameter to buffer '{name}'; use register_parameter");
                if (tensor is null) _buffers.Remove(name);
                else _buffers[name] = (tensor, persistent);
            }

            /// <summary>Adds (or replaces) a child module; a null module removes it.</summary>
            public virtual void register_module(string name, Module? submodule)
            {
                CheckName(name, "module", _modules.ContainsKey(name));
                if (ReferenceEquals(submodule, this))
                    throw new ArgumentException($"a module can't be its own child ('{name}')");
                if (submodule is null) _modules.Remove(name);
                else _modules[name] = submodule;
            }

            /// <summary>Alias of <see cref="register_module"/>.</summary>
            public void add_module(string name, Module? module) => register_module(name, module);

            private void CheckName(string name, string kind, bool sameKind)
            {
                ArgumentNullException.ThrowIfNull(name);
                if (name.Length == 0) throw new ArgumentException($"{kind} name can't be empty string \"\"");
                if (name.Contains('.')) throw new ArgumentException($"{kind} name can't contain \".\", got: {name}");
                if (sameKind) return;
                if (_parameters.ContainsKey(name) || _buffers.ContainsKey(name) || _modules.ContainsKey(name))
                    throw new ArgumentException($"attribute '{name}' already exists");
            }

            /// <summary>
            /// Registers this module's fields by reflection, in declaration order (base classes first):
            /// <see cref="Module"/> fields become children, <see cref="Parameter"/> fields parameters and other
            /// <see cref="Tensor"/> fields buffers. Call it at the end of a custom module's constructor.
            /// A field's component name is its <see cref="ComponentNameAttribute"/>, else the field name
            /// (an auto-property's backing field takes the property's name). Runs once.
            /// </summary>
            [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075",
                Justification = "Module's DynamicallyAccessedMembers(fields) annotation is inherited by every type walked here (all derive from Module), so their fields are kept.")]
            protected virtual void RegisterComponents()
            {
                if (_areComponentsRegistered) return;
                var types = new List<Type>();
                for (var t = GetType(); t is not null && t != typeof(Module); t = t.BaseType) types.Add(t);
                for (int i = types.Count - 1; i >= 0; i--)
                {
                    foreach (var field in types[i].GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                    {
                        var value = field.GetValue(this);
                        if (value is not (Module or Tensor) || IsRegistered(value)) continue;
                        var componentName = ComponentName(field);
                        if (_parameters.ContainsKey(componentName) || _buffers.ContainsKey(componentName) || _modules.ContainsKey(componentName)) continue;
                        switch (value)
                        {
                            case Module m: register_module(componentName, m); break;
                            case Parameter p: register_parameter(componentName, p); break;
                            case Tensor t: register_buffer(componentName, t); break;
                        }
                    }
                }
                _areComponentsRegistered = true;
            }

            private bool IsRegistered(object value)
            {
                foreach (var p in _parameters.Values) if (ReferenceEquals(p, value)) return true;
                foreach (var b in _buffers.Values) if (ReferenceEquals(b.tensor, value)) return true;
                foreach (var m in _modules.Values) if (ReferenceEquals(m, value)) return true;
                return false;
            }

            private static string ComponentName(FieldInfo field)
            {
                var attr = field.GetCustomAttribute<ComponentNameAttribute>();
                if (attr?.Name is { Length: > 0 } n) return n;
                // "<fc>k__BackingField" is the compiler's field behind the auto-property "fc".
                var fieldName = field.Name;
                int close = fieldName.IndexOf('>');
                return fieldName.StartsWith('<') && close > 1 ? fieldName[1..close] : fieldName;
            }

            // ------------------------------------------------------------------ traversal

            /// <summary>
            /// This module's parameters and, with <paramref name="recurse"/>, those of all descendants, as
            /// (dotted name, parameter) in registration order; a parameter shared by several modules appears once.
            /// </summary>
            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, module) in recurse ? named_modules() : [("", this)])
                    foreach (var (n, p) in module._parameters)
                        if (seen.Add(p)) yield return (Join(prefix, n), p);
            }

            /// <summary>The parameters of <see cref="named_parameters"/>, without names.</summary>
            public virtual IEnumerable<Parameter> parameters(bool recurse = true)
            {
                foreach (var (_, p) in named_parameters(recurse)) yield return p;
            }

            /// <summary>Buffers as (dotted name, tensor); non-persistent ones only with <paramref name="include_nonpersistent"/>.</summary>
            public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
            {
                var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
                foreach (var (prefix, module) in recurse ? named_modules() : [("", this)])
                    foreach (var (n, b) in module._buffers)
                        if ((b.persistent || include_nonpersistent) && seen.Add(b.tensor)) yield return (Join(prefix, n), b.tensor);
            }

            /// <summary>The buffers of <see cref="named_buffers"/>, without names.</summary>
            public virtual IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true)
            {
                foreach (var (_, b) in named_buffers(recurse, include_nonpersistent)) yield return b;
            }

            /// <summary>The direct children as (name, module), each module once.</summary>
            public virtual IEnumerable<(string name, Module module)> named_children()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                foreach (var (n, m) in _modules)
                    if (seen.Add(m)) yield return (n, m);
            }

            /// <summary>The direct children.</summary>
            public virtual IEnumerable<Module> children()
            {
                foreach (var (_, m) in named_children()) yield return m;
            }

            /// <summary>
            /// Every module of the tree, this one first (named <c>""</c>), in depth-first pre-order as PyTorch
            /// yields them; each module once.
            /// </summary>
            public virtual IEnumerable<(string name, Module module)> named_modules()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                var stack = new Stack<(string, Module)>();
                stack.Push(("", this));
                while (stack.Count > 0)
                {
                    var (prefix, module) = stack.Pop();
                    if (!seen.Add(module)) continue;
                    yield return (prefix, module);
                    for (int i = module._modules.Count - 1; i >= 0; i--)
                    {
                        var (n, child) = module._modules.GetAt(i);
                        stack.Push((Join(prefix, n), child));
                    }
                }
            }

            /// <summary>The modules of <see cref="named_modules"/>, without names.</summary>
            public virtual IEnumerable<Module> modules()
            {
                foreach (var (_, m) in named_modules()) yield return m;
            }

            /// <summary>Calls <paramref name="fn"/> on every descendant (children first) and then on this module.</summary>
            public virtual Module apply(Action<Module> fn)
            {
                foreach (var (_, m) in named_children()) m.apply(fn);
                fn(this);
                return this;
            }

            private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

            // ------------------------------------------------------------------ modes and gradients

            /// <summary>True in training mode (the default); <see cref="eval"/> turns it off.</summary>
            public virtual bool training => _training;

            /// <summary>Sets training mode on this module and all descendants (affects Dropout and the like).</summary>
            public virtual void train(bool train = true)
            {
                _training = train;
                foreach (var (_, m) in named_children()) m.train(train);
            }

            /// <summary>Sets evaluation mode: <c>train(false)</c>.</summary>
            public virtual void eval() => train(false);

            /// <summary>
            /// Clears the gradients of all parameters: sets them to null (PyTorch 2's default), or with
            /// <paramref name="set_to_none"/> false zeroes them in place.
            /// </summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    var g = p.grad;
                    if (g is null) continue;
                    if (set_to_none) { p.grad = null; continue; }
                    if (g.grad_fn is not null) g.detach_();
                    using (no_grad()) g.zero_();
                }
            }

            // ------------------------------------------------------------------ conversion

            /// <summary>
            /// Converts the floating-point parameters and buffers of the tree to <paramref name="dtype"/> and moves
            /// all of them to <paramref name="device"/>, in place: the <see cref="Parameter"/> objects stay the same
            /// (PyTorch's <c>param.data = ...</c>), so optimizers holding them keep working. Gradients follow.
            /// </summary>
            protected internal virtual Module _to(Device? device, ScalarType? dtype)
            {
                if (dtype is { } dt && !DTypes.IsFloatingPoint(dt))
                    throw new ArgumentException($"nn.Module.to only accepts floating point or complex dtypes, but got desired dtype={DTypes.Name(dt)}");
                using (no_grad())
                {
                    foreach (var p in parameters())
                    {
                        var converted = Convert(p, device, dtype);
                        if (converted is null) continue;
                        p.SetData(converted);
                        if (p.grad is { } g && Convert(g, device, dtype) is { } cg) p.grad = cg;
                    }
                    foreach (var b in buffers())
                        if (Convert(b, device, dtype) is { } cb) b.SetData(cb);
                }
                return this;
            }

            private static Tensor? Convert(Tensor t, Device? device, ScalarType? dtype)
            {
                var target = dtype is { } d && t.is_floating_point() ? d : t.dtype;
                var dev = device ?? t.device;
                if (target == t.dtype && dev == t.device) return null;
                return t.detach().to(dev).to(target, copy: true);
            }

            // ------------------------------------------------------------------ state

            /// <summary>
            /// The module's state: parameters and persistent buffers by dotted name, in PyTorch's order (each
            /// module's own entries, then its children's). Values share storage with the module (detached views).
            /// </summary>
            public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                destination ??= new Dictionary<string, Tensor>();
                foreach (var (key, t) in StateEntries(prefix ?? "")) destination.TryAdd(key, t.detach());
                return destination;
            }

            /// <summary>(key, live tensor) for every state entry, shared tensors under each of their names.</summary>
            private IEnumerable<(string key, Tensor tensor)> StateEntries(string prefix)
            {
                foreach (var (n, p) in _parameters) yield return (Join(prefix, n), p);
                foreach (var (n, b) in _buffers) if (b.persistent) yield return (Join(prefix, n), b.tensor);
                foreach (var (n, m) in _modules)
                    foreach (var e in m.StateEntries(Join(prefix, n))) yield return e;
            }

            /// <summary>
            /// Copies <paramref name="source"/>'s tensors into this module's parameters and buffers. With
            /// <paramref name="strict"/>, missing or unexpected keys are an error; a shape mismatch always is.
            /// Errors use PyTorch's wording and are raised before anything is copied.
            /// </summary>
            /// <returns>The missing and the unexpected keys.</returns>
            /// <exception cref="ArgumentException">Keys or shapes don't match.</exception>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                ArgumentNullException.ThrowIfNull(source);
                var expected = new List<(string key, Tensor tensor)>();
                var expectedKeys = new HashSet<string>();
                foreach (var e in StateEntries(""))
                    if ((skip is null || !skip.Contains(e.key)) && expectedKeys.Add(e.key)) expected.Add(e);

                var missing = new List<string>();
                var unexpected = new List<string>();
                var mismatches = new List<string>();
                foreach (var (key, target) in expected)
                {
                    if (!source.TryGetValue(key, out var src)) { missing.Add(key); continue; }
                    if (!src.size().Equals(target.size()))
                        mismatches.Add($"size mismatch for {key}: copying a param with shape {src.size()} from checkpoint, the shape in current model is {target.size()}.");
                }
                foreach (var key in source.Keys)
                    if ((skip is null || !skip.Contains(key)) && !expectedKeys.Contains(key)) unexpected.Add(key);

                var errors = new List<string>();
                if (strict && missing.Count > 0) errors.Add("Missing key(s) in state_dict: " + Quote(missing) + ". ");
                if (strict && unexpected.Count > 0) errors.Add("Unexpected key(s) in state_dict: " + Quote(unexpected) + ". ");
                errors.AddRange(mismatches);
                if (errors.Count > 0)
                    throw new ArgumentException($"Error(s) in loading state_dict for {ClassName(GetType())}:\n\t" + string.Join("\n\t", errors));

                using (no_grad())
                    foreach (var (key, target) in expected)
                        if (source.TryGetValue(key, out var src)) target.copy_(src);
                return (missing, unexpected);
            }

            private static string Quote(List<string> keys) => string.Join(", ", keys.Select(k => $"\"{k}\""));

            // ------------------------------------------------------------------ printing

            /// <summary>The text printed inside this module's parentheses (e.g. <c>in_features=4, out_features=2, bias=True</c>).</summary>
            public virtual string extra_repr() => "";

            /// <summary>The module tree as PyTorch prints it: <c>Sequential(\n  (0): Linear(...)\n  ...\n)</c>.</summary>
            public override string ToString()
            {
                var extra = extra_repr();
                var lines = new List<string>();
                if (extra.Length > 0) lines.AddRange(extra.Split('\n'));
                int extraCount = lines.Count;
                foreach (var (n, m) in _modules)
                    lines.Add($"({n}): " + m.ToString().Replace("\n", "\n  "));
                var sb = new StringBuilder(ClassName(GetType())).Append('(');
                if (lines.Count == 1 && extraCount == 1) sb.Append(lines[0]);
                else if (lines.Count > 0) sb.Append("\n  ").AppendJoin("\n  ", lines).Append('\n');
                return sb.Append(')').ToString();
            }

            private static string ClassName(Type t)
            {
                var n = t.Name;
                int tick = n.IndexOf('`');
                return tick >= 0 ? n[..tick] : n;
            }

            /// <summary>Python's repr of a float (<c>0.5</c>, <c>1.0</c>, <c>1e-05</c>), for <see cref="extra_repr"/>.</summary>
            protected internal static string FormatFloat(double v)
            {
                if (double.IsNaN(v)) return "nan";
                if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
                var s = v.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Replace("E", "e");
                return s.Contains('.') || s.Contains('e') ? s : s + ".0";
            }

            /// <summary>Python's <c>True</c>/<c>False</c>.</summary>
            protected static string FormatBool(bool b) => b ? "True" : "False";

            // ------------------------------------------------------------------ disposal

            /// <summary>Releases nothing eagerly (memory is managed); present for TorchSharp-style <c>using</c>.</summary>
            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            /// <summary>The .NET dispose pattern hook for derived modules.</summary>
            protected virtual void Dispose(bool disposing) { }
        }
    }
}
