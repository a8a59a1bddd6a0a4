using Flint.Modules;
using Parameter = Flint.Modules.Parameter;

namespace Flint.Tests.Optim;

/// <summary>TorchSharp code wraps each training step in a dispose scope; optimizer state must survive it.</summary>
public class OptimizerDisposeScopeTests
{
    private static readonly Func<IEnumerable<Parameter>, torch.optim.Optimizer>[] Makers =
    [
        ps => torch.optim.SGD(ps, lr: 0.01, momentum: 0.9),
        ps => torch.optim.Adam(ps, lr: 0.01, amsgrad: true),
        ps => torch.optim.AdamW(ps, lr: 0.01),
        ps => torch.optim.RMSprop(ps, lr: 0.01, momentum: 0.5, centered: true),
        ps => torch.optim.Adagrad(ps, lr: 0.01),
    ];

    public static TheoryData<int> Cases() => [0, 1, 2, 3, 4];

    private static float[] Train(int which, bool scoped)
    {
        var w = new Parameter(torch.tensor(new[] { 0.5f, -1.5f, 2.0f }));
        var x = torch.tensor(new[] { 1.0f, 2.0f, -0.5f });
        var opt = Makers[which]([w]);
        for (int t = 0; t < 4; t++)
        {
            using var scope = scoped ? torch.NewDisposeScope() : null;
            var loss = (w * x - 1.0).pow(2).sum();
            opt.zero_grad();
            loss.backward();
            opt.step();
        }
        return w.data<float>();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StepsInsideScopesMatchStepsWithout(int which)
    {
        Assert.Equal(Train(which, scoped: false), Train(which, scoped: true));
    }
}
