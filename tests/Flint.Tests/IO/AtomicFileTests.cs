using Flint.IO;

namespace Flint.Tests.IO;

/// <summary>A failure mid-save never leaves a half-written file under the target name.</summary>
public class AtomicFileTests
{
    [Fact]
    public void AFailureMidWriteLeavesTheOldFileAndNoTemporary()
    {
        using var dir = new IOGolden.TempDir();
        string path = dir.File("model.pt");
        torch.save(torch.arange(10.0), path);
        byte[] before = File.ReadAllBytes(path);
        var e = Assert.Throws<IOException>(() => AtomicFile.Write(path, s =>
        {
            s.Write(new byte[100_000]); // well past the buffer: real bytes on disk
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("disk full (simulated)", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.pt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.Equal(IOGolden.Hex(torch.arange(10.0)), IOGolden.Hex((Tensor)torch.load(path)!));
    }

    [Fact]
    public void AFailureWhenNoFileExistedLeavesNone()
    {
        using var dir = new IOGolden.TempDir();
        string path = dir.File("new.safetensors");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s => { s.WriteByte(1); throw new InvalidOperationException(); }));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void ASuccessfulWriteReplacesTheFile()
    {
        using var dir = new IOGolden.TempDir();
        string path = dir.File("a.bin");
        File.WriteAllText(path, "old contents that are longer");
        AtomicFile.Write(path, s => s.Write("new"u8));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void BadTargetsFailCleanly()
    {
        using var dir = new IOGolden.TempDir();
        Assert.Throws<IOException>(() => torch.save(torch.ones(1), dir.Path));
        Assert.Throws<DirectoryNotFoundException>(() => torch.save(torch.ones(1), Path.Combine(dir.Path, "missing", "x.pt")));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
