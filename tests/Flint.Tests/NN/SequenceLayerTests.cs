using System.Text.Json;
using Flint.Modules;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// nn.Embedding, nn.LayerNorm, nn.GELU/SiLU, nn.ModuleList/ModuleDict, clip_grad_norm_/clip_grad_value_,
/// cross_entropy over [B, C, T] and multinomial, against tests/golden/sequence_nn.json
/// (tools/golden/gen_sequence.py, PyTorch 1.13): printing, parameter names, values and gradients.
/// </summary>
public class SequenceLayerTests
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "sequence_nn.json"))));

    private static JsonElement G(string name) => Doc.Value.RootElement.GetProperty(name);

    private static string Repr(string key) => G("repr").GetProperty(key).GetString()!;

    /// <summary>gen_sequence.py's mk(shape, "float32", start=...) inputs.</summary>
    private static Tensor Mk(long[] shape, int start = 0, bool pos = false)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        var v = new float[n];
        for (int i = 0; i < n; i++)
        {
            long k = start + i;
            v[i] = (float)Math.Round(pos ? (k * 0.731 + 0.37) % 4.0 + 0.125 : (k * 0.731 + 0.37) % 4.0 - 2.0, 3, MidpointRounding.ToEven);
        }
        return tensor(v).reshape(shape);
    }

    private static Tensor Coef(long[] shape) => Mk(shape, 11);

    private static void Close(JsonElement e, Tensor t, string ctx, double rtol = 1e-5, double atol = 1e-6) => NNGolden.AssertClose(e, t, rtol, atol, ctx);

    [Fact]
    public void ModulesPrintAsPyTorch()
    {
        Assert.Equal(Repr("Embedding(65, 128)"), nn.Embedding(65, 128).ToString());
        Assert.Equal(Repr("Embedding(10, 3, padding_idx=0)"), nn.Embedding(10, 3, padding_idx: 0).ToString());
        Assert.Equal(Repr("Embedding(10, 3, padding_idx=-1)"), nn.Embedding(10, 3, padding_idx: -1).ToString());
        Assert.Equal(Repr("Embedding(10, 3, max_norm=1.0, norm_type=1.0, scale_grad_by_freq=True, sparse=True)"),
            nn.Embedding(10, 3, max_norm: 1.0, norm_type: 1.0, scale_grad_by_freq: true, sparse: true).ToString());
        Assert.Equal(Repr("LayerNorm(128)"), nn.LayerNorm(128).ToString());
        Assert.Equal(Repr("LayerNorm([3, 4], eps=1e-3, elementwise_affine=False)"), nn.LayerNorm([3, 4], eps: 1e-3, elementwise_affine: false).ToString());
        Assert.Equal(Repr("GELU()"), nn.GELU().ToString());
        Assert.Equal(Repr("GELU('tanh')"), nn.GELU(approximate: "tanh").ToString());
        Assert.Equal(Repr("SiLU()"), nn.SiLU().ToString());
        Assert.Equal(Repr("ModuleList(Linear(4, 4), ReLU(), Linear(4, 2))"), nn.ModuleList(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2)).ToString());
        Assert.Equal(Repr("ModuleList()"), nn.ModuleList().ToString());
        Assert.Equal(Repr("ModuleDict(cls=Linear(4, 3), act=GELU())"), nn.ModuleDict(("cls", nn.Linear(4, 3)), ("act", nn.GELU())).ToString());
        Assert.Equal(Repr("Model"), new Model().ToString());
    }

    private sealed class Block : nn.Module<Tensor, Tensor>
    {
        private readonly LayerNorm ln = nn.LayerNorm(8);
        private readonly Linear fc = nn.Linear(8, 8);

        public Block() : base(nameof(Block)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.call(ln.call(x));
    }

    private sealed class Model : nn.Module<Tensor, Tensor>
    {
        private readonly Embedding emb = nn.Embedding(16, 8);
        private readonly ModuleList<Block> blocks = nn.ModuleList(new Block(), new Block());
        private readonly ModuleDict<Linear> heads = nn.ModuleDict(("lm", nn.Linear(8, 16)), ("cls", nn.Linear(8, 2, hasBias: false)));

        public Model() : base(nameof(Model)) => RegisterComponents();

        public override Tensor forward(Tensor idx)
        {
            var x = emb.call(idx);
            foreach (var b in blocks) x = b.call(x);
            return heads["lm"].call(x);
        }
    }

    [Fact]
    public void ContainersRegisterTheirChildrenUnderPyTorchsNames()
    {
        var model = new Model();
        var expected = G("state_dict").EnumerateArray().Select(e => (e[0].GetString()!, e[1].EnumerateArray().Select(x => x.GetInt64()).ToArray())).ToArray();
        var actual = model.state_dict().Select(kv => (kv.Key, kv.Value.shape)).ToArray();
        Assert.Equal(expected.Select(e => e.Item1), actual.Select(a => a.Key));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i].Item2, actual[i].shape);
        Assert.Equal(expected.Length, model.parameters().Count());
        var y = model.call(tensor(new long[] { 1, 5, 15 }).reshape(1, 3));
        Assert.Equal([1L, 3, 16], y.shape);
    }

    [Fact]
    public void ModuleListIndexesIteratesInsertsAndRenumbers()
    {
        var a = nn.Linear(2, 2);
        var b = nn.ReLU();
        var c = nn.Linear(2, 1);
        var list = nn.ModuleList<nn.Module>(a, c);
        list.insert(1, b);
        Assert.Equal(3, list.Count);
        Assert.Same(b, list[1]);
        Assert.Same(c, list[-1]);
        Assert.Equal([a, b, c], list.ToArray());
        Assert.Equal(["0", "1", "2"], list.named_children().Select(x => x.name));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], list.named_parameters().Select(p => p.name));
        list.RemoveAt(0);
        Assert.Equal(["1.weight", "1.bias"], list.named_parameters().Select(p => p.name));
        Assert.Equal(2, list[..2].Count);
        list.append(nn.Linear(1, 1)).extend([nn.Tanh()]);
        Assert.Equal(4, list.Count);
        Assert.Throws<IndexOutOfRangeException>(() => list[4]);
        var dict = nn.ModuleDict(("x", nn.Linear(2, 2)));
        dict["y"] = nn.Linear(2, 3);
        Assert.Equal(["x", "y"], dict.keys());
        Assert.Equal(["x.weight", "x.bias", "y.weight", "y.bias"], dict.named_parameters().Select(p => p.name));
        Assert.True(dict.Remove("x"));
        Assert.Equal(["y.weight", "y.bias"], dict.state_dict().Keys);
    }

    [Fact]
    public void ParameterIsAFactoryCall()
    {
        var p = nn.Parameter(zeros(3));
        Assert.True(p.requires_grad);
        Assert.IsType<Parameter>(p);
        Assert.False(nn.Parameter(zeros(2), requires_grad: false).requires_grad);
    }

    [Collection(DefaultGeneratorCollection.Name)]
    public class Seeded
    {
        [Fact]
        public void EmbeddingInitialisesAsPyTorch()
        {
            manual_seed(0);
            NNGolden.AssertExact(G("embedding_init"), nn.Embedding(4, 3, padding_idx: 1).weight, "padding");
            manual_seed(0);
            NNGolden.AssertExact(G("embedding_init_nopad"), nn.Embedding(5, 2).weight, "plain");
        }

        [Fact]
        public void MultinomialDrawsAsPyTorch()
        {
            var m = G("multinomial");
            var probs = NNGolden.Tensor(m.GetProperty("probs"));
            manual_seed(3);
            Assert.Equal(NNGolden.Values(m.GetProperty("one")).Select(v => (long)v), multinomial(probs, 1).data<long>());
            Assert.Equal(NNGolden.Values(m.GetProperty("replacement")).Select(v => (long)v), multinomial(probs, 5, replacement: true).data<long>());
            Assert.Equal(NNGolden.Values(m.GetProperty("no_replacement")).Select(v => (long)v), multinomial(probs, 4).data<long>());
        }

        /// <summary>
        /// With replacement the cumulative distribution is summed in the input's dtype, as PyTorch's CPU kernel does: 100,000
        /// weights of 0.1 sum visibly differently in float32 and float64, so the same seeded draws pick different categories.
        /// </summary>
        [Theory]
        [InlineData("float32")]
        [InlineData("float64")]
        public void MultinomialSumsTheCumulativeDistributionInTheInputsDtype(string dtype)
        {
            var expected = NNGolden.Values(G("multinomial_cumulative").GetProperty(dtype)).Select(v => (long)v);
            manual_seed(5);
            var weights = full([100000], 0.1, dtype == "float32" ? ScalarType.Float32 : ScalarType.Float64);
            Assert.Equal(expected, multinomial(weights, 8, replacement: true).data<long>());
        }
    }

    [Theory]
    [InlineData("plain", null, false)]
    [InlineData("padding", 2L, false)]
    [InlineData("freq", null, true)]
    [InlineData("padding_freq", -1L, true)]
    public void EmbeddingForwardAndBackwardMatchPyTorch(string name, long? padding, bool freq)
    {
        var w = Mk([6, 3], 1).requires_grad_();
        var idx = tensor(new long[] { 0, 2, 5, 2, 1, 2, 0, 3 }).reshape(2, 4);
        var y = F.embedding(idx, w, padding_idx: padding, scale_grad_by_freq: freq);
        (y * Coef(y.shape)).sum().backward();
        NNGolden.AssertExact(G("embedding_" + name).GetProperty("out"), y, name);
        Close(G("embedding_" + name).GetProperty("grad"), w.grad!, name + " grad");
    }

    [Fact]
    public void EmbeddingMaxNormRenormalisesTheLookedUpRowsInPlace()
    {
        var w = Mk([6, 3], 1).requires_grad_();
        var idx = tensor(new long[] { 0, 2, 5, 2, 1, 2, 0, 3 }).reshape(2, 4);
        var y = F.embedding(idx, w, max_norm: 1.5);
        (y * Coef(y.shape)).sum().backward();
        var g = G("embedding_max_norm");
        Close(g.GetProperty("out"), y, "out");
        Close(g.GetProperty("weight_after"), w, "weight");
        Close(g.GetProperty("grad"), w.grad!, "grad");
        var w1 = Mk([6, 3], 1);
        var y1 = nn.Embedding_from_pretrained(w1, max_norm: 2.0, norm_type: 1.0).call(tensor(new long[] { 0, 4 }));
        Close(G("embedding_max_norm_l1").GetProperty("out"), y1, "l1 out");
        Close(G("embedding_max_norm_l1").GetProperty("weight_after"), w1, "l1 weight");
    }

    [Fact]
    public void FromPretrainedWrapsTheTable()
    {
        var g = G("from_pretrained");
        var w = Mk([6, 3], 1);
        var e = Embedding.from_pretrained(w);
        Assert.Equal(g.GetProperty("repr").GetString(), e.ToString());
        Assert.Equal(g.GetProperty("requires_grad").GetBoolean(), e.weight.requires_grad);
        Assert.Equal(g.GetProperty("unfrozen_requires_grad").GetBoolean(), Embedding.from_pretrained(Mk([6, 3], 1), freeze: false).weight.requires_grad);
        Assert.Equal(g.GetProperty("padding_repr").GetString(), Embedding.from_pretrained(Mk([6, 3], 1), padding_idx: 1).ToString());
        Assert.Equal(w.data<float>(), e.weight.data<float>());
        Assert.Equal("Embeddings parameter is expected to be 2-dimensional", Assert.Throws<ArgumentException>(() => Embedding.from_pretrained(zeros(3))).Message);
        Assert.Equal("Padding_idx must be within num_embeddings", Assert.Throws<ArgumentException>(() => nn.Embedding(3, 2, padding_idx: 3)).Message);
    }

    [Fact]
    public void LayerNormForwardAndBackwardMatchPyTorch()
    {
        var g = G("layer_norm");
        var x = NNGolden.Tensor(g.GetProperty("x")).requires_grad_();
        var ln = nn.LayerNorm(4);
        using (no_grad())
        {
            ln.weight!.copy_(NNGolden.Tensor(g.GetProperty("weight")));
            ln.bias!.copy_(NNGolden.Tensor(g.GetProperty("bias")));
        }
        Assert.Equal(["weight", "bias"], ln.named_parameters().Select(p => p.name));
        var y = ln.call(x);
        (y * Coef(y.shape)).sum().backward();
        Close(g.GetProperty("out"), y, "out");
        Close(g.GetProperty("grad_x"), x.grad!, "grad_x", 1e-4, 1e-5);
        Close(g.GetProperty("grad_weight"), ln.weight!.grad!, "grad_weight");
        Close(g.GetProperty("grad_bias"), ln.bias!.grad!, "grad_bias");
        Assert.Empty(nn.LayerNorm(4, elementwise_affine: false).parameters());
    }

    [Theory]
    [InlineData("gelu")]
    [InlineData("gelu_tanh")]
    [InlineData("silu")]
    [InlineData("erf")]
    public void ActivationGradientsMatchPyTorch(string name)
    {
        var g = G("activation_grads").GetProperty(name);
        var x = NNGolden.Tensor(g.GetProperty("x")).requires_grad_();
        Tensor y = name switch
        {
            "gelu" => nn.GELU().call(x),
            "gelu_tanh" => nn.GELU("tanh").call(x),
            "silu" => nn.SiLU().call(x),
            _ => x.erf(),
        };
        (y * Coef(y.shape)).sum().backward();
        Close(g.GetProperty("out"), y, "out");
        Close(g.GetProperty("grad"), x.grad!, "grad");
    }

    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("1", 1.0)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("3", 3.0)]
    public void ClipGradNormMatchesPyTorch(string label, double normType)
    {
        var g = G("clip_grad").GetProperty(label);
        var ps = new[] { zeros([2, 3], requires_grad: true), zeros([4], requires_grad: true), zeros([2], requires_grad: true) };
        ps[0].grad = Mk([2, 3], 1);
        ps[1].grad = Mk([4], 9);
        var total = nn.utils.clip_grad_norm_(ps, max_norm: 1.25, norm_type: normType);
        Close(g.GetProperty("total"), total, "total");
        var grads = g.GetProperty("grads").EnumerateArray().ToArray();
        Close(grads[0], ps[0].grad!, "grad 0");
        Close(grads[1], ps[1].grad!, "grad 1");
        Assert.Null(ps[2].grad);
    }

    [Fact]
    public void ClipGradEdgeCasesMatchPyTorch()
    {
        var c = G("clip_grad");
        var p = zeros([3], requires_grad: true);
        p.grad = tensor(new[] { 1f, 2f, 2f });
        Close(c.GetProperty("no_clip").GetProperty("total"), nn.utils.clip_grad_norm_([p], 10.0), "no clip");
        Close(c.GetProperty("no_clip").GetProperty("grads")[0], p.grad!, "no clip grad");
        p.grad = tensor(new[] { 1f, float.PositiveInfinity, 2f });
        var ex = Assert.Throws<InvalidOperationException>(() => nn.utils.clip_grad_norm_([p], 1.0, error_if_nonfinite: true));
        Assert.Equal(c.GetProperty("nonfinite_error").GetString(), ex.Message);
        p.grad = tensor(new[] { 1f, float.NaN, 2f });
        Close(c.GetProperty("nan_total").GetProperty("total"), nn.utils.clip_grad_norm_([p], 1.0), "nan total");
        Close(c.GetProperty("nan_total").GetProperty("grads")[0], p.grad!, "nan grads");
        Close(c.GetProperty("empty"), nn.utils.clip_grad_norm_([zeros([2], requires_grad: true)], 1.0), "empty");
        var q = zeros([2, 3], requires_grad: true);
        q.grad = Mk([2, 3], 1);
        nn.utils.clip_grad_value_([q], 0.75);
        Close(c.GetProperty("value"), q.grad!, "value");
    }

    [Fact]
    public void CrossEntropyOverSequencesMatchesPyTorch()
    {
        var g = G("cross_entropy_bct");
        var x = NNGolden.Tensor(g.GetProperty("x")).requires_grad_();
        var loss = F.cross_entropy(x, tensor(new long[] { 0, 3, 1, 2, 2, 0 }).reshape(2, 3));
        loss.backward();
        Close(g.GetProperty("loss"), loss, "loss");
        Close(g.GetProperty("grad"), x.grad!, "grad");
    }
}
