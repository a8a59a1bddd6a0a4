using System.Diagnostics;
using Flint.TensorBoard.Proto;
using Google.Protobuf;

namespace Flint.TensorBoard;

/// <summary>
/// Writes <see cref="Event"/> records to one event file in a log directory, named as PyTorch names them
/// (<c>events.out.tfevents.TIME.HOST.PID.N</c>). Events are queued and written when the queue holds
/// <c>max_queue</c> events, when <c>flush_secs</c> have passed since the last flush, on
/// <see cref="Flush"/> and on <see cref="Dispose"/>.
/// </summary>
public sealed class EventFileWriter : IDisposable
{
    private static int s_fileCounter;
    private readonly TFRecordWriter _records;
    private readonly List<Event> _queue = [];
    private readonly int _maxQueue;
    private readonly TimeSpan _flushInterval;
    private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private bool _closed;

    /// <summary>Creates <paramref name="logDir"/> if needed and starts a new event file there.</summary>
    public EventFileWriter(string logDir, int maxQueue = 10, double flushSecs = 120, string filenameSuffix = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(logDir);
        if (maxQueue < 1) throw new ArgumentOutOfRangeException(nameof(maxQueue), maxQueue, "max_queue must be at least 1");
        if (flushSecs < 0 || double.IsNaN(flushSecs)) throw new ArgumentOutOfRangeException(nameof(flushSecs), flushSecs, "flush_secs must be >= 0");
        Directory.CreateDirectory(logDir);
        LogDir = logDir;
        _maxQueue = maxQueue;
        _flushInterval = TimeSpan.FromSeconds(flushSecs);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        FilePath = Path.Combine(logDir,
            $"events.out.tfevents.{now:D10}.{Environment.MachineName}.{Environment.ProcessId}.{Interlocked.Increment(ref s_fileCounter) - 1}{filenameSuffix}");
        _records = new TFRecordWriter(new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read));
        // Every event file starts with its version; TensorBoard identifies the format by it.
        _records.Write(new Event { WallTime = WallTime(), FileVersion = "brain.Event:2" }.ToByteArray());
        _records.Flush();
    }

    /// <summary>The directory the file is in.</summary>
    public string LogDir { get; }

    /// <summary>The event file's full path.</summary>
    public string FilePath { get; }

    /// <summary>Seconds since the Unix epoch, as Python's <c>time.time()</c>.</summary>
    public static double WallTime() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>Queues one event.</summary>
    public void AddEvent(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _queue.Add(e);
            if (_queue.Count >= _maxQueue || _sinceFlush.Elapsed >= _flushInterval) FlushLocked();
        }
    }

    /// <summary>Queues a summary as an event at <paramref name="step"/> (PyTorch's <c>add_summary</c>).</summary>
    public void AddSummary(Summary summary, long? step = null, double? walltime = null)
    {
        var e = new Event { WallTime = walltime ?? WallTime(), Summary = summary };
        if (step is { } s) e.Step = s;
        AddEvent(e);
    }

    /// <summary>Writes every queued event to disk.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (!_closed) FlushLocked();
        }
    }

    private void FlushLocked()
    {
        foreach (var e in _queue) _records.Write(e.ToByteArray());
        _queue.Clear();
        _records.Flush();
        _sinceFlush.Restart();
    }

    /// <summary>Flushes and closes the file; later events are refused.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_closed) return;
            FlushLocked();
            _records.Dispose();
            _closed = true;
        }
    }
}
