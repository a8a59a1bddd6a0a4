namespace Flint.Tests;

/// <summary>
/// Tests that change the process-wide print options (<c>torch.set_printoptions</c>) run alone, so no other test's
/// repr sees their options; each restores the defaults when it ends.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PrintOptionsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "global print options";
}

/// <summary>Resets the print options to PyTorch's defaults (and the TorchSharp-style settings) on Dispose.</summary>
public abstract class PrintOptionsTestBase : IDisposable
{
    /// <summary>Resets all print options.</summary>
    protected static void ResetPrintOptions()
    {
        torch.set_printoptions(profile: "default");
        torch.ResetTensorStringSettings();
    }

    /// <summary>Starts from the defaults too, whatever an earlier test left.</summary>
    protected PrintOptionsTestBase() => ResetPrintOptions();

    /// <inheritdoc/>
    public void Dispose()
    {
        ResetPrintOptions();
        GC.SuppressFinalize(this);
    }
}
