using static Flint.torch;

namespace Flint.CudaBench;

/// <summary>Sizes of one run: the sizes, or tiny ones (<c>--quick</c>) for a smoke run on the emulator.</summary>
internal sealed record Sizes(long[] Small, long[] Scaled, long Elements, long[] Gemm, int Warmup, int Repeats, int ItersPerRepeat, bool IsQuick)
{
    public static readonly Sizes Full = new([64, 1000, 100, 10], [512, 4096, 1024, 256], 100_000_000, [1024, 2048, 4096, 8192], 20, 7, 50, false);
    public static readonly Sizes Quick = new([8, 64, 16, 4], [16, 128, 32, 8], 100_000, [16, 32], 1, 3, 2, true);
}

/// <summary>The GPU workloads, each timed after warm-up with torch.cuda.synchronize() around the timed region.</summary>
internal static class Workloads
{
    /// <summary>
    /// The specification's autograd loop: forward mm/clamp/mm, loss (y_pred - y).pow(2).sum(),
    /// backward, SGD update under no_grad, zero the grads. Returns milliseconds per iteration, per repeat.
    /// </summary>
    public static double[] AutogradLoop(Device dev, long[] size, Sizes s, bool scoped)
    {
        long N = size[0], D_in = size[1], H = size[2], D_out = size[3];
        manual_seed(0);
        var x = randn(N, D_in, device: dev);
        var y = randn(N, D_out, device: dev);
        var w1 = randn(D_in, H, device: dev, requires_grad: true);
        var w2 = randn(H, D_out, device: dev, requires_grad: true);
        const double learning_rate = 1e-6;
        void Step()
        {
            // Natural code (as the README writes it) leaves freeing to the collector; the scoped variant
            // hands every intermediate back to the caching allocator at the end of the iteration.
            using var scope = scoped ? NewDisposeScope() : null;
            var y_pred = x.mm(w1).clamp(min: 0).mm(w2);
            var loss = (y_pred - y).pow(2).sum();
            loss.backward();
            using (no_grad())
            {
                w1 -= learning_rate * w1.grad!;
                w2 -= learning_rate * w2.grad!;
                w1.grad!.zero_();
                w2.grad!.zero_();
            }
        }
        return Time(Step, s);
    }

    /// <summary>c = a + b on a fresh output (served by the caching allocator after warm-up).</summary>
    public static double[] AddNew(Device dev, Sizes s)
    {
        var a = rand(new long[] { s.Elements }, device: dev);
        var b = rand(new long[] { s.Elements }, device: dev);
        return Time(() => { using var c = a + b; }, s);
    }

    /// <summary>a += b in place: the same 3 × 4 bytes per element, no allocation.</summary>
    public static double[] AddInPlace(Device dev, Sizes s)
    {
        var a = zeros(new long[] { s.Elements }, device: dev);
        var b = rand(new long[] { s.Elements }, device: dev);
        return Time(() => a.add_(b), s);
    }

    /// <summary>A device-to-device copy: x.clone().</summary>
    public static double[] Clone(Device dev, Sizes s)
    {
        var a = rand(new long[] { s.Elements }, device: dev);
        return Time(() => { using var c = a.clone(); }, s);
    }

    /// <summary>
    /// c = a.mm(b) for square float32 matrices of side n (random data), TF32 off or on; ms per product.
    /// The result is dropped, as a user's loop would, so the caching allocator serves it.
    /// </summary>
    public static double[] Sgemm(Device dev, long n, bool tf32, Sizes s)
    {
        var a = randn(n, n, device: dev);
        var b = randn(n, n, device: dev);
        bool before = backends.cuda.matmul.allow_tf32;
        backends.cuda.matmul.allow_tf32 = tf32;
        try
        {
            // About 1.1 TFLOP per 8192³ product: fewer calls for larger n keep each size near half a second.
            int iters = s.IsQuick ? 1 : (int)Math.Clamp(64 * 1024 * 1024 * 8L / (n * n * n / 1024), 2, 50);
            return Time(() => { using var c = a.mm(b); }, s with { ItersPerRepeat = iters, Warmup = Math.Min(s.Warmup, 3) });
        }
        finally { backends.cuda.matmul.allow_tf32 = before; }
    }

    /// <summary>
    /// Per-op launch overhead: a.add_(b) on 1024 floats, many calls back to back, synchronised once
    /// per block, so the time per call is the host's cost of issuing one kernel.
    /// </summary>
    public static double[] LaunchInPlace(Device dev, Sizes s)
    {
        var a = zeros(new long[] { 1024 }, device: dev);
        var b = rand(new long[] { 1024 }, device: dev);
        return Time(() => a.add_(b), s with { ItersPerRepeat = s.IsQuick ? 10 : 2000 });
    }

    /// <summary>The same with an allocated result: c = a + b on 1024 floats (allocator + launch).</summary>
    public static double[] LaunchAllocating(Device dev, Sizes s)
    {
        var a = rand(new long[] { 1024 }, device: dev);
        var b = rand(new long[] { 1024 }, device: dev);
        return Time(() => { var c = a + b; }, s with { ItersPerRepeat = s.IsQuick ? 10 : 2000 });
    }

    /// <summary>Warms up, then times <see cref="Sizes.Repeats"/> blocks of <see cref="Sizes.ItersPerRepeat"/> calls; ms per call per block.</summary>
    private static double[] Time(Action step, Sizes s)
    {
        for (int i = 0; i < s.Warmup; i++) step();
        cuda.synchronize();
        var result = new double[s.Repeats];
        for (int r = 0; r < s.Repeats; r++)
        {
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            for (int i = 0; i < s.ItersPerRepeat; i++) step();
            cuda.synchronize();
            result[r] = System.Diagnostics.Stopwatch.GetElapsedTime(t0).TotalMilliseconds / s.ItersPerRepeat;
        }
        return result;
    }
}
