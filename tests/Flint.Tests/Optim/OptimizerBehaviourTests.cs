using Flint.Modules;
using static Flint.torch.nn;

namespace Flint.Tests.Optim;

/// <summary>zero_grad, parameter groups, skipped parameters, closures and argument checks, as PyTorch behaves.</summary>
public class OptimizerBehaviourTests
{
    private static Parameter P(params float[] values) => new(torch.tensor(values));

    [Fact]
    public void ZeroGradSetsGradsToNoneByDefault()
    {
        var a = P(1, 2);
        var b = P(3);
        var opt = torch.optim.SGD([a, b], lr: 0.1);
        (a * a).sum().backward();
        Assert.NotNull(a.grad);
        Assert.Null(b.grad);
        opt.zero_grad();
        Assert.Null(a.grad);
        Assert.Null(b.grad);
    }

    [Fact]
    public void ZeroGradWithoutSetToNoneZeroesInPlaceAndDetaches()
    {
        var a = P(1, 2);
        var opt = torch.optim.SGD([a], lr: 0.1);
        (a * a).sum().backward(create_graph: true);
        var g = a.grad!;
        Assert.NotNull(g.grad_fn);
        opt.zero_grad(set_to_none: false);
        Assert.Same(g, a.grad);
        Assert.Null(g.grad_fn);
        Assert.False(g.requires_grad);
        Assert.Equal(new[] { 0f, 0f }, g.data<float>());

        // The zeroed buffer accumulates the next backward.
        (a * 3.0).sum().backward();
        Assert.Same(g, a.grad);
        Assert.Equal(new[] { 3f, 3f }, a.grad!.data<float>());
    }

    [Fact]
    public void ParametersWithoutGradAreSkippedAndGetNoState()
    {
        var a = P(1, 2);
        var b = P(3);
        var opt = torch.optim.Adam([a, b], lr: 0.1);
        (a * a).sum().backward();
        opt.step();
        Assert.Equal(new[] { 3f }, b.data<float>());
        Assert.True(opt.state.ContainsKey(a));
        Assert.False(opt.state.ContainsKey(b));
        Assert.Equal([0], opt.state_dict().State.Keys);
        Assert.NotEqual(new[] { 1f, 2f }, a.data<float>());
    }

    [Fact]
    public void StepRunsWithoutRecordingAndLeavesParametersLeaves()
    {
        var a = P(1, 2);
        var opt = torch.optim.SGD([a], lr: 0.5, momentum: 0.9);
        (a * a).sum().backward();
        opt.step();
        Assert.True(a.is_leaf);
        Assert.True(a.requires_grad);
        Assert.Equal(new[] { 0f, 0f }, a.data<float>());   // 1 - 0.5 * 2, 2 - 0.5 * 4
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void ClosureRunsWithGradEnabledAndItsLossIsReturned()
    {
        var a = P(2);
        var opt = torch.optim.SGD([a], lr: 0.25);
        Tensor? loss;
        using (torch.no_grad())
        {
            loss = opt.step(() =>
            {
                Assert.True(torch.is_grad_enabled());
                opt.zero_grad();
                var l = (a * a).sum();
                l.backward();
                return l;
            });
        }
        Assert.Equal(4f, loss!.item<float>());
        Assert.Equal(new[] { 1f }, a.data<float>());   // 2 - 0.25 * 4
    }

    [Fact]
    public void GroupsHaveTheirOwnOptionsAndUnsetOnesTakeTheDefaults()
    {
        var a = P(1);
        var b = P(1);
        var opt = torch.optim.SGD([new SGD.ParamGroup([a]), new SGD.ParamGroup([b], lr: 0.5, nesterov: null, momentum: 0.9)], lr: 0.1, momentum: 0.5);
        var o0 = (SGD.Options)opt.ParamGroups[0].Options!;
        var o1 = (SGD.Options)opt.ParamGroups[1].Options!;
        Assert.Equal((0.1, 0.5), (o0.LearningRate!.Value, o0.momentum!.Value));
        Assert.Equal((0.5, 0.9, 0.0, false), (o1.LearningRate!.Value, o1.momentum!.Value, o1.dampening!.Value, o1.nesterov!.Value));

        a.grad = torch.ones(1);
        b.grad = torch.ones(1);
        opt.step();
        Assert.Equal(new[] { 0.9f }, a.data<float>());
        Assert.Equal(new[] { 0.5f }, b.data<float>());

        // Rates are per group and settable (what schedulers do).
        opt.param_groups[1].lr = 0.25;
        opt.step();
        Assert.Equal(new[] { 1f - 0.1f - 0.1f * 1.5f }, a.data<float>());
        Assert.Equal(0.5f - 0.25f * 1.9f, b.data<float>()[0], 6);
    }

    [Fact]
    public void AddParamGroupExtendsTheOptimizer()
    {
        var a = P(1);
        var b = P(1);
        var opt = torch.optim.Adam([a], lr: 0.1);
        opt.add_param_group(new Adam.ParamGroup([b], lr: 0.01));
        Assert.Equal(2, opt.param_groups.Count);
        Assert.Equal([a, b], opt.parameters());
        Assert.Equal(0.01, opt.param_groups[1].LearningRate);
        Assert.Equal(0.9, ((Adam.Options)opt.param_groups[1].Options!).beta1);

        var ex = Assert.Throws<ArgumentException>(() => opt.add_param_group(new Adam.ParamGroup([a])));
        Assert.Equal("some parameters appear in more than one parameter group", ex.Message);
        Assert.Throws<ArgumentException>(() => opt.add_param_group(new SGD.ParamGroup([P(2)])));
        Assert.Equal(2, opt.param_groups.Count);
    }

    [Fact]
    public void ArgumentsAreCheckedWithPyTorchsMessages()
    {
        var a = P(1);
        Assert.Equal("optimizer got an empty parameter list", Assert.Throws<ArgumentException>(() => torch.optim.SGD(Array.Empty<Parameter>(), lr: 0.1)).Message);
        Assert.Equal("Invalid learning rate: -1", Assert.Throws<ArgumentException>(() => torch.optim.SGD([a], lr: -1)).Message);
        Assert.Equal("Invalid momentum value: -0.5", Assert.Throws<ArgumentException>(() => torch.optim.SGD([a], lr: 0.1, momentum: -0.5)).Message);
        Assert.Equal("Nesterov momentum requires a momentum and zero dampening", Assert.Throws<ArgumentException>(() => torch.optim.SGD([a], lr: 0.1, nesterov: true)).Message);
        Assert.Equal("Invalid beta parameter at index 1: 1", Assert.Throws<ArgumentException>(() => torch.optim.Adam([a], beta2: 1.0)).Message);
        Assert.Equal("Invalid epsilon value: -1", Assert.Throws<ArgumentException>(() => torch.optim.AdamW([a], eps: -1)).Message);
        Assert.Equal("Invalid alpha value: -0.1", Assert.Throws<ArgumentException>(() => torch.optim.RMSprop([a], alpha: -0.1)).Message);
        Assert.Equal("Invalid lr_decay value: -1", Assert.Throws<ArgumentException>(() => torch.optim.Adagrad([a], lr_decay: -1)).Message);

        var opt = torch.optim.SGD([a], lr: 0.1);
        Assert.Equal("can't optimize a non-leaf Tensor", Assert.Throws<ArgumentException>(() =>
            opt.add_param_group(new SGD.ParamGroup([MakeNonLeafParameter()]))).Message);
    }

    /// <summary>A Parameter that an in-place op under grad mode turned into a non-leaf.</summary>
    private static Parameter MakeNonLeafParameter()
    {
        var p = new Parameter(torch.ones(2), requires_grad: false);
        p.add_(torch.ones(2, requires_grad: true));
        Assert.False(p.is_leaf);
        return p;
    }

    [Fact]
    public void AdamWDefaultsToPyTorchsWeightDecayAndDecaysTheParameter()
    {
        var a = P(2);
        var opt = torch.optim.AdamW([a], lr: 0.1);
        Assert.Equal(0.01, ((AdamW.Options)opt.defaults).weight_decay);
        a.grad = torch.zeros(1);
        opt.step();
        // Zero gradient: the Adam step is 0 / (0 + eps) = 0, so only the decay 1 - lr * wd acts.
        Assert.Equal(2f * (float)(1 - 0.1 * 0.01), a.data<float>()[0]);
    }

    [Fact]
    public void RmsPropIsAlsoSpelledTorchSharpsWay()
    {
        var a = P(1);
        Assert.IsType<RMSProp>(torch.optim.RMSProp([a], lr: 0.01, centered: true));
        Assert.IsType<RMSProp>(torch.optim.RMSprop([a]));
    }

    [Fact]
    public void NamedParametersAreAccepted()
    {
        var a = P(1);
        var b = P(2);
        var opt = torch.optim.Adam([("w", a), ("b", b)], lr: 0.1);
        Assert.Equal([a, b], opt.parameters());
        Assert.Equal(2, torch.optim.SGD([("w", a), ("b", b)], lr: 0.1).parameters().Count());
    }
}
