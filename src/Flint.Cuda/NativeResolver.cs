using System.Reflection;
using System.Runtime.InteropServices;

namespace Flint.Cuda;

/// <summary>
/// Lets ILGPU's CUDA driver import find <c>libcuda.so.1</c>: NVIDIA containers and Debian often
/// ship only the versioned name, while ILGPU imports the unversioned one.
/// </summary>
internal static class NativeResolver
{
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) != 0) return;
        try { NativeLibrary.SetDllImportResolver(typeof(ILGPU.Context).Assembly, Resolve); }
        catch (InvalidOperationException) { /* ILGPU (or the host) already set one: keep it */ }
        catch (ArgumentException) { }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (NativeLibrary.TryLoad(name, assembly, path, out var handle)) return handle;
        var lower = name.ToLowerInvariant();
        if ((lower.Contains("cuda") || lower.Contains("nvcuda")) && !lower.Contains("cudart") && NativeLibrary.TryLoad("libcuda.so.1", out handle))
            return handle;
        return IntPtr.Zero;
    }
}
