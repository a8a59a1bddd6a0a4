namespace Flint.IO;

/// <summary>
/// Writes a file so that a reader sees either the old contents or the complete new ones: the bytes go
/// to a temporary file in the target's directory, are flushed to disk, the temporary file is renamed
/// over the target (an atomic replace on one file system), and the directory is flushed so the rename
/// itself is durable. A failure mid-write deletes the temporary file and leaves the target untouched.
/// </summary>
/// <remarks>
/// As <c>torch.save(obj, path)</c> writes to what <c>path</c> names: when the path is a symbolic link the
/// link is kept and the file it points to is replaced (a dangling link gets its target created). An
/// existing file must be writable by the caller (as for torch.save's open) and keeps its permission bits (on Unix); its owner becomes the saving user, and other hard
/// links to the old file keep the old contents, as with any atomic replace. Errors name the caller's path.
/// </remarks>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new IOException($"Cannot save to '{path}': it is a directory.");
        string target = ResolveLinks(full, path);
        string dir = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"Cannot save to '{path}': the directory '{dir}' does not exist.");
        ThrowIfNotWritable(target, path);
        // A short temporary name, so a target name at the file system's length limit still works.
        string temp = Path.Combine(dir, ".flint-" + Guid.NewGuid().ToString("N")[..16] + ".tmp");
        try
        {
            using (var stream = CreateTemporary(temp, path))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            KeepPermissions(target, temp);
            try { File.Move(temp, target, overwrite: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Rename(e, path);
            }
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        DirectorySync.Flush(dir, path);
    }

    /// <summary>The file a (chain of) symbolic link(s) finally names; the path itself when it is no link.</summary>
    private static string ResolveLinks(string full, string path)
    {
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is null) return full;
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException e)
        {
            throw new IOException($"Cannot save to '{path}': its symbolic links cannot be followed ({e.Message}).", e);
        }
    }

    private static FileStream CreateTemporary(string temp, string path)
    {
        try { return new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16); }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"Cannot save to '{path}': permission denied in its directory ({e.Message}).", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DirectoryNotFoundException($"Cannot save to '{path}': its directory does not exist.", e);
        }
        catch (IOException e)
        {
            throw new IOException($"Cannot save to '{path}': {e.Message}", e);
        }
    }

    /// <summary>torch.save opens the target for writing, so a file the user may not write is an error, not silently replaced.</summary>
    private static void ThrowIfNotWritable(string target, string path)
    {
        if (!File.Exists(target)) return;
        try { using var probe = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1); }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException($"Cannot save to '{path}': permission denied (the existing file is not writable).", e);
        }
        catch (IOException) { } // locked or busy: the rename below reports what matters
    }

    /// <summary>An existing target's permission bits carry over to the new file (the rename would otherwise reset them).</summary>
    private static void KeepPermissions(string target, string temp)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(target)) return;
        try { File.SetUnixFileMode(temp, File.GetUnixFileMode(target)); }
        catch (UnauthorizedAccessException) { } // not the owner: the new file keeps the default mode
    }

    private static Exception Rename(Exception e, string path) => e is UnauthorizedAccessException
        ? new UnauthorizedAccessException($"Cannot save to '{path}': permission denied replacing it ({e.Message}).", e)
        : new IOException($"Cannot save to '{path}': {e.Message}", e);

    private static void TryDelete(string temp)
    {
        try { File.Delete(temp); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
