using System.Text.Json;

namespace Flint.Tests.IO;

/// <summary>Flint reads files written by PyTorch 1.13's torch.save bit for bit (tests/golden/io, tools/golden/gen_io.py).</summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class TorchLoadGoldenTests
{
    [Theory]
    [InlineData("state_dict.pt")]
    [InlineData("dtypes.pt")]
    [InlineData("views.pt")]
    [InlineData("pt2_layout.pt")] // PyTorch 2.x's records and 64-byte alignment
    public void ReadsStateDictsBitExactly(string file)
    {
        var loaded = torch.load(IOGolden.PathOf(file));
        var dict = Assert.IsType<Dictionary<string, Tensor>>(loaded);
        var want = IOGolden.Root.GetProperty(file);
        Assert.Equal(want.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
                     dict.Keys.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var p in want.EnumerateObject())
            IOGolden.AssertMatches(p.Value, dict[p.Name], $"{file}[{p.Name}]");
    }

    [Fact]
    public void KeepsTheFileOrder()
    {
        var dict = torch.load_state_dict(IOGolden.PathOf("state_dict.pt"));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], dict.Keys);
        var dtypes = torch.load_state_dict(IOGolden.PathOf("dtypes.pt"));
        Assert.Equal(["float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8", "uint8", "bool"], dtypes.Keys);
    }

    [Fact]
    public void ViewsOfOneStorageShareIt()
    {
        var d = torch.load_state_dict(IOGolden.PathOf("views.pt"));
        Assert.True(d["shared_a"].is_same_storage(d["shared_b"]));
        Assert.False(d["shared_a"].is_same_storage(d["transposed"]));
        Assert.True(d["transposed"].is_same_storage(d["column"]));
        Assert.False(d["transposed"].is_contiguous());
        // A write through one view shows in the other, as in PyTorch.
        d["shared_b"][0, 3] = 100L;
        Assert.Equal(100L, d["shared_a"][1].item<long>());
        Assert.Equal(0, d["scalar"].dim());
        Assert.Equal(2.5, d["scalar"].item<double>());
    }

    [Fact]
    public void ReadsASingleTensorAndAParameter()
    {
        var t = Assert.IsType<Tensor>(torch.load(IOGolden.PathOf("tensor.pt")));
        IOGolden.AssertMatches(IOGolden.Root.GetProperty("tensor.pt").GetProperty(""), t, "tensor.pt");
        // The same seed in Flint's PyTorch-exact generator gives the same numbers.
        torch.manual_seed(1);
        Assert.Equal(IOGolden.Hex(torch.randn(2, 3)), IOGolden.Hex(t));

        var p = Assert.IsType<Modules.Parameter>(torch.load(IOGolden.PathOf("parameter.pt")));
        Assert.True(p.requires_grad && p.is_leaf);
        IOGolden.AssertMatches(IOGolden.Root.GetProperty("parameter.pt").GetProperty(""), p, "parameter.pt");
    }

    [Fact]
    public void ReadsAnOptimizerStateDict()
    {
        var osd = Assert.IsType<Flint.Modules.StateDictionary>(torch.load(IOGolden.PathOf("sgd_state.pt")));
        var want = IOGolden.Root.GetProperty("sgd_state.pt");

        Assert.Equal([0, 1, 2, 3], osd.State.Keys);
        var buffers = want.GetProperty("momentum_buffers").EnumerateArray().ToArray();
        for (int i = 0; i < 4; i++)
            IOGolden.AssertMatches(buffers[i], Assert.IsType<Tensor>(osd.State[i]["momentum_buffer"]), $"momentum_buffer {i}");

        var group = Assert.Single(osd.ParamGroups);
        var wantGroup = want.GetProperty("param_groups")[0];
        Assert.Equal(wantGroup.EnumerateObject().Select(p => p.Name).Order(), group.Keys.Order());
        foreach (var p in wantGroup.EnumerateObject())
        {
            object? got = group[p.Name];
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Null: Assert.Null(got); break;
                case JsonValueKind.True or JsonValueKind.False: Assert.Equal(p.Value.GetBoolean(), got); break;
                case JsonValueKind.Array: Assert.Equal(p.Value.EnumerateArray().Select(e => e.GetInt32()), Assert.IsType<List<int>>(got)); break;
                default:
                    // Python keeps int and float apart: dampening=0 is an int, lr=0.1 a float.
                    if (p.Value.TryGetInt64(out long l) && !p.Value.GetRawText().Contains('.')) Assert.Equal(l, got);
                    else Assert.Equal(p.Value.GetDouble(), got);
                    break;
            }
        }
    }
}
