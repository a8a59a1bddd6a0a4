using Flint.Cuda;
using Flint.Cuda.Blas;

namespace Flint.Cuda.Tests;

/// <summary>Host↔device copies check their ranges; cuBLAS is loaded only from absolute, trusted places.</summary>
public class TransferBoundsAndLibraryPolicyTests
{
    private static Storage Device(ScalarType dtype, long length) => new(Array.CreateInstance(DTypes.ClrType(dtype), length), dtype, torch.CPU);

    [Fact]
    public void RangesInsideBothBuffersPass()
    {
        TransferBounds.Check("Upload", new float[10], 2, 8, Device(ScalarType.Float32, 8), 0);
        TransferBounds.Check("Download", new long[4], 0, 4, Device(ScalarType.Int64, 10), 6);
        TransferBounds.Check("Upload", new float[0], 0, 0, Device(ScalarType.Float32, 0), 0);
    }

    [Theory]
    [InlineData(-1, 4, 0)]         // negative host offset
    [InlineData(8, 4, 0)]          // host range past the array
    [InlineData(0, 4, 7)]          // device range past the storage
    [InlineData(0, -1, 0)]         // negative count
    [InlineData(long.MaxValue, 2, 0)] // offset + count overflows
    [InlineData(0, 2, long.MaxValue)]
    public void RangesOutsideEitherBufferAreRefused(long hostOffset, long count, long deviceOffset)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TransferBounds.Check("Upload", new float[10], hostOffset, count, Device(ScalarType.Float32, 10), deviceOffset));
        Assert.Contains("Upload", e.Message);
    }

    [Fact]
    public void AHostArrayOfTheWrongElementTypeIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => TransferBounds.Check("Download", new byte[40], 0, 10, Device(ScalarType.Float32, 10), 0));
        Assert.Contains("torch.float32", e.Message);
    }

    private static List<string> Candidates(Dictionary<string, string> env, string home = "/home/someone", string cwd = "/work/project") =>
        CuBlasSearchPath.Candidates(k => env.GetValueOrDefault(k), home, cwd).ToList();

    [Fact]
    public void ARelativeFlintCublasPathIsIgnored()
    {
        CuBlasSearchPath.Skipped.Clear();
        var list = Candidates(new() { ["FLINT_CUBLAS_PATH"] = "lib/evil" });
        Assert.DoesNotContain(list, c => c.Contains("evil", StringComparison.Ordinal));
        Assert.Contains(CuBlasSearchPath.Skipped, s => s.Contains("not an absolute path", StringComparison.Ordinal));
        Assert.All(list, c => Assert.True(Path.IsPathFullyQualified(c) || !c.Contains('/'), c));
    }

    [Fact]
    public void AnAbsoluteFlintCublasPathComesFirst()
    {
        using var dir = new TempFolder();
        var list = Candidates(new() { ["FLINT_CUBLAS_PATH"] = dir.Path });
        Assert.Equal(Path.Combine(dir.Path, "libcublas.so.13"), list[0]);
    }

    [Fact]
    public void UserWritableFoldersAndTheWorkingDirectoryOnlyOnOptIn()
    {
        using var home = new TempFolder();
        using var cwd = new TempFolder();
        string userLib = Path.Combine(home.Path, ".local", "lib", "python3.12", "site-packages", "nvidia", "cublas", "lib");
        Directory.CreateDirectory(userLib);
        var without = Candidates(new(), home.Path, cwd.Path);
        Assert.DoesNotContain(without, c => c.StartsWith(home.Path, StringComparison.Ordinal) || c.StartsWith(cwd.Path, StringComparison.Ordinal));
        var with = Candidates(new() { ["FLINT_CUBLAS_ALLOW_USER_PATHS"] = "1" }, home.Path, cwd.Path);
        Assert.Contains(Path.Combine(userLib, "libcublas.so.12"), with);
        Assert.Contains(Path.Combine(cwd.Path, "libcublas.so.12"), with);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ALibraryOthersCanWriteIsNotLoaded()
    {
        using var dir = new TempFolder();
        string lib = Path.Combine(dir.Path, "libcublas.so.12");
        File.WriteAllBytes(lib, [0x7F, (byte)'E', (byte)'L', (byte)'F']);
        File.SetUnixFileMode(dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(lib, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.True(CuBlasSearchPath.IsSafeToLoad(lib));
        File.SetUnixFileMode(lib, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);
        Assert.False(CuBlasSearchPath.IsSafeToLoad(lib));
        File.SetUnixFileMode(lib, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupWrite);
        Assert.False(CuBlasSearchPath.IsSafeToLoad(lib));
        Assert.False(CuBlasSearchPath.IsSafeToLoad(Path.Combine(dir.Path, "missing.so")));
        Assert.True(CuBlasSearchPath.IsSafeToLoad("libcublas.so.12")); // a bare name is the system loader's search
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("flint-cublas-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
