namespace Flint.Tutorial;

/// <summary>The specification's programs in the notebook's order.</summary>
public static class Catalog
{
    /// <summary>Fresh instances of every program, in order.</summary>
    public static TutorialProgram[] All() =>
    [
        NumpyNet.Small(),
        NumpyNet.Large(),
        new TensorsManual(),
        new TensorsAutograd(),
        new CustomFunction(),
        NnSequential.Notebook(),
        NnSequential.Tutorial(),
        new NnOptimSgd(),
        new NnOptimAdam(),
        new CustomModule(),
        new DynamicNetProgram(),
        new Explore(),
    ];
}
