namespace Flint.Cuda.Tests;

/// <summary>
/// Tests that seed and draw from the global generators, or measure the device's allocation
/// counters, run alone: another test allocating or drawing in between would change their numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCudaCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "cuda: global generators and memory counters";
}
