using Flint.Modules;

namespace Flint;

public static partial class torch
{
    public static partial class distributions
    {
        /// <summary>KL(p ‖ q), batched over the batch shape (PyTorch's <c>torch.distributions.kl_divergence</c>).</summary>
        public static Tensor kl_divergence(Distribution p, Distribution q) => kl.kl_divergence(p, q);

        /// <summary>
        /// PyTorch's <c>torch.distributions.kl</c>: the registry of closed-form KL divergences. The most specific
        /// registered pair of types (walking up both class hierarchies) is used; an unregistered pair throws
        /// <see cref="NotSupportedException"/> with PyTorch's NotImplementedError message.
        /// </summary>
        public static class kl
        {
            private static readonly Dictionary<(Type, Type), Func<Distribution, Distribution, Tensor>> Registry = new();
            private static readonly Lock RegistryLock = new();

            static kl()
            {
                Register<Normal, Normal>(KLDivergences.NormalNormal);
                Register<Modules.Bernoulli, Modules.Bernoulli>(KLDivergences.BernoulliBernoulli);
                Register<Modules.Categorical, Modules.Categorical>(KLDivergences.CategoricalCategorical);
                Register<Modules.OneHotCategorical, Modules.OneHotCategorical>((p, q) => KLDivergences.CategoricalCategorical(p.categorical, q.categorical));
                Register<Modules.Uniform, Modules.Uniform>(KLDivergences.UniformUniform);
                KLDivergences.RegisterMore();
            }

            internal static void Register<TP, TQ>(Func<TP, TQ, Tensor> fn) where TP : Distribution where TQ : Distribution =>
                register_kl(typeof(TP), typeof(TQ), (p, q) => fn((TP)p, (TQ)q));

            /// <summary>Registers (or replaces) the KL divergence of a pair of distribution types (PyTorch's <c>register_kl</c>).</summary>
            public static void register_kl(Type type_p, Type type_q, Func<Distribution, Distribution, Tensor> fn)
            {
                if (!typeof(Distribution).IsAssignableFrom(type_p) || !typeof(Distribution).IsAssignableFrom(type_q))
                    throw new ArgumentException($"Expected type_p and type_q to be subclasses of Distribution but got {type_p.Name} and {type_q.Name}");
                lock (RegistryLock) Registry[(type_p, type_q)] = fn;
            }

            /// <summary>KL(p ‖ q), batched over the batch shape.</summary>
            public static Tensor kl_divergence(Distribution p, Distribution q)
            {
                Func<Distribution, Distribution, Tensor>? fn = null;
                lock (RegistryLock)
                {
                    // The pair closest to (p, q): fewest steps up p's hierarchy, then q's (PyTorch picks by MRO order).
                    int best = int.MaxValue;
                    int dp = 0;
                    for (var tp = p.GetType(); tp is not null; tp = tp.BaseType, dp++)
                    {
                        int dq = 0;
                        for (var tq = q.GetType(); tq is not null; tq = tq.BaseType, dq++)
                            if (dp + dq < best && Registry.TryGetValue((tp, tq), out var f)) { best = dp + dq; fn = f; }
                    }
                }
                if (fn is null)
                    throw new NotSupportedException($"No KL(p || q) is implemented for p type {p.GetType().Name} and q type {q.GetType().Name}");
                return fn(p, q);
            }
        }
    }
}

/// <summary>The closed forms of PyTorch's <c>torch/distributions/kl.py</c>, term for term.</summary>
internal static partial class KLDivergences
{
    public static Tensor NormalNormal(Normal p, Normal q)
    {
        var varRatio = (p.scale / q.scale).pow(2);
        var t1 = ((p.loc - q.loc) / q.scale).pow(2);
        return 0.5 * (varRatio + t1 - 1 - varRatio.log());
    }

    public static Tensor BernoulliBernoulli(Bernoulli p, Bernoulli q)
    {
        var t1 = p.probs * (DistributionMath.Softplus(-q.logits) - DistributionMath.Softplus(-p.logits));
        t1 = t1.masked_fill(q.probs.eq(0.0).expand_as(t1), double.PositiveInfinity);
        t1 = t1.masked_fill(p.probs.eq(0.0).expand_as(t1), 0.0);
        var t2 = (1 - p.probs) * (DistributionMath.Softplus(q.logits) - DistributionMath.Softplus(p.logits));
        t2 = t2.masked_fill(q.probs.eq(1.0).expand_as(t2), double.PositiveInfinity);
        t2 = t2.masked_fill(p.probs.eq(1.0).expand_as(t2), 0.0);
        return t1 + t2;
    }

    public static Tensor CategoricalCategorical(Categorical p, Categorical q)
    {
        var t = p.probs * (p.logits - q.logits);
        t = t.masked_fill(q.probs.eq(0.0).expand_as(t), double.PositiveInfinity);
        t = t.masked_fill(p.probs.eq(0.0).expand_as(t), 0.0);
        return t.sum(-1);
    }

    public static Tensor UniformUniform(Uniform p, Uniform q)
    {
        var result = ((q.high - q.low) / (p.high - p.low)).log();
        return result.masked_fill(q.low.gt(p.low).logical_or(q.high.lt(p.high)), double.PositiveInfinity);
    }

    static partial void RegisterGroup2();
    static partial void RegisterGroup3();
    static partial void RegisterGroup4();

    /// <summary>Registers the pairs defined in the other parts of this class.</summary>
    public static void RegisterMore()
    {
        RegisterGroup2();
        RegisterGroup3();
        RegisterGroup4();
    }
}
