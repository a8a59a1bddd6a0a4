using System.IO.Compression;
using System.Text;

namespace Flint.Tests.IO;

/// <summary>Malicious, corrupt and truncated checkpoints: each a clear InvalidDataException, nothing run.</summary>
public class MaliciousCheckpointTests
{
    /// <summary>A checkpoint zip with a hand-written pickle and optional storage records.</summary>
    private static MemoryStream Checkpoint(byte[] pickle, params (string Key, byte[] Bytes)[] storages)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes) { using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open(); s.Write(bytes); }
            Add("archive/data.pkl", pickle);
            foreach (var (k, b) in storages) Add("archive/data/" + k, b);
            Add("archive/version", "3\n"u8.ToArray());
        }
        ms.Position = 0;
        return ms;
    }

    private static byte[] P(string s) => Encoding.Latin1.GetBytes(s);

    private static InvalidDataException Rejects(byte[] pickle, params (string, byte[])[] storages) =>
        Assert.Throws<InvalidDataException>(() => torch.load(Checkpoint(pickle, storages)));

    /// <summary>A float storage of 4 elements rebuilt as a tensor of <paramref name="size"/>/<paramref name="stride"/>.</summary>
    private static byte[] TensorPickle(string size, string stride, string numel = "K\u0004") =>
        P("\u0080\u0002ctorch._utils\n_rebuild_tensor_v2\n((X\u0007\u0000\u0000\u0000storagectorch\nFloatStorage\nX\u0001\u0000\u0000\u00000X\u0003\u0000\u0000\u0000cpu" + numel + "tQK\u0000"
          + size + stride + "\u0089ccollections\nOrderedDict\n)RtR.");

    [Fact]
    public void APickleNamingOsSystemIsRejectedAndNotRun()
    {
        string marker = Path.Combine(Directory.GetCurrentDirectory(), "flint_pwned_marker");
        var e = Assert.Throws<InvalidDataException>(() => torch.load(IOGolden.PathOf("malicious_os_system.pt")));
        Assert.Contains("'os.system'", e.Message);
        Assert.Contains("refusing to load the global", e.Message);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void Protocol4StackGlobalIsCheckedToo()
    {
        var e = Assert.Throws<InvalidDataException>(() => torch.load(IOGolden.PathOf("malicious_protocol4.pt")));
        Assert.Contains("'posix.system'", e.Message);
    }

    [Theory]
    [InlineData("builtins", "eval")]
    [InlineData("torch", "load")]
    [InlineData("torch.nn.modules.linear", "Linear")]
    [InlineData("collections", "defaultdict")]
    public void AnyOtherGlobalIsRejectedByName(string module, string name)
    {
        var e = Rejects(P($"\u0080\u0002c{module}\n{name}\n)R."));
        Assert.Contains($"'{module}.{name}'", e.Message);
    }

    [Fact]
    public void ObjectConstructionAndCallsOfNonFunctionsAreRejected()
    {
        Assert.Contains("object construction", Rejects(P("\u0080\u0002ccollections\nOrderedDict\n)\u0081.")).Message);
        Assert.Contains("refusing to call 'torch.FloatStorage'", Rejects(P("\u0080\u0002ctorch\nFloatStorage\n)R.")).Message);
        Assert.Contains("BUILD", Rejects(P("\u0080\u0002]}b.")).Message);
        Assert.Contains("only persistent ids of storages", Rejects(P("\u0080\u0002(X\u0004\u0000\u0000\u0000evilK\u0000K\u0000K\u0000K\u0000tQ.")).Message);
        Assert.Contains("object construction (opcode 'i'", Rejects(P("\u0080\u0002(ios\nsystem\n.")).Message);
        Assert.Contains("unsupported pickle opcode 'I'", Rejects(P("\u0080\u0002I42\n.")).Message);
    }

    [Fact]
    public void AWellFormedTensorPickleLoads()
    {
        var storage = new byte[16];
        BitConverter.GetBytes(2.5f).CopyTo(storage, 8); // element 2: the second of a stride-2 view
        var t = Assert.IsType<Tensor>(torch.load(Checkpoint(TensorPickle("K\u0002\u0085", "K\u0002\u0085"), ("0", storage))));
        Assert.Equal(new long[] { 2 }, t.shape);
        Assert.Equal(2.5f, t[1].item<float>());
    }

    [Fact]
    public void ViewsPastTheirStorageAndBadRecordsAreRejected()
    {
        var storage = new byte[16];
        Assert.Contains("reaches past its storage of 4 elements", Rejects(TensorPickle("K\u0005\u0085", "K\u0001\u0085"), ("0", storage)).Message);
        Assert.Contains("reaches past its storage", Rejects(TensorPickle("K\u0002\u0085", "K\u0004\u0085"), ("0", storage)).Message);
        Assert.Contains("has 12 bytes", Rejects(TensorPickle("K\u0002\u0085", "K\u0001\u0085"), ("0", new byte[12])).Message);
        Assert.Contains("has no 'archive/data/0'", Rejects(TensorPickle("K\u0002\u0085", "K\u0001\u0085")).Message);
        Assert.Contains("negative element count", Rejects(TensorPickle("K\u0002\u0085", "K\u0001\u0085", "J\u00ff\u00ff\u00ff\u00ff"), ("0", storage)).Message);
    }

    [Fact]
    public void TruncatedOrMalformedPicklesAreRejected()
    {
        Assert.Contains("ends before STOP", Rejects(P("\u0080\u0002}q\u0000")).Message);
        Assert.Contains("runs past the end", Rejects(P("\u0080\u0002X\u00ff\u0000\u0000\u0000abc.")).Message);
        Assert.Contains("stack underflow", Rejects(P("\u0080\u0002s.")).Message);
        Assert.Contains("memo key 7", Rejects(P("\u0080\u0002h\u0007.")).Message);
        Assert.Contains("not valid UTF-8", Rejects(P("\u0080\u0002X\u0001\u0000\u0000\u0000\u00ff.")).Message);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.98)]
    [InlineData(0.01)]
    public void ATruncatedCheckpointIsRejected(double keep)
    {
        byte[] all = File.ReadAllBytes(IOGolden.PathOf("state_dict.pt"));
        var cut = new MemoryStream(all[..(int)(all.Length * keep)]);
        var e = Assert.Throws<InvalidDataException>(() => torch.load(cut));
        Assert.Matches("truncated|not a PyTorch checkpoint", e.Message);
    }

    [Fact]
    public void NonCheckpointsAreRejected()
    {
        Assert.Contains("too short", Assert.Throws<InvalidDataException>(() => torch.load(new MemoryStream())).Message);
        Assert.Contains("legacy (pre-1.6)", Assert.Throws<InvalidDataException>(() => torch.load(new MemoryStream([0x80, 0x02, 0x8a, 0x0a, 0x6c]))).Message);
        Assert.Contains("not a PyTorch checkpoint", Assert.Throws<InvalidDataException>(() => torch.load(new MemoryStream("hello world"u8.ToArray()))).Message);
        var zip = new MemoryStream();
        using (var z = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true)) z.CreateEntry("readme.txt");
        zip.Position = 0;
        Assert.Contains("no '<name>/data.pkl' record", Assert.Throws<InvalidDataException>(() => torch.load(zip)).Message);
    }
}
