using System.Globalization;
using System.Net;
using System.Text;

namespace Flint.Interactive;

/// <summary>
/// Loss curves to show inline in a notebook: one line per series, loss on a log scale against the
/// iteration, drawn as SVG (no imaging library, no files). Display it as a cell's value.
/// </summary>
public sealed class LossCurve
{
    private static readonly string[] Colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
    private readonly List<(string name, double[] losses)> _series = [];

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>An empty chart; add series with <see cref="Add"/>.</summary>
    public LossCurve(string title = "Loss (log scale)") => Title = title ?? throw new ArgumentNullException(nameof(title));

    /// <summary>A chart of one series.</summary>
    public static LossCurve Of(string name, IEnumerable<double> losses) => new LossCurve().Add(name, losses);

    /// <summary>Adds a named series (the loss of each iteration); returns this chart.</summary>
    public LossCurve Add(string name, IEnumerable<double> losses)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(losses);
        var values = losses.ToArray();
        if (values.Length == 0) throw new ArgumentException($"series '{name}' has no losses", nameof(losses));
        _series.Add((name, values));
        return this;
    }

    /// <summary>The series' names and lengths.</summary>
    public override string ToString() =>
        $"LossCurve({string.Join(", ", _series.Select(s => $"{s.name}: {s.losses.Length} iterations, {G(s.losses[0])} -> {G(s.losses[^1])}"))})";

    /// <summary>The chart as an SVG element (640x360).</summary>
    public string ToSvg()
    {
        const int W = 640, H = 360, L = 70, R = 150, T = 30, B = 40;
        var positive = _series.SelectMany(s => s.losses).Where(v => v > 0 && double.IsFinite(v)).ToArray();
        double lo = positive.Length > 0 ? Math.Floor(Math.Log10(positive.Min())) : 0;
        double hi = positive.Length > 0 ? Math.Ceiling(Math.Log10(positive.Max())) : 1;
        if (hi <= lo) hi = lo + 1;
        int n = Math.Max(2, _series.Count == 0 ? 2 : _series.Max(s => s.losses.Length));
        double X(int i) => L + (W - L - R) * (double)i / (n - 1);
        double Y(double v) => T + (H - T - B) * (hi - Math.Log10(v)) / (hi - lo);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{W}\" height=\"{H}\" fill=\"white\"/><text x=\"{W / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">{WebUtility.HtmlEncode(Title)}</text>");
        // Decades on the y axis, five ticks on the x axis.
        for (double d = lo; d <= hi; d++)
        {
            double y = Y(Math.Pow(10, d));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{L}\" y1=\"{F(y)}\" x2=\"{W - R}\" y2=\"{F(y)}\" stroke=\"#ddd\"/><text x=\"{L - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">1e{d:0}</text>");
        }
        for (int k = 0; k <= 4; k++)
        {
            int i = (int)Math.Round((n - 1) * k / 4.0);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{H - B + 16}\" text-anchor=\"middle\">{i}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{L}\" y=\"{T}\" width=\"{W - L - R}\" height=\"{H - T - B}\" fill=\"none\" stroke=\"#444\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(W - R + L) / 2}\" y=\"{H - 6}\" text-anchor=\"middle\">iteration</text>");
        for (int s = 0; s < _series.Count; s++)
        {
            var (name, losses) = _series[s];
            string color = Colors[s % Colors.Length];
            var points = new StringBuilder();
            for (int i = 0; i < losses.Length; i++)
                if (losses[i] > 0 && double.IsFinite(losses[i])) points.Append(CultureInfo.InvariantCulture, $"{F(X(i))},{F(Y(losses[i]))} ");
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{points.ToString().TrimEnd()}\"/>");
            double ly = T + 14 + 16 * s;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{W - R + 10}\" y1=\"{F(ly - 4)}\" x2=\"{W - R + 30}\" y2=\"{F(ly - 4)}\" stroke=\"{color}\" stroke-width=\"2\"/><text x=\"{W - R + 36}\" y=\"{F(ly)}\">{WebUtility.HtmlEncode(name)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string G(double v) => v.ToString("G5", CultureInfo.InvariantCulture);
}
