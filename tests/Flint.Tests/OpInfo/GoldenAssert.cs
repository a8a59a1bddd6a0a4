using System.Text.Json;

namespace Flint.Tests.OpInfo;

/// <summary>Compares a Flint result with an encoded PyTorch result.</summary>
internal static class GoldenAssert
{
    /// <summary>The exception is one of Flint's error types and its message contains PyTorch's.</summary>
    /// <remarks>The golden messages come from PyTorch on the CPU; on a CUDA tensor PyTorch names the legacy type
    /// <c>torch.cuda.FloatTensor</c> where the CPU says <c>torch.FloatTensor</c>, so <see cref="OnCpuTerms"/> maps it back.</remarks>
    public static void PyTorchError(Exception ex, string expected, string label)
    {
        Assert.True(ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException,
            $"{label}: {ex.GetType().Name} is not one of Flint's error types: {ex}");
        Assert.True(OnCpuTerms(ex.Message).Contains(expected, StringComparison.Ordinal),
            $"{label}: message \"{ex.Message}\" does not contain PyTorch's \"{expected}\"");
    }

    /// <summary>A message as PyTorch would word it for the same tensors on the CPU.</summary>
    public static string OnCpuTerms(string message) => message.Replace("torch.cuda.", "torch.", StringComparison.Ordinal);

    public static void Matches(JsonElement expected, object? actual, Tolerance tol, string label)
    {
        var exp = GoldenCase.DecodeValue(expected);
        switch (exp)
        {
            case Tensor et:
                Tensors(et, Assert.IsType<Tensor>(actual, exactMatch: false), tol, label);
                break;
            case Tensor[] ets:
                var ats = actual as Tensor[] ?? throw new Xunit.Sdk.XunitException($"{label}: expected {ets.Length} tensors, got {actual}");
                Assert.True(ets.Length == ats.Length, $"{label}: expected {ets.Length} tensors, got {ats.Length}");
                for (int i = 0; i < ets.Length; i++) Tensors(ets[i], ats[i], tol, $"{label} [output {i}]");
                break;
            case ScalarType st:
                Assert.True(actual is ScalarType ast && ast == st, $"{label}: expected {DTypes.Name(st)}, got {actual}");
                break;
            case GScalar s:
                double a = actual switch
                {
                    bool b => b ? 1 : 0,
                    float f => f,
                    double d => d,
                    long l => l,
                    int i => i,
                    _ => throw new Xunit.Sdk.XunitException($"{label}: expected a scalar, got {actual}"),
                };
                Assert.True(a.Equals(s.Value), $"{label}: expected {s}, got {actual}");
                break;
            default:
                throw new InvalidDataException($"{label}: cannot compare {exp}");
        }
    }

    public static void Tensors(Tensor expected, Tensor actual, Tolerance tol, string label)
    {
        Assert.True(expected.dtype == actual.dtype, $"{label}: dtype {DTypes.Name(actual.dtype)}, PyTorch gives {DTypes.Name(expected.dtype)}");
        Assert.True(Shapes.SameShape(expected.Shape, actual.Shape), $"{label}: shape {Shapes.Str(actual.Shape)}, PyTorch gives {Shapes.Str(expected.Shape)}");
        if (!expected.is_floating_point())
        {
            // Integers compare as int64 (exact beyond 2^53), bools as bools.
            var e = expected.to(ScalarType.Int64).data<long>();
            var a = actual.to(ScalarType.Int64).data<long>();
            for (int i = 0; i < e.Length; i++)
                Assert.True(e[i] == a[i], $"{label}: element {i} is {a[i]}, PyTorch gives {e[i]}\nexpected {expected}\nactual   {actual}");
            return;
        }
        var (rtol, atol) = Tolerances(tol, expected.dtype);
        var ev = expected.ToDoubleArray();
        var av = actual.ToDoubleArray();
        for (int i = 0; i < ev.Length; i++)
        {
            double x = ev[i], y = av[i];
            bool ok = double.IsNaN(x) ? double.IsNaN(y)
                : double.IsInfinity(x) || rtol == 0 ? x == y
                : Math.Abs(x - y) <= atol + rtol * Math.Abs(x);
            Assert.True(ok, $"{label}: element {i} is {y:R}, PyTorch gives {x:R} ({tol})\nexpected {expected}\nactual   {actual}");
        }
    }

    /// <summary>(relative, absolute) tolerance per <see cref="Tolerance"/> and dtype; see the enum's docs.</summary>
    public static (double rtol, double atol) Tolerances(Tolerance tol, ScalarType dtype) => (tol, dtype) switch
    {
        (Tolerance.Exact, _) => (0, 0),
        (_, ScalarType.Float16) => (2e-3, 1e-4),
        (_, ScalarType.BFloat16) => (1.6e-2, 1e-3),
        (Tolerance.Ulp, ScalarType.Float32) => (1e-6, 1e-7),
        (Tolerance.Ulp, _) => (1e-14, 1e-15),
        (Tolerance.Reduction, ScalarType.Float32) => (1e-5, 1e-6),
        (Tolerance.Reduction, _) => (1e-12, 1e-13),
        _ => throw new ArgumentOutOfRangeException(nameof(tol)),
    };
}
