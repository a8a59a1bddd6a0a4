using System.Text.RegularExpressions;

namespace Flint.Tests.Architecture;

/// <summary>The C# sources of the Flint assembly, read from the checkout, with comments and string literals removed.</summary>
internal static partial class SourceTree
{
    /// <summary>src/Flint in the checkout that built these tests.</summary>
    public static string LibraryRoot { get; } = FindLibraryRoot();

    private static string FindLibraryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Flint.slnx")))
                return Path.Combine(dir.FullName, "src", "Flint");
        throw new DirectoryNotFoundException($"no Flint.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>Every .cs file of the library: path relative to src/Flint (with '/'), and its code without comments or strings.</summary>
    public static IReadOnlyList<(string Path, string Code)> Files { get; } = Load();

    private static List<(string, string)> Load()
    {
        var files = new List<(string, string)>();
        foreach (var f in Directory.EnumerateFiles(LibraryRoot, "*.cs", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(LibraryRoot, f).Replace('\\', '/');
            if (rel.StartsWith("obj/") || rel.StartsWith("bin/")) continue;
            files.Add((rel, StripCommentsAndStrings(File.ReadAllText(f))));
        }
        return files;
    }

    private static string StripCommentsAndStrings(string code)
    {
        code = BlockComment().Replace(code, " ");
        code = LineComment().Replace(code, "");
        code = RawString().Replace(code, "\"\"");
        return StringLiteral().Replace(code, "\"\"");
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)] private static partial Regex BlockComment();
    [GeneratedRegex(@"//.*")] private static partial Regex LineComment();
    [GeneratedRegex("\"\"\".*?\"\"\"", RegexOptions.Singleline)] private static partial Regex RawString();
    [GeneratedRegex(@"\$?@?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'")] private static partial Regex StringLiteral();
}
