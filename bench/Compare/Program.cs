// Runs issue 5's workloads in Flint and TorchSharp-cpu alternately in one process and prints a
// Markdown table of medians and Flint/TorchSharp ratios.
//   dotnet run -c Release --project bench/Compare [-- --quick] [--flint-only] [--torch-threads N] [--sections a,c,d] [--out table.md]
// Child modes (used by the whole-process workloads): --child flint-first | flint-autograd | torchsharp-first | torchsharp-autograd
using System.Diagnostics;
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

var sides = new List<IBenchSide> { new FlintSide(ChildLauncher) };
string torchNote;
if (args.Contains("--flint-only"))
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

var clock = Stopwatch.StartNew();
var header = $"Machine: {Report.Machine()}\n{torchNote}\nMode: {mode}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
Console.Error.WriteLine(header);
var runner = new Runner(sides, mode, Console.Error)
{
    Sections = sectionsArg is null ? null : [.. sectionsArg.Split(',', StringSplitOptions.RemoveEmptyEntries)],
};
var results = runner.Run();
var table = Report.Table(sides, results);
var text = $"{header}; took {clock.Elapsed.TotalSeconds:0} s\n\n{table}";
Console.WriteLine(text);
if (outPath is not null) File.WriteAllText(outPath, text);
return 0;

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
