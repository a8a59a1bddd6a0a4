using System.Text.RegularExpressions;

namespace Flint.Tests.Architecture;

/// <summary>
/// The library's layers point one way (docs/architecture.md): a file may name only types declared
/// in its own layer or below. Checked on the sources, file by file, because the partial class
/// <c>Tensor</c> spans several folders and a type-level check could not tell them apart.
/// </summary>
public partial class LayeringTests
{
    // Lowest first. Ops/ holds two layers: the dispatcher (the door to the backends) and the op
    // families, which record autograd nodes and so sit with Autograd and the Tensor API.
    private static readonly (string Name, string[] Prefixes)[] Layers =
    [
        ("Core", ["Core/"]),
        ("Memory", ["Memory/"]),
        ("Backends", ["Backends/"]),
        ("Dispatcher", ["Ops/Dispatcher", "Ops/KernelLease"]),
        ("Ops/Autograd/Tensor", ["Ops/", "Autograd/", "Tensor/"]),
        ("nn/optim/np/IO/utils", ["NN/", "Optim/", "NumPy/", "IO/", "Utils/", "Data/"]),
        ("distributions", ["Distributions/"]),
    ];

    // The Tensor type (storage + layout, Tensor/Tensor.cs) is the dispatcher's operand, as Operand is a backend's.
    // The static class torch is the public API (layer 4); Core declares it too, only to nest Device and ScalarType in it
    // as TorchSharp spells them (torch.Device): those declarations are not references, and lower layers still may not
    // call into torch.
    private static readonly Dictionary<string, int> Pinned = new() { ["Tensor"] = 3, ["torch"] = 4 };

    private static int LayerOf(string path)
    {
        for (int i = 0; i < Layers.Length; i++)
            foreach (var p in Layers[i].Prefixes)
                if (path.StartsWith(p, StringComparison.Ordinal)) return i;
        throw new InvalidOperationException($"{path} is in no layer: add its folder to LayeringTests.Layers");
    }

    [Fact]
    public void NoFileNamesATypeOfAHigherLayer()
    {
        var typeLayer = new Dictionary<string, int>(Pinned);
        var privateNames = new HashSet<string>();
        foreach (var (path, code) in SourceTree.Files)
            foreach (Match m in TypeDeclaration().Matches(code))
            {
                var name = m.Groups["name"].Value;
                if (m.Groups["mod"].Value.Contains("private")) { privateNames.Add(name); continue; }
                if (Pinned.ContainsKey(name)) continue;
                int l = LayerOf(path);
                typeLayer[name] = typeLayer.TryGetValue(name, out var old) ? Math.Min(old, l) : l;
            }
        // A name some file also declares as a private nested type (State, Entry) is ambiguous: skip it.
        foreach (var name in privateNames) typeLayer.Remove(name);
        // torch.utils.data is PyTorch's namespace spelled as a static class; as a word it is every variable named data.
        typeLayer.Remove("data");
        // Normal, Uniform, Bernoulli are distributions (Flint.Modules) and also RandomKind's members in Backends.
        foreach (var member in new[] { "Normal", "Uniform", "Bernoulli" }) typeLayer.Remove(member);
        Assert.Contains("Dispatcher", typeLayer.Keys); // the scan sees the sources

        var violations = new List<string>();
        foreach (var (path, code) in SourceTree.Files)
        {
            int layer = LayerOf(path);
            var unqualified = TorchDeclaration().Replace(NamespacePrefix().Replace(code, ""), "");
            var seen = new HashSet<string>();
            var names = Identifier().Matches(unqualified).Select(m => m.Value)
                .Concat(Construction().Matches(unqualified).Select(m => m.Groups[1].Value));
            foreach (var name in names)
                if (typeLayer.TryGetValue(name, out var l) && l > layer && seen.Add(name))
                    violations.Add($"{path} ({Layers[layer].Name}) names {name} ({Layers[l].Name})");
        }
        Assert.True(violations.Count == 0, "lower layers reference higher ones:\n" + string.Join("\n", violations));
    }

    [GeneratedRegex(@"(?<mod>(?:\b(?:public|internal|private|protected|sealed|static|abstract|readonly|ref|partial|file|unsafe)\s+)*)\b(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(?!where\b)(?<name>[A-Za-z_]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bstatic\s+partial\s+class\s+torch\b")]
    private static partial Regex TorchDeclaration();

    // Qualified names (Ops.Dispatcher, Flint.Backends.Backend) are checked by their last part.
    [GeneratedRegex(@"\b(?:Flint|Ops|Backends|Cpu|Autograd|Modules|IO|Npy|Pickle|SafeTensors|ZipCheckpoint)\.")]
    private static partial Regex NamespacePrefix();

    // Neither a member access (x.Data, MathF.Tanh) nor a method's name (Tanh(x), void MatMul(...)) is a type reference.
    [GeneratedRegex(@"(?<![.\w])[A-Za-z_]\w*\b(?!\s*(?:<[^<>();]*>)?\s*\()")]
    private static partial Regex Identifier();

    // ... but a constructor call is: new Tanh().
    [GeneratedRegex(@"\bnew\s+([A-Za-z_]\w*)")]
    private static partial Regex Construction();
}
