namespace Flint.Tutorial;

/// <summary>How a run is set up: where output goes, how often losses print, the device, an iteration cap.</summary>
/// <param name="Out">Where the program prints.</param>
/// <param name="Every">Print the loss of every Nth iteration (1 prints all, as the notebook does).</param>
/// <param name="Device">The device the tensor programs run on.</param>
/// <param name="MaxIterations">Caps each training loop (tests use small counts); null runs the notebook's counts.</param>
public sealed record TutorialSettings(TextWriter Out, int Every = 1, Device? Device = null, int? MaxIterations = null);

/// <summary>
/// One program of the specification, ported line for line. Its <c>Main</c> reads like the notebook
/// cell: <c>print(t, loss)</c> records the loss (and prints it unless folded by <c>--every</c>),
/// <c>range(500)</c> is the notebook's loop.
/// </summary>
public abstract class TutorialProgram
{
    private TutorialSettings _settings = new(TextWriter.Null);

    /// <summary>The key <c>--only</c> selects it by.</summary>
    public abstract string Name { get; }

    /// <summary>The heading printed before it runs.</summary>
    public abstract string Title { get; }

    /// <summary>The loss of every iteration of the last run.</summary>
    public List<double> Losses { get; } = [];

    /// <summary>The device the tensor programs use (<c>device = torch.device("cpu")</c> in the notebook).</summary>
    protected Device device => _settings.Device ?? torch.CPU;

    /// <summary>Runs the program, printing as the notebook does, then one summary line; returns the losses.</summary>
    public List<double> Run(TutorialSettings settings)
    {
        _settings = settings;
        Losses.Clear();
        settings.Out.WriteLine($"## {Title}");
        Main();
        if (Losses.Count > 0)
            settings.Out.WriteLine($"==> {Name}: loss {np.repr(Losses[0])} -> {np.repr(Losses[^1])} after {Losses.Count} iterations");
        settings.Out.WriteLine();
        return Losses;
    }

    /// <summary>The notebook cell, ported.</summary>
    protected abstract void Main();

    /// <summary>Python's <c>range(n)</c>, capped by the run's iteration limit.</summary>
    protected IEnumerable<int> range(int n) => Enumerable.Range(0, Math.Min(n, _settings.MaxIterations ?? n));

    /// <summary><c>print(t, loss)</c>: records the loss; prints it as Python would unless <c>--every</c> folds it.</summary>
    protected void print(int t, double loss)
    {
        record(loss);
        if (t % _settings.Every == 0) show(t, loss);
    }

    /// <summary>Adds an iteration's loss to the curve without printing it (for a cell that prints only some iterations).</summary>
    protected void record(double loss) => Losses.Add(loss);

    /// <summary>Python's <c>print(t, loss)</c> as a cell writes it, whatever <c>--every</c> says; records nothing.</summary>
    protected void show(int t, double loss) => _settings.Out.WriteLine($"{t} {np.repr(loss)}");

    /// <summary><c>print(t, loss.item())</c>: a float32 loss printed as the Python float it becomes.</summary>
    protected void print(int t, float loss) => print(t, (double)loss);

    /// <summary><c>print(t, loss)</c> with a NumPy scalar loss.</summary>
    protected void print(int t, NDArray loss) => print(t, (double)loss);

    /// <summary>A cell's displayed value.</summary>
    protected void print(object? value) => _settings.Out.WriteLine(value);
}
