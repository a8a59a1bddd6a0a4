using System.Reflection;
using System.Text.RegularExpressions;

namespace Flint.Tests.Api;

/// <summary>
/// The generated <c>torch.*</c> free functions (src/Flint/Tensor/torch.FreeFunctions.*.cs): each overload, called on
/// seeded values with ties (so that gt/ge, round/floor and the like differ), gives bit for bit what the Tensor method
/// of the same name gives, and an in-place one returns its input. A forward to the wrong method fails here.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class GeneratedFreeFunctionTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Flint.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Flint.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Each generated line, as (name, parameter types after input).</summary>
    private static List<(string Name, MethodInfo Free, MethodInfo Method)> Generated()
    {
        var dir = Path.Combine(RepoRoot(), "src", "Flint", "Tensor");
        var names = new HashSet<string>();
        int lines = 0;
        foreach (var f in Directory.GetFiles(dir, "torch.FreeFunctions.*.cs"))
            foreach (Match m in Regex.Matches(File.ReadAllText(f), @"public static [^\n]*? (\w+)\(Tensor input"))
            {
                names.Add(m.Groups[1].Value);
                lines++;
            }
        var pairs = new List<(string, MethodInfo, MethodInfo)>();
        foreach (var free in typeof(torch).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (!names.Contains(free.Name)) continue;
            var ps = free.GetParameters();
            if (ps.Length == 0 || ps[0].Name != "input" || ps[0].ParameterType != typeof(Tensor)) continue;
            var rest = ps.Skip(1).Select(p => p.ParameterType).ToArray();
            var method = typeof(Tensor).GetMethod(free.Name, BindingFlags.Public | BindingFlags.Instance, rest);
            Assert.True(method is not null, $"torch.{free.Name} has no Tensor method to forward to");
            pairs.Add((free.Name, free, method!));
        }
        Assert.Equal(lines, pairs.Count);
        Assert.True(pairs.Count > 100, $"only {pairs.Count} generated forwards found");
        return pairs;
    }

    /// <summary>Values in steps of a quarter in [-2, 2], so comparisons tie and rounding modes differ.</summary>
    private static Tensor Quarters(long[] shape, ScalarType dtype)
    {
        var t = torch.randint(-8, 9, shape, ScalarType.Int64).to(ScalarType.Float64) / 4.0;
        return dtype switch
        {
            ScalarType.Bool => torch.randint(0, 2, shape, ScalarType.Int64).to(ScalarType.Bool),
            ScalarType.Int64 => torch.randint(1, 9, shape, ScalarType.Int64),
            _ => t.to(dtype),
        };
    }

    private static object? Arg(string op, ParameterInfo p, Tensor input)
    {
        long dim = input.dim() - 1;
        var t = p.ParameterType;
        if (t == typeof(Tensor))
        {
            if (p.Name == "mask") return input.to(ScalarType.Float64).gt(0);
            if (p.Name == "index")
                return op.StartsWith("index_")
                    ? torch.arange(input.shape[dim] - 1, -1L, -1L)
                    : torch.randint(0, input.shape[dim], input.shape, ScalarType.Int64);
            if (p.Name == "value") return torch.tensor(0.75).to(input.dtype);
            return Quarters(input.shape, input.dtype);
        }
        if (t == typeof(double))
            return p.Name switch { "p" => 3.0, "alpha" => 2.0, "value" => 0.5, "exponent" => 2.0, "min" => -0.5, "max" => 0.5, _ => 0.5 };
        if (t == typeof(long))
            return p.Name switch { "dim" => dim, "start" => 1L, "length" => 2L, "index" => 1L, "diagonal" => 1L, "value" => 3L, _ => 2L };
        if (t == typeof(int)) return (int)dim;
        if (t == typeof(long[])) return p.Name == "sizes" ? new long[] { 2, 2 } : new[] { dim };
        if (t == typeof(bool)) return p.Name == "keepdim";
        if (t == typeof(ScalarType?)) return (ScalarType?)ScalarType.Float64;
        throw new NotSupportedException($"{op}: no test value for parameter {p.Name} of type {t}");
    }

    private static double[] Bits(Tensor t) => t.to(ScalarType.Float64).contiguous().data<double>().ToArray();

    private static void AssertSame(string what, object? expected, object? actual)
    {
        switch (expected)
        {
            case Tensor e:
                var a = Assert.IsType<Tensor>(actual);
                Assert.True(e.dtype == a.dtype, $"{what}: dtype {a.dtype} != {e.dtype}");
                Assert.True(e.shape.SequenceEqual(a.shape), $"{what}: shape differs");
                var eb = Bits(e).Select(BitConverter.DoubleToInt64Bits);
                var ab = Bits(a).Select(BitConverter.DoubleToInt64Bits);
                Assert.True(eb.SequenceEqual(ab), $"{what}: values differ");
                break;
            case Tensor[] es:
                var acts = Assert.IsType<Tensor[]>(actual);
                Assert.Equal(es.Length, acts.Length);
                for (int i = 0; i < es.Length; i++) AssertSame($"{what}[{i}]", es[i], acts[i]);
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    private static readonly long[][] Shapes = [[3, 4], [4]];
    private static readonly ScalarType[] Dtypes = [ScalarType.Float64, ScalarType.Int64, ScalarType.Bool];

    [Fact]
    public void EveryGeneratedForwardMatchesItsMethodBitForBit()
    {
        var unexercised = new List<string>();
        foreach (var (name, free, method) in Generated())
        {
            int ran = 0;
            foreach (var shape in Shapes)
                foreach (var dtype in Dtypes)
                {
                    torch.manual_seed(7);
                    var input = Quarters(shape, dtype);
                    var args = method.GetParameters().Select(p => Arg(name, p, input)).ToArray();
                    object? Clone(object? a) => a is Tensor t ? t.clone() : a;

                    var x1 = input.clone();
                    var a1 = args.Select(Clone).ToArray();
                    object? expected;
                    try { expected = method.Invoke(x1, a1); }
                    catch (TargetInvocationException e)
                    {
                        var x2e = input.clone();
                        var err = Assert.Throws<TargetInvocationException>(() => free.Invoke(null, args.Select(Clone).Prepend(x2e).ToArray()));
                        Assert.Equal(e.InnerException!.Message, err.InnerException!.Message);
                        continue;
                    }
                    var x2 = input.clone();
                    var actual = free.Invoke(null, args.Select(Clone).Prepend(x2).ToArray());
                    var what = $"torch.{name}({string.Join(", ", free.GetParameters().Select(p => p.ParameterType.Name))}) on {dtype} [{string.Join(",", shape)}]";
                    AssertSame(what, expected, actual);
                    AssertSame(what + " (input after the call)", x1, x2);
                    if (name.EndsWith('_')) Assert.Same(x2, actual);
                    ran++;
                }
            if (ran == 0) unexercised.Add($"{name}({string.Join(", ", method.GetParameters().Select(p => p.Name))})");
        }
        Assert.True(unexercised.Count == 0, "never ran without throwing: " + string.Join("; ", unexercised));
    }
}
