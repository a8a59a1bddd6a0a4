using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Flint.Tests.Hub;

/// <summary>
/// torch.hub.download_url_to_file against a loopback HttpListener (no network): the bytes arrive, the SHA-256
/// prefix is checked with PyTorch's message, failures leave no partial file, and the progress bar sees the
/// length and every chunk. The progress-bar factory is global, so these tests live in one class (run in sequence)
/// and each restores the default.
/// </summary>
public sealed class HubTests : IDisposable
{
    private static readonly byte[] Payload = MakePayload(200_000);
    private readonly HttpListener _listener;
    private readonly string _base;
    private readonly string _dir;
    private readonly Task _serving;

    public HubTests()
    {
        int port;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}/";
        _listener = new HttpListener();
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _serving = Task.Run(Serve);
        _dir = Directory.CreateTempSubdirectory("flint-hub-").FullName;
    }

    public void Dispose()
    {
        torch.hub.set_create_progress_bar_func(null);
        _listener.Stop();
        _listener.Close();
        try { _serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        Directory.Delete(_dir, recursive: true);
    }

    private static byte[] MakePayload(int n)
    {
        var bytes = new byte[n];
        new Random(1234).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var response = context.Response;
            try
            {
                switch (context.Request.Url!.AbsolutePath)
                {
                    case "/weights.bin":
                        response.ContentLength64 = Payload.Length;
                        await response.OutputStream.WriteAsync(Payload);
                        break;
                    case "/chunked.bin":
                        response.SendChunked = true;
                        for (int i = 0; i < Payload.Length; i += 50_000)
                            await response.OutputStream.WriteAsync(Payload.AsMemory(i, Math.Min(50_000, Payload.Length - i)));
                        break;
                    case "/user-agent":
                        var agent = System.Text.Encoding.UTF8.GetBytes(context.Request.UserAgent ?? "");
                        response.ContentLength64 = agent.Length;
                        await response.OutputStream.WriteAsync(agent);
                        break;
                    default:
                        response.StatusCode = 404;
                        break;
                }
            }
            catch (HttpListenerException) { }
            finally { response.Close(); }
        }
    }

    private string Dst(string name = "weights.bin") => Path.Combine(_dir, name);

    private void AssertOnlyFiles(params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    private sealed class RecordingBar(bool hidden) : IProgressBar
    {
        public bool Hidden { get; } = hidden;
        public List<long> Values { get; } = [];
        public List<long?> Maximums { get; } = [];
        public bool Disposed { get; private set; }
        private long _value;
        private long? _maximum;
        public long Value { get => _value; set { _value = value; Values.Add(value); } }
        public long? Maximum { get => _maximum; set { _maximum = value; Maximums.Add(value); } }
        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void DownloadsTheContentAndLeavesNoTemporaryFile()
    {
        torch.hub.download_url_to_file(_base + "weights.bin", Dst(), progress: false);
        Assert.Equal(Payload, File.ReadAllBytes(Dst()));
        AssertOnlyFiles("weights.bin");
    }

    [Fact]
    public void ReplacesAnExistingFile()
    {
        File.WriteAllText(Dst(), "old");
        torch.hub.download_url_to_file(_base + "weights.bin", Dst(), progress: false);
        Assert.Equal(Payload, File.ReadAllBytes(Dst()));
        AssertOnlyFiles("weights.bin");
    }

    [Fact]
    public void SendsTorchHubUserAgent()
    {
        torch.hub.download_url_to_file(_base + "user-agent", Dst("agent.txt"), progress: false);
        Assert.Equal("torch.hub", File.ReadAllText(Dst("agent.txt")));
    }

    [Fact]
    public void AcceptsAMatchingHashPrefix()
    {
        string digest = Sha256Hex(Payload);
        torch.hub.download_url_to_file(_base + "weights.bin", Dst(), hash_prefix: digest[..10], progress: false);
        Assert.Equal(Payload, File.ReadAllBytes(Dst()));
        torch.hub.download_url_to_file(_base + "weights.bin", Dst("full.bin"), hash_prefix: digest, progress: false);
        Assert.Equal(Payload, File.ReadAllBytes(Dst("full.bin")));
        AssertOnlyFiles("full.bin", "weights.bin");
    }

    [Fact]
    public void RejectsAWrongHashPrefixWithPyTorchsMessageAndLeavesNoFile()
    {
        string digest = Sha256Hex(Payload);
        string wrong = digest[0] == '0' ? "1234" : "0000";
        var e = Assert.Throws<InvalidDataException>(() =>
            torch.hub.download_url_to_file(_base + "weights.bin", Dst(), hash_prefix: wrong, progress: false));
        Assert.Equal($"invalid hash value (expected \"{wrong}\", got \"{digest}\")", e.Message);
        AssertOnlyFiles();
    }

    [Fact]
    public void AWrongHashLeavesAnExistingDestinationUntouched()
    {
        File.WriteAllText(Dst(), "old");
        Assert.Throws<InvalidDataException>(() =>
            torch.hub.download_url_to_file(_base + "weights.bin", Dst(), hash_prefix: "not-hex", progress: false));
        Assert.Equal("old", File.ReadAllText(Dst()));
        AssertOnlyFiles("weights.bin");
    }

    [Fact]
    public void NotFoundThrowsAndLeavesNoFile()
    {
        var e = Assert.Throws<HttpRequestException>(() => torch.hub.download_url_to_file(_base + "missing.bin", Dst(), progress: false));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        AssertOnlyFiles();
    }

    [Fact]
    public void AMissingDirectoryIsAClearError()
    {
        string dst = Path.Combine(_dir, "no-such-dir", "w.bin");
        var e = Assert.Throws<DirectoryNotFoundException>(() => torch.hub.download_url_to_file(_base + "weights.bin", dst, progress: false));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void TheProgressBarGetsTheTotalAndEveryIncrement()
    {
        var bars = new List<RecordingBar>();
        torch.hub.set_create_progress_bar_func(hidden => { var b = new RecordingBar(hidden); bars.Add(b); return b; });
        torch.hub.download_url_to_file(_base + "weights.bin", Dst());
        var bar = Assert.Single(bars);
        Assert.False(bar.Hidden);
        Assert.Equal([(long?)Payload.Length], bar.Maximums);
        Assert.NotEmpty(bar.Values);
        Assert.Equal(Payload.Length, bar.Values[^1]);
        Assert.True(bar.Values.Zip(bar.Values.Skip(1)).All(p => p.Second > p.First), "Value only grows");
        Assert.True(bar.Values[0] > 0);
        Assert.True(bar.Disposed);

        torch.hub.download_url_to_file(_base + "weights.bin", Dst(), progress: false);
        Assert.Equal(2, bars.Count);
        Assert.True(bars[1].Hidden);
        Assert.Equal(Payload.Length, bars[1].Value);
    }

    [Fact]
    public void WithoutContentLengthTheMaximumIsNull()
    {
        RecordingBar? bar = null;
        torch.hub.set_create_progress_bar_func(hidden => bar = new RecordingBar(hidden));
        torch.hub.download_url_to_file(_base + "chunked.bin", Dst());
        Assert.Equal(Payload, File.ReadAllBytes(Dst()));
        Assert.NotNull(bar);
        Assert.Equal([(long?)null], bar.Maximums);
        Assert.Equal(Payload.Length, bar.Value);
    }

    [Fact]
    public void CreateProgressBarUsesTheFactoryThenTheDefault()
    {
        var mine = new RecordingBar(true);
        torch.hub.set_create_progress_bar_func(_ => mine);
        Assert.Same(mine, torch.hub.CreateProgressBar(true));
        torch.hub.set_create_progress_bar_func(null);
        using var console = torch.hub.CreateProgressBar(hidden: true);
        Assert.NotSame(mine, console);
        console.Maximum = 10;
        console.Value = 25;
        Assert.Equal(10, console.Value); // clamped to the maximum, as TorchSharp's console bar
    }

    [Fact]
    public async Task TheAsyncVariantDownloadsAndHonoursCancellation()
    {
        string digest = Sha256Hex(Payload);
        await torch.hub.download_url_to_file_async(_base + "weights.bin", Dst(), digest[..8], progress: false,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Payload, await File.ReadAllBytesAsync(Dst(), TestContext.Current.CancellationToken));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            torch.hub.download_url_to_file_async(_base + "weights.bin", Dst("cancelled.bin"), progress: false, cancellationToken: cancelled.Token));
        AssertOnlyFiles("weights.bin");

        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            torch.hub.download_url_to_file_async(_base + "weights.bin", Dst("bad.bin"), "zz", progress: false,
                cancellationToken: TestContext.Current.CancellationToken));
        Assert.StartsWith("invalid hash value (expected \"zz\", got \"", e.Message);
        AssertOnlyFiles("weights.bin");
    }
}
