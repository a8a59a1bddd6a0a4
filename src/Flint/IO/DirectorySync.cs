using System.Runtime.InteropServices;

namespace Flint.IO;

/// <summary>
/// Flushes a directory's entries to disk (POSIX <c>fsync</c> on the directory), so a rename that replaced a
/// file survives a power loss: without it the new name may still point at the old file after a crash.
/// Windows has no equivalent for a directory handle; there the rename's own durability is what the file
/// system gives.
/// </summary>
internal static partial class DirectorySync
{
    /// <summary>The directory this thread last flushed (lets tests see that a save flushed its directory).</summary>
    [ThreadStatic] internal static string? LastFlushed;

    private const int ReadOnly = 0, DirectoryOnly = 0x10000, CloseOnExec = 0x80000; // Linux O_RDONLY, O_DIRECTORY, O_CLOEXEC
    private const int EINVAL = 22, EROFS = 30, ENOTSUP = 95;

    /// <exception cref="IOException">The file system reported an I/O error while flushing.</exception>
    public static void Flush(string directory, string pathForMessages)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD()) return;
        int flags = OperatingSystem.IsLinux() ? ReadOnly | DirectoryOnly | CloseOnExec : ReadOnly;
        int fd = Open(directory, flags);
        if (fd < 0) return; // an unreadable directory (mode -r): the file itself is already flushed
        try
        {
            if (FSync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                // Some file systems cannot flush a directory (and need not): that is not a failed save.
                if (errno is not (EINVAL or EROFS or ENOTSUP))
                    throw new IOException($"Saved '{pathForMessages}', but flushing its directory '{directory}' to disk failed (errno {errno}); the new file may not survive a crash.");
            }
            LastFlushed = directory;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
