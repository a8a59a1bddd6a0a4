using System.Reflection;
using System.Text;

namespace Flint.Tests.Api;

/// <summary>
/// Flint's spelling parity with TorchSharp 0.107, by name: tests/golden/torchsharp-surface.txt (TorchSharp's
/// public names, dumped by tools/parity) against Flint's public API by reflection. The names Flint lacks are
/// committed in docs/parity-gaps.md; the test fails when that file differs from what Flint has now, so a
/// lost member fails it and an added one asks for the file to be regenerated (the list stays true).
/// TorchSharp itself is not needed at test time.
/// </summary>
public class TorchSharpParityTests
{
    private const string WriteVariable = "FLINT_WRITE_PARITY_GAPS";

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Flint.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Flint.slnx not found above " + AppContext.BaseDirectory);
    }

    private static string[] Surface() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "golden", "torchsharp-surface.txt")).Where(l => l.Length > 0).ToArray();

    /// <summary>
    /// The assemblies beside the core whose C# 14 extension members add to <c>torch</c> (Flint.TensorBoard's
    /// <c>torch.utils.tensorboard</c>); their names count as Flint's.
    /// </summary>
    private static readonly Assembly[] ExtensionAssemblies = [typeof(TensorBoardModule).Assembly];

    /// <summary>
    /// The extension members those assemblies declare, by receiver type: an <c>extension(R) { ... }</c> block compiles to a
    /// nested grouping type (<c>&lt;G&gt;$...</c>) in its static class, holding a marker type (<c>&lt;M&gt;$...</c>) whose
    /// <c>&lt;Extension&gt;$</c> method takes the receiver, and the members' declarations (static members stay static),
    /// each tagged with <c>[ExtensionMarker]</c> naming its marker.
    /// </summary>
    private static readonly Lazy<List<(Type Receiver, MemberInfo Member)>> s_extensionMembers = new(() =>
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic;
        var found = new List<(Type, MemberInfo)>();
        foreach (var assembly in ExtensionAssemblies)
            foreach (var holder in assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed && !t.IsNested))
                foreach (var grouping in holder.GetNestedTypes(Any).Where(t => t.Name.StartsWith("<G>$", StringComparison.Ordinal)))
                    foreach (var marker in grouping.GetNestedTypes(Any).Where(t => t.Name.StartsWith("<M>$", StringComparison.Ordinal)))
                    {
                        var receiver = marker.GetMethod("<Extension>$", Any | BindingFlags.Static)?.GetParameters() is [var p] ? p.ParameterType : null;
                        if (receiver is null) continue;
                        foreach (var member in grouping.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                            if (member is PropertyInfo or MethodInfo { IsSpecialName: false } or FieldInfo
                                && member.GetCustomAttributesData().Any(a => a.AttributeType.Name == "ExtensionMarkerAttribute"
                                    && a.ConstructorArguments is [{ Value: string name }] && name == marker.Name))
                                found.Add((receiver, member));
                    }
        return found;
    });

    private static IEnumerable<MemberInfo> ExtensionMembers(Type receiver, string name, bool isStatic) =>
        s_extensionMembers.Value.Where(e => e.Receiver == receiver && e.Member.Name == name && IsStatic(e.Member) == isStatic).Select(e => e.Member);

    private static bool IsStatic(MemberInfo m) => m switch
    {
        PropertyInfo p => (p.GetMethod ?? p.SetMethod)!.IsStatic,
        MethodInfo mi => mi.IsStatic,
        FieldInfo f => f.IsStatic,
        _ => false,
    };

    /// <summary>
    /// True when Flint has the TorchSharp name <paramref name="line"/> (<c>torch.nn.functional.relu</c>, <c>torch.Tensor.add</c>):
    /// the path goes through nested static classes, or through a property (the core's or an extension property such as
    /// <c>torch.utils.tensorboard</c>) to the instance members of the object it returns (Flint's namespace objects).
    /// </summary>
    internal static bool FlintHas(string line)
    {
        var parts = line.Split('.');
        if (parts.Length == 3 && parts[0] == "torch" && parts[1] == "Tensor")
            return HasInstanceMember(typeof(Tensor), parts[2]) || ExtensionMembers(typeof(Tensor), parts[2], isStatic: false).Any();
        Type type = typeof(torch);
        bool instance = false;
        for (int i = 1; i < parts.Length - 1; i++)
        {
            if (!instance && Nested(type, parts[i]) is { } nested) { type = nested; continue; }
            var flags = BindingFlags.Public | (instance ? BindingFlags.Instance : BindingFlags.Static);
            var property = type.GetProperty(parts[i], flags)
                ?? ExtensionMembers(type, parts[i], !instance).OfType<PropertyInfo>().FirstOrDefault();
            if (property is null) return false;
            type = property.PropertyType;
            instance = true;
        }
        return instance
            ? type.GetMember(parts[^1], BindingFlags.Public | BindingFlags.Instance).Length > 0 || ExtensionMembers(type, parts[^1], false).Any()
            : HasStaticMember(type, parts[^1]) || Nested(type, parts[^1]) is not null || ExtensionMembers(type, parts[^1], true).Any();
    }

    private static Type? Nested(Type type, string name) =>
        type.GetNestedTypes(BindingFlags.Public).FirstOrDefault(n => Plain(n.Name) == name);

    private static string Plain(string name) => name.Contains('`') ? name[..name.IndexOf('`')] : name;

    private static bool HasStaticMember(Type type, string name) =>
        type.GetMember(name, BindingFlags.Public | BindingFlags.Static).Length > 0;

    private static bool HasInstanceMember(Type type, string name) =>
        name == "this[]" ? type.GetProperties().Any(p => p.GetIndexParameters().Length > 0)
            : type.GetMember(name, BindingFlags.Public | BindingFlags.Instance).Length > 0;

    /// <summary>
    /// tools/parity/not-planned.txt: names Flint deliberately lacks, under "## reason" headings; an entry ending in
    /// <c>.*</c> covers a whole area (<c>torch.jit.*</c>).
    /// </summary>
    internal static List<(string Reason, List<string> Entries)> NotPlanned()
    {
        var groups = new List<(string, List<string>)>();
        foreach (var raw in File.ReadAllLines(Path.Combine(RepoRoot(), "tools", "parity", "not-planned.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') && !line.StartsWith("## ")) continue;
            if (line.StartsWith("## ")) groups.Add((line[3..].Trim(), new List<string>()));
            else if (groups.Count == 0) throw new InvalidDataException("not-planned.txt: an entry before the first '## reason' heading: " + line);
            else groups[^1].Item2.Add(line);
        }
        return groups;
    }

    private static bool Covers(string entry, string name) =>
        entry.EndsWith(".*") ? name.StartsWith(entry[..^1], StringComparison.Ordinal) || name == entry[..^2] : name == entry;

    /// <summary>docs/parity-gaps.md as it must read for the Flint under test.</summary>
    internal static string Gaps()
    {
        var surface = Surface();
        var missing = surface.Where(l => !FlintHas(l)).ToList();
        var notPlanned = NotPlanned();
        string? ReasonFor(string name) => notPlanned.FirstOrDefault(g => g.Entries.Any(e => Covers(e, name))).Reason;
        var toDo = missing.Where(l => ReasonFor(l) is null).ToList();
        var s = new StringBuilder();
        s.Append("# TorchSharp names Flint lacks\n\n");
        s.Append("Generated by `tests/Flint.Tests/Api/TorchSharpParityTests.cs` from `tests/golden/torchsharp-surface.txt` (TorchSharp 0.107's\n");
        s.Append("public names, dumped by `tools/parity/run.sh`), `tools/parity/not-planned.txt` (what Flint deliberately lacks, and why) and\n");
        s.Append("Flint's public API. The test fails when this file is out of date, so the list stays true; regenerate it with\n");
        s.Append("`FLINT_WRITE_PARITY_GAPS=1 dotnet test tests/Flint.Tests --filter FullyQualifiedName~TorchSharpParity`. Names only: a name\n");
        s.Append("Flint has may still differ in overloads or parameters. The core `Flint` assembly is reflected, and so are the C# 14\n");
        s.Append("extension members Flint.TensorBoard adds (`torch.utils.tensorboard`, its `Summary` and `SummaryWriter`): a name reached\n");
        s.Append("through a property, such as `torch.utils.tensorboard.Summary.histogram`, is an instance member of the namespace object\n");
        s.Append("the property returns. Flint.Vision and Flint.Distributed are not reflected (TorchSharp's core surface lists neither\n");
        s.Append("`torchvision` nor `torch.distributed`).\n\n");
        s.Append("Flint's tensor class is `torch.Tensor`, nested in the static class `torch` as in TorchSharp, and so are `torch.Device` and\n");
        s.Append("`torch.ScalarType`; `Tensor`, `Device` and `ScalarType` alone name them through global using aliases that the Flint\n");
        s.Append("package (and this repository's Directory.Build.props) adds.\n\n");
        s.Append($"Flint has {surface.Length - missing.Count} of TorchSharp's {surface.Length} names; {missing.Count} are missing: ");
        s.Append($"{missing.Count - toDo.Count} not planned, each with its reason (last section), and {toDo.Count} still to do.\n");
        s.Append("\n# Still to do\n");
        foreach (var area in toDo.GroupBy(l => l[..l.LastIndexOf('.')]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int total = surface.Count(l => l[..l.LastIndexOf('.')] == area.Key);
            s.Append($"\n## {area.Key} ({area.Count()} of {total} missing)\n\n");
            s.Append(string.Join(", ", area.Select(l => "`" + l[(l.LastIndexOf('.') + 1)..] + "`"))).Append('\n');
        }
        s.Append("\n# Not planned\n");
        foreach (var (reason, _) in notPlanned)
        {
            var names = missing.Where(l => ReasonFor(l) == reason).ToList();
            s.Append($"\n## {reason} ({names.Count})\n\n");
            s.Append(string.Join(", ", names.Select(l => "`" + l + "`"))).Append('\n');
        }
        return s.ToString();
    }

    /// <summary>Every not-planned entry still names something Flint lacks: an entry for a name Flint now has is stale.</summary>
    [Fact]
    public void NotPlannedEntriesNameMissingNames()
    {
        var surface = Surface();
        var missing = surface.Where(l => !FlintHas(l)).ToList();
        foreach (var (reason, entries) in NotPlanned())
        {
            Assert.NotEmpty(entries);
            foreach (var entry in entries)
            {
                Assert.True(surface.Any(l => Covers(entry, l)), $"not-planned.txt names '{entry}', which TorchSharp does not have ({reason})");
                Assert.True(missing.Any(l => Covers(entry, l)), $"not-planned.txt lists '{entry}', which Flint has now: remove it ({reason})");
                if (entry.EndsWith(".*"))
                    Assert.True(surface.Where(l => Covers(entry, l)).All(l => !FlintHas(l)), $"Flint has part of '{entry}': list the missing names one by one");
            }
        }
    }

    [Fact]
    public void ParityGapsFileIsUpToDate()
    {
        var expected = Gaps();
        var path = Path.Combine(RepoRoot(), "docs", "parity-gaps.md");
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), $"{path} is missing; run the test with {WriteVariable}=1 to write it");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (committed != expected)
        {
            var now = expected.Split('\n').ToHashSet();
            var was = committed.Split('\n').ToHashSet();
            Assert.Fail("docs/parity-gaps.md is out of date (a TorchSharp name Flint had is lost, or one was added: " +
                $"run the test with {WriteVariable}=1 and commit the file).\nLines now: " +
                string.Join("\n", now.Except(was).Take(20)) + "\nLines in the file: " + string.Join("\n", was.Except(now).Take(20)));
        }
    }

    [Fact]
    public void SurfaceListsTorchSharpsCoreNames()
    {
        var surface = Surface();
        Assert.True(surface.Length > 1000, $"only {surface.Length} names");
        Assert.Equal(surface.OrderBy(l => l, StringComparer.Ordinal), surface);
        foreach (var name in new[] { "torch.Tensor.add", "torch.nn.functional.relu", "torch.optim.Adam", "torch.linalg.norm", "torch.zeros", "torch.Tensor" })
            Assert.Contains(name, surface);
    }

    [Fact]
    public void ReflectionFindsWhatFlintHasAndNotWhatItLacks()
    {
        Assert.True(FlintHas("torch.zeros"));
        Assert.True(FlintHas("torch.nn.functional.relu"));
        Assert.True(FlintHas("torch.Tensor.add"));
        Assert.True(FlintHas("torch.Tensor.NumberOfElements"));
        Assert.True(FlintHas("torch.Tensor.data_ptr"));
        Assert.True(FlintHas("torch.optim"));
        Assert.True(FlintHas("torch.Tensor"));
        Assert.False(FlintHas("torch.no_such_function"));
        Assert.False(FlintHas("torch.no_such_area.zeros"));
        Assert.True(FlintHas("torch.hub.download_url_to_file"));
    }

    [Fact]
    public void ReflectionSeesFlintTensorBoardsExtensionMembers()
    {
        Assert.True(FlintHas("torch.utils.tensorboard"));
        Assert.True(FlintHas("torch.utils.tensorboard.SummaryWriter"));
        Assert.True(FlintHas("torch.utils.tensorboard.Summary"));
        foreach (var name in new[] { "histogram", "make_histogram", "image", "make_image", "video", "make_video", "text" })
            Assert.True(FlintHas("torch.utils.tensorboard.Summary." + name), name);
        Assert.False(FlintHas("torch.utils.tensorboard.Summary.no_such_function"));
        Assert.False(FlintHas("torch.utils.tensorboard.no_such_member"));
        Assert.False(FlintHas("torch.utils.no_such_area"));
    }
}
