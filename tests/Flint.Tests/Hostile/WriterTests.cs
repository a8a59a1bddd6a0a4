using Flint.IO;

namespace Flint.Tests.Hostile;

/// <summary>Atomic writes: errors name the caller's path, long names work, the directory is flushed, links and modes behave as torch.save's do.</summary>
public class WriterTests
{
    [Fact]
    public void ANameAtTheFileSystemLimitSaves()
    {
        using var dir = new IO.IOGolden.TempDir();
        string name = new string('n', 252) + ".pt"; // 255 bytes, NAME_MAX on Linux file systems
        string path = Path.Combine(dir.Path, name);
        torch.save(torch.arange(3.0), path);
        Assert.Equal([0f, 1f, 2f], ((Tensor)torch.load(path)!).data<float>().ToArray());
        Assert.Equal([name], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AMissingDirectoryIsReportedWithTheUsersPath()
    {
        using var dir = new IO.IOGolden.TempDir();
        string path = Path.Combine(dir.Path, "missing", "model.pt");
        var e = Assert.Throws<DirectoryNotFoundException>(() => torch.save(torch.ones(1), path));
        Assert.Contains($"'{path}'", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Throws<DirectoryNotFoundException>(() => safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = torch.ones(1) }, path));
    }

    [Fact]
    public void TheDirectoryIsFlushedAfterTheRename()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "directory fsync is a POSIX operation");
        using var dir = new IO.IOGolden.TempDir();
        DirectorySync.LastFlushed = null;
        np.save(Path.Combine(dir.Path, "a.npy"), torch.ones(2));
        Assert.Equal(dir.Path, DirectorySync.LastFlushed);
    }

    [Fact]
    public void SavingThroughASymlinkReplacesItsTargetAndKeepsTheLink()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need privileges on Windows");
        using var dir = new IO.IOGolden.TempDir();
        string target = Path.Combine(dir.Path, "real.pt"), link = Path.Combine(dir.Path, "link.pt");
        torch.save(torch.zeros(1), target);
        File.CreateSymbolicLink(link, "real.pt");
        torch.save(torch.full([1], 7.0), link);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(7f, ((Tensor)torch.load(target)!).item<float>());

        // A dangling link gets its target created, as open(path, "wb") would.
        string dangling = Path.Combine(dir.Path, "dangling.pt");
        File.CreateSymbolicLink(dangling, "created.pt");
        torch.save(torch.full([1], 3.0), dangling);
        Assert.Equal(3f, ((Tensor)torch.load(Path.Combine(dir.Path, "created.pt"))!).item<float>());
        Assert.Equal(["created.pt", "dangling.pt", "link.pt", "real.pt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AnExistingFileKeepsItsPermissions()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permission bits");
        using var dir = new IO.IOGolden.TempDir();
        string path = Path.Combine(dir.Path, "m.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = torch.ones(1) }, path);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = torch.zeros(1) }, path);
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(0f, safetensors.load_file(path)["a"].item<float>());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AReadOnlyFileIsNotReplaced()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permission bits");
        Assert.SkipWhen(Environment.UserName == "root", "root may write any file, as with torch.save");
        using var dir = new IO.IOGolden.TempDir();
        string path = Path.Combine(dir.Path, "ro.pt");
        torch.save(torch.ones(1), path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead);
        var e = Assert.Throws<UnauthorizedAccessException>(() => torch.save(torch.zeros(1), path));
        Assert.Contains($"'{path}'", e.Message);
        Assert.Equal(1f, ((Tensor)torch.load(path)!).item<float>());
    }

    [Fact]
    public void ATupleThatContainsItselfIsRefusedNotRecursedForever()
    {
        var t = new object?[2];
        t[0] = 1L;
        t[1] = t;
        var e = Assert.Throws<ArgumentException>(() => torch.save(t, new MemoryStream()));
        Assert.Contains("contains itself", e.Message);
    }

    [Fact]
    public void SharedTuplesAreWrittenOnceSoADagStaysSmall()
    {
        object?[] t = [];
        for (int i = 0; i < 60; i++) t = [t, t]; // 2^60 paths, 61 distinct tuples
        var ms = new MemoryStream();
        torch.save(t, ms);
        Assert.True(ms.Length < 4096, $"{ms.Length} bytes");
        ms.Position = 0;
        var back = Assert.IsType<object?[]>(torch.load(ms));
        Assert.Same(back[0], back[1]);
    }

    [Fact]
    public void NestingBeyondTheLoadersLimitIsRefusedOnSave()
    {
        var root = new List<object?>();
        var cur = root;
        for (int i = 0; i < 5000; i++) { var next = new List<object?>(); cur.Add(next); cur = next; }
        var e = Assert.Throws<ArgumentException>(() => torch.save(root, new MemoryStream()));
        Assert.Contains("deeper than 1000 levels", e.Message);
        // 900 levels save and load back.
        var ok = new List<object?>();
        cur = ok;
        for (int i = 0; i < 900; i++) { var next = new List<object?>(); cur.Add(next); cur = next; }
        var ms = new MemoryStream();
        torch.save(ok, ms);
        ms.Position = 0;
        Assert.IsType<List<object?>>(torch.load(ms));
    }

    [Fact]
    public void SafetensorsRefusesToWriteAHeaderOverItsLimit()
    {
        using var dir = new IO.IOGolden.TempDir();
        string path = Path.Combine(dir.Path, "big.safetensors");
        var metadata = new Dictionary<string, string> { ["blob"] = new string('a', 100_000_000) };
        var e = Assert.Throws<ArgumentException>(() => safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = torch.ones(1) }, path, metadata));
        Assert.Contains("limit of 100000000", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
