namespace Flint.Tutorial;

/// <summary>How a run is set up: where output goes, how often losses print, the device, an iteration cap.</summary>
/// <param name="Out">Where the program prints.</param>
/// <param name="Every">Print the loss of every Nth iteration (1 prints all, as the notebook does).</param>
/// <param name="Device">The device the tensor programs run on.</param>
/// <param name="MaxIterations">Caps each training loop (tests use small counts); null runs the notebook's counts.</param>
/// <param name="Progress">Where training loops draw a progress bar (a terminal's stderr), or null for none.</param>
/// <param name="LossLogged">Called with (program, iteration, loss) for every loss recorded (TensorBoard logging).</param>
public sealed record TutorialSettings(TextWriter Out, int Every = 1, Device? Device = null, int? MaxIterations = null,
    TextWriter? Progress = null, Action<string, int, double>? LossLogged = null);

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

    private ProgressBar? _progress;

    /// <summary>Python's <c>range(n)</c>, capped by the run's iteration limit, with a progress bar if asked for.</summary>
    protected IEnumerable<int> range(int n)
    {
        int count = Math.Min(n, _settings.MaxIterations ?? n);
        if (_settings.Progress is null) return Enumerable.Range(0, count);
        return WithProgress(count, _settings.Progress);
    }

    private IEnumerable<int> WithProgress(int count, TextWriter err)
    {
        using var bar = _progress = new ProgressBar(Name, count, err);
        try
        {
            for (int i = 0; i < count; i++)
            {
                yield return i;
                bar.Tick();
            }
        }
        finally { _progress = null; }
    }

    /// <summary><c>print(t, loss)</c>: records the loss; prints it as Python would unless <c>--every</c> folds it.</summary>
    protected void print(int t, double loss)
    {
        record(loss);
        if (t % _settings.Every == 0) show(t, loss);
    }

    /// <summary>Adds an iteration's loss to the curve without printing it (for a cell that prints only some iterations).</summary>
    protected void record(double loss)
    {
        Losses.Add(loss);
        _settings.LossLogged?.Invoke(Name, Losses.Count - 1, loss);
    }

    /// <summary>Python's <c>print(t, loss)</c> as a cell writes it, whatever <c>--every</c> says; records nothing.</summary>
    protected void show(int t, double loss)
    {
        _progress?.Clear();
        _settings.Out.WriteLine($"{t} {np.repr(loss)}");
    }

    /// <summary><c>print(t, loss.item())</c>: a float32 loss printed as the Python float it becomes.</summary>
    protected void print(int t, float loss) => print(t, (double)loss);

    /// <summary><c>print(t, loss)</c> with a NumPy scalar loss.</summary>
    protected void print(int t, NDArray loss) => print(t, (double)loss);

    /// <summary>A cell's displayed value.</summary>
    protected void print(object? value)
    {
        _progress?.Clear();
        _settings.Out.WriteLine(value);
    }
}
