using System.IO.Compression;
using Flint.IO.Pickle;
using Flint.IO.SafeTensors;

namespace Flint.Tests.Hostile;

/// <summary>The defences behind the loader contract, tested directly (the corpus and fuzzer test them end to end).</summary>
public class LoaderInternalsTests
{
    [Fact]
    public void IntegerKeysThatCollideUnderLongGetHashCodeHashApart()
    {
        var keys = Enumerable.Range(1, 2000).Select(k => (long)k * ((1L << 32) + 1)).ToArray();
        // The attack: long.GetHashCode folds the halves together, so every one of these keys hashes to 0.
        Assert.Single(keys.Select(k => k.GetHashCode()).Distinct());
        int distinct = keys.Select(k => PyKeyComparer.Instance.GetHashCode(k)).Distinct().Count();
        Assert.True(distinct > 1990, $"{distinct} distinct hashes of 2000");
    }

    [Fact]
    public void EqualKeysHashAlike()
    {
        var c = PyKeyComparer.Instance;
        Assert.Equal(c.GetHashCode(0.0), c.GetHashCode(-0.0));
        Assert.Equal(c.GetHashCode(double.NaN), c.GetHashCode(BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001))));
        object?[] a = [1L, "x", new object?[] { null, 2.5 }], b = [1L, "x", new object?[] { null, 2.5 }];
        Assert.True(c.Equals(a, b));
        Assert.Equal(c.GetHashCode(a), c.GetHashCode(b));
    }

    [Fact]
    public void TruncationDuringASafetensorsLoadIsReportedNotFatal()
    {
        // Another process truncates the file after its length was read. With a memory map the next access
        // raised SIGBUS and killed the runtime; positioned reads see a short read.
        using var dir = new IO.IOGolden.TempDir();
        string path = Path.Combine(dir.Path, "t.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = torch.arange(1000.0f), ["b"] = torch.ones(10) }, path);
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long length = RandomAccess.GetLength(handle);
        bool truncated = false;
        var e = Assert.Throws<InvalidDataException>(() => SafeTensorsFormat.Read((offset, destination) =>
        {
            if (offset >= 8 && !truncated && destination.Length > 100)
            {
                using (var w = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) w.SetLength(200);
                truncated = true;
            }
            return RandomAccess.Read(handle, destination, offset);
        }, length, "'t.safetensors'"));
        Assert.True(truncated);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void AnOptimizerOptionThatIsNotANumberIsAnArgumentException()
    {
        var ps = new[] { torch.nn.Parameter(torch.zeros(2)) };
        var opt = torch.optim.SGD(ps, 0.1);
        var sd = opt.state_dict();
        sd.ParamGroups[0]["lr"] = "abc";
        var e = Assert.Throws<ArgumentException>(() => opt.load_state_dict(sd));
        Assert.Contains("'lr'", e.Message);
        sd.ParamGroups[0]["lr"] = 0.5;
        sd.ParamGroups[0]["initial_lr"] = "0.1";
        Assert.Contains("'initial_lr'", Assert.Throws<ArgumentException>(() => opt.load_state_dict(sd)).Message);
    }

    [Fact]
    public void ASelfReferencingOptimizerStateConvertsWithoutRecursingForever()
    {
        var top = new PyDict();
        var entry = new PyDict();
        entry.Items["loop"] = top;
        var state = new PyDict();
        state.Items[0L] = entry;
        top.Items["state"] = state;
        top.Items["param_groups"] = new List<object?>();
        var sd = Assert.IsType<Flint.Modules.StateDictionary>(PyToClr.Convert(top));
        Assert.Same(sd, sd.State[0]["loop"]);
    }

    [Fact]
    public void PyTorchsOwnStoredCheckpointsStillLoadBitForBit()
    {
        // The size checks must not touch honest files: every golden checkpoint PyTorch wrote loads as before.
        foreach (var name in new[] { "tensor.pt", "state_dict.pt", "views.pt", "dtypes.pt", "parameter.pt", "pt2_layout.pt" })
            Assert.NotNull(torch.load(IO.IOGolden.PathOf(name)));
        var t = (Tensor)torch.load(IO.IOGolden.PathOf("tensor.pt"))!;
        IO.IOGolden.AssertMatches(IO.IOGolden.Root.GetProperty("tensor.pt").GetProperty(""), t, "tensor.pt");
    }

    [Fact]
    public void ADeflatedCheckpointRecordLoadsWhenItsSizeIsHonest()
    {
        var ms = new MemoryStream();
        torch.save(new Dictionary<string, Tensor> { ["w"] = torch.zeros(10_000) }, ms);
        // Re-zip every record with deflate: zeros compress ~1000:1, within what deflate can honestly produce.
        var rezipped = new MemoryStream();
        using (var src = new ZipArchive(new MemoryStream(ms.ToArray()), ZipArchiveMode.Read))
        using (var dst = new ZipArchive(rezipped, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in src.Entries)
            {
                using var r = e.Open();
                using var w = dst.CreateEntry(e.FullName, CompressionLevel.Optimal).Open();
                r.CopyTo(w);
            }
        rezipped.Position = 0;
        var sd = Assert.IsType<Dictionary<string, Tensor>>(torch.load(rezipped));
        Assert.Equal(10_000, sd["w"].numel());
        Assert.Equal(0f, sd["w"].abs().sum().item<float>());
    }
}
