// Writes TorchSharp's public surface, one "Type.member" per line, sorted (ordinal):
// - the static members of TorchSharp.torch and of every public static class nested in it, recursively
//   (torch.nn, torch.nn.functional, torch.linalg, torch.special, torch.optim, ...);
// - the names of the other public types nested there (torch.Tensor, torch.Device, torch.nn.Module, ...);
// - the public instance members of torch.Tensor.
// Overloads collapse to one name; operators, accessors and compiler-generated members are left out.
using System.Reflection;

var torch = typeof(TorchSharp.torch);
if (args.Length == 2 && args[0] == "--signatures")
{
    // Prints the overloads of one static torch method, e.g. --signatures full (to compare parameter lists by hand).
    foreach (var m in torch.GetMethods().Where(m => m.Name == args[1]))
        Console.WriteLine($"{m.ReturnType.Name} {m.Name}({string.Join(", ", m.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"))})");
    return;
}
var output = args.Length > 0 ? args[0] : "torchsharp-surface.txt";
var lines = new SortedSet<string>(StringComparer.Ordinal);

void StaticMembers(Type type, string path)
{
    const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
    foreach (var m in type.GetMethods(Flags)) if (!m.IsSpecialName && !Generated(m.Name)) lines.Add($"{path}.{m.Name}");
    foreach (var p in type.GetProperties(Flags)) lines.Add($"{path}.{p.Name}");
    foreach (var f in type.GetFields(Flags)) if (!f.IsSpecialName && !Generated(f.Name)) lines.Add($"{path}.{f.Name}");
    foreach (var e in type.GetEvents(Flags)) lines.Add($"{path}.{e.Name}");
    foreach (var n in type.GetNestedTypes(BindingFlags.Public))
    {
        string name = Plain(n.Name);
        if (Generated(name)) continue;
        lines.Add($"{path}.{name}");
        if (n.IsAbstract && n.IsSealed) StaticMembers(n, $"{path}.{name}");
    }
}

StaticMembers(torch, "torch");

var tensor = typeof(TorchSharp.torch.Tensor);
const BindingFlags Instance = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
foreach (var m in tensor.GetMethods(Instance)) if (!m.IsSpecialName && !Generated(m.Name)) lines.Add($"torch.Tensor.{m.Name}");
foreach (var p in tensor.GetProperties(Instance)) lines.Add($"torch.Tensor.{(p.GetIndexParameters().Length > 0 ? "this[]" : p.Name)}");
foreach (var f in tensor.GetFields(Instance)) if (!Generated(f.Name)) lines.Add($"torch.Tensor.{f.Name}");

File.WriteAllLines(output, lines);
Console.WriteLine($"wrote {lines.Count} names from TorchSharp {torch.Assembly.GetName().Version} to {output}");

static string Plain(string name) => name.Contains('`') ? name[..name.IndexOf('`')] : name;

static bool Generated(string name) => name.Contains('<') || name.Contains('$');
