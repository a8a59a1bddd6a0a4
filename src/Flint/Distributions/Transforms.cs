using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class distributions
    {
        /// <summary>
        /// PyTorch's <c>torch.distributions.transforms</c>: invertible maps with computable log |det J|, the
        /// building blocks of <see cref="TransformedDistribution"/>. Everything is composed from tensor ops, so
        /// gradients flow and every device works.
        /// </summary>
        public static partial class transforms
        {
            /// <summary>
            /// An invertible transformation with a computable log absolute Jacobian determinant (PyTorch's
            /// <c>Transform</c>). Subclasses implement <see cref="_call"/> and/or <see cref="_inverse"/> and, when
            /// bijective, <see cref="log_abs_det_jacobian"/>. With <c>cache_size</c> 1 the latest (x, y) pair is kept.
            /// </summary>
            public abstract class Transform
            {
                private readonly int _cacheSize;
                private Tensor? _cachedX, _cachedY;
                private Transform? _inv;

                /// <summary>Only 0 (no cache) and 1 (the latest pair) are supported, as in PyTorch.</summary>
                protected Transform(int cache_size = 0)
                {
                    if (cache_size != 0 && cache_size != 1) throw new ArgumentException("cache_size must be 0 or 1");
                    _cacheSize = cache_size;
                }

                /// <summary>The cache size (0 or 1).</summary>
                public int cache_size => _cacheSize;

                /// <summary>The event dimension, when domain and codomain agree.</summary>
                public virtual int event_dim => domain.event_dim == codomain.event_dim
                    ? domain.event_dim
                    : throw new ArgumentException("Please use either .domain.event_dim or .codomain.event_dim");

                /// <summary>The inverse transform (<c>t.inv.inv</c> is <c>t</c>).</summary>
                public virtual Transform inv => _inv ??= new _InverseTransform(this);

                /// <summary>The constraint valid inputs satisfy.</summary>
                public abstract constraints.Constraint domain { get; }

                /// <summary>The constraint valid outputs satisfy.</summary>
                public abstract constraints.Constraint codomain { get; }

                /// <summary>Whether <c>t.inv(t(x)) == x</c> for every x in the domain.</summary>
                public virtual bool bijective => false;

                /// <summary>The sign of the Jacobian determinant (+1 or −1 for monotone univariate transforms).</summary>
                public virtual Tensor sign => IntSign is { } s ? torch.tensor((long)s) : throw new NotSupportedException($"{GetType().Name} has no sign");

                /// <summary>The sign when it is the Python integer PyTorch uses (null when it is a tensor or undefined).</summary>
                internal virtual int? IntSign => null;

                /// <summary>The sign as PyTorch holds it: an int, or a tensor.</summary>
                internal object SignObject => IntSign is { } s ? s : sign;

                /// <summary>y = t(x).</summary>
                public Tensor forward(Tensor x) => Call(x);

                /// <summary>y = t(x) (PyTorch's <c>__call__</c>).</summary>
                public Tensor call(Tensor x) => Call(x);

                internal virtual Tensor Call(Tensor x)
                {
                    if (_cacheSize == 0) return _call(x);
                    if (ReferenceEquals(x, _cachedX)) return _cachedY!;
                    var y = _call(x);
                    (_cachedX, _cachedY) = (x, y);
                    return y;
                }

                internal virtual Tensor InvCall(Tensor y)
                {
                    if (_cacheSize == 0) return _inverse(y);
                    if (ReferenceEquals(y, _cachedY)) return _cachedX!;
                    var x = _inverse(y);
                    (_cachedX, _cachedY) = (x, y);
                    return x;
                }

                /// <summary>The forward map.</summary>
                protected virtual Tensor _call(Tensor x) => throw new NotSupportedException($"{GetType().Name} does not implement the forward map");

                /// <summary>The inverse map.</summary>
                protected virtual Tensor _inverse(Tensor y) => throw new NotSupportedException($"{GetType().Name} does not implement the inverse map");

                /// <summary>log |dy/dx| given input and output.</summary>
                public virtual Tensor log_abs_det_jacobian(Tensor x, Tensor y) => throw new NotSupportedException($"{GetType().Name} does not implement log_abs_det_jacobian");

                /// <summary>The output shape for an input shape (default: unchanged).</summary>
                public virtual long[] forward_shape(long[] shape) => shape;

                /// <summary>The input shape for an output shape (default: unchanged).</summary>
                public virtual long[] inverse_shape(long[] shape) => shape;

                /// <summary>A copy with the given cache size (PyTorch's <c>with_cache</c>).</summary>
                public virtual Transform with_cache(int cache_size = 1) =>
                    cache_size == _cacheSize ? this : throw new NotSupportedException($"{GetType().Name}.with_cache is not implemented");

                /// <summary>PyTorch's repr: the class name and <c>()</c>.</summary>
                public override string ToString() => GetType().Name + "()";
            }

            /// <summary>The inverse of a transform (PyTorch's private <c>_InverseTransform</c>; use <see cref="Transform.inv"/>).</summary>
            internal sealed class _InverseTransform : Transform
            {
                private readonly Transform _t;
                public _InverseTransform(Transform transform) : base(transform.cache_size) => _t = transform;
                public override constraints.Constraint domain => _t.codomain;
                public override constraints.Constraint codomain => _t.domain;
                public override bool bijective => _t.bijective;
                public override Tensor sign => _t.sign;
                internal override int? IntSign => _t.IntSign;
                public override Transform inv => _t;
                internal override Tensor Call(Tensor x) => _t.InvCall(x);
                internal override Tensor InvCall(Tensor y) => _t.Call(y);
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => -_t.log_abs_det_jacobian(y, x);
                public override long[] forward_shape(long[] shape) => _t.inverse_shape(shape);
                public override long[] inverse_shape(long[] shape) => _t.forward_shape(shape);
                public override Transform with_cache(int cache_size = 1) => _t.with_cache(cache_size).inv;
                public override string ToString() => $"_InverseTransform({_t})";
            }

            /// <summary>Sums out the <paramref name="dim"/> rightmost dimensions (PyTorch's <c>_sum_rightmost</c>).</summary>
            internal static Tensor SumRightmost(Tensor value, int dim)
            {
                if (dim == 0) return value;
                long[] keep = value.shape[..(value.shape.Length - dim)];
                return value.reshape([.. keep, -1]).sum(-1);
            }

            /// <summary>Composes transforms in a chain: the first part is applied first, and each later part to the previous result.</summary>
            public class ComposeTransform : Transform
            {
                /// <summary>The transforms, applied first to last.</summary>
                public IReadOnlyList<Transform> parts { get; }

                /// <summary>Composes <paramref name="parts"/>; with <paramref name="cache_size"/> 1 every part caches.</summary>
                public ComposeTransform(IEnumerable<Transform> parts, int cache_size = 0) : base(cache_size)
                {
                    var p = parts.ToList();
                    if (cache_size != 0) p = p.Select(t => t.with_cache(cache_size)).ToList();
                    this.parts = p;
                }

                private ComposeTransform? _composeInv;

                /// <inheritdoc/>
                public override constraints.Constraint domain
                {
                    get
                    {
                        if (parts.Count == 0) return constraints.real;
                        var dom = parts[0].domain;
                        int ed = parts[^1].codomain.event_dim;
                        for (int i = parts.Count - 1; i >= 0; i--)
                        {
                            ed += parts[i].domain.event_dim - parts[i].codomain.event_dim;
                            ed = Math.Max(ed, parts[i].domain.event_dim);
                        }
                        return ed > dom.event_dim ? constraints.independent(dom, ed - dom.event_dim) : dom;
                    }
                }

                /// <inheritdoc/>
                public override constraints.Constraint codomain
                {
                    get
                    {
                        if (parts.Count == 0) return constraints.real;
                        var cod = parts[^1].codomain;
                        int ed = parts[0].domain.event_dim;
                        foreach (var p in parts)
                        {
                            ed += p.codomain.event_dim - p.domain.event_dim;
                            ed = Math.Max(ed, p.codomain.event_dim);
                        }
                        return ed > cod.event_dim ? constraints.independent(cod, ed - cod.event_dim) : cod;
                    }
                }

                /// <inheritdoc/>
                public override bool bijective => parts.All(p => p.bijective);

                internal override int? IntSign
                {
                    get
                    {
                        int s = 1;
                        foreach (var p in parts) { if (p.IntSign is { } i) s *= i; else return null; }
                        return s;
                    }
                }

                /// <inheritdoc/>
                public override Tensor sign
                {
                    get
                    {
                        if (IntSign is { } s) return torch.tensor((long)s);
                        object acc = 1;
                        foreach (var p in parts) acc = MulSign(acc, p.SignObject);
                        return (Tensor)acc;
                    }
                }

                internal static object MulSign(object a, object b) => (a, b) switch
                {
                    (int x, int y) => x * y,
                    (int x, Tensor y) => y * x,
                    (Tensor x, int y) => x * y,
                    (Tensor x, Tensor y) => x * y,
                    _ => throw new InvalidOperationException(),
                };

                /// <inheritdoc/>
                public override Transform inv
                {
                    get
                    {
                        if (_composeInv is null)
                        {
                            _composeInv = new ComposeTransform(parts.Reverse().Select(p => p.inv));
                            _composeInv._composeInv = this;
                        }
                        return _composeInv;
                    }
                }

                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new ComposeTransform(parts, cache_size);

                internal override Tensor Call(Tensor x)
                {
                    foreach (var p in parts) x = p.Call(x);
                    return x;
                }

                internal override Tensor InvCall(Tensor y) => inv.Call(y);

                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y)
                {
                    if (parts.Count == 0) return torch.zeros_like(x);
                    var xs = new List<Tensor> { x };
                    for (int i = 0; i < parts.Count - 1; i++) xs.Add(parts[i].Call(xs[^1]));
                    xs.Add(y);
                    Tensor? total = null;
                    int ed = domain.event_dim;
                    for (int i = 0; i < parts.Count; i++)
                    {
                        var term = SumRightmost(parts[i].log_abs_det_jacobian(xs[i], xs[i + 1]), ed - parts[i].domain.event_dim);
                        total = total is null ? term : total + term;
                        ed += parts[i].codomain.event_dim - parts[i].domain.event_dim;
                    }
                    return total!;
                }

                /// <inheritdoc/>
                public override long[] forward_shape(long[] shape)
                {
                    foreach (var p in parts) shape = p.forward_shape(shape);
                    return shape;
                }

                /// <inheritdoc/>
                public override long[] inverse_shape(long[] shape)
                {
                    for (int i = parts.Count - 1; i >= 0; i--) shape = parts[i].inverse_shape(shape);
                    return shape;
                }

                /// <inheritdoc/>
                public override string ToString() => "ComposeTransform(\n    " + string.Join(",\n    ", parts.Select(p => p.ToString())) + "\n)";
            }

            /// <summary>
            /// Treats the <c>reinterpreted_batch_ndims</c> rightmost dims of a base transform as one event: the maps are
            /// unchanged and log_abs_det_jacobian sums them out (PyTorch's <c>IndependentTransform</c>).
            /// </summary>
            public class IndependentTransform : Transform
            {
                /// <summary>The wrapped transform.</summary>
                public Transform base_transform { get; }

                /// <summary>How many extra rightmost dims form the event.</summary>
                public int reinterpreted_batch_ndims { get; }

                /// <summary>Wraps <paramref name="base_transform"/>.</summary>
                public IndependentTransform(Transform base_transform, int reinterpreted_batch_ndims, int cache_size = 0) : base(cache_size)
                {
                    this.base_transform = base_transform.with_cache(cache_size);
                    this.reinterpreted_batch_ndims = reinterpreted_batch_ndims;
                }

                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) =>
                    cache_size == this.cache_size ? this : new IndependentTransform(base_transform, reinterpreted_batch_ndims, cache_size);

                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.independent(base_transform.domain, reinterpreted_batch_ndims);

                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.independent(base_transform.codomain, reinterpreted_batch_ndims);

                /// <inheritdoc/>
                public override bool bijective => base_transform.bijective;

                /// <inheritdoc/>
                public override Tensor sign => base_transform.sign;

                internal override int? IntSign => base_transform.IntSign;

                /// <inheritdoc/>
                protected override Tensor _call(Tensor x)
                {
                    if (x.dim() < domain.event_dim) throw new ArgumentException("Too few dimensions on input");
                    return base_transform.Call(x);
                }

                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y)
                {
                    if (y.dim() < codomain.event_dim) throw new ArgumentException("Too few dimensions on input");
                    return base_transform.inv.Call(y);
                }

                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) =>
                    SumRightmost(base_transform.log_abs_det_jacobian(x, y), reinterpreted_batch_ndims);

                /// <inheritdoc/>
                public override long[] forward_shape(long[] shape) => base_transform.forward_shape(shape);

                /// <inheritdoc/>
                public override long[] inverse_shape(long[] shape) => base_transform.inverse_shape(shape);

                /// <inheritdoc/>
                public override string ToString() => $"{GetType().Name}({base_transform}, {reinterpreted_batch_ndims})";
            }

            /// <summary>TorchSharp 0.107's spelling of <see cref="IndependentTransform"/> (kept for source compatibility).</summary>
            public class IndepdenentTransform : IndependentTransform
            {
                /// <summary>Wraps <paramref name="base_transform"/>.</summary>
                public IndepdenentTransform(Transform base_transform, int reinterpreted_batch_dims, int cache_size = 0) : base(base_transform, reinterpreted_batch_dims, cache_size) { }
            }

            /// <summary>Reshapes the rightmost <c>in_shape</c> dims to <c>out_shape</c>; unit Jacobian.</summary>
            public class ReshapeTransform : Transform
            {
                /// <summary>The input event shape.</summary>
                public long[] in_shape { get; }

                /// <summary>The output event shape.</summary>
                public long[] out_shape { get; }

                /// <summary>Both shapes must have the same number of elements.</summary>
                public ReshapeTransform(long[] in_shape, long[] out_shape, int cache_size = 0) : base(cache_size)
                {
                    if (in_shape.Aggregate(1L, (a, b) => a * b) != out_shape.Aggregate(1L, (a, b) => a * b))
                        throw new ArgumentException("in_shape, out_shape have different numbers of elements");
                    this.in_shape = in_shape;
                    this.out_shape = out_shape;
                }

                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new ReshapeTransform(in_shape, out_shape, cache_size);

                /// <inheritdoc/>
                public override bool bijective => true;

                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.independent(constraints.real, in_shape.Length);

                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.independent(constraints.real, out_shape.Length);

                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => x.reshape([.. x.shape[..(x.shape.Length - in_shape.Length)], .. out_shape]);

                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => y.reshape([.. y.shape[..(y.shape.Length - out_shape.Length)], .. in_shape]);

                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => x.new_zeros(x.shape[..(x.shape.Length - in_shape.Length)]);

                /// <inheritdoc/>
                public override long[] forward_shape(long[] shape) => Reshaped(shape, in_shape, out_shape);

                /// <inheritdoc/>
                public override long[] inverse_shape(long[] shape) => Reshaped(shape, out_shape, in_shape);

                private static long[] Reshaped(long[] shape, long[] from, long[] to)
                {
                    if (shape.Length < from.Length) throw new ArgumentException("Too few dimensions on input");
                    int cut = shape.Length - from.Length;
                    if (!shape.AsSpan(cut).SequenceEqual(from))
                        throw new ArgumentException($"Shape mismatch: expected {new Size(shape[cut..])} but got {new Size(from)}");
                    return [.. shape[..cut], .. to];
                }
            }

            /// <summary>y = exp(x).</summary>
            public class ExpTransform : Transform
            {
                /// <summary>With an optional cache.</summary>
                public ExpTransform(int cache_size = 0) : base(cache_size) { }
                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new ExpTransform(cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.real;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.positive;
                /// <inheritdoc/>
                public override bool bijective => true;
                internal override int? IntSign => 1;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => x.exp();
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => y.log();
                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => x;
            }

            /// <summary>y = log(x) (TorchSharp's name for PyTorch's <c>ExpTransform().inv</c>).</summary>
            public class LogTransform : Transform
            {
                /// <summary>With an optional cache.</summary>
                public LogTransform(int cache_size = 0) : base(cache_size) { }
                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new LogTransform(cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.positive;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.real;
                /// <inheritdoc/>
                public override bool bijective => true;
                internal override int? IntSign => 1;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => x.log();
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => y.exp();
                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => -y;
            }

            /// <summary>y = x^exponent on the positive reals.</summary>
            public class PowerTransform : Transform
            {
                /// <summary>The exponent.</summary>
                public Tensor exponent { get; }

                /// <summary>With a tensor exponent (broadcast against the input).</summary>
                public PowerTransform(Tensor exponent, int cache_size = 0) : base(cache_size) => this.exponent = exponent;

                /// <summary>With a scalar exponent of the default dtype.</summary>
                public PowerTransform(double exponent, int cache_size = 0) : this(DistributionMath.Scalar(exponent), cache_size) { }

                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new PowerTransform(exponent, cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.positive;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.positive;
                /// <inheritdoc/>
                public override bool bijective => true;
                internal override int? IntSign => 1;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => x.pow(exponent);
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => y.pow(1 / exponent);
                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => (exponent * y / x).abs().log();
                /// <inheritdoc/>
                public override long[] forward_shape(long[] shape) => torch.broadcast_shapes(shape, exponent.shape);
                /// <inheritdoc/>
                public override long[] inverse_shape(long[] shape) => torch.broadcast_shapes(shape, exponent.shape);
            }

            /// <summary>y = sigmoid(x), clipped to [tiny, 1 − eps]; the inverse is the logit.</summary>
            public class SigmoidTransform : Transform
            {
                /// <summary>With an optional cache.</summary>
                public SigmoidTransform(int cache_size = 0) : base(cache_size) { }
                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new SigmoidTransform(cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.real;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.unit_interval;
                /// <inheritdoc/>
                public override bool bijective => true;
                internal override int? IntSign => 1;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => x.sigmoid().clamp(DistributionMath.Tiny(x.dtype), 1.0 - DistributionMath.Eps(x.dtype));
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y)
                {
                    y = y.clamp(DistributionMath.Tiny(y.dtype), 1.0 - DistributionMath.Eps(y.dtype));
                    return y.log() - (-y).log1p();
                }
                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => -DistributionMath.Softplus(-x) - DistributionMath.Softplus(x);
            }

            /// <summary>y = softplus(x) = log(1 + exp(x)) (linear above 20).</summary>
            public class SoftplusTransform : Transform
            {
                /// <summary>With an optional cache.</summary>
                public SoftplusTransform(int cache_size = 0) : base(cache_size) { }
                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new SoftplusTransform(cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.real;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.positive;
                /// <inheritdoc/>
                public override bool bijective => true;
                internal override int? IntSign => 1;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => DistributionMath.Softplus(x);
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => (-y).expm1().neg().log() + y;
                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => -DistributionMath.Softplus(-x);
            }

            /// <summary>y = tanh(x); the inverse is atanh.</summary>
            public class TanhTransform : Transform
            {
                /// <summary>With an optional cache.</summary>
                public TanhTransform(int cache_size = 0) : base(cache_size) { }
                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new TanhTransform(cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.real;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.interval(-1.0, 1.0);
                /// <inheritdoc/>
                public override bool bijective => true;
                internal override int? IntSign => 1;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => x.tanh();
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => y.atanh();
                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y) => 2.0 * (Math.Log(2.0) - x - DistributionMath.Softplus(-2.0 * x));
            }

            /// <summary>y = |x| (not bijective; the inverse is the identity on the positive half).</summary>
            public class AbsTransform : Transform
            {
                /// <summary>With an optional cache.</summary>
                public AbsTransform(int cache_size = 0) : base(cache_size) { }
                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new AbsTransform(cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.real;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.positive;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x) => x.abs();
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => y;
            }

            /// <summary>
            /// Maps the last dim onto the simplex: exp(x − max) normalised; the inverse is log (not bijective, as in PyTorch).
            /// </summary>
            public class SoftmaxTransform : Transform
            {
                /// <summary>With an optional cache.</summary>
                public SoftmaxTransform(int cache_size = 0) : base(cache_size) { }
                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new SoftmaxTransform(cache_size);
                /// <inheritdoc/>
                public override constraints.Constraint domain => constraints.real_vector;
                /// <inheritdoc/>
                public override constraints.Constraint codomain => constraints.simplex;
                /// <inheritdoc/>
                protected override Tensor _call(Tensor x)
                {
                    var probs = (x - x.amax(-1, keepdim: true)).exp();
                    return probs / probs.sum(-1, keepdim: true);
                }
                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y) => y.log();
                /// <inheritdoc/>
                public override long[] forward_shape(long[] shape) => shape.Length < 1 ? throw new ArgumentException("Too few dimensions on input") : shape;
                /// <inheritdoc/>
                public override long[] inverse_shape(long[] shape) => shape.Length < 1 ? throw new ArgumentException("Too few dimensions on input") : shape;
            }

            /// <summary>y = loc + scale·x, pointwise (event_dim: how many rightmost dims form one event).</summary>
            public class AffineTransform : Transform
            {
                private readonly Tensor? _locT, _scaleT;
                private readonly double _locD, _scaleD;
                private readonly int _eventDim;

                /// <summary>Scalar loc and scale.</summary>
                public AffineTransform(double loc, double scale, int event_dim = 0, int cache_size = 0) : base(cache_size) { _locD = loc; _scaleD = scale; _eventDim = event_dim; }
                /// <summary>Tensor loc and scale.</summary>
                public AffineTransform(Tensor loc, Tensor scale, int event_dim = 0, int cache_size = 0) : base(cache_size) { _locT = loc; _scaleT = scale; _eventDim = event_dim; }
                /// <summary>Scalar loc, tensor scale.</summary>
                public AffineTransform(double loc, Tensor scale, int event_dim = 0, int cache_size = 0) : base(cache_size) { _locD = loc; _scaleT = scale; _eventDim = event_dim; }
                /// <summary>Tensor loc, scalar scale.</summary>
                public AffineTransform(Tensor loc, double scale, int event_dim = 0, int cache_size = 0) : base(cache_size) { _locT = loc; _scaleD = scale; _eventDim = event_dim; }

                private AffineTransform(AffineTransform t, int cache_size) : base(cache_size)
                {
                    (_locT, _scaleT, _locD, _scaleD, _eventDim) = (t._locT, t._scaleT, t._locD, t._scaleD, t._eventDim);
                }

                /// <summary>The shift (a tensor; a scalar loc as a 0-dim tensor of the default dtype).</summary>
                public Tensor loc => _locT ?? DistributionMath.Scalar(_locD);

                /// <summary>The scale (a tensor; a scalar scale as a 0-dim tensor of the default dtype).</summary>
                public Tensor scale => _scaleT ?? DistributionMath.Scalar(_scaleD);

                /// <inheritdoc/>
                public override Transform with_cache(int cache_size = 1) => cache_size == this.cache_size ? this : new AffineTransform(this, cache_size);
                /// <inheritdoc/>
                public override int event_dim => _eventDim;
                /// <inheritdoc/>
                public override bool bijective => true;
                /// <inheritdoc/>
                public override constraints.Constraint domain => _eventDim == 0 ? constraints.real : constraints.independent(constraints.real, _eventDim);
                /// <inheritdoc/>
                public override constraints.Constraint codomain => _eventDim == 0 ? constraints.real : constraints.independent(constraints.real, _eventDim);

                internal override int? IntSign => _scaleT is null ? (_scaleD > 0 ? 1 : _scaleD < 0 ? -1 : 0) : null;

                /// <inheritdoc/>
                public override Tensor sign => _scaleT is null ? torch.tensor((long)IntSign!.Value) : _scaleT.sign();

                /// <inheritdoc/>
                protected override Tensor _call(Tensor x)
                {
                    var sx = _scaleT is null ? _scaleD * x : _scaleT * x;
                    return _locT is null ? _locD + sx : _locT + sx;
                }

                /// <inheritdoc/>
                protected override Tensor _inverse(Tensor y)
                {
                    var d = _locT is null ? y - _locD : y - _locT;
                    return _scaleT is null ? d / _scaleD : d / _scaleT;
                }

                /// <inheritdoc/>
                public override Tensor log_abs_det_jacobian(Tensor x, Tensor y)
                {
                    long[] shape = x.shape;
                    var result = _scaleT is null ? torch.full_like(x, Math.Log(Math.Abs(_scaleD))) : _scaleT.abs().log();
                    if (_eventDim != 0)
                    {
                        result = result.reshape([.. result.shape[..(result.shape.Length - _eventDim)], -1]).sum(-1);
                        shape = shape[..(shape.Length - _eventDim)];
                    }
                    return result.expand(shape);
                }

                /// <inheritdoc/>
                public override long[] forward_shape(long[] shape) =>
                    torch.broadcast_shapes(shape, _locT?.shape ?? [], _scaleT?.shape ?? []);

                /// <inheritdoc/>
                public override long[] inverse_shape(long[] shape) =>
                    torch.broadcast_shapes(shape, _locT?.shape ?? [], _scaleT?.shape ?? []);
            }
        }
    }
}
