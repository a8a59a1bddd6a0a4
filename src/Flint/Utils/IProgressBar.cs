namespace Flint;

/// <summary>
/// A progress bar, as TorchSharp's <c>IProgressBar</c>: <see cref="torch.hub.download_url_to_file(string, string, string?, bool)"/>
/// sets <see cref="Maximum"/> to the download's length (null when the server sends none) and raises <see cref="Value"/>
/// by each chunk written; it disposes the bar when the download ends. Install your own with
/// <see cref="torch.hub.set_create_progress_bar_func"/>.
/// </summary>
public interface IProgressBar : IDisposable
{
    /// <summary>The current position: the bytes received so far.</summary>
    long Value { get; set; }

    /// <summary>The maximum position: the download's total length in bytes, or null when it is not known.</summary>
    long? Maximum { get; set; }
}

/// <summary>The default bar: a percentage, a bar and the byte counts on standard error, at most every 100 ms.</summary>
internal sealed class ConsoleProgressBar : IProgressBar
{
    private const long DisplayEveryMilliseconds = 100;
    private readonly bool _hidden;
    private readonly int _width;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private long _value;
    private long? _maximum;

    internal ConsoleProgressBar(bool hidden)
    {
        _hidden = hidden;
        int width = 80;
        if (!hidden && !Console.IsErrorRedirected)
        {
            try { width = Console.BufferWidth; } catch (IOException) { } catch (PlatformNotSupportedException) { }
        }
        _width = width > 0 ? width : 80;
    }

    public long Value
    {
        get => _value;
        set
        {
            _value = _maximum is long max && value > max ? max : value;
            Display();
        }
    }

    public long? Maximum
    {
        get => _maximum;
        set
        {
            if (value is long max && max < _value) _value = max;
            _maximum = value;
            Display();
        }
    }

    public void Dispose()
    {
        if (!_hidden) Console.Error.WriteLine();
    }

    private void Display()
    {
        if (_hidden) return;
        if (_value != 0 && _value != _maximum && _clock.ElapsedMilliseconds <= DisplayEveryMilliseconds) return;
        _clock.Restart();
        if (_maximum is not long max || max <= 0)
        {
            Console.Error.Write($"\r{_value}");
            return;
        }
        string left = $"{100 * _value / max,3}%[", right = $"] {_value}/{max}";
        int room = Math.Max(0, _width - left.Length - right.Length - 1);
        int filled = (int)(room * _value / max);
        Console.Error.Write("\r" + left + new string('=', filled) + new string(' ', room - filled) + right);
    }
}
