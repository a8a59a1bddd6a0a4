namespace Flint.Tests;

/// <summary>
/// Tests that seed and draw from the global generators (<c>torch.manual_seed</c>, <c>np.random.seed</c>)
/// run alone, so no other test draws between their seeding and their checks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalRandomCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "global random generators";
}
