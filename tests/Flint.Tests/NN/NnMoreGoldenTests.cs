using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>The losses and normalisation layers added for issue 15, against PyTorch 1.13 (tests/golden/nn-more.json).</summary>
public class NnMoreGoldenTests
{
    public static TheoryData<string> Cases() => new(NnMoreCases.Names);

    public static TheoryData<string> GradCases() => new(NnMoreCases.Names.Where(n =>
        !NnMoreCases.HasUntrackedOutputs(n) && NnMoreCases.Root.GetProperty("cases").GetProperty(n).GetProperty("grad").GetArrayLength() > 0));

    [Fact]
    public void TableCoversTheGoldenFile()
    {
        Assert.Equal(NnMoreCases.Names.OrderBy(n => n), NnMoreCases.Table.Keys.OrderBy(n => n));
        Assert.True(NnMoreCases.Table.Count >= 70);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => NnMoreCases.Check(name, CPU);

    [Theory]
    [MemberData(nameof(GradCases))]
    public void GradientsMatchFiniteDifferences(string name) => Assert.True(NnMoreCases.GradCheck(name, CPU));

    [Fact]
    public void FloatInputsGiveFloatResults()
    {
        var x = randn(3, 4);
        var t = randn(3, 4);
        Assert.Equal(ScalarType.Float32, F.huber_loss(x, t).dtype);
        var lp = randn(5, 2, 4).log_softmax(2).requires_grad_();
        var loss = F.ctc_loss(lp, tensor(new long[,] { { 1, 2 }, { 3, 3 } }), tensor(new long[] { 5, 5 }), tensor(new long[] { 2, 2 }));
        Assert.Equal(ScalarType.Float32, loss.dtype);
        loss.backward();
        Assert.Equal(ScalarType.Float32, lp.grad!.dtype);
        var d = F.ctc_loss(lp.detach().to(ScalarType.Float64), tensor(new long[,] { { 1, 2 }, { 3, 3 } }), tensor(new long[] { 5, 5 }), tensor(new long[] { 2, 2 }));
        Assert.Equal(d.item<double>(), loss.item<float>(), 5);
    }

    public static TheoryData<string> Reprs() => new(NnMoreCases.Root.GetProperty("reprs").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Reprs))]
    public void ReprMatchesPyTorch(string name)
    {
        nn.Module m = name switch
        {
            "HuberLoss" => nn.HuberLoss(0.5),
            "KLDivLoss" => nn.KLDivLoss("batchmean"),
            "CTCLoss" => nn.CTCLoss(),
            "TripletMarginLoss" => nn.TripletMarginLoss(),
            "MultiMarginLoss" => nn.MultiMarginLoss(p: 2),
            "InstanceNorm1d" => nn.InstanceNorm1d(3),
            "InstanceNorm2d" => nn.InstanceNorm2d(4, affine: true, track_running_stats: true),
            "InstanceNorm3d" => nn.InstanceNorm3d(2, eps: 1e-3, momentum: 0.2),
            "BatchNorm3d" => nn.BatchNorm3d(5),
            "Hardshrink" => nn.Hardshrink(),
            "Softshrink" => nn.Softshrink(0.3),
            "Unflatten" => nn.Unflatten(1, [2, 3]),
            "Softmax2d" => nn.Softmax2d(),
            "ChannelShuffle" => nn.ChannelShuffle(2),
            "ReflectionPad1d" => nn.ReflectionPad1d(2),
            "ReplicationPad3d" => nn.ReplicationPad3d(1),
            "ConstantPad1d" => nn.ConstantPad1d(2, 3.5),
            "ZeroPad2d" => nn.ZeroPad2d([1, 0, 2, 1]),
            "CosineSimilarity" => nn.CosineSimilarity(),
            "PairwiseDistance" => nn.PairwiseDistance(),
            "Sequential" => nn.Sequential(nn.ReflectionPad2d(1), nn.Softshrink()),
            _ => throw new ArgumentException(name),
        };
        Assert.Equal(NnMoreCases.Root.GetProperty("reprs").GetProperty(name).GetString(), m.ToString());
    }

    [Fact]
    public void StateDictKeysMatchPyTorch()
    {
        var sd = NnMoreCases.Root.GetProperty("state_dicts");
        string[] Keys(string n) => sd.GetProperty(n).EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(Keys("InstanceNorm2d"), nn.InstanceNorm2d(4, affine: true, track_running_stats: true).state_dict().Keys);
        Assert.Equal(Keys("InstanceNorm1d"), nn.InstanceNorm1d(4).state_dict().Keys);
        Assert.Equal(Keys("MultiLabelSoftMarginLoss"), nn.MultiLabelSoftMarginLoss(ones(3)).state_dict().Keys);
    }

    public static TheoryData<string> Errors() => new(NnMoreCases.Root.GetProperty("errors").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Errors))]
    public void ErrorTextMatchesPyTorch(string name)
    {
        static Tensor R(params long[] s) => randn(s, dtype: ScalarType.Float64);
        Action act = name switch
        {
            "huber_delta" => () => F.huber_loss(R(3), R(3), delta: 0.0),
            "smooth_l1_beta" => () => F.smooth_l1_loss(R(3), R(3), beta: -1.0),
            "gaussian_var_size" => () => F.gaussian_nll_loss(R(4, 3), R(4, 3), rand(4, 2, dtype: ScalarType.Float64)),
            "gaussian_var_negative" => () => F.gaussian_nll_loss(R(4, 3), R(4, 3), -rand(4, 3, dtype: ScalarType.Float64) - 0.1),
            "margin_ranking_dims" => () => F.margin_ranking_loss(R(3), R(3), R(3, 1)),
            "cosine_embedding_dims" => () => F.cosine_embedding_loss(R(3), R(3), R(3).sign()),
            "multi_margin_p" => () => F.multi_margin_loss(R(2, 3), tensor(new long[] { 0, 1 }), p: 3),
            "triplet_dims" => () => F.triplet_margin_loss(R(3, 2), R(3, 2), R(2)),
            "ctc_blank" => () => F.ctc_loss(R(3, 1, 4).log_softmax(2), tensor(new long[,] { { 1 } }), tensor(new long[] { 3 }), tensor(new long[] { 1 }), blank: 4),
            "instance_norm_dims" => () => nn.InstanceNorm2d(3).call(R(2, 3)),
            "instance_norm_features" => () => nn.InstanceNorm1d(3, affine: true, dtype: ScalarType.Float64).call(R(2, 4, 5)),
            "eye_dims" => () => nn.init.eye_(empty([2, 3, 4])),
            "dirac_dims" => () => nn.init.dirac_(empty(2, 3)),
            "dirac_groups" => () => nn.init.dirac_(empty([3, 2, 3]), groups: 2),
            "softshrink_lambda" => () => F.softshrink(R(2), -1.0),
            "channel_shuffle_groups" => () => nn.ChannelShuffle(2).call(R(1, 3, 2)),
            "softmax2d_dims" => () => nn.Softmax2d().call(R(2, 2)),
            "batch_norm3d_dims" => () => nn.BatchNorm3d(3, dtype: ScalarType.Float64).call(R(2, 3, 4, 4)),
            _ => throw new ArgumentException(name),
        };
        var e = Assert.ThrowsAny<Exception>(act);
        Assert.Equal(NnMoreCases.Root.GetProperty("errors").GetProperty(name).GetString(), e.Message);
    }

    [Theory]
    [InlineData("eye_3x5")]
    [InlineData("dirac_4x3x3")]
    [InlineData("dirac_groups2_6x2x3x2")]
    [InlineData("dirac_2x3x2x2x3")]
    public void StructuredInitMatchesPyTorch(string name)
    {
        var expected = NnMoreCases.Root.GetProperty("inits").GetProperty(name);
        var shape = NNGolden.Shape(expected);
        var w = full(shape, 7.0, ScalarType.Float32).requires_grad_();
        var r = name.StartsWith("eye") ? nn.init.eye_(w) : nn.init.dirac_(w, name.Contains("groups2") ? 2 : 1);
        Assert.Same(w, r);
        Assert.Null(w.grad_fn);
        NNGolden.AssertExact(expected, w.detach(), name);
    }

    [Fact]
    public void ModulesForwardToTheFunctionalForms()
    {
        var x = randn(4, 5, dtype: ScalarType.Float64);
        var y = randn(4, 5, dtype: ScalarType.Float64);
        var cls = tensor(new long[] { 0, 4, 2, 1 });
        var sign = tensor(new double[] { 1, -1, 1, -1 }, ScalarType.Float64);
        void Same(Tensor a, Tensor b) => Assert.Equal(a.data<double>(), b.data<double>());
        Same(F.huber_loss(x, y, 0.5, nn.Reduction.Sum), nn.HuberLoss(0.5, nn.Reduction.Sum).call(x, y));
        Same(F.smooth_l1_loss(x, y, beta: 0.3), nn.SmoothL1Loss(beta: 0.3).call(x, y));
        Same(F.kl_div(x.log_softmax(1), y.softmax(1), "batchmean"), nn.KLDivLoss("batchmean").call(x.log_softmax(1), y.softmax(1)));
        Same(F.poisson_nll_loss(x, y.abs()), nn.PoissonNLLLoss().call(x, y.abs()));
        Same(F.gaussian_nll_loss(x, y, x.abs() + 0.1), nn.GaussianNLLLoss().call(x, y, x.abs() + 0.1));
        Same(F.margin_ranking_loss(x[.., 0], y[.., 0], sign, 0.2), nn.MarginRankingLoss(0.2).call(x[.., 0], y[.., 0], sign));
        Same(F.hinge_embedding_loss(x[.., 0], sign), nn.HingeEmbeddingLoss().call(x[.., 0], sign));
        Same(F.cosine_embedding_loss(x, y, sign), nn.CosineEmbeddingLoss().call(x, y, sign));
        Same(F.soft_margin_loss(x[.., 0], sign), nn.SoftMarginLoss().call(x[.., 0], sign));
        Same(F.multilabel_soft_margin_loss(x, y.gt(0).to(ScalarType.Float64)), nn.MultiLabelSoftMarginLoss().call(x, y.gt(0).to(ScalarType.Float64)));
        Same(F.multi_margin_loss(x, cls), nn.MultiMarginLoss().call(x, cls));
        Same(F.multilabel_margin_loss(x, tensor(new long[] { 1, -1, 0, 0, 0 }).expand(4, 5).contiguous()), nn.MultiLabelMarginLoss().call(x, tensor(new long[] { 1, -1, 0, 0, 0 }).expand(4, 5).contiguous()));
        Same(F.triplet_margin_loss(x, y, -x), nn.TripletMarginLoss().call(x, y, -x));
        Same(F.triplet_margin_with_distance_loss(x, y, -x), nn.TripletMarginWithDistanceLoss().call(x, y, -x));
        var lp = randn(6, 4, 5, dtype: ScalarType.Float64).log_softmax(2);
        var tg = tensor(new long[,] { { 1, 2 }, { 3, 3 }, { 4, 1 }, { 2, 2 } });
        var il = tensor(new long[] { 6, 6, 5, 6 });
        var tl = tensor(new long[] { 2, 2, 1, 2 });
        Same(F.ctc_loss(lp, tg, il, tl), nn.CTCLoss().call(lp, tg, il, tl));
    }
}
