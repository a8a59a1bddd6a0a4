namespace Flint.Tests;

/// <summary>
/// Tests that inspect which array the global buffer pool hands out next run alone: any other test's
/// allocation of the same size could take the buffer they expect.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalPoolCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "global buffer pool";
}
