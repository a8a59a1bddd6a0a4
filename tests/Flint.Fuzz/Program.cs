using System.Diagnostics;
using System.Security.Cryptography;

namespace Flint.Fuzz;

/// <summary>
/// <c>fuzz FORMAT SECONDS WORKDIR [GOLDEN_DIR] [SEED]</c>: mutates the seed corpus for SECONDS, checking the
/// loader contract on every input; each violation is saved as WORKDIR/FORMAT-HASH.bin with a .txt reason,
/// and the input being run is always in WORKDIR/current.bin, so a parent process can tell which input killed
/// this one. <c>replay FORMAT FILE...</c>: runs given inputs once. <c>print-rank T A</c>: prints a rank-T tensor and a rank-A array. Exit code: 0 when the contract held throughout.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "replay")
        {
            int failures = 0;
            foreach (var file in args[2..])
            {
                var violation = Contract.Check(args[1], File.ReadAllBytes(file), out string outcome);
                Console.WriteLine(violation is null ? $"ok {Path.GetFileName(file)} -> {outcome}" : $"VIOLATION {Path.GetFileName(file)}: {violation}");
                if (violation is not null) failures++;
            }
            return failures == 0 ? 0 : 1;
        }
        if (args.Length >= 4 && args[0] == "fuzz")
        {
            string format = args[1], work = args[3];
            double seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            string? golden = args.Length > 4 ? args[4] : null;
            int seed = args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : Environment.TickCount;
            return Fuzz(format, seconds, work, golden, seed);
        }
        if (args.Length == 3 && args[0] == "print-rank")
        {
            // Printers recurse per dim in PyTorch and NumPy: print a tensor and an array of the given ranks (all sizes 1).
            int tensorRank = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
            int arrayRank = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            string s = torch.ones(Enumerable.Repeat(1L, tensorRank).ToArray()).ToString();
            string a = torch.ones(Enumerable.Repeat(1L, arrayRank).ToArray()).numpy().ToString();
            Console.WriteLine(s == "tensor(" + new string('[', tensorRank) + "1." + new string(']', tensorRank) + ")" ? "tensor ok" : "tensor wrong: " + s[..Math.Min(60, s.Length)]);
            // NumPy moves "dtype=..." to the next line when the line is long.
            Console.WriteLine(a.StartsWith("array(" + new string('[', arrayRank) + "1." + new string(']', arrayRank) + ",", StringComparison.Ordinal) && a.EndsWith("dtype=float32)", StringComparison.Ordinal) ? "array ok" : "array wrong: " + a[..Math.Min(60, a.Length)]);
            return 0;
        }
        Console.Error.WriteLine("usage: Flint.Fuzz fuzz FORMAT SECONDS WORKDIR [GOLDEN_DIR] [SEED] | replay FORMAT FILE...");
        return 2;
    }

    private static int Fuzz(string format, double seconds, string work, string? golden, int seed)
    {
        Directory.CreateDirectory(work);
        var seeds = Seeds.For(format, golden);
        foreach (var s in seeds)
            if (Contract.Check(format, s) is { } v) Save(work, format, s, "seed rejected: " + v);
        var random = new Random(seed);
        var mutator = new Mutator(random, seeds);
        var pool = new List<byte[]>(seeds); // inputs that loaded successfully join the pool
        string current = Path.Combine(work, "current.bin");
        var clock = Stopwatch.StartNew();
        long runs = 0, accepted = 0;
        int violations = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var input = mutator.Mutate(format, pool[random.Next(pool.Count)]);
            File.WriteAllBytes(current, input);
            var violation = Contract.Check(format, input);
            runs++;
            if (violation is not null)
            {
                violations++;
                Save(work, format, input, violation);
            }
            else if (Loads(format, input) && pool.Count < 512)
            {
                pool.Add(input);
                accepted++;
            }
        }
        File.Delete(current);
        Console.WriteLine($"format={format} seed={seed} runs={runs} seeds={seeds.Count} loaded-mutants={accepted} violations={violations}");
        return violations == 0 ? 0 : 1;
    }

    private static bool Loads(string format, byte[] input)
    {
        try { Loaders.Run(format, input); return true; }
        catch (Exception) { return false; }
    }

    private static void Save(string work, string format, byte[] input, string reason)
    {
        string name = $"{format}-{Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant()}";
        File.WriteAllBytes(Path.Combine(work, name + ".bin"), input);
        File.WriteAllText(Path.Combine(work, name + ".txt"), reason);
        Console.WriteLine($"VIOLATION {name}: {reason.Split('\n')[0]}");
    }
}
