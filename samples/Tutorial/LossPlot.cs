using ScottPlot;

namespace Flint.Tutorial;

/// <summary>Draws every program's loss curve on one log-scale chart (ScottPlot).</summary>
public static class LossPlot
{
    /// <summary>
    /// Saves a PNG with one line per program (losses ≤ 0 cannot be drawn on a log scale and are skipped).
    /// Each line gets its own colour; a curve that lies on an earlier one (the autograd program and
    /// MyReLU share the tensors program's numbers) is dashed or dotted so both stay visible.
    /// </summary>
    public static void Save(string path, IEnumerable<(string Name, IReadOnlyList<double> Losses)> curves)
    {
        var plt = new Plot();
        plt.Add.Palette = new ScottPlot.Palettes.Category20();
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];
        var drawn = new List<IReadOnlyList<double>>();
        foreach (var (name, losses) in curves)
        {
            int twins = drawn.Count(d => Coincide(d, losses));
            drawn.Add(losses);
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
            line.LinePattern = patterns[twins % patterns.Length];
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

    /// <summary>True when two curves have the same length and agree to 10% at every iteration (indistinguishable on the log scale).</summary>
    private static bool Coincide(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
            if (!(Math.Abs(a[i] - b[i]) <= 0.1 * Math.Abs(a[i]))) return false;
        return true;
    }
}
