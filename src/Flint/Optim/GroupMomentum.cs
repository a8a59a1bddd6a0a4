namespace Flint.Modules;

/// <summary>
/// The momentum of a parameter group as CyclicLR and OneCycleLR see it: PyTorch's <c>group['momentum']</c>
/// (SGD, RMSprop) or <c>group['betas'][0]</c> (the Adam family).
/// </summary>
internal static class GroupMomentum
{
    /// <summary>True when the options have a <c>momentum</c> entry.</summary>
    public static bool HasMomentum(OptimizerOptions o) => o is SGD.Options or RMSProp.Options;

    /// <summary>True when the options have <c>betas</c>.</summary>
    public static bool HasBetas(OptimizerOptions o) => o is Adam.Options or Adamax.Options or NAdam.Options or RAdam.Options;

    /// <summary>The group's momentum (or beta1).</summary>
    public static double Get(OptimizerOptions o) => o switch
    {
        SGD.Options s => s.momentum!.Value,
        RMSProp.Options r => r.momentum!.Value,
        Adam.Options a => a.beta1!.Value,
        Adamax.Options a => a.beta1!.Value,
        NAdam.Options n => n.beta1!.Value,
        RAdam.Options r => r.beta1!.Value,
        _ => throw new ArgumentException("optimizer must support momentum with `cycle_momentum` option enabled"),
    };

    /// <summary>Sets the group's momentum (or beta1).</summary>
    public static void Set(OptimizerOptions o, double value)
    {
        switch (o)
        {
            case SGD.Options s: s.momentum = value; break;
            case RMSProp.Options r: r.momentum = value; break;
            case Adam.Options a: a.beta1 = value; break;
            case Adamax.Options a: a.beta1 = value; break;
            case NAdam.Options n: n.beta1 = value; break;
            case RAdam.Options r: r.beta1 = value; break;
            default: throw new ArgumentException("optimizer must support momentum with `cycle_momentum` option enabled");
        }
    }
}
