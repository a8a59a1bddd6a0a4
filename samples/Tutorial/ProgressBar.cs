using System.Diagnostics;
using System.Globalization;

namespace Flint.Tutorial;

/// <summary>
/// A one-line progress bar with rate and ETA (<c>label [#####-----] 250/500 1234 it/s ETA 0:00:01</c>),
/// drawn on a terminal's stderr at most ten times a second and erased when the loop ends, so stdout
/// (the notebook's output) stays as it was.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private const int Width = 30;
    private readonly string _label;
    private readonly int _total;
    private readonly TextWriter _err;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;
    private int _done;
    private bool _drawn;

    /// <summary>A bar for <paramref name="total"/> steps, drawn on <paramref name="err"/>.</summary>
    public ProgressBar(string label, int total, TextWriter err)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        (_label, _total, _err) = (label, total, err);
    }

    /// <summary>The bar's text after <paramref name="done"/> of <paramref name="total"/> steps in <paramref name="elapsed"/>.</summary>
    public static string Render(string label, int done, int total, TimeSpan elapsed)
    {
        int filled = total == 0 ? Width : (int)((long)Width * done / total);
        double rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        string eta = rate > 0 ? TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} [{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total} {rate:0} it/s ETA {eta}");
    }

    /// <summary>One step done; redraws if a tenth of a second has passed.</summary>
    public void Tick()
    {
        _done++;
        var now = _clock.Elapsed;
        if (_lastDraw is { } last && now - last < TimeSpan.FromMilliseconds(100) && _done < _total) return;
        _lastDraw = now;
        _err.Write("\r\x1b[K" + Render(_label, _done, _total, now));
        _err.Flush();
        _drawn = true;
    }

    /// <summary>Erases the bar (before a line is printed, and at the end).</summary>
    public void Clear()
    {
        if (!_drawn) return;
        _err.Write("\r\x1b[K");
        _err.Flush();
        _drawn = false;
        _lastDraw = null;
    }

    /// <summary>Erases the bar.</summary>
    public void Dispose() => Clear();
}
