namespace Flint.Cuda.Blas;

/// <summary>
/// Where Flint looks for cuBLAS, and which files it refuses to load. Loading a shared library runs its
/// initialisers, so a library planted where a user (or a downloaded project) can write would run with the
/// user's rights. The policy:
/// <list type="number">
/// <item><c>FLINT_CUBLAS_PATH</c>, a file or a folder, only when it is an absolute path (a relative one would
/// resolve against whatever the working directory happens to be; it is ignored and reported).</item>
/// <item>The bare names (<c>libcublas.so.13</c>, ...), which the system loader resolves through
/// <c>LD_LIBRARY_PATH</c>, the binary's run path and the loader cache, never the working directory.</item>
/// <item>The CUDA toolkit and system folders (<c>/usr/local/cuda/lib64</c>, <c>/usr/lib/x86_64-linux-gnu</c>,
/// and the <c>nvidia/cublas/lib</c> folder of Python installs under <c>/usr/local/lib</c>, <c>/usr/lib</c>
/// and <c>/opt/conda/lib</c>).</item>
/// <item>Only with <c>FLINT_CUBLAS_ALLOW_USER_PATHS=1</c>: the user's own Python packages
/// (<c>~/.local/lib/python3*/site-packages/nvidia/cublas/lib</c>) and the working directory.</item>
/// </list>
/// Whatever the source, a file is loaded only if it is a regular file that neither it nor its folder is
/// writable by group or others (checked before loading, on Unix).
/// </summary>
internal static class CuBlasSearchPath
{
    public const string PathVariable = "FLINT_CUBLAS_PATH", AllowUserPathsVariable = "FLINT_CUBLAS_ALLOW_USER_PATHS";

    public static readonly string[] Names = ["libcublas.so.13", "libcublas.so.12", "libcublas.so", "cublas64_13.dll", "cublas64_12.dll"];

    /// <summary>Why the last probe skipped candidates (a relative FLINT_CUBLAS_PATH, an unsafe file), for error messages.</summary>
    public static List<string> Skipped { get; } = new();

    /// <summary>The candidates in probing order: absolute paths, or bare names for the system loader.</summary>
    public static IEnumerable<string> Candidates(Func<string, string?> environment, string home, string workingDirectory)
    {
        var env = environment(PathVariable);
        if (!string.IsNullOrEmpty(env))
        {
            if (!Path.IsPathFullyQualified(env))
                Skipped.Add($"{PathVariable}='{env}' is not an absolute path and was ignored");
            else
            {
                if (File.Exists(env)) yield return env;
                foreach (var name in Names) yield return Path.Combine(env, name);
            }
        }
        foreach (var name in Names) yield return name;
        var dirs = new List<string> { "/usr/local/cuda/lib64", "/usr/local/cuda/targets/x86_64-linux/lib", "/usr/lib/x86_64-linux-gnu" };
        var roots = new List<string> { "/usr/local/lib", "/usr/lib", "/opt/conda/lib" };
        bool allowUser = environment(AllowUserPathsVariable) == "1";
        if (allowUser && !string.IsNullOrEmpty(home)) roots.Add(Path.Combine(home, ".local/lib"));
        foreach (var root in roots)
        {
            if (!Directory.Exists(root)) continue;
            IEnumerable<string> pythons;
            try { pythons = Directory.GetDirectories(root, "python3*"); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
            foreach (var py in pythons)
                foreach (var pkgs in new[] { "site-packages", "dist-packages" })
                    dirs.Add(Path.Combine(py, pkgs, "nvidia", "cublas", "lib"));
        }
        if (allowUser && Path.IsPathFullyQualified(workingDirectory)) dirs.Add(workingDirectory);
        foreach (var dir in dirs)
            if (Directory.Exists(dir))
                foreach (var name in Names) yield return Path.Combine(dir, name);
    }

    /// <summary>
    /// True when an absolute candidate may be loaded: it exists as a regular file (links followed) and on Unix
    /// neither the file nor its folder is writable by group or others. Bare names are left to the system loader.
    /// </summary>
    public static bool IsSafeToLoad(string candidate)
    {
        if (!Path.IsPathFullyQualified(candidate)) return true;
        try
        {
            var file = new FileInfo(candidate);
            if (!file.Exists) return false;
            if (file.LinkTarget is not null && file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo real) file = real;
            if (!file.Exists || OperatingSystem.IsWindows()) return file.Exists;
            const UnixFileMode shared = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
            if ((file.UnixFileMode & shared) != 0 || (File.GetUnixFileMode(file.DirectoryName!) & shared) != 0)
            {
                Skipped.Add($"'{candidate}' is writable by other users and was not loaded");
                return false;
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
