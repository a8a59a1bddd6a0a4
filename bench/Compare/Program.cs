// Runs the workloads in Flint (natural code, as the README writes it), TorchSharp-cpu (with the dispose
// scope its documentation asks for) and Flint scoped alternately, and prints a Markdown table of medians
// and ratios. With --isolate each library runs in its own process instead (alternating A B C / C B A), so
// libtorch's OpenMP threads and .NET's do not share the two cores inside one process.
//   dotnet run -c Release --project bench/Compare [-- --quick] [--flint-only] [--isolate] [--torch-threads N] [--sections a,c,d] [--out table.md]
// Child modes (used by the whole-process workloads): --child flint-first | flint-autograd | torchsharp-first | torchsharp-autograd
// Isolated side (used by --isolate): --only-side NAME --results-json PATH
using System.Diagnostics;
using System.Text.Json;
using Flint.Workloads;

if (args.Length == 2 && args[0] == "--child")
{
    var child = args[1];
    if (child.StartsWith("flint-", StringComparison.Ordinal)) return ChildModes.RunFlint(child["flint-".Length..]);
    if (child.StartsWith("torchsharp-", StringComparison.Ordinal)) return TorchSharpChild.Run(child["torchsharp-".Length..]);
    return 2;
}

var mode = args.Contains("--quick") ? RunMode.Quick : RunMode.Full;
string? sectionsArg = ArgValue("--sections");
string? outPath = ArgValue("--out");
string? onlySide = ArgValue("--only-side");
HashSet<string>? sections = sectionsArg is null ? null : [.. sectionsArg.Split(',', StringSplitOptions.RemoveEmptyEntries)];
var clock = Stopwatch.StartNew();

if (args.Contains("--isolate") && onlySide is null) return RunIsolated();

var sides = new List<IBenchSide>();
if (onlySide is null or "Flint") sides.Add(new FlintSide(ChildLauncher));
string torchNote;
if (args.Contains("--flint-only") || onlySide is "Flint" or "Flint scoped")
{
    torchNote = "TorchSharp not run (--flint-only)";
}
else if (TorchSharpSide.TryLoad(ChildLauncher, out var ts, out var why))
{
    if (ArgValue("--torch-threads") is { } threads) ts.SetThreads(int.Parse(threads));
    sides.Add(ts);
    torchNote = ts.Description;
}
else
{
    torchNote = $"TorchSharp not loaded, Flint only: {why}";
}
if (onlySide is null or "Flint scoped") sides.Add(new FlintSide(ChildLauncher, scoped: true));

var header = $"Machine: {Report.Machine()}\n{torchNote}\nMode: {mode}; one process; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
Console.Error.WriteLine(header);
var runner = new Runner(sides, mode, Console.Error) { Sections = sections };
var results = runner.Run();
if (ArgValue("--results-json") is { } jsonPath)
{
    File.WriteAllText(jsonPath, JsonSerializer.Serialize(results.Select(r => new SideResult(r.Spec.Section, r.Spec.Name,
        r.MedianSeconds[0], r.MeanSeconds[0], r.Values[0], r.AllocatedBytes[0], r.Gen2PerThousand[0])).ToArray()));
    return 0;
}
var table = Report.Table(sides, results);
var text = $"{header}; took {clock.Elapsed.TotalSeconds:0} s\n\n{table}";
Console.WriteLine(text);
if (outPath is not null) File.WriteAllText(outPath, text);
return 0;

// Each side in its own process, A B C then C B A; per workload the median of the processes' medians.
int RunIsolated()
{
    string[] names = args.Contains("--flint-only") ? ["Flint", "Flint scoped"] : ["Flint", "TorchSharp", "Flint scoped"];
    var runs = names.ToDictionary(n => n, _ => new List<SideResult[]>());
    const int rounds = 2;
    for (int round = 0; round < rounds; round++)
    {
        foreach (var name in round % 2 == 0 ? names : names.Reverse())
        {
            var json = Path.GetTempFileName();
            var start = ChildLauncher("");
            start.ArgumentList.Clear();
            if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet") start.ArgumentList.Add(typeof(Program).Assembly.Location);
            foreach (var a in new[] { "--only-side", name, "--results-json", json }) start.ArgumentList.Add(a);
            if (mode == RunMode.Quick) start.ArgumentList.Add("--quick");
            if (sectionsArg is not null) { start.ArgumentList.Add("--sections"); start.ArgumentList.Add(sectionsArg); }
            if (ArgValue("--torch-threads") is { } th) { start.ArgumentList.Add("--torch-threads"); start.ArgumentList.Add(th); }
            Console.Error.WriteLine($"round {round + 1}: {name} in its own process");
            using var p = Process.Start(start)!;
            p.WaitForExit();
            if (p.ExitCode != 0 || new FileInfo(json).Length == 0) { Console.Error.WriteLine($"  {name} failed (exit {p.ExitCode}); skipped"); continue; }
            runs[name].Add(JsonSerializer.Deserialize<SideResult[]>(File.ReadAllText(json))!);
            File.Delete(json);
        }
    }
    var merged = new List<WorkloadResult>();
    foreach (var spec in Catalog.Build(mode))
    {
        if (sections is not null && !sections.Contains(spec.Section)) continue;
        var per = names.Select(n => runs[n].SelectMany(r => r).Where(r => r.Section == spec.Section && r.Name == spec.Name).ToList()).ToArray();
        double? Med(int k, Func<SideResult, double?> f)
        {
            var v = per[k].Select(f).Where(x => x is not null).Select(x => x!.Value).ToList();
            return v.Count == 0 ? null : Runner.Median(v);
        }
        merged.Add(new WorkloadResult(spec,
            [.. names.Select((_, k) => Med(k, r => r.Median))], [.. names.Select((_, k) => Med(k, r => r.Mean))],
            [.. names.Select((_, k) => Med(k, r => r.Value))], [.. per.Select(p => p.Count)])
        {
            AllocatedBytes = [.. names.Select((_, k) => Med(k, r => r.Allocated))],
            Gen2PerThousand = [.. names.Select((_, k) => Med(k, r => r.Gen2))],
        });
    }
    var head = $"Machine: {Report.Machine()}\nMode: {mode}; each library in its own process, {rounds} rounds (A B C, C B A); {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
    var body = $"{head}; took {clock.Elapsed.TotalSeconds:0} s\n\n{Report.Table(names, merged)}";
    Console.WriteLine(body);
    if (outPath is not null) File.WriteAllText(outPath, body);
    return 0;
}

string? ArgValue(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

// Starts this program again in a child mode: via the dotnet host when that is how we were started.
static ProcessStartInfo ChildLauncher(string childMode)
{
    var self = Environment.ProcessPath ?? "dotnet";
    var start = new ProcessStartInfo(self);
    if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Program).Assembly.Location);
    start.ArgumentList.Add("--child");
    start.ArgumentList.Add(childMode);
    return start;
}

/// <summary>One workload's numbers from one isolated side process.</summary>
internal sealed record SideResult(string Section, string Name, double? Median, double? Mean, double? Value, double? Allocated, double? Gen2);
