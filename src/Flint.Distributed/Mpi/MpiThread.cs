using System.Collections.Concurrent;
using System.Diagnostics;

namespace Flint.Distributed.Mpi;

/// <summary>
/// Owns MPI: initialises it at <c>MPI_THREAD_SERIALIZED</c>, and makes sure no two MPI calls ever run at once.
/// Asynchronous operations (<c>async_op: true</c>, DDP's buckets) queue here and run on this thread in the order
/// they were issued, so the collective order is the program's on every rank; a synchronous call runs on the
/// caller's thread (under the same lock) when nothing is queued ahead of it, which saves a thread hand-off.
/// Point-to-point operations post <c>MPI_Isend</c>/<c>MPI_Irecv</c> and this thread tests them while idle.
/// A watchdog aborts the whole MPI job, with a message naming the operation, when one MPI call runs past the
/// process group's timeout (a rank that died or took another path would otherwise leave the others hanging).
/// </summary>
internal sealed unsafe class MpiThread
{
    private static MpiThread? _instance;
    private static readonly object CreateLock = new();

    private readonly object _gate = new();
    private readonly BlockingCollection<Action> _queue = new();
    private readonly List<(nint request, Action<MpiStatus> done)> _pending = new();
    private readonly Thread _thread;
    private readonly Timer _watchdog;
    private int _outstanding;
    private long _callStarted;
    private string? _callName;
    private bool _finalized;

    public int WorldRank { get; private set; }
    public int WorldSize { get; private set; }

    /// <summary>The process group timeout the watchdog applies to one MPI call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    private MpiThread()
    {
        MpiLibrary.Load();
        var started = new TaskCompletionSource();
        _thread = new Thread(() => Loop(started)) { IsBackground = true, Name = "Flint MPI" };
        _thread.Start();
        started.Task.GetAwaiter().GetResult();
        _watchdog = new Timer(_ => Watch(), null, 500, 500);
        AppDomain.CurrentDomain.UnhandledException += (_, e) => AbortJob($"rank {WorldRank} failed with an unhandled exception; aborting the MPI job so the other ranks stop too:\n{e.ExceptionObject}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => FinalizeMpi();
    }

    /// <summary>The MPI owner, initialising MPI on first use.</summary>
    public static MpiThread Instance
    {
        get
        {
            if (_instance is { } i) return i;
            lock (CreateLock) return _instance ??= new MpiThread();
        }
    }

    public static bool IsCreated => _instance is not null;

    private void Loop(TaskCompletionSource started)
    {
        try
        {
            int flag = 0, provided = 0;
            MpiLibrary.Check(MpiLibrary.Initialized(&flag), "MPI_Initialized");
            if (flag == 0) MpiLibrary.Check(MpiLibrary.InitThread(null, 0, MpiLibrary.ThreadSerialized, &provided), "MPI_Init_thread");
            else provided = MpiLibrary.ThreadSerialized;
            if (provided < MpiLibrary.ThreadSerialized)
                throw new DistBackendError($"the MPI library provides thread level {provided}, and Flint.Distributed needs MPI_THREAD_SERIALIZED");
            MpiLibrary.Check(MpiLibrary.CommSetErrhandler(MpiLibrary.CommWorld, MpiLibrary.ErrorsReturn), "MPI_Comm_set_errhandler");
            int rank, size;
            MpiLibrary.Check(MpiLibrary.CommRank(MpiLibrary.CommWorld, &rank), "MPI_Comm_rank");
            MpiLibrary.Check(MpiLibrary.CommSize(MpiLibrary.CommWorld, &size), "MPI_Comm_size");
            WorldRank = rank;
            WorldSize = size;
            started.SetResult();
        }
        catch (Exception e)
        {
            started.SetException(e);
            return;
        }
        var spin = new SpinWait();
        while (true)
        {
            Action? job;
            if (_pending.Count == 0) job = _queue.Take();
            else if (!_queue.TryTake(out job))
            {
                lock (_gate) PollPending();
                spin.SpinOnce(); // yields, then sleeps briefly, while a send or receive is in flight
                continue;
            }
            spin.Reset();
            lock (_gate) job();
            Interlocked.Decrement(ref _outstanding);
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> (MPI calls) now: on this thread when nothing is queued ahead, else queued
    /// behind the asynchronous work already issued, waiting for it. Exceptions propagate to the caller.
    /// </summary>
    public void Run(string name, Action body)
    {
        if (Volatile.Read(ref _outstanding) == 0 && Thread.CurrentThread != _thread)
        {
            lock (_gate) Timed(name, body);
            return;
        }
        var work = new Work(name);
        Post(name, () => body(), work);
        work.WaitOrThrow();
    }

    /// <summary>Queues <paramref name="body"/>; <paramref name="work"/> completes when it has run.</summary>
    public void Post(string name, Action body, Work work)
    {
        Interlocked.Increment(ref _outstanding);
        _queue.Add(() =>
        {
            try { Timed(name, body); work.Complete(null); }
            catch (Exception e) { work.Complete(e); }
        });
    }

    /// <summary>Queues the start of a point-to-point operation: <paramref name="start"/> posts it and returns its request.</summary>
    public void PostRequest(string name, Func<nint> start, Work work, Action<MpiStatus>? onStatus = null)
    {
        Interlocked.Increment(ref _outstanding);
        _queue.Add(() =>
        {
            try
            {
                nint request = 0;
                Timed(name, () => request = start());
                _pending.Add((request, status => { onStatus?.Invoke(status); work.Complete(null); }));
            }
            catch (Exception e) { work.Complete(e); }
        });
    }

    private void PollPending()
    {
        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            var (request, done) = _pending[i];
            int flag = 0;
            MpiStatus status;
            MpiLibrary.Check(MpiLibrary.Test(&request, &flag, &status), "MPI_Test");
            if (flag == 0) continue;
            _pending.RemoveAt(i);
            done(status);
        }
    }

    private void Timed(string name, Action body)
    {
        _callName = name;
        Volatile.Write(ref _callStarted, Stopwatch.GetTimestamp());
        try { body(); }
        finally { Volatile.Write(ref _callStarted, 0); }
    }

    private void Watch()
    {
        long started = Volatile.Read(ref _callStarted);
        if (started == 0 || _finalized) return;
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > Timeout)
            AbortJob($"rank {WorldRank}: {_callName} did not complete within the process group's timeout ({Timeout}); " +
                "another rank has probably failed or called a different collective. Aborting the MPI job.");
    }

    /// <summary>Prints <paramref name="message"/> and aborts every rank of the job (MPI_Abort).</summary>
    public void AbortJob(string message)
    {
        Console.Error.WriteLine("Flint.Distributed: " + message);
        Console.Error.Flush();
        if (!_finalized) MpiLibrary.Abort(MpiLibrary.CommWorld, 1);
        Environment.Exit(1);
    }

    private void FinalizeMpi()
    {
        if (_finalized) return;
        _watchdog.Dispose();
        // A process that ends with an error must not wait in MPI_Finalize for ranks that wait for it.
        if (Environment.ExitCode != 0) { _finalized = true; MpiLibrary.Abort(MpiLibrary.CommWorld, Environment.ExitCode); return; }
        bool got = Monitor.TryEnter(_gate, TimeSpan.FromSeconds(5));
        try
        {
            int flag = 0;
            MpiLibrary.Finalized(&flag);
            if (flag == 0) MpiLibrary.Finalize();
            _finalized = true;
        }
        finally { if (got) Monitor.Exit(_gate); }
    }
}
