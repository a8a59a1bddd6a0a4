using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.Tests.NN;

/// <summary>
/// The second batch of issue 15's torch.nn names (Bilinear, RReLU, alpha/feature dropouts, LPPool, MaxUnpool, upsample_nearest*d,
/// conv*_padding, fractional max pooling, init.orthogonal_/sparse_/trunc_normal_, fuse_*_bn) against PyTorch 1.13
/// (tests/golden/nn-extra.json) and, for the random paths, against their defining invariants.
/// </summary>
public class NnExtraGoldenTests
{
    public static TheoryData<string> Cases() => new(NnExtraCases.Names);

    // Overlapping windows can pick one element twice; its unpooled value is then written twice (as in PyTorch) and the
    // finite-difference Jacobian of that input has a 1 where autograd's (a gather) has a 2, in PyTorch as here.
    public static TheoryData<string> GradCases() => new(NnExtraCases.Names.Where(n => n != "max_unpool1d_unbatched_stride_pad" &&
        NnExtraCases.Root.GetProperty("cases").GetProperty(n).GetProperty("grad").GetArrayLength() > 0));

    [Fact]
    public void TableCoversTheGoldenFile()
    {
        Assert.Equal(NnExtraCases.Names.OrderBy(n => n), NnExtraCases.Table.Keys.OrderBy(n => n));
        Assert.True(NnExtraCases.Table.Count >= 50);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => NnExtraCases.Check(name, CPU);

    [Theory]
    [MemberData(nameof(GradCases))]
    public void GradientsMatchFiniteDifferences(string name) => Assert.True(NnExtraCases.GradCheck(name, CPU));

    private static System.Text.Json.JsonElement Seeded(string name) => NnExtraCases.Root.GetProperty("seeded").GetProperty(name);

    [Fact]
    public void BilinearInitialisationMatchesPyTorch()
    {
        manual_seed(5);
        var m = nn.Bilinear(3, 4, 2);
        NNGolden.AssertClose(Seeded("bilinear_init_weight"), m.weight.detach(), 1e-6, 1e-7, "weight");
        NNGolden.AssertClose(Seeded("bilinear_init_bias"), m.bias!.detach(), 1e-6, 1e-7, "bias");
        Assert.Equal(["weight", "bias"], m.state_dict().Keys);
        Assert.Equal(NnExtraCases.Root.GetProperty("state_dicts").GetProperty("Bilinear").EnumerateArray().Select(e => e.GetString()!), m.state_dict().Keys);
        Assert.Null(nn.Bilinear(3, 4, 2, hasBias: false).bias);
    }

    [Fact]
    public void BilinearModuleForwardsToTheFunctionalForm()
    {
        var m = nn.Bilinear(3, 2, 4, dtype: ScalarType.Float64);
        var a = randn(5, 3, dtype: ScalarType.Float64);
        var b = randn(5, 2, dtype: ScalarType.Float64);
        var y = m.call(a, b);
        Assert.Equal(F.bilinear(a, b, m.weight, m.bias).data<double>().ToArray(), y.data<double>().ToArray());
        // y[n, o] = a[n] . W[o] . b[n] + bias[o]
        var expected = einsum("ni,oij,nj->no", a, m.weight, b).add(m.bias!);
        Assert.True(allclose(expected, y, 1e-12, 1e-12));
    }

    [Theory]
    [InlineData("alpha_dropout")]
    [InlineData("feature_alpha_dropout")]
    [InlineData("dropout1d")]
    [InlineData("dropout3d")]
    public void SeededTrainingMasksMatchPyTorch(string name)
    {
        var x = arange(1.0, 25.0).reshape(2, 3, 4);
        manual_seed(9);
        var y = name switch
        {
            "alpha_dropout" => F.alpha_dropout(x, 0.4, training: true),
            "feature_alpha_dropout" => F.feature_alpha_dropout(x, 0.4, training: true),
            "dropout1d" => F.dropout1d(x, 0.4, training: true),
            _ => F.dropout3d(x.reshape(1, 2, 3, 2, 2), 0.4, training: true),
        };
        NNGolden.AssertClose(Seeded(name), y, 1e-6, 1e-6, name);
    }

    [Fact]
    public void TruncNormalMatchesPyTorchSeeded()
    {
        manual_seed(3);
        var t = nn.init.trunc_normal_(empty(4, 5), 0.5, 2.0, -1.0, 2.0);
        NNGolden.AssertClose(Seeded("trunc_normal_4x5"), t, 1e-5, 1e-5, "trunc_normal_");
    }

    [Fact]
    public void OrthogonalMatchesPyTorchSeeded()
    {
        manual_seed(4);
        var t = nn.init.orthogonal_(empty([3, 5], ScalarType.Float64), 2.0);
        NNGolden.AssertClose(Seeded("orthogonal_3x5_gain2"), t, 1e-10, 1e-10, "orthogonal_");
    }

    public static TheoryData<string> Reprs() => new(NnExtraCases.Root.GetProperty("reprs").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Reprs))]
    public void ReprMatchesPyTorch(string name)
    {
        nn.Module m = name switch
        {
            "Bilinear" => nn.Bilinear(3, 4, 2),
            "BilinearNoBias" => nn.Bilinear(3, 4, 2, hasBias: false),
            "RReLU" => nn.RReLU(),
            "RReLUInplace" => nn.RReLU(0.1, 0.3, inplace: true),
            "AlphaDropout" => nn.AlphaDropout(),
            "FeatureAlphaDropout" => nn.FeatureAlphaDropout(0.2),
            "Dropout1d" => nn.Dropout1d(),
            "Dropout3d" => nn.Dropout3d(0.1, true),
            "LPPool1d" => nn.LPPool1d(2, 3),
            "LPPool2d" => nn.LPPool2d(1.5, [2, 3], stride: [1], ceil_mode: true),
            "MaxUnpool1d" => nn.MaxUnpool1d(2),
            "MaxUnpool2d" => nn.MaxUnpool2d(2, stride: 1, padding: 1),
            "MaxUnpool3d" => nn.MaxUnpool3d([2, 1, 2]),
            "FractionalMaxPool2d" => nn.FractionalMaxPool2d(2, output_size: 3),
            "FractionalMaxPool3d" => nn.FractionalMaxPool3d(2, output_ratio: 0.5),
            _ => throw new ArgumentException(name),
        };
        Assert.Equal(NnExtraCases.Root.GetProperty("reprs").GetProperty(name).GetString(), m.ToString());
    }

    public static TheoryData<string> Errors() => new(NnExtraCases.Root.GetProperty("errors").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Errors))]
    public void ErrorTextMatchesPyTorch(string name)
    {
        static Tensor R(params long[] s) => randn(s, dtype: ScalarType.Float64);
        var (y2, i2) = F.max_pool2d_with_indices(R(2, 2, 4, 6), 2);
        Action act = name switch
        {
            "bilinear_dims" => () => F.bilinear(R(2, 3), R(2, 3, 4), R(2, 3, 4)),
            "bilinear_batch" => () => F.bilinear(R(2, 3), R(3, 4), R(2, 3, 4)),
            "bilinear_in1" => () => F.bilinear(R(2, 2), R(2, 4), R(2, 3, 4)),
            "bilinear_in2" => () => F.bilinear(R(2, 3), R(2, 5), R(2, 3, 4)),
            "bilinear_bias" => () => F.bilinear(R(2, 3), R(2, 4), R(2, 3, 4), R(3)),
            "alpha_dropout_p" => () => F.alpha_dropout(R(3), 1.5),
            "feature_alpha_dropout_dims" => () => F.feature_alpha_dropout(R(3), 0.5, training: true),
            "dropout1d_dims" => () => F.dropout1d(R(2, 3, 4, 5)),
            "dropout1d_p" => () => F.dropout1d(R(2, 3), -0.1),
            "max_unpool_output_size_len" => () => F.max_unpool2d(y2, i2, 2, output_size: [1, 2, 3]),
            "max_unpool_output_size_range" => () => F.max_unpool2d(y2, i2, 2, output_size: [2, 6]),
            "max_unpool_invalid_index" => () => F.max_unpool2d(y2, full_like(i2, 30L), 2),
            "fractional_no_size" => () => F.fractional_max_pool2d(R(1, 1, 4, 4), 2),
            "fractional_ratio_range" => () => F.fractional_max_pool2d(R(1, 1, 4, 4), 2, output_ratio: 1.5),
            "fractional_too_large" => () => F.fractional_max_pool2d(R(1, 1, 4, 4), 3, output_size: 3),
            _ => throw new ArgumentException(name),
        };
        var e = Assert.ThrowsAny<Exception>(act);
        Assert.Equal(NnExtraCases.Root.GetProperty("errors").GetProperty(name).GetString(), e.Message);
    }

    // ---------------------------------------------------------------- RReLU in training

    [Fact]
    public void RReluTrainingDrawsSlopesWithinBoundsAndDifferentiatesByThem()
    {
        var x = randn([2000], ScalarType.Float64).requires_grad_();
        var y = F.rrelu(x, 0.1, 0.3, training: true);
        y.sum().backward();
        var xs = x.detach().data<double>().ToArray();
        var ys = y.detach().data<double>().ToArray();
        var gs = x.grad!.data<double>().ToArray();
        var slopes = new List<double>();
        for (int i = 0; i < xs.Length; i++)
        {
            if (xs[i] > 0)
            {
                Assert.Equal(xs[i], ys[i]);
                Assert.Equal(1.0, gs[i]);
            }
            else
            {
                double s = ys[i] / xs[i];
                Assert.InRange(s, 0.1, 0.3);
                Assert.Equal(s, gs[i], 12);
                slopes.Add(s);
            }
        }
        Assert.True(slopes.Count > 500);
        Assert.True(slopes.Distinct().Count() > slopes.Count / 2, "slopes are drawn per element");
        Assert.InRange(slopes.Average(), 0.18, 0.22);
    }

    [Fact]
    public void RReluModuleFollowsTrainingModeAndInPlaceVariantsOverwrite()
    {
        var m = nn.RReLU(0.2, 0.4);
        var x = tensor(new[] { -1.0, 2.0, -3.0 }, ScalarType.Float64);
        m.eval();
        Assert.Equal(new[] { -0.3, 2.0, -0.9 }, m.call(x).data<double>().ToArray().Select(v => Math.Round(v, 12)));
        m.train();
        var y = m.call(x).data<double>().ToArray();
        Assert.InRange(y[0], -0.4, -0.2);
        Assert.Equal(2.0, y[1]);
        var z = x.clone();
        Assert.Same(z, z.rrelu_(0.5, 0.5));
        Assert.Equal(new[] { -0.5, 2.0, -1.5 }, z.data<double>().ToArray());
        Assert.Equal(new[] { -0.5, 2.0, -1.5 }, x.rrelu(0.5, 0.5, training: true).data<double>().ToArray());
        var w = x.clone();
        Assert.Same(w, F.rrelu_(w, 0.25, 0.25));
        Assert.Equal(new[] { -0.25, 2.0, -0.75 }, w.data<double>().ToArray());
        Assert.Throws<ArgumentException>(() => F.rrelu(x, 0.5, 0.2));
    }

    // ---------------------------------------------------------------- dropouts in training

    private const double Alpha = 1.7580993408473766;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AlphaDropoutKeepsOrSaturatesEachElement(bool feature)
    {
        double p = 0.3, a = 1 / Math.Sqrt((Alpha * Alpha * p + 1) * (1 - p));
        var x = randn([8, 6, 5], ScalarType.Float64);
        var y = feature ? F.feature_alpha_dropout(x, p, training: true) : F.alpha_dropout(x, p, training: true);
        var xs = x.data<double>().ToArray();
        var ys = y.data<double>().ToArray();
        var kept = new bool[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            kept[i] = Math.Abs(ys[i] - (a * xs[i] + Alpha * a * p)) < 1e-12;
            Assert.True(kept[i] || Math.Abs(ys[i] - Alpha * a * (p - 1)) < 1e-12, $"element {i}");
        }
        int nKept = kept.Count(k => k);
        Assert.InRange(nKept, xs.Length / 2, xs.Length - 20);
        if (feature)
            for (int ch = 0; ch < 48; ch++)
                Assert.Single(kept.Skip(ch * 5).Take(5).Distinct());
        Assert.Same(x, F.alpha_dropout(x, p, training: false));
        var m = nn.AlphaDropout(p);
        m.eval();
        Assert.Same(x, m.call(x));
    }

    [Theory]
    [InlineData(new long[] { 4, 6, 7 })]
    [InlineData(new long[] { 6, 7 })]
    public void Dropout1dZeroesWholeChannels(long[] shape)
    {
        var x = rand(shape, ScalarType.Float64).add(0.5);
        var y = F.dropout1d(x, 0.4);
        var ratio = y.div(x).reshape(-1, shape[^1]);
        int zeroed = 0;
        for (int r = 0; r < ratio.size(0); r++)
        {
            var row = ratio[r].data<double>().ToArray();
            Assert.True(row.All(v => v == 0) || row.All(v => Math.Abs(v - 1 / 0.6) < 1e-12));
            if (row[0] == 0) zeroed++;
        }
        Assert.InRange(zeroed, 1, (int)ratio.size(0) - 1);
        var m = nn.Dropout1d(0.4);
        m.eval();
        Assert.Same(x, m.call(x));
    }

    [Fact]
    public void Dropout3dZeroesWholeVolumesAndInPlaceOverwrites()
    {
        var x = rand([3, 5, 2, 3, 2], ScalarType.Float64).add(0.5);
        var y = F.dropout3d(x, 0.5);
        var per = y.div(x).reshape(15, 12);
        for (int r = 0; r < 15; r++)
        {
            var row = per[r].data<double>().ToArray();
            Assert.True(row.All(v => v == 0) || row.All(v => Math.Abs(v - 2) < 1e-12));
        }
        var unbatched = rand([4, 2, 2, 2], ScalarType.Float64).add(0.5);
        var u = F.dropout3d(unbatched, 0.5).div(unbatched).reshape(4, 8);
        for (int r = 0; r < 4; r++) Assert.Single(u[r].data<double>().ToArray().Distinct());
        var z = x.clone();
        Assert.Same(z, F.dropout3d(z, 0.5, inplace: true));
        Assert.Same(x, F.dropout3d(x, 0.5, training: false));
    }

    // ---------------------------------------------------------------- gradient wrappers

    [Fact]
    public void PoolingBackwardWrappersEqualPyTorchsGradients()
    {
        var x2 = NnExtraCases.Inputs("avg_pool2d_grad", CPU).inputs[0];
        var g2 = F.avg_pool2d_backward(NnExtraCases.OutputWeights("avg_pool2d_grad", CPU), x2, [3], [2], [1], ceil_mode: true, count_include_pad: false);
        NNGolden.AssertClose(NnExtraCases.ExpectedGrad("avg_pool2d_grad"), g2, 1e-12, 1e-12, "avg_pool2d_backward");
        var x3 = NnExtraCases.Inputs("avg_pool3d_grad", CPU).inputs[0];
        var g3 = F.avg_pool3d_backward(NnExtraCases.OutputWeights("avg_pool3d_grad", CPU), x3, [2, 2, 1], divisor_override: 3);
        NNGolden.AssertClose(NnExtraCases.ExpectedGrad("avg_pool3d_grad"), g3, 1e-12, 1e-12, "avg_pool3d_backward");
        var xa = NnExtraCases.Inputs("adaptive_avg_pool3d_grad", CPU).inputs[0];
        var into = empty(xa.shape, ScalarType.Float64);
        var ga = F.adaptive_avg_pool3d_backward(into, NnExtraCases.OutputWeights("adaptive_avg_pool3d_grad", CPU), xa);
        Assert.Same(into, ga);
        NNGolden.AssertClose(NnExtraCases.ExpectedGrad("adaptive_avg_pool3d_grad"), ga, 1e-12, 1e-12, "adaptive_avg_pool3d_backward");
    }

    [Fact]
    public void UpsampleNearestBackwardEqualsPyTorchsGradients()
    {
        void Check(string name, Func<Tensor, long[], Tensor> backward)
        {
            var x = NnExtraCases.Inputs(name, CPU).inputs[0];
            var g = backward(NnExtraCases.OutputWeights(name, CPU), x.shape);
            NNGolden.AssertClose(NnExtraCases.ExpectedGrad(name), g, 1e-12, 1e-12, name);
        }
        Check("upsample_nearest1d_size", (w, s) => F.upsample_nearest1d_backward(w, 7, s[2], null));
        Check("upsample_nearest1d_scale", (w, s) => F.upsample_nearest1d_backward(w, null, s[2], 2.5));
        Check("upsample_nearest2d_size", (w, s) => F.upsample_nearest2d_backward(w, s, [5, 3]));
        Check("upsample_nearest2d_scale", (w, s) => F.upsample_nearest2d_backward(w, s[2..], scaleFactors: [2.0, 1.5]));
        Check("upsample_nearest3d_size", (w, s) => F.upsample_nearest3d_backward(w, s, [3, 4, 2]));
        Check("upsample_nearest3d_scale", (w, s) => F.upsample_nearest3d_backward(w, s, scaleFactors: [2.0, 2.0, 2.0]));
    }

    // ---------------------------------------------------------------- unpooling and fractional pooling

    [Fact]
    public void MaxUnpoolInvertsMaxPoolAtTheMaxima()
    {
        var x = rand(2, 3, 6, 8).add(0.1); // positive, so the zeros around the maxima do not win the second pooling
        var (y, i) = F.max_pool2d_with_indices(x, 2);
        var u = nn.MaxUnpool2d(2).call(y, i);
        Assert.Equal(x.shape, u.shape);
        var (y2, _) = F.max_pool2d_with_indices(u, 2);
        Assert.Equal(y.data<float>().ToArray(), y2.data<float>().ToArray());
        Assert.Equal(y.numel(), u.ne(0).sum().item<long>());
    }

    [Fact]
    public void FractionalMaxPoolRandomPathPicksWindowMaximaAndFollowsTheSeed()
    {
        var x = randn(2, 3, 9, 10, dtype: ScalarType.Float64);
        manual_seed(21);
        var (v, i) = F.fractional_max_pool2d_with_indices(x, [2], [4, 5]);
        Assert.Equal("FractionalMaxPool2d requires specifying either an output size, or a pooling ratio",
            Assert.Throws<ArgumentException>(() => nn.FractionalMaxPool2d(2)).Message);
        Assert.StartsWith("output_ratio must be between 0 and 1 (got ",
            Assert.Throws<ArgumentException>(() => nn.FractionalMaxPool2d(2, output_ratio: 1.5)).Message);
        Assert.Equal(new long[] { 2, 3, 4, 5 }, v.shape);
        Assert.Equal(v.data<double>().ToArray(), x.reshape(2, 3, 90).gather(2, i.reshape(2, 3, 20)).reshape(2, 3, 4, 5).data<double>().ToArray());
        manual_seed(21);
        var again = F.fractional_max_pool2d(x, [2], output_size: [4, 5]);
        Assert.Equal(v.data<double>().ToArray(), again.data<double>().ToArray());
        var m = nn.FractionalMaxPool3d(2, output_ratio: 0.5);
        var x3 = randn([1, 2, 6, 6, 8]);
        var (v3, i3) = m.forward_with_indices(x3);
        Assert.Equal(new long[] { 1, 2, 3, 3, 4 }, v3.shape);
        Assert.Equal(v3.data<float>().ToArray(), x3.reshape(1, 2, -1).gather(2, i3.reshape(1, 2, -1)).reshape(v3.shape).data<float>().ToArray());
    }

    // ---------------------------------------------------------------- init and fusion

    [Theory]
    [InlineData(4, 7, 1.0)]
    [InlineData(7, 4, 1.0)]
    [InlineData(6, 6, 0.5)]
    public void OrthogonalRowsOrColumnsAreOrthonormal(int rows, int cols, double gain)
    {
        var w = nn.init.orthogonal_(empty(rows, cols), gain);
        var gram = rows <= cols ? w.mm(w.t()) : w.t().mm(w);
        var n = Math.Min(rows, cols);
        Assert.True(allclose(gram, eye(n).mul(gain * gain), 1e-5, 1e-5), gram.ToString());
        var conv = nn.init.orthogonal_(empty([3, 2, 2, 2]));
        var flat = conv.reshape(3, 8);
        Assert.True(allclose(flat.mm(flat.t()), eye(3), 1e-5, 1e-5));
        Assert.Throws<ArgumentException>(() => nn.init.orthogonal_(empty(3)));
    }

    [Fact]
    public void SparseZeroesTheSameFractionOfEveryColumn()
    {
        var w = nn.init.sparse_(empty(10, 30), 0.25, std: 0.5);
        var zerosPerColumn = w.eq(0).sum(0).data<long>().ToArray();
        Assert.All(zerosPerColumn, z => Assert.Equal(3, z));
        var nz = w.masked_select(w.ne(0));
        Assert.InRange(nz.std().item<float>(), 0.35f, 0.65f);
        Assert.Throws<ArgumentException>(() => nn.init.sparse_(empty([2, 3, 4]), 0.1));
    }

    [Fact]
    public void TruncNormalStaysWithinBounds()
    {
        var t = nn.init.trunc_normal_(empty(5000), mean: 1.0, std: 3.0, a: -0.5, b: 2.0);
        Assert.InRange(t.min().item<float>(), -0.5f, 2.0f);
        Assert.InRange(t.max().item<float>(), -0.5f, 2.0f);
        Assert.True(t.max().item<float>() > 1.9f && t.min().item<float>() < -0.4f);
    }

    [Fact]
    public void FuseLinearBnEvalEqualsLinearThenBatchNorm()
    {
        var lin = nn.Linear(4, 3, dtype: ScalarType.Float64);
        var bn = nn.BatchNorm1d(3, dtype: ScalarType.Float64);
        using (no_grad())
        {
            bn.running_mean!.copy_(tensor(new[] { 0.3, -0.2, 0.5 }, ScalarType.Float64));
            bn.running_var!.copy_(tensor(new[] { 1.5, 0.4, 2.0 }, ScalarType.Float64));
            bn.weight!.copy_(tensor(new[] { 0.7, 1.2, -0.4 }, ScalarType.Float64));
            bn.bias!.copy_(tensor(new[] { 0.1, 0.0, -0.3 }, ScalarType.Float64));
        }
        Assert.Throws<InvalidOperationException>(() => nn.utils.fuse_linear_bn_eval(lin, bn));
        lin.eval();
        bn.eval();
        var fused = nn.utils.fuse_linear_bn_eval(lin, bn);
        var x = randn(5, 4, dtype: ScalarType.Float64);
        Assert.True(allclose(bn.call(lin.call(x)), fused.call(x), 1e-12, 1e-12));
    }
}
