using static Flint.torch;

namespace Flint.Tests.NN;

/// <summary>Seeded dropout masks and the specification's nn training loop, against PyTorch 1.13.</summary>
[Collection(DefaultGeneratorCollection.Name)]
public class SeededTrainingTests
{
    public static TheoryData<int> DropoutCases() => new(Enumerable.Range(0, NNGolden.Root.GetProperty("dropout").GetArrayLength()));

    [Theory]
    [MemberData(nameof(DropoutCases))]
    public void DropoutMaskMatchesPyTorch(int index)
    {
        var c = NNGolden.Root.GetProperty("dropout")[index];
        var dtype = NNGolden.DType(c.GetProperty("dtype").GetString()!);
        double p = c.GetProperty("p").GetDouble();
        manual_seed(0);
        var y = nn.functional.dropout(ones(NNGolden.Shape(c), dtype), p);
        NNGolden.AssertExact(c.GetProperty("result"), y, $"dropout p={p}");
        Assert.Equal(c.GetProperty("next_rand").GetDouble(), (double)rand(1).item<float>());
    }

    [Fact]
    public void DropoutModuleDropsOnlyInTrainingMode()
    {
        var drop = nn.Dropout(0.5);
        var x = ones(1000);
        manual_seed(0);
        var trained = drop.call(x);
        var kept = trained.ne(0.0).sum().item<long>();
        Assert.InRange(kept, 400, 600);
        Assert.True(trained.eq(0.0).logical_or(trained.eq(2.0)).all().item<bool>());

        drop.eval();
        Assert.False(drop.training);
        Assert.Same(x, drop.call(x));

        var model = nn.Sequential(nn.Linear(3, 3), nn.Dropout(0.9));
        model.eval();
        Assert.All(model.modules(), m => Assert.False(m.training));
        model.train();
        Assert.All(model.modules(), m => Assert.True(m.training));
    }

    [Fact]
    public void DropoutGradientIsTheScaledMask()
    {
        manual_seed(3);
        var x = randn(50, requires_grad: true);
        var y = nn.functional.dropout(x, 0.3);
        y.sum().backward();
        var mask = y.detach().div(x.detach());
        Assert.True(x.grad!.allclose(mask, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void InPlaceDropoutOverwritesItsInput()
    {
        manual_seed(0);
        var x = ones(20);
        var y = nn.functional.dropout(x, 0.5, inplace: true);
        Assert.Same(x, y);
        NNGolden.AssertExact(NNGolden.Root.GetProperty("dropout")[0].GetProperty("result"), x, "inplace dropout");
    }

    public static TheoryData<int> SpecCases() => new(0, 1);

    /// <summary>
    /// The specification's nn cell: Sequential(Linear, ReLU, Linear), MSELoss(sum), 500 steps of manual SGD,
    /// all from torch.manual_seed(0); the losses follow PyTorch's.
    /// </summary>
    [Theory]
    [MemberData(nameof(SpecCases))]
    public void SpecificationTrainingLoopMatchesPyTorch(int index)
    {
        var c = NNGolden.Root.GetProperty("spec")[index];
        long N = c.GetProperty("N").GetInt64(), D_in = c.GetProperty("D_in").GetInt64(), H = c.GetProperty("H").GetInt64(), D_out = c.GetProperty("D_out").GetInt64();
        var expected = c.GetProperty("losses").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetDouble());
        // Small sizes stay within float rounding of PyTorch all the way; at 64x1000 summation order differences grow over 500 steps.
        double rtol = N == 3 ? 1e-5 : 1e-3;

        manual_seed(0);
        var x = randn(N, D_in);
        var y = randn(N, D_out);
        var model = nn.Sequential(nn.Linear(D_in, H), nn.ReLU(), nn.Linear(H, D_out));
        var loss_fn = nn.MSELoss(nn.Reduction.Sum);
        const double learning_rate = 1e-4;
        for (int t = 0; t < 500; t++)
        {
            var y_pred = model.call(x);
            var loss = loss_fn.call(y_pred, y);
            if (expected.TryGetValue(t, out var want))
            {
                double got = loss.item<float>();
                Assert.True(Math.Abs(got - want) <= rtol * Math.Abs(want), $"loss at {t}: PyTorch {want:R}, Flint {got:R}");
            }
            model.zero_grad();
            loss.backward();
            using (no_grad())
            {
                foreach (var param in model.parameters())
                    param.sub_(learning_rate * param.grad!); // a foreach variable can't take -=
            }
        }
    }
}
