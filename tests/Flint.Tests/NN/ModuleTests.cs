using System.Text.Json;
using Flint.Modules;
using static Flint.torch;

namespace Flint.Tests.NN;

/// <summary>Module structure, printing, state_dict, hooks, modes and conversion, checked against PyTorch where it has an answer.</summary>
public class ModuleTests
{
    /// <summary>The tutorial's custom module, written the TorchSharp way.</summary>
    private sealed class TwoLayerNet : nn.Module<Tensor, Tensor>
    {
        private readonly Linear linear1;
        private readonly Linear linear2;

        public TwoLayerNet(long D_in, long H, long D_out) : base(nameof(TwoLayerNet))
        {
            linear1 = nn.Linear(D_in, H);
            linear2 = nn.Linear(H, D_out);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => linear2.call(linear1.call(x).clamp(min: 0));
    }

    /// <summary>A module with a raw parameter, a buffer, a child and an auto-property child.</summary>
    private sealed class Mixed : nn.Module<Tensor, Tensor>
    {
        private readonly Parameter scale = nn.Parameter(ones(3));
        private readonly Tensor running = zeros(3);
        public Linear head { get; } = nn.Linear(3, 1);

        public Mixed() : base("Mixed") => RegisterComponents();

        public override Tensor forward(Tensor x) => head.call(x * scale + running);
    }

    private static nn.Module<Tensor, Tensor> Build(string which) => which switch
    {
        "spec" => nn.Sequential(nn.Linear(4, 2), nn.ReLU(), nn.Linear(2, 1)),
        "named" => nn.Sequential(("fc1", nn.Linear(4, 3)), ("act", nn.Tanh()), ("drop", nn.Dropout(0.25)), ("fc2", nn.Linear(3, 2, hasBias: false))),
        "nested" => nn.Sequential(nn.Flatten(), nn.Sequential(nn.Linear(6, 4), nn.Sigmoid()), nn.Identity(), nn.Dropout()),
        "twolayer" => new TwoLayerNet(4, 3, 2),
        _ => throw new ArgumentException(which),
    };

    private static string[][] Pairs(JsonElement e) =>
        e.EnumerateArray().Select(p => p.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Array ? string.Join(",", x.EnumerateArray()) : x.GetString()!).ToArray()).ToArray();

    [Theory]
    [InlineData("spec")]
    [InlineData("named")]
    [InlineData("nested")]
    [InlineData("twolayer")]
    public void StructureAndReprMatchPyTorch(string which)
    {
        var g = NNGolden.Root.GetProperty("structure").GetProperty(which);
        var m = Build(which);
        Assert.Equal(g.GetProperty("repr").GetString(), m.ToString());
        Assert.Equal(Pairs(g.GetProperty("named_parameters")), m.named_parameters().Select(p => new[] { p.name, string.Join(",", p.parameter.shape) }).ToArray());
        Assert.Equal(Pairs(g.GetProperty("named_modules")), m.named_modules().Select(p => new[] { p.name, p.module.GetType().Name }).ToArray());
        Assert.Equal(Pairs(g.GetProperty("named_children")), m.named_children().Select(p => new[] { p.name, p.module.GetType().Name }).ToArray());
        Assert.Equal(g.GetProperty("state_dict").EnumerateArray().Select(k => k.GetString()!), m.state_dict().Keys);
        Assert.Equal(m.named_parameters().Select(p => p.parameter), m.parameters());
        Assert.Equal(m.named_children().Select(p => p.module), m.children());
    }

    [Fact]
    public void LossReprMatchesPyTorch()
    {
        var g = NNGolden.Root.GetProperty("loss_repr");
        Assert.Equal(g.GetProperty("MSELoss").GetString(), nn.MSELoss().ToString());
        Assert.Equal(g.GetProperty("MSELoss_sum").GetString(), nn.MSELoss(nn.Reduction.Sum).ToString());
        Assert.Equal(g.GetProperty("CrossEntropyLoss").GetString(), nn.CrossEntropyLoss().ToString());
        Assert.Equal(g.GetProperty("BCEWithLogitsLoss").GetString(), nn.BCEWithLogitsLoss().ToString());
        Assert.Equal("ReLU(inplace=True)", nn.ReLU(inplace: true).ToString());
        Assert.Equal("Softmax(dim=-1)", nn.Softmax(-1).ToString());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("unexpected")]
    [InlineData("mismatch")]
    [InlineData("combined")]
    public void LoadStateDictErrorsUsePyTorchWording(string which)
    {
        var model = (Sequential)Build("spec");
        var sd = model.state_dict();
        var bad = new Dictionary<string, Tensor>(sd);
        switch (which)
        {
            case "missing": bad.Remove("0.bias"); break;
            case "unexpected": bad["3.weight"] = zeros(1); break;
            case "mismatch": bad["0.weight"] = zeros(3, 4); break;
            case "combined":
                bad.Remove("0.bias"); bad.Remove("2.bias");
                bad["extra"] = zeros(1);
                bad["2.weight"] = zeros(2, 2);
                break;
        }
        var before = model.parameters().Select(p => p.clone()).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => model.load_state_dict(bad));
        Assert.Equal(NNGolden.Root.GetProperty("load_errors").GetProperty(which).GetString(), ex.Message);
        // Nothing was copied before the error.
        Assert.All(model.parameters().Zip(before), pair => Assert.True(pair.First.equal(pair.Second)));
    }

    [Fact]
    public void StateDictRoundTripsIntoAFreshModel()
    {
        var a = Build("twolayer");
        var b = Build("twolayer");
        var x = randn(5, 4);
        Assert.False(a.call(x).equal(b.call(x)));
        var (missing, unexpected) = b.load_state_dict(a.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        Assert.True(a.call(x).equal(b.call(x)));
        // The parameters stay leaves that require grad, and the copies are independent.
        Assert.All(b.parameters(), p => Assert.True(p.is_leaf && p.requires_grad));
        using (no_grad()) a.parameters().First().add_(1);
        Assert.False(a.call(x).equal(b.call(x)));
    }

    [Fact]
    public void StateDictSharesStorageAndLoadIsNonStrictOnRequest()
    {
        var model = (Sequential)Build("spec");
        var sd = model.state_dict();
        Assert.True(sd["0.weight"].is_same_storage(((Linear)model[0]).weight));
        Assert.False(sd["0.weight"].requires_grad);

        var partial = new Dictionary<string, Tensor> { ["0.weight"] = full(new long[] { 2, 4 }, 7.0), ["zzz"] = zeros(1) };
        var (missing, unexpected) = model.load_state_dict(partial, strict: false);
        Assert.Equal(new[] { "0.bias", "2.weight", "2.bias" }, missing);
        Assert.Equal(new[] { "zzz" }, unexpected);
        Assert.Equal(7f, ((Linear)model[0]).weight[1, 3].item<float>());
    }

    [Fact]
    public void RegisterComponentsFindsParametersBuffersAndChildren()
    {
        var m = new Mixed();
        Assert.Equal(new[] { "scale", "head.weight", "head.bias" }, m.named_parameters().Select(p => p.name));
        Assert.Equal(new[] { "running" }, m.named_buffers().Select(b => b.name));
        Assert.Equal(new[] { "scale", "running", "head.weight", "head.bias" }, m.state_dict().Keys);
        Assert.Equal("Mixed(\n  (head): Linear(in_features=3, out_features=1, bias=True)\n)", m.ToString());
        Assert.Equal(new long[] { 2, 1 }, m.call(ones(2, 3)).shape);
    }

    [Fact]
    public void ExplicitRegistrationFollowsPyTorchRules()
    {
        var seq = nn.Sequential();
        Assert.Equal(0, seq.Count);
        var x = randn(2, 3);
        Assert.Same(x, seq.call(x));

        var p = nn.Parameter(randn(2));
        seq.register_parameter("alpha", p);
        Assert.Same(p, seq.parameters().Single());
        seq.register_parameter("alpha", null);
        Assert.Empty(seq.parameters());

        Assert.Throws<ArgumentException>(() => seq.register_parameter("a.b", p));
        Assert.Throws<ArgumentException>(() => seq.register_module("", nn.ReLU()));
        seq.register_buffer("stats", zeros(2));
        var ex = Assert.Throws<ArgumentException>(() => seq.register_parameter("stats", p));
        Assert.Equal("attribute 'stats' already exists", ex.Message);

        seq.append(nn.Linear(3, 2)).append("act", nn.ReLU());
        Assert.Equal(new[] { "0", "act" }, seq.named_children().Select(c => c.name));
        Assert.Throws<ArgumentException>(() => seq.append("act", nn.Tanh()));
    }

    [Fact]
    public void SharedParametersAreListedOnce()
    {
        var lin = nn.Linear(3, 3);
        var model = nn.Sequential(lin, nn.ReLU(), lin);
        Assert.Equal(new[] { "0.weight", "0.bias" }, model.named_parameters().Select(p => p.name));
        Assert.Equal(new[] { "", "0", "1" }, model.named_modules().Select(m => m.name));
        // state_dict lists every name, as PyTorch's does
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, model.state_dict().Keys);
        // the shared layer runs twice in forward
        var x = randn(4, 3);
        var expected = lin.call(lin.call(x).relu());
        Assert.True(model.call(x).equal(expected));
    }

    [Fact]
    public void SequentialIndexingAndSlicing()
    {
        var model = (Sequential)Build("spec");
        Assert.IsType<Linear>(model[0]);
        Assert.IsType<ReLU>(model[1]);
        Assert.Same(model[2], model[-1]);
        Assert.Throws<IndexOutOfRangeException>(() => model[3]);
        var tail = model[1..];
        Assert.Equal("Sequential(\n  (1): ReLU()\n  (2): Linear(in_features=2, out_features=1, bias=True)\n)", tail.ToString());
        Assert.Same(model[2], tail[1]);
        Assert.Equal(3, model.Count);
    }

    [Fact]
    public void ForwardHooksRunInOrderAndCanReplaceValues()
    {
        var lin = nn.Linear(3, 2);
        var log = new List<string>();
        var pre = lin.register_forward_pre_hook((m, x) => { log.Add("pre"); return x * 2; });
        lin.register_forward_pre_hook(m => log.Add("pre-module"));
        var post = lin.register_forward_hook((m, x, y) => { log.Add("post"); return y + 1; });
        var x = randn(4, 3);
        var y = lin.call(x);
        Assert.Equal(new[] { "pre", "pre-module", "post" }, log);
        Assert.True(y.allclose(lin.forward(x * 2) + 1));
        // forward() itself runs no hooks
        log.Clear();
        lin.forward(x);
        Assert.Empty(log);
        pre.remove();
        post.remove();
        pre.remove();
        Assert.True(lin.call(x).equal(lin.forward(x)));
        Assert.Equal(new[] { "pre-module" }, log);

        // Sequential calls its children's hooks; a loss module's two-argument hooks too.
        int seen = 0;
        var model = nn.Sequential(lin, nn.ReLU());
        lin.register_forward_hook((m, input, output) => { seen++; return null!; });
        model.call(x);
        Assert.Equal(1, seen);
        var loss = nn.MSELoss();
        loss.register_forward_pre_hook((m, a, b) => (a, a));
        Assert.Equal(0f, loss.call(randn(3), randn(3)).item<float>());
    }

    [Fact]
    public void LegacySizeAverageMapsToReduction()
    {
        Assert.Equal(nn.Reduction.Sum, nn.MSELoss(size_average: false).reduction);
        Assert.Equal(nn.Reduction.Mean, nn.MSELoss().reduction);
        Assert.Equal(nn.Reduction.None, nn.L1Loss(size_average: true, reduce: false).reduction);
        var a = randn(3, 2);
        var b = randn(3, 2);
        Assert.Equal((a - b).pow(2).sum().item<float>(), nn.MSELoss(size_average: false).call(a, b).item<float>());
    }

    [Fact]
    public void ZeroGradClearsOrZeroesGradients()
    {
        var model = Build("spec");
        var x = randn(3, 4);
        model.call(x).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
        model.zero_grad(set_to_none: false);
        Assert.All(model.parameters(), p => Assert.Equal(0f, p.grad!.abs().sum().item<float>()));
        model.zero_grad();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void ToConvertsParametersInPlaceKeepingIdentity()
    {
        var model = (Sequential)Build("spec");
        var before = model.parameters().ToArray();
        var values = before.Select(p => p.data<float>()).ToArray();
        model.call(randn(3, 4)).sum().backward();
        var converted = model.to(float64);
        Assert.Same(model, converted);
        var after = model.parameters().ToArray();
        for (int i = 0; i < after.Length; i++)
        {
            Assert.Same(before[i], after[i]);
            Assert.Equal(float64, after[i].dtype);
            Assert.Equal(float64, after[i].grad!.dtype);
            Assert.True(after[i].is_leaf && after[i].requires_grad);
            Assert.Equal(values[i].Select(v => (double)v), after[i].data<double>());
        }
        var y = model.call(randn(3, 4, dtype: float64));
        Assert.Equal(float64, y.dtype);
        y.sum().backward();
        model.@float();
        Assert.All(model.parameters(), p => Assert.Equal(float32, p.dtype));
        Assert.Same(model, model.to(CPU));
        var ex = Assert.Throws<ArgumentException>(() => model.to(int64));
        Assert.Equal("nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.int64", ex.Message);
    }

    [Fact]
    public void LinearHandlesBatchesVectorsAndBadShapes()
    {
        var lin = nn.Linear(4, 3);
        Assert.Equal(new long[] { 2, 5, 3 }, lin.call(randn(2, 5, 4)).shape);
        Assert.Equal(new long[] { 3 }, lin.call(randn(4)).shape);
        Assert.ThrowsAny<ArgumentException>(() => lin.call(randn(2, 5)));
        var noBias = nn.Linear(4, 3, hasBias: false);
        Assert.Null(noBias.bias);
        Assert.Single(noBias.parameters());
        var x = randn(2, 4);
        Assert.True(noBias.call(x).allclose(x.mm(noBias.weight.t())));
        var w = nn.Parameter(randn(3, 4));
        var wrapped = nn.Linear(w);
        Assert.Same(w, wrapped.weight);
        Assert.Equal(4, wrapped.in_features);
        Assert.Equal(64, nn.Linear(64, 10, dtype: float64).in_features);
        Assert.Equal(float64, nn.Linear(2, 2, dtype: float64).weight.dtype);
    }
}
