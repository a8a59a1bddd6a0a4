using System.Text.Json;

namespace Flint.Tests.NN;

/// <summary>Reads tests/golden/conv.json (made by tools/golden/gen_conv.py with PyTorch 1.13) and runs its functional cases.</summary>
public static class ConvGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "conv.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static JsonElement Case(string section, string name) =>
        Root.GetProperty(section).EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> Names(string section) =>
        Root.GetProperty(section).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static (string type, string message) Error(string name)
    {
        var e = Root.GetProperty("errors").GetProperty(name);
        return (e.GetProperty("type").GetString()!, e.GetProperty("message").GetString()!);
    }

    private static long[]? Longs(JsonElement args, string key)
    {
        if (!args.TryGetProperty(key, out var v)) return null;
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetInt64()).ToArray() : [v.GetInt64()];
    }

    /// <summary>Runs a functional case's op with its golden arguments.</summary>
    public static Tensor RunFunctional(JsonElement c, Tensor x, Tensor w, Tensor? b)
    {
        var op = c.GetProperty("op").GetString()!;
        var a = c.GetProperty("args");
        long groups = a.TryGetProperty("groups", out var g) ? g.GetInt64() : 1;
        var stride = Longs(a, "stride");
        var dilation = Longs(a, "dilation");
        Padding? mode = null;
        long[]? padding = null;
        if (a.TryGetProperty("padding", out var p) && p.ValueKind == JsonValueKind.String)
            mode = p.GetString() == "same" ? Padding.Same : Padding.Valid;
        else padding = Longs(a, "padding");
        return op switch
        {
            "conv1d" => mode is Padding m1 ? torch.nn.functional.conv1d(x, w, b, stride, m1, dilation, groups) : torch.nn.functional.conv1d(x, w, b, stride, padding, dilation, groups),
            "conv2d" => mode is Padding m2 ? torch.nn.functional.conv2d(x, w, b, stride, m2, dilation, groups) : torch.nn.functional.conv2d(x, w, b, stride, padding, dilation, groups),
            "conv3d" => mode is Padding m3 ? torch.nn.functional.conv3d(x, w, b, stride, m3, dilation, groups) : torch.nn.functional.conv3d(x, w, b, stride, padding, dilation, groups),
            "conv_transpose1d" => torch.nn.functional.conv_transpose1d(x, w, b, stride, padding, Longs(a, "output_padding"), dilation, groups),
            "conv_transpose2d" => torch.nn.functional.conv_transpose2d(x, w, b, stride, padding, Longs(a, "output_padding"), dilation, groups),
            "conv_transpose3d" => torch.nn.functional.conv_transpose3d(x, w, b, stride, padding, Longs(a, "output_padding"), dilation, groups),
            _ => throw new ArgumentException(op),
        };
    }

    /// <summary>
    /// Runs functional case <paramref name="name"/> on <paramref name="device"/> and checks y and the gradients of
    /// sum(y * r) against PyTorch (float64 to 1e-10 relative, float32 to 1e-5).
    /// </summary>
    public static void CheckFunctional(string name, Device device)
    {
        var c = Case("functional", name);
        var x = NNGolden.Tensor(c.GetProperty("x")).to(device).requires_grad_();
        var w = NNGolden.Tensor(c.GetProperty("w")).to(device).requires_grad_();
        var b = c.TryGetProperty("b", out var be) ? NNGolden.Tensor(be).to(device).requires_grad_() : null;
        var y = RunFunctional(c, x, w, b);
        bool f32 = x.dtype == ScalarType.Float32;
        double rtol = f32 ? 1e-5 : 1e-10, atol = f32 ? 1e-5 : 1e-12;
        NNGolden.AssertClose(c.GetProperty("y"), y.cpu(), rtol, atol, name + " y");
        (y * NNGolden.Tensor(c.GetProperty("r")).to(device)).sum().backward();
        NNGolden.AssertClose(c.GetProperty("gx"), x.grad!.cpu(), rtol, atol, name + " gx");
        NNGolden.AssertClose(c.GetProperty("gw"), w.grad!.cpu(), rtol, atol, name + " gw");
        if (b is not null) NNGolden.AssertClose(c.GetProperty("gb"), b.grad!.cpu(), rtol, atol, name + " gb");
    }

    /// <summary>Runs F.pad case <paramref name="name"/> on <paramref name="device"/>: exact values, gradient to 1e-12.</summary>
    public static void CheckPad(string name, Device device)
    {
        var c = ConvGolden.Case("pad", name);
        var mode = c.GetProperty("mode").GetString() switch
        {
            "reflect" => PaddingModes.Reflect,
            "replicate" => PaddingModes.Replicate,
            "circular" => PaddingModes.Circular,
            _ => PaddingModes.Constant,
        };
        var x = NNGolden.Tensor(c.GetProperty("x")).to(device).requires_grad_();
        var pad = c.GetProperty("pad").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var y = torch.nn.functional.pad(x, pad, mode, c.GetProperty("value").GetDouble());
        NNGolden.AssertExact(c.GetProperty("y"), y.cpu(), name + " y");
        (y * NNGolden.Tensor(c.GetProperty("r")).to(device)).sum().backward();
        NNGolden.AssertClose(c.GetProperty("gx"), x.grad!.cpu(), 1e-12, 1e-12, name + " gx");
    }

}

/// <summary>F.unfold / F.fold golden cases (tests/golden/conv.json, section "fold").</summary>
public static class FoldGolden
{
    private static (long, long)? Pair(JsonElement args, string key)
    {
        if (!args.TryGetProperty(key, out var v)) return null;
        return v.ValueKind == JsonValueKind.Array ? (v[0].GetInt64(), v[1].GetInt64()) : (v.GetInt64(), v.GetInt64());
    }

    /// <summary>Runs fold/unfold case <paramref name="name"/> on <paramref name="device"/>: values and the gradient of sum(y * r).</summary>
    public static void Check(string name, Device device)
    {
        var c = ConvGolden.Case("fold", name);
        var a = c.GetProperty("args");
        var x = NNGolden.Tensor(c.GetProperty("x")).to(device).requires_grad_();
        var y = c.GetProperty("op").GetString() == "unfold"
            ? torch.nn.functional.unfold(x, Pair(a, "kernel_size")!.Value, Pair(a, "dilation"), Pair(a, "padding"), Pair(a, "stride"))
            : torch.nn.functional.fold(x, Pair(a, "output_size")!.Value, Pair(a, "kernel_size")!.Value, Pair(a, "dilation"), Pair(a, "padding"), Pair(a, "stride"));
        NNGolden.AssertClose(c.GetProperty("y"), y.cpu(), 1e-12, 1e-12, name + " y");
        (y * NNGolden.Tensor(c.GetProperty("r")).to(device)).sum().backward();
        NNGolden.AssertClose(c.GetProperty("gx"), x.grad!.cpu(), 1e-12, 1e-12, name + " gx");
    }
}
