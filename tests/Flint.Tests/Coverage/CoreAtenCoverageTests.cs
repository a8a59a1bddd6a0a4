using System.Text;
using Flint.Tests.Api;
using Flint.Tests.Autograd;
using Flint.Tests.OpInfo;

namespace Flint.Tests.Coverage;

/// <summary>
/// docs/ops.md, the Core ATen coverage table: PyTorch's Core ATen operators (tests/golden/core-aten-ops.txt) against
/// what covers each in Flint (<see cref="CoreAtenMap"/>). The claims are checked, not trusted: a spelling must exist in
/// Flint's public API (reflection, by name), an OpTable row must exist and have a value case in tests/golden/ops*.json
/// (GoldenOpTests runs every case on the CPU; CudaGoldenOpTests on the emulated cuda:0 less <see cref="CudaGoldenSkips"/>),
/// a gradcheck name must be a <see cref="GradCheckCases"/> case, and an op listed as missing must really be absent.
/// With FLINT_WRITE_OPS_DOC=1 the test writes docs/ops.md; otherwise it fails when the file differs from what it
/// generates, so the doc stays true.
/// </summary>
public class CoreAtenCoverageTests
{
    private const string WriteVariable = "FLINT_WRITE_OPS_DOC";

    /// <summary>One operator of the core list: overload name and schema.</summary>
    public sealed record CoreOp(string Name, string Schema);

    public static CoreOp[] CoreOps() =>
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "golden", "core-aten-ops.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')).Select(p => new CoreOp(p[0], p[1]))];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Flint.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Flint.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The TorchSharp-style full name of a spelling: <c>Tensor.x</c> → <c>torch.Tensor.x</c>, <c>F.x</c> → <c>torch.nn.functional.x</c>.</summary>
    private static string FullName(string spelling) =>
        spelling.StartsWith("Tensor.", StringComparison.Ordinal) ? "torch." + spelling
        : spelling.StartsWith("F.", StringComparison.Ordinal) ? "torch.nn.functional." + spelling[2..]
        : spelling;

    /// <summary>The verdict on one operator.</summary>
    public sealed record Row(CoreOp Op, CoreAtenClaim Claim, (string row, int cpu, int cuda)[] Golden, string Status, string Reason);

    /// <summary>Checks every claim (the problems found) and rates every operator.</summary>
    public static (List<Row> rows, List<string> problems) Evaluate(IReadOnlyDictionary<string, CoreAtenClaim>? map = null)
    {
        map ??= CoreAtenMap.Map;
        var problems = new List<string>();
        var ops = CoreOps();
        var names = ops.Select(o => o.Name).ToHashSet();
        foreach (var extra in map.Keys.Where(k => !names.Contains(k)))
            problems.Add($"{extra}: mapped, but not in tests/golden/core-aten-ops.txt");

        var grads = GradCheckCases.Names().Select(d => (string)d.Data).ToHashSet();
        var cases = GoldenCase.Cases.Where(c => c.Error is null).ToLookup(c => c.Op);
        var rows = new List<Row>();
        foreach (var op in ops)
        {
            if (!map.TryGetValue(op.Name, out var claim))
            {
                problems.Add($"{op.Name}: no entry in CoreAtenMap");
                continue;
            }
            foreach (var s in claim.Spellings)
                if (!TorchSharpParityTests.FlintHas(FullName(s))) problems.Add($"{op.Name}: Flint has no public {s}");
            var golden = new List<(string, int, int)>();
            foreach (var r in claim.Rows)
            {
                if (!OpTable.Ops.ContainsKey(r)) { problems.Add($"{op.Name}: OpTable has no row '{r}'"); continue; }
                int cpu = cases[r].Count(), cuda = cases[r].Count(c => CudaGoldenSkips.Reason(c) is null);
                if (cpu == 0) problems.Add($"{op.Name}: OpTable row '{r}' has no golden value case in tests/golden/ops*.json");
                golden.Add((r, cpu, cuda));
            }
            foreach (var g in claim.Grads)
                if (!grads.Contains(g)) problems.Add($"{op.Name}: GradCheckCases has no case '{g}'");
            if (claim.Missing)
                foreach (var absent in AbsentNames(op.Name, claim))
                    if (TorchSharpParityTests.FlintHas(FullName(absent))) problems.Add($"{op.Name}: listed as missing, but Flint has {absent}");

            string status, reason;
            if (claim.Skip is not null) (status, reason) = ("skipped", claim.Skip);
            else if (claim.Missing) (status, reason) = ("missing", "");
            else
            {
                var lacks = new List<string>();
                if (golden.Count == 0) lacks.Add("no golden cases in the op table");
                else if (golden.Sum(g => g.Item3) == 0) lacks.Add("no golden case runs on cuda:0");
                if (claim.Grads.Length == 0 && claim.NoGrad is null) lacks.Add("no gradcheck");
                if (claim.Gap is not null) lacks.Add(claim.Gap);
                (status, reason) = lacks.Count == 0 ? ("green", "") : ("partial", string.Join("; ", lacks));
            }
            rows.Add(new Row(op, claim, [.. golden], status, reason));
        }
        return (rows, problems);
    }

    /// <summary>The names an op listed as missing must not have: <c>Tensor.x</c>, <c>torch.x</c> and <c>F.x</c> for its base name.</summary>
    private static IEnumerable<string> AbsentNames(string op, CoreAtenClaim claim)
    {
        if (claim.AbsentName == "") yield break;
        string name = claim.AbsentName ?? op.Split('.')[0].TrimStart('_');
        yield return "Tensor." + name;
        yield return "torch." + name;
        yield return "F." + name;
    }

    /// <summary>docs/ops.md as it must read for the Flint under test.</summary>
    public static string Doc(List<Row> rows)
    {
        int Count(string s) => rows.Count(r => r.Status == s);
        var s = new StringBuilder();
        s.Append("# Core ATen operators in Flint\n\n");
        s.Append("Generated by `tests/Flint.Tests/Coverage/CoreAtenCoverageTests.cs`; do not edit. Regenerate with\n");
        s.Append("`FLINT_WRITE_OPS_DOC=1 dotnet test tests/Flint.Tests --filter FullyQualifiedName~CoreAtenCoverage`\n");
        s.Append("(the test fails when this file is out of date).\n\n");
        s.Append($"**{rows.Count} Core ATen operators: {Count("green")} green, {Count("partial")} partial, ");
        s.Append($"{Count("skipped")} skipped with a reason, {Count("missing")} missing.**\n\n");
        s.Append("- The operators: every entry of PyTorch's `native_functions.yaml` tagged `core` (`tests/golden/core-aten-ops.txt`,\n");
        s.Append("  which says which PyTorch it came from). Flint's values follow PyTorch 1.13, whose golden data the tests hold.\n");
        s.Append("- The claims: `tests/Flint.Tests/Coverage/CoreAtenMap.cs`. The test checks each one: a Flint spelling must exist in\n");
        s.Append("  the public API (by name: an overload may still be lacking, which the map states as a gap), an op-table row must\n");
        s.Append("  exist with golden value cases in `tests/golden/ops*.json`, a gradcheck must be a `GradCheckCases` case, and an\n");
        s.Append("  operator listed as missing must really be absent.\n");
        s.Append("- CPU: the row's golden cases (PyTorch 1.13's values) that `Generic/GoldenOpTests` runs on the CPU.\n");
        s.Append("  CUDA: those that `Flint.Cuda.Tests/CudaGoldenOpTests` runs on the emulated `cuda:0` (all but `CudaGoldenSkips`).\n");
        s.Append("- gradcheck: `GradCheckCases` (float64 finite differences, on the CPU and on `cuda:0`), or why none is needed.\n");
        s.Append("- green: a Flint spelling, golden cases on the CPU and on `cuda:0`, and a gradcheck (or a reason none is needed).\n");
        s.Append("  partial: the spelling exists but something is lacking (said in the last column). skipped: deliberately not\n");
        s.Append("  provided, with the reason. missing: not in Flint yet.\n\n");
        s.Append("| Core ATen op | Flint | CPU golden | CUDA golden | gradcheck | status |\n");
        s.Append("|---|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            string flint = string.Join(", ", r.Claim.Spellings.Select(x => $"`{x}`"));
            string cpu = string.Join(", ", r.Golden.Select(g => $"{g.row} ({g.cpu})"));
            string cuda = string.Join(", ", r.Golden.Select(g => $"{g.row} ({g.cuda})"));
            string grad = r.Claim.Grads.Length > 0 ? string.Join(", ", r.Claim.Grads) : r.Claim.NoGrad is { } why ? $"n/a: {why}" : "";
            string status = r.Reason.Length > 0 ? $"{r.Status}: {r.Reason}" : r.Status;
            s.Append($"| `{r.Op.Name}` | {flint} | {cpu} | {cuda} | {grad} | {status} |\n");
        }
        var missing = rows.Where(r => r.Status == "missing").Select(r => $"`{r.Op.Name}`").ToArray();
        s.Append($"\n## Missing ({missing.Length})\n\n");
        s.Append(missing.Length == 0 ? "None.\n" : string.Join(", ", missing) + "\n");
        return s.ToString();
    }

    [Fact]
    public void EveryClaimHolds()
    {
        var (rows, problems) = Evaluate();
        Assert.True(problems.Count == 0, "CoreAtenMap claims what Flint does not have:\n" + string.Join("\n", problems));
        Assert.Equal(CoreOps().Length, rows.Count);
    }

    [Fact]
    public void CoreListIsPyTorchsCoreSet()
    {
        var ops = CoreOps();
        Assert.True(ops.Length > 150, $"only {ops.Length} core operators");
        Assert.Equal(ops.Length, ops.Select(o => o.Name).Distinct().Count());
        foreach (var name in new[] { "add.Tensor", "convolution", "native_layer_norm", "_softmax", "view", "sum.dim_IntList" })
            Assert.Contains(ops, o => o.Name == name);
        Assert.All(ops, o => Assert.StartsWith(o.Name + "(", o.Schema, StringComparison.Ordinal));
    }

    [Fact]
    public void ABrokenClaimIsCaught()
    {
        // The checks themselves: a spelling, a row and a gradcheck that do not exist are each reported.
        var map = new Dictionary<string, CoreAtenClaim>(CoreAtenMap.Map)
        {
            ["abs"] = new(["Tensor.no_such_op"], ["no_such_row"], ["no_such_grad"]),
            ["acos"] = new([], [], [], Missing: true, AbsentName: "exp"),
        };
        var (_, problems) = Evaluate(map);
        Assert.Contains("abs: Flint has no public Tensor.no_such_op", problems);
        Assert.Contains("abs: OpTable has no row 'no_such_row'", problems);
        Assert.Contains("abs: GradCheckCases has no case 'no_such_grad'", problems);
        Assert.Contains("acos: listed as missing, but Flint has Tensor.exp", problems);
    }

    [Fact]
    public void OpsDocIsUpToDate()
    {
        var (rows, problems) = Evaluate();
        Assert.Empty(problems);
        var expected = Doc(rows);
        var path = Path.Combine(RepoRoot(), "docs", "ops.md");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), $"{path} is missing; run the test with {WriteVariable}=1 to write it");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (committed != expected)
        {
            var now = expected.Split('\n').ToHashSet();
            var was = committed.Split('\n').ToHashSet();
            Assert.Fail($"docs/ops.md is out of date: run the test with {WriteVariable}=1 and commit the file.\nLines now: " +
                string.Join("\n", now.Except(was).Take(20)) + "\nLines in the file: " + string.Join("\n", was.Except(now).Take(20)));
        }
    }
}
