using ScottPlot;

namespace Flint.Tutorial;

/// <summary>Draws every program's loss curve on one log-scale chart (ScottPlot).</summary>
public static class LossPlot
{
    /// <summary>Saves a PNG with one line per program (losses ≤ 0 cannot be drawn on a log scale and are skipped).</summary>
    public static void Save(string path, IEnumerable<(string Name, IReadOnlyList<double> Losses)> curves)
    {
        var plt = new Plot();
        foreach (var (name, losses) in curves)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < losses.Count; i++)
            {
                if (losses[i] <= 0 || !double.IsFinite(losses[i])) continue;
                xs.Add(i);
                ys.Add(Math.Log10(losses[i]));
            }
            if (xs.Count == 0) continue;
            var line = plt.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = name;
            line.LineWidth = 2;
        }
        // Log scale: the data are log10(loss); ticks are labelled with the losses themselves.
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("0.#E+0", System.Globalization.CultureInfo.InvariantCulture),
        };
        plt.Axes.Left.TickGenerator = ticks;
        plt.Title("Flint tutorial: loss per iteration");
        plt.XLabel("iteration");
        plt.YLabel("loss (log scale)");
        plt.ShowLegend(Alignment.UpperRight);
        plt.SavePng(path, 900, 600);
    }
}
