using System.Diagnostics;

namespace Flint.Bench;

/// <summary>
/// <c>--breakdown</c>: where one iteration of workload (a) spends its time and allocations, phase
/// by phase (medians over many iterations), and the cost of 2×2 ops. A quick profile, not a benchmark.
/// </summary>
public static class Breakdown
{
    private const double LearningRate = 1e-6;

    public static void Run(int iterations)
    {
        torch.manual_seed(0);
        var x = torch.randn(64, 1000);
        var y = torch.randn(64, 10);
        var w1 = torch.randn(1000, 100, requires_grad: true);
        var w2 = torch.randn(100, 10, requires_grad: true);
        string[] names =
        [
            "x.mm(w1)", "clamp(min: 0)", "h_relu.mm(w2)", "y_pred - y", ".pow(2)", ".sum()", ".item()", "backward()",
            "w -= lr * w.grad (×2)", "grad.zero_() (×2)",
        ];
        var times = names.Select(_ => new List<double>()).ToArray();
        var bytes = new long[names.Length];
        int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
        var total = new List<double>();

        for (int t = 0; t < iterations; t++)
        {
            int p = 0;
            long t0 = Stopwatch.GetTimestamp(), b0 = GC.GetAllocatedBytesForCurrentThread(), start = t0;
            void Mark()
            {
                long t1 = Stopwatch.GetTimestamp(), b1 = GC.GetAllocatedBytesForCurrentThread();
                times[p].Add(Stopwatch.GetElapsedTime(t0, t1).TotalSeconds);
                bytes[p] += b1 - b0;
                p++;
                t0 = Stopwatch.GetTimestamp();
                b0 = GC.GetAllocatedBytesForCurrentThread();
            }
            var h = x.mm(w1); Mark();
            var hr = h.clamp(min: 0); Mark();
            var yp = hr.mm(w2); Mark();
            var d = yp - y; Mark();
            var sq = d.pow(2); Mark();
            var loss = sq.sum(); Mark();
            loss.item<float>(); Mark();
            loss.backward(); Mark();
            using (torch.no_grad())
            {
                var a = w1; var b = w2;
                a -= LearningRate * a.grad!;
                b -= LearningRate * b.grad!;
                Mark();
                a.grad!.zero_();
                b.grad!.zero_();
                Mark();
            }
            total.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        int skip = Math.Min(50, iterations / 4);
        double sumMedians = 0;
        Console.WriteLine($"Workload (a), {iterations} iterations (first {skip} dropped): median µs, KiB allocated per iteration");
        for (int i = 0; i < names.Length; i++)
        {
            double med = Median(times[i].Skip(skip)) * 1e6;
            sumMedians += med;
            Console.WriteLine($"  {names[i],-24} {med,9:0.0} µs  {bytes[i] / 1024.0 / iterations,9:0.0} KiB");
        }
        Console.WriteLine($"  {"sum of phase medians",-24} {sumMedians,9:0.0} µs; iteration median {Median(total.Skip(skip)) * 1e6:0.0} µs; "
            + $"gen0 GCs {GC.CollectionCount(0) - gen0}, gen2 GCs {GC.CollectionCount(2) - gen2}");

        // The GEMMs inside backward(), as plain calls with the same (transposed) operands.
        var g = torch.randn(64, 10);
        var gh = torch.randn(64, 100);
        var hr2 = torch.randn(64, 100);
        var w2d = w2.detach();
        Console.WriteLine("GEMMs of one iteration as plain calls (median µs):");
        Time("x.mm(w1)          64x1000·1000x100", () => x.mm(w1.detach()));
        Time("h_relu.mm(w2)     64x100·100x10", () => hr2.mm(w2d));
        Time("h_relu.t().mm(g)  100x64·64x10", () => hr2.t().mm(g));
        Time("g.mm(w2.t())      64x10·10x100", () => g.mm(w2d.t()));
        Time("x.t().mm(grad_h)  1000x64·64x100", () => x.t().mm(gh));

        Console.WriteLine("2x2 ops (median ns, bytes allocated per call):");
        var s = torch.randn(2, 2);
        var s2 = torch.randn(2, 2);
        var c = torch.zeros(2, 2);
        var sg = torch.randn(2, 2, requires_grad: true);
        Time("a.add(b)", () => s.add(s2), perCall: true);
        Time("a + b", () => s + s2, perCall: true);
        Time("a + 1.0", () => s + 1.0, perCall: true);
        Time("c.add_(b)", () => c.add_(s2), perCall: true);
        Time("g.add(b) (records graph)", () => sg.add(s2), perCall: true);
        Time("a.mm(b)", () => s.mm(s2), perCall: true);
        Time("a.sum()", () => s.sum(), perCall: true);
        Time("a.t()", () => s.t(), perCall: true);
        Time("torch.empty(2, 2)", () => torch.empty(2, 2), perCall: true);
    }

    private static void Time(string name, Func<Tensor> op, bool perCall = false)
    {
        int reps = perCall ? 20000 : 50;
        for (int i = 0; i < Math.Min(reps, 1000); i++) op();
        var samples = new List<double>();
        long allocated = 0;
        for (int s = 0; s < 15; s++)
        {
            long b0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < reps; i++) op();
            samples.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds / reps);
            allocated += GC.GetAllocatedBytesForCurrentThread() - b0;
        }
        double med = Median(samples);
        Console.WriteLine(perCall
            ? $"  {name,-32} {med * 1e9,8:0} ns  {allocated / (15.0 * reps),6:0} B"
            : $"  {name,-32} {med * 1e6,8:0.0} µs");
    }

    private static double Median(IEnumerable<double> values)
    {
        var a = values.ToArray();
        Array.Sort(a);
        return a.Length == 0 ? double.NaN : a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]);
    }
}
