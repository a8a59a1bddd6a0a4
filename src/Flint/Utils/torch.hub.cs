using System.Security.Cryptography;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// <c>torch.hub</c>'s downloader, as TorchSharp 0.107 has it: <see cref="download_url_to_file(string, string, string?, bool)"/>
    /// and its async twin, with a replaceable progress bar. The bytes go to a temporary file in the destination's
    /// directory, are checked against <c>hash_prefix</c> (SHA-256, as hex) when one is given and only then moved
    /// into place, as PyTorch's <c>torch.hub.download_url_to_file</c> does: a failed or rejected download leaves no
    /// partial file and does not touch an existing destination.
    /// </summary>
    public static class hub
    {
        private static Func<bool, IProgressBar>? s_createProgressBar;
        private static readonly Lazy<HttpClient> s_client = new(() =>
        {
            var client = new HttpClient();
            client.DefaultRequestHeaders.UserAgent.ParseAdd("torch.hub");
            return client;
        });

        /// <summary>
        /// Sets the function that <see cref="CreateProgressBar"/> calls (its argument says whether the bar is hidden);
        /// null restores the default bar on standard error.
        /// </summary>
        /// <param name="func">A progress bar factory, or null for the default console bar.</param>
        public static void set_create_progress_bar_func(Func<bool, IProgressBar>? func) => s_createProgressBar = func;

        /// <summary>A new progress bar from the function set by <see cref="set_create_progress_bar_func"/>, or the console bar.</summary>
        /// <param name="hidden">Whether the bar shows nothing (downloads pass <c>!progress</c>).</param>
        public static IProgressBar CreateProgressBar(bool hidden) =>
            s_createProgressBar is { } create
                ? create(hidden) ?? throw new InvalidOperationException("the function set by torch.hub.set_create_progress_bar_func returned null")
                : new ConsoleProgressBar(hidden);

        /// <summary>
        /// Downloads <paramref name="url"/> to the file <paramref name="dst"/> (PyTorch's
        /// <c>download_url_to_file(url, dst, hash_prefix=None, progress=True)</c>).
        /// </summary>
        /// <param name="url">The http or https URL to download.</param>
        /// <param name="dst">The file to write; its directory must exist. A leading <c>~</c> is the home directory.</param>
        /// <param name="hash_prefix">When not null, the SHA-256 digest of the content (lowercase hex) must start with it.</param>
        /// <param name="progress">Whether to show a progress bar on standard error.</param>
        /// <exception cref="InvalidDataException">The digest does not start with <paramref name="hash_prefix"/>.</exception>
        /// <exception cref="HttpRequestException">The server answered with an error status, or could not be reached.</exception>
        public static void download_url_to_file(string url, string dst, string? hash_prefix = null, bool progress = true) =>
            Task.Run(() => download_url_to_file_async(url, dst, hash_prefix, progress)).GetAwaiter().GetResult();

        /// <summary>The asynchronous <see cref="download_url_to_file(string, string, string?, bool)"/>.</summary>
        /// <param name="url">The http or https URL to download.</param>
        /// <param name="dst">The file to write; its directory must exist. A leading <c>~</c> is the home directory.</param>
        /// <param name="hash_prefix">When not null, the SHA-256 digest of the content (lowercase hex) must start with it.</param>
        /// <param name="progress">Whether to show a progress bar on standard error.</param>
        /// <param name="cancellationToken">Cancels the download; the temporary file is removed.</param>
        /// <exception cref="InvalidDataException">The digest does not start with <paramref name="hash_prefix"/>.</exception>
        /// <exception cref="HttpRequestException">The server answered with an error status, or could not be reached.</exception>
        public static async Task download_url_to_file_async(string url, string dst, string? hash_prefix = null, bool progress = true,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(url);
            ArgumentNullException.ThrowIfNull(dst);
            if (dst.Length == 0) throw new ArgumentException("dst must name a file", nameof(dst));
            if (dst == "~" || dst.StartsWith("~/", StringComparison.Ordinal) || dst.StartsWith("~\\", StringComparison.Ordinal))
                dst = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + dst[1..];
            string full = Path.GetFullPath(dst);
            if (Directory.Exists(full)) throw new IOException($"Cannot download to '{dst}': it is a directory.");
            string dir = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{dst}' names no file.", nameof(dst));
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"Cannot download to '{dst}': the directory '{dir}' does not exist.");

            using var response = await s_client.Value.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            // As tempfile.NamedTemporaryFile(delete=False, dir=dst_dir): a "tmp" name beside the destination.
            string temp = Path.Combine(dir, "tmp" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                using var sha256 = hash_prefix is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using (var bar = CreateProgressBar(!progress))
                {
                    bar.Maximum = response.Content.Headers.ContentLength;
                    await using var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
                    var buffer = new byte[64 * 1024];
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        sha256?.AppendData(buffer, 0, read);
                        bar.Value += read;
                    }
                }
                if (sha256 is not null)
                {
                    string digest = Convert.ToHexStringLower(sha256.GetHashAndReset());
                    if (!digest.StartsWith(hash_prefix!, StringComparison.Ordinal))
                        throw new InvalidDataException($"invalid hash value (expected \"{hash_prefix}\", got \"{digest}\")");
                }
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
