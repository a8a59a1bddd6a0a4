namespace Flint.Tests.Api;

/// <summary><c>torch.get_rng_state</c>/<c>set_rng_state</c>/<c>initial_seed</c>/<c>seed</c> and their <c>torch.random</c> spellings.</summary>
[Collection(GlobalRandomCollection.Name)]
public class RngStateTests
{
    [Fact]
    public void StateRoundTripsAndReplaysDraws()
    {
        torch.manual_seed(1234);
        Assert.Equal(1234L, torch.initial_seed());
        Assert.Equal(1234L, torch.random.initial_seed());
        var state = torch.get_rng_state();
        Assert.Equal(ScalarType.Byte, state.dtype);
        Assert.Equal([5056L], state.shape);
        Assert.Equal(BitConverter.GetBytes(1234UL), state.data<byte>()[..8]);
        var first = torch.rand(5).data<float>();
        var normal = torch.randn(3).data<float>();
        torch.manual_seed(99);
        torch.set_rng_state(state);
        Assert.Equal(first, torch.rand(5).data<float>());
        Assert.Equal(normal, torch.randn(3).data<float>());
        torch.random.set_rng_state(torch.random.get_rng_state());
        var e = Assert.Throws<ArgumentException>(() => torch.set_rng_state(state.to(ScalarType.Int64)));
        Assert.StartsWith("RNG state must be a torch.ByteTensor", e.Message);
    }

    [Fact]
    public void SeedReseedsWithTheNumberItReturns()
    {
        long s = torch.seed();
        Assert.Equal(s, torch.initial_seed());
        var a = torch.rand(4).data<float>();
        torch.manual_seed(s);
        Assert.Equal(a, torch.rand(4).data<float>());
        Assert.NotEqual(s, torch.random.seed());
    }
}
