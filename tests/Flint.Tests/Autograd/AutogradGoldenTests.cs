using System.Text.Json;

namespace Flint.Tests.Autograd;

/// <summary>
/// Losses, gradients and grad_fn names of small graphs against PyTorch 1.13
/// (tests/golden/autograd.json from tools/golden/gen_autograd.py). Each graph is rebuilt here
/// by name with the same inputs.
/// </summary>
public class AutogradGoldenTests
{
    internal static readonly Lazy<JsonDocument> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "autograd.json"))));

    private static JsonElement Root => Golden.Value.RootElement;

    private static readonly Dictionary<string, Func<Dictionary<string, Tensor>, Tensor>> Graphs = new()
    {
        ["mlp"] = t => (t["x"].mm(t["w1"]).clamp(min: 0).mm(t["w2"]) - t["y"]).pow(2).sum(),
        ["sigmoid_mean"] = t => (t["a"].sigmoid() * t["a"]).mean(),
        ["broadcast"] = t => ((t["a"] + t["b"]).exp() - t["a"] / t["b"] + t["a"] * t["b"]).sum(),
        ["views"] = t =>
        {
            var a = t["a"];
            return (a.permute(2, 0, 1)[1..3].transpose(0, 1).unsqueeze(0).squeeze(0) * 3.0).sum()
                + a.view(6, 4).t()[TensorIndex.Colon, 2].pow(2).sum()
                + a.narrow(1, 1, 2).select(2, 0).expand(5, 2, 2).sum();
        },
        ["reductions"] = t => (t["a"].sum(1, keepdim: true) * t["a"].max(0).values).sum() + t["a"].mean(0).prod() + t["a"].min(),
        ["matmul_batched"] = t => t["a"].matmul(t["b"]).bmm(t["c"]).tanh().sum(),
        ["matmul_vectors"] = t => t["u"].dot(t["m"].mv(t["v"])) + torch.outer(t["u"], t["v"]).sum() + t["v"].matmul(t["m"].t()).sum(),
        ["index_mask"] = t =>
        {
            var a = t["a"];
            return a[a > 0].sum() + a.masked_fill(a < -0.5, 0.0).pow(2).sum() + a[torch.tensor(new long[] { 0, 2, 2 })].sum() * 2;
        },
        ["gather_cat"] = t =>
        {
            var idx = torch.tensor(new long[,] { { 0, 2 }, { 1, 1 }, { 2, 0 }, { 0, 0 } });
            return torch.cat([t["a"], t["b"]], 0).gather(1, idx).exp().sum() + torch.stack([t["a"], t["b"]], 2).sum(2).pow(2).mean();
        },
        ["var_std_norm"] = t => t["a"].var() + t["a"].std(1).sum() + t["a"].norm(),
        ["inplace"] = t =>
        {
            var y = t["a"] * 2;
            y.add_(1);
            y.mul_(t["b"]);
            y[0] = 0;
            y[y < 0] = 0;
            return y.sum();
        },
        ["logsumexp_like"] = t => (t["a"] - t["a"].max(1, keepdim: true).values).exp().sum(1).log().mean(),
        ["where_minimum"] = t =>
        {
            var (a, b) = (t["a"], t["b"]);
            return torch.where(a > 0, a, b).minimum(b * 2).abs().sum() + a.maximum(b).pow(2).sum() + (a.abs() + 1).log().sum();
        },
        ["my_relu"] = t => (MyReLU.apply(t["x"].mm(t["w1"])).mm(t["w2"]) - t["y"]).pow(2).sum(),
    };

    public static TheoryData<string> GraphNames()
    {
        var data = new TheoryData<string>();
        foreach (var g in Root.GetProperty("graphs").EnumerateArray()) data.Add(g.GetProperty("name").GetString()!);
        return data;
    }

    private static (Dictionary<string, Tensor> inputs, Tensor loss, JsonElement graph) Run(string name)
    {
        var g = Root.GetProperty("graphs").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var inputs = new Dictionary<string, Tensor>();
        foreach (var i in g.GetProperty("inputs").EnumerateArray())
        {
            var shape = i.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var values = i.GetProperty("values").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();
            inputs[i.GetProperty("name").GetString()!] = torch.tensor(values, shape, requires_grad: i.GetProperty("requires_grad").GetBoolean());
        }
        return (inputs, Graphs[name](inputs), g);
    }

    [Theory]
    [MemberData(nameof(GraphNames))]
    public void LossAndGradientsMatchPyTorch(string name)
    {
        var (inputs, loss, g) = Run(name);
        double expected = g.GetProperty("loss").GetDouble();
        Assert.Equal(ScalarType.Float32, loss.dtype);
        Assert.True(Math.Abs(loss.item<float>() - expected) <= 1e-5 * Math.Abs(expected) + 1e-6, $"loss {loss.item<float>()} vs PyTorch {expected}");
        loss.backward();
        foreach (var p in g.GetProperty("grads").EnumerateObject())
        {
            var want = p.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            var grad = inputs[p.Name].grad;
            Assert.NotNull(grad);
            var got = grad.data<float>();
            Assert.Equal(want.Length, got.Length);
            // Relative 1e-5, with a floor at 1e-5 of the gradient's scale for entries near zero.
            double scale = want.Max(Math.Abs);
            for (int k = 0; k < want.Length; k++)
                Assert.True(Math.Abs(got[k] - want[k]) <= 1e-5 * Math.Max(Math.Abs(want[k]), 0.1 * scale),
                    $"{name}: d loss/d {p.Name}[{k}] = {got[k]} vs PyTorch {want[k]}");
        }
        // Inputs that do not require grad get none.
        foreach (var i in g.GetProperty("inputs").EnumerateArray())
            if (!i.GetProperty("requires_grad").GetBoolean()) Assert.Null(inputs[i.GetProperty("name").GetString()!].grad);
    }

    /// <summary>The grad_fn names met walking depth-first from the loss through next_functions, each node once (as the script walks).</summary>
    internal static List<string> Walk(Flint.Autograd.GradNode root)
    {
        var names = new List<string>();
        var seen = new HashSet<Flint.Autograd.GradNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Flint.Autograd.GradNode?>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is null || !seen.Add(node)) continue;
            names.Add(node.name());
            var next = node.next_functions;
            for (int i = next.Count - 1; i >= 0; i--) stack.Push(next[i].node);
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(GraphNames))]
    public void GraphNodeNamesMatchPyTorch(string name)
    {
        var (_, loss, g) = Run(name);
        var expected = g.GetProperty("grad_fn").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(expected, Walk(loss.grad_fn!));
    }

    private static readonly Dictionary<string, Func<Tensor, Tensor>> SingleOps = new()
    {
        ["add"] = a => a + a, ["add_scalar"] = a => a + 1.0, ["sub"] = a => a - 1.0, ["mul"] = a => a * a,
        ["div"] = a => a / 2.0, ["neg"] = a => -a, ["pow_scalar"] = a => a.pow(2), ["pow_tensor"] = a => a.pow(a),
        ["exp"] = a => a.exp(), ["log"] = a => a.log(), ["log1p"] = a => a.log1p(), ["sqrt"] = a => a.sqrt(),
        ["rsqrt"] = a => a.rsqrt(), ["sin"] = a => a.sin(), ["cos"] = a => a.cos(), ["tanh"] = a => a.tanh(),
        ["sigmoid"] = a => a.sigmoid(), ["relu"] = a => a.relu(), ["abs"] = a => a.abs(),
        ["clamp_min"] = a => a.clamp(min: 0), ["clamp_max"] = a => a.clamp(max: 0), ["clamp_both"] = a => a.clamp(-1, 1),
        ["clamp_min_method"] = a => a.clamp_min(0), ["clamp_max_method"] = a => a.clamp_max(0),
        ["maximum"] = a => a.maximum(a * 2), ["minimum"] = a => a.minimum(a * 2), ["where"] = a => torch.where(a > 0, a, a * 2),
        ["sum"] = a => a.sum(), ["sum_dim"] = a => a.sum(1), ["mean"] = a => a.mean(), ["mean_dim"] = a => a.mean(0),
        ["prod"] = a => a.prod(), ["prod_dim"] = a => a.prod(1), ["max"] = a => a.max(), ["max_dim"] = a => a.max(1).values,
        ["min"] = a => a.min(), ["min_dim"] = a => a.min(1).values, ["amax"] = a => a.amax(1),
        ["var"] = a => a.var(), ["var_dim"] = a => a.var(1), ["std"] = a => a.std(), ["std_dim"] = a => a.std(1),
        ["norm"] = a => a.norm(), ["norm_dim"] = a => a.norm(1, p: 2),
        ["mm"] = a => a.mm(a.t()), ["matmul_2d_1d"] = a => a.matmul(a[0]), ["dot"] = a => a[0].dot(a[1]),
        ["mv"] = a => a.mv(a[0]), ["bmm"] = a => a.unsqueeze(0).bmm(a.t().unsqueeze(0)),
        ["view"] = a => a.view(12), ["reshape_contiguous"] = a => a.reshape(12), ["reshape_noncontiguous"] = a => a.t().reshape(12),
        ["flatten"] = a => a.flatten(), ["permute"] = a => a.permute(1, 0), ["transpose"] = a => a.transpose(0, 1),
        ["t"] = a => a.t(), ["expand"] = a => a.expand(2, 3, 4), ["squeeze_dim"] = a => a.unsqueeze(0).squeeze(0),
        ["unsqueeze"] = a => a.unsqueeze(0), ["narrow"] = a => a.narrow(0, 0, 1), ["select"] = a => a.select(0, 1),
        ["index_int"] = a => a[1], ["index_slice"] = a => a[1..], ["index_advanced"] = a => a[torch.tensor(new long[] { 0, 2 })],
        ["index_mask"] = a => a[a > 0], ["index_select"] = a => a.index_select(0, torch.tensor(new long[] { 0, 2 })),
        ["gather"] = a => a.gather(1, torch.tensor(new long[,] { { 0 }, { 1 }, { 2 } })),
        ["scatter_add"] = a => a.scatter_add(1, torch.tensor(new long[,] { { 0 }, { 1 }, { 2 } }), a),
        ["masked_fill"] = a => a.masked_fill(a > 0, 0), ["cat"] = a => torch.cat([a, a]), ["stack"] = a => torch.stack([a, a]),
        ["split"] = a => a.split(2, 1)[0], ["chunk"] = a => a.chunk(2, 1)[1], ["unbind"] = a => a.unbind(0)[0],
        ["to_float64"] = a => a.to(torch.float64), ["clone"] = a => a.clone(), ["contiguous"] = a => a.t().contiguous(),
    };

    public static TheoryData<string> OpNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in Root.GetProperty("node_names").EnumerateObject()) data.Add(p.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(OpNames))]
    public void OpNodeNameMatchesPyTorch(string op)
    {
        var a = TestData.Rand(31, [3, 4], 0, 1, requires_grad: false).to(torch.float32).requires_grad_();
        var r = SingleOps[op](a);
        string expected = Root.GetProperty("node_names").GetProperty(op).GetString()!;
        Assert.Equal(expected, r.grad_fn!.name());
        Assert.Contains($"grad_fn=<{expected}>", r.ToString());
    }
}
