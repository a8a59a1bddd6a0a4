using System.Globalization;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// PyTorch's <c>torch.distributions</c>: parameterised probability distributions (TorchSharp spelling:
    /// factory functions such as <c>torch.distributions.Normal(loc, scale, generator)</c> returning
    /// <see cref="Distribution"/> subclasses in <c>Flint.Modules</c>) and <see cref="kl_divergence"/>.
    /// Everything is composed from tensor ops, so gradients flow through <c>rsample</c>, <c>log_prob</c>,
    /// <c>entropy</c> and <c>kl_divergence</c> on every device.
    /// </summary>
    public static partial class distributions
    {
        /// <summary>
        /// The base of every distribution: <c>batch_shape</c>, <c>event_shape</c>, sampling, densities and argument
        /// validation with PyTorch's messages (validation is on by default, as in PyTorch 1.13).
        /// </summary>
        public abstract class Distribution
        {
            private static bool _defaultValidateArgs = true;

            /// <summary>PyTorch's <c>Distribution.set_default_validate_args</c>: whether new distributions check their arguments.</summary>
            public static void set_default_validate_args(bool value) => _defaultValidateArgs = value;

            /// <summary>Sets the generator and shapes; subclasses validate their parameters once they are stored.</summary>
            protected Distribution(Generator? generator, long[]? batch_shape = null, long[]? event_shape = null, bool? validate_args = null)
            {
                this.generator = generator;
                this.batch_shape = new Size(batch_shape ?? []);
                this.event_shape = new Size(event_shape ?? []);
                _validate_args = validate_args ?? _defaultValidateArgs;
            }

            /// <summary>The generator samples are drawn from (null: the default generator of the parameters' device).</summary>
            protected Generator? generator;

            /// <summary>Points a wrapped base distribution at its owner's generator (expanded copies carry theirs).</summary>
            internal void SetGenerator(Generator? g) => generator = g;

            /// <summary>Whether arguments and log_prob values are checked against the constraints.</summary>
            protected bool _validate_args;

            /// <summary>The shape over which parameters are batched.</summary>
            public Size batch_shape { get; protected set; }

            /// <summary>The shape of a single sample (without batching).</summary>
            public Size event_shape { get; protected set; }

            /// <summary>Whether <see cref="rsample(long[])"/> is reparameterised (differentiable with respect to the parameters).</summary>
            public virtual bool has_rsample => false;

            /// <summary>Whether the distribution has an enumerable discrete support.</summary>
            public virtual bool has_enumerate_support => false;

            /// <summary>The parameters and the constraint each must satisfy (PyTorch's <c>arg_constraints</c>), in PyTorch's order.</summary>
            public virtual IReadOnlyList<(string name, constraints.Constraint constraint)> arg_constraints => [];

            /// <summary>The support of the distribution.</summary>
            public virtual constraints.Constraint support => constraints.real;

            /// <summary>The mean of the distribution.</summary>
            public abstract Tensor mean { get; }

            /// <summary>The mode of the distribution.</summary>
            public virtual Tensor mode => throw new NotSupportedException($"{GetType().Name} does not implement mode");

            /// <summary>The variance of the distribution.</summary>
            public abstract Tensor variance { get; }

            /// <summary>The standard deviation of the distribution.</summary>
            public virtual Tensor stddev => variance.sqrt();

            /// <summary>A sample of shape <c>sample_shape + batch_shape + event_shape</c>, without gradient.</summary>
            public virtual Tensor sample(params long[] sample_shape)
            {
                using (no_grad()) return rsample(sample_shape);
            }

            /// <summary>A sample of shape <c>sample_shape + batch_shape + event_shape</c>.</summary>
            public Tensor sample(Size sample_shape) => sample(sample_shape.ToArray());

            /// <summary>A reparameterised sample: differentiable with respect to the parameters.</summary>
            public virtual Tensor rsample(params long[] sample_shape) =>
                throw new NotSupportedException($"{GetType().Name} does not support rsample (has_rsample is false); use sample");

            /// <summary>A reparameterised sample of shape <c>sample_shape + batch_shape + event_shape</c>.</summary>
            public Tensor rsample(Size sample_shape) => rsample(sample_shape.ToArray());

            /// <summary>The log of the probability density/mass function at <paramref name="value"/>.</summary>
            public abstract Tensor log_prob(Tensor value);

            /// <summary>The entropy, batched over <c>batch_shape</c>.</summary>
            public abstract Tensor entropy();

            /// <summary>The cumulative distribution function at <paramref name="value"/>.</summary>
            public virtual Tensor cdf(Tensor value) => throw new NotSupportedException($"{GetType().Name} does not implement cdf");

            /// <summary>The inverse cumulative distribution function at <paramref name="value"/>.</summary>
            public virtual Tensor icdf(Tensor value) => throw new NotSupportedException($"{GetType().Name} does not implement icdf");

            /// <summary>exp(entropy), batched over <c>batch_shape</c>.</summary>
            public Tensor perplexity() => entropy().exp();

            /// <summary>
            /// A distribution with the parameters expanded (as views) to <paramref name="batch_shape"/>; arguments are
            /// not validated again.
            /// </summary>
            public abstract Distribution expand(long[] batch_shape);

            /// <summary>The same distribution with batch dimensions expanded to <paramref name="batch_shape"/>.</summary>
            public Distribution expand(Size batch_shape) => expand(batch_shape.ToArray());

            /// <summary><c>sample_shape + batch_shape + event_shape</c>.</summary>
            protected long[] ExtendedShape(long[] sample_shape) => [.. sample_shape, .. batch_shape.ToArray(), .. event_shape.ToArray()];

            /// <summary>The stored parameters (name, tensor) that PyTorch's repr and argument checks look at.</summary>
            protected abstract IEnumerable<(string name, Tensor value)> Parameters();

            /// <summary>The parameters PyTorch's repr lists (those stored in its <c>__dict__</c>); by default <see cref="Parameters"/>.</summary>
            protected virtual IEnumerable<(string name, Tensor value)> ReprParameters() => Parameters();

            /// <summary>Copies the generator and validation flag onto an expanded instance.</summary>
            protected T Expanded<T>(T instance, long[] batch_shape) where T : Distribution
            {
                instance.generator = generator;
                instance._validate_args = _validate_args;
                instance.batch_shape = new Size(batch_shape);
                instance.event_shape = event_shape;
                return instance;
            }

            /// <summary>PyTorch's argument check: each stored parameter against its constraint, with PyTorch's message.</summary>
            protected void ValidateArgs()
            {
                if (!_validate_args) return;
                var stored = Parameters().ToDictionary(p => p.name, p => p.value);
                foreach (var (name, constraint) in arg_constraints)
                {
                    if (constraint.is_dependent || !stored.TryGetValue(name, out var value)) continue;
                    if (!AllTrue(constraint.check(value)))
                        throw new ArgumentException(
                            $"Expected parameter {name} (Tensor of shape {PyTuple(value.Shape)}) of distribution {this} " +
                            $"to satisfy the constraint {constraint}, but found invalid values:\n{PyFormat(value)}");
                }
            }

            /// <summary>PyTorch's <c>_validate_sample</c>: the value's event shape, broadcastability and support.</summary>
            protected void ValidateSample(Tensor value)
            {
                if (!_validate_args) return;
                var shape = value.Shape;
                var ev = event_shape.ToArray();
                int start = shape.Length - ev.Length;
                if (start < 0 || !shape.AsSpan(start).SequenceEqual(ev))
                    throw new ArgumentException($"The right-most size of value must match event_shape: {new Size(shape)} vs {event_shape}.");
                long[] expected = [.. batch_shape.ToArray(), .. ev];
                for (int i = shape.Length - 1, j = expected.Length - 1; i >= 0 && j >= 0; i--, j--)
                    if (shape[i] != 1 && expected[j] != 1 && shape[i] != expected[j])
                        throw new ArgumentException($"Value is not broadcastable with batch_shape+event_shape: {new Size(shape)} vs {new Size(expected)}.");
                if (!AllTrue(support.check(value)))
                    throw new ArgumentException(
                        $"Expected value argument (Tensor of shape {PyTuple(shape)}) to be within the support ({support}) " +
                        $"of the distribution {this}, but found invalid values:\n{PyFormat(value)}");
            }

            /// <summary>Runs this distribution's <see cref="ValidateSample"/> on behalf of a wrapper (TransformedDistribution.cdf).</summary>
            internal void ValidateSampleOf(Tensor value) => ValidateSample(value);

            private static bool AllTrue(Tensor valid) => valid.numel() == 0 || valid.all().item<bool>();

            /// <summary>Python's <c>tuple(shape)</c>: <c>()</c>, <c>(2,)</c>, <c>(2, 3)</c>.</summary>
            private static string PyTuple(long[] shape) => shape.Length switch
            {
                0 => "()",
                1 => $"({shape[0]},)",
                _ => "(" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")",
            };

            /// <summary>
            /// Python's <c>format(tensor)</c>: a 0-dim tensor formats as its Python number (<c>-1.0</c>, <c>3</c>),
            /// anything else as the tensor's print.
            /// </summary>
            internal static string PyFormat(Tensor t)
            {
                if (t.dim() != 0) return t.ToString();
                if (t.dtype == ScalarType.Bool) return t.item<bool>() ? "True" : "False";
                if (!t.is_floating_point()) return t.to(ScalarType.Int64).item<long>().ToString(CultureInfo.InvariantCulture);
                return PyFloat(t.to(ScalarType.Float64).item<double>());
            }

            /// <summary>Python's <c>repr(float)</c>: shortest round trip, <c>1.0</c>, <c>1e-05</c>, <c>inf</c>, <c>nan</c>.</summary>
            internal static string PyFloat(double d)
            {
                if (double.IsNaN(d)) return "nan";
                if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
                if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
                int exp = (int)Math.Floor(Math.Log10(Math.Abs(d)));
                if (exp < -4 || exp >= 16)
                {
                    // The shortest mantissa that round-trips, in Python's exponent form (1e-05, 1.5e+16).
                    for (int p = 0; p <= 17; p++)
                    {
                        var e = d.ToString("E" + p, CultureInfo.InvariantCulture);
                        if (double.Parse(e, CultureInfo.InvariantCulture) != d && p < 17) continue;
                        int k = e.IndexOf('E');
                        var mant = e[..k].Contains('.') ? e[..k].TrimEnd('0').TrimEnd('.') : e[..k];
                        int ex = int.Parse(e[(k + 1)..], CultureInfo.InvariantCulture);
                        return mant + "e" + (ex < 0 ? "-" : "+") + Math.Abs(ex).ToString("00", CultureInfo.InvariantCulture);
                    }
                }
                var s = d.ToString("R", CultureInfo.InvariantCulture);
                if (s.Contains('E')) s = d.ToString("F" + Math.Max(0, -exp + 17), CultureInfo.InvariantCulture).TrimEnd('0');
                return s.Contains('.') ? (s.EndsWith('.') ? s + "0" : s) : s + ".0";
            }

            /// <summary>PyTorch's repr: <c>Normal(loc: tensor(0.), scale: torch.Size([2]))</c>.</summary>
            public override string ToString()
            {
                var stored = ReprParameters().ToDictionary(p => p.name, p => p.value);
                var parts = arg_constraints.Where(a => stored.ContainsKey(a.name)).Select(a =>
                {
                    var v = stored[a.name];
                    return $"{a.name}: " + (v.numel() == 1 ? PyFormat(v) : new Size(v.Shape).ToString());
                });
                return GetType().Name + "(" + string.Join(", ", parts) + ")";
            }
        }
    }
}
