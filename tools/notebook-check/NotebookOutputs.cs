// Compares the outputs of an executed notebook with the saved ones, or saves them.
//   dotnet run tools/notebook-check/NotebookOutputs.cs -- compare SAVED.ipynb RUN.ipynb
//   dotnet run tools/notebook-check/NotebookOutputs.cs -- update RUN.ipynb DEST.ipynb
// Every code cell's outputs must be equal as text: displayed values (plain text, else HTML), printed
// lines (consecutive stream chunks joined, since chunking varies), and errors (type and message; stack
// traces left out). Tolerated: package-restore progress, the package folder's path, timing lines, and numbers
// that differ by at most one part in 10^5: a float32 sum's last digits depend on the CPU's vector width
// (TensorPrimitives takes 512-bit lanes where the CPU has AVX-512), so the tutorial's first loss prints
// 29428666.0 on one CI host and 29428662.0 on another. The text around the numbers must still be equal.
// Not a Flint program: no global `Tensor` alias (Directory.Build.props adds it to every project here).
#:property FlintTensorAlias=false
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

if (args.Length != 3 || args[0] is not ("compare" or "update"))
{
    Console.Error.WriteLine("usage: NotebookOutputs.cs compare SAVED.ipynb RUN.ipynb | update RUN.ipynb DEST.ipynb");
    return 2;
}
if (args[0] == "update")
{
    var run = Load(args[1]);
    foreach (var cell in Cells(run))
    {
        var kept = new JsonArray();
        foreach (var o in Outputs(cell))
            if (!IsProgress(o)) kept.Add(NormalisePaths(o!.DeepClone()));
        cell["outputs"] = kept;
    }
    File.WriteAllText(args[2], run.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    Console.WriteLine($"notebook-check: outputs saved to {args[2]}");
    return 0;
}

var saved = Cells(Load(args[1])).ToList();
var ran = Cells(Load(args[2])).ToList();
if (saved.Count != ran.Count) { Console.Error.WriteLine($"notebook-check: {saved.Count} cells saved, {ran.Count} run"); return 1; }
int failures = 0, compared = 0;
for (int i = 0; i < saved.Count; i++)
{
    if ((string?)saved[i]["cell_type"] != "code") continue;
    compared++;
    var want = Texts(saved[i]);
    var got = Texts(ran[i]);
    if (want.Count == got.Count && want.Zip(got).All(p => Same(p.First, p.Second))) continue;
    failures++;
    string source = string.Concat(saved[i]["source"]!.AsArray().Select(s => (string?)s)).Split('\n')[0];
    Console.Error.WriteLine($"notebook-check: cell {i} ({source}) differs:");
    for (int k = 0; k < Math.Max(want.Count, got.Count); k++)
    {
        string w = k < want.Count ? want[k] : "<none>", g = k < got.Count ? got[k] : "<none>";
        if (Same(w, g)) continue;
        var wl = w.Split('\n'); var gl = g.Split('\n');
        int line = Enumerable.Range(0, Math.Min(wl.Length, gl.Length)).FirstOrDefault(j => wl[j] != gl[j], Math.Min(wl.Length, gl.Length));
        Console.Error.WriteLine($"  output {k}, line {line}:\n    saved: {(line < wl.Length ? wl[line] : "<end>")}\n    run:   {(line < gl.Length ? gl[line] : "<end>")}");
    }
}
Console.WriteLine($"notebook-check: {compared - failures} of {compared} code cells match the saved outputs");
return failures == 0 ? 0 : 1;

// Equal text, or equal once numbers are set aside, with each pair of numbers within a relative 1e-5.
static bool Same(string want, string got)
{
    if (want == got) return true;
    var number = new Regex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?");
    if (number.Replace(want, "#") != number.Replace(got, "#")) return false;
    var w = number.Matches(want); var g = number.Matches(got);
    for (int i = 0; i < w.Count; i++)
    {
        double a = double.Parse(w[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        double b = double.Parse(g[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (Math.Abs(a - b) > 1e-5 * Math.Max(Math.Abs(a), Math.Abs(b))) return false;
    }
    return true;
}

static JsonNode Load(string path) => JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException(path);

static IEnumerable<JsonObject> Cells(JsonNode nb) => nb["cells"]!.AsArray().Select(c => c!.AsObject());

static IEnumerable<JsonNode?> Outputs(JsonObject cell) => cell["outputs"]?.AsArray() ?? [];

static string Join(JsonNode? n) => n is JsonArray a ? string.Concat(a.Select(s => (string?)s)) : (string?)n ?? "";

// Package restore animates its progress as a series of displays; only the final one is kept.
static bool IsProgress(JsonNode? o) => Join(o?["data"]?["text/html"]).Contains("Installing Packages");

static JsonNode NormalisePaths(JsonNode o)
{
    if (o["data"]?["text/plain"] is { } plain)
        o["data"]!["text/plain"] = Regex.Replace(Join(plain), @"`[^`]*/(flint\.interactive/[^`]*)`", "`<packages>/$1`");
    return o;
}

static List<string> Texts(JsonObject cell)
{
    var texts = new List<string>();
    string? stream = null;
    foreach (var raw in Outputs(cell))
    {
        if (raw is null || IsProgress(raw)) continue;
        var o = NormalisePaths(raw.DeepClone());
        string type = (string?)o["output_type"] ?? "";
        if (type == "stream") { stream = (stream ?? "") + Join(o["text"]); continue; }
        if (stream is not null) { texts.Add(WithoutTiming(stream)); stream = null; }
        texts.Add(type switch
        {
            "error" => $"{(string?)o["ename"]}: {((string?)o["evalue"] ?? "").Split('\n')[0]}",
            _ => WithoutTiming(o["data"]?["text/plain"] is { } p ? Join(p) : Join(o["data"]?["text/html"])),
        });
    }
    if (stream is not null) texts.Add(WithoutTiming(stream));
    return texts;
}

// Timing lines (durations, rates) change from run to run; nothing else may.
static string WithoutTiming(string text) =>
    string.Join('\n', text.Split('\n').Where(l => !Regex.IsMatch(l, @"(Elapsed|Wall time|it/s|ETA \d)")));
