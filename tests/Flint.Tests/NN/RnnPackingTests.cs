using System.Text.Json;
using static Flint.torch.nn.utils.rnn;

namespace Flint.Tests.NN;

/// <summary>pad_sequence, pack_padded_sequence, pad_packed_sequence and the recurrent layers on packed input, against PyTorch 1.13.</summary>
public class RnnPackingTests
{
    private static JsonElement P => RnnGolden.Root.GetProperty("packing");

    private static Tensor[] Sequences() => P.GetProperty("sequences").EnumerateArray().Select(NNGolden.Tensor).ToArray();

    [Fact]
    public void PadSequenceMatchesPyTorch()
    {
        NNGolden.AssertExact(P.GetProperty("pad_false"), pad_sequence(Sequences()), "seq first");
        NNGolden.AssertExact(P.GetProperty("pad_true_value"), pad_sequence(Sequences(), batch_first: true, padding_value: -1.5), "batch first");
    }

    [Fact]
    public void PackPaddedSequenceUnsortedMatchesPyTorch()
    {
        var packed = pack_padded_sequence(pad_sequence(Sequences(), batch_first: true), torch.tensor(new long[] { 3, 5, 1 }), batch_first: true, enforce_sorted: false);
        var e = P.GetProperty("packed_unsorted");
        NNGolden.AssertExact(e.GetProperty("data"), packed.data, "data");
        NNGolden.AssertExact(e.GetProperty("batch_sizes"), packed.batch_sizes, "batch_sizes");
        NNGolden.AssertExact(e.GetProperty("sorted_indices"), packed.sorted_indices!, "sorted_indices");
        NNGolden.AssertExact(e.GetProperty("unsorted_indices"), packed.unsorted_indices!, "unsorted_indices");

        var (padded, lengths) = pad_packed_sequence(packed, batch_first: true, padding_value: 9.0, total_length: 7);
        NNGolden.AssertExact(P.GetProperty("unpacked_total7"), padded, "unpacked");
        NNGolden.AssertExact(P.GetProperty("unpacked_lengths"), lengths, "lengths");
        NNGolden.AssertExact(P.GetProperty("unpacked_seq_first"), pad_packed_sequence(packed).Item1, "unpacked seq first");
    }

    [Fact]
    public void PackSortedAndPackSequenceMatchPyTorch()
    {
        var s = Sequences();
        var packed = pack_padded_sequence(pad_sequence([s[1], s[0], s[2]]), torch.tensor(new long[] { 5, 3, 1 }));
        NNGolden.AssertExact(P.GetProperty("packed_sorted").GetProperty("data"), packed.data, "data");
        NNGolden.AssertExact(P.GetProperty("packed_sorted").GetProperty("batch_sizes"), packed.batch_sizes, "batch_sizes");
        Assert.Null(packed.sorted_indices);
        Assert.Equal(P.GetProperty("repr_sorted").GetString(), packed.ToString());
        NNGolden.AssertExact(P.GetProperty("packed_sorted").GetProperty("data"), pack_sequence([s[1], s[0], s[2]]).data, "pack_sequence");
    }

    [Fact]
    public void PackingErrorsUsePyTorchsWords()
    {
        var padded = pad_sequence(Sequences(), batch_first: true);
        Assert.Equal(P.GetProperty("unsorted_error").GetString(),
            Assert.Throws<ArgumentException>(() => pack_padded_sequence(padded, torch.tensor(new long[] { 3, 5, 1 }), batch_first: true)).Message);
        var packed = pack_padded_sequence(padded, torch.tensor(new long[] { 3, 5, 1 }), batch_first: true, enforce_sorted: false);
        Assert.Equal(P.GetProperty("total_length_error").GetString(), Assert.Throws<ArgumentException>(() => pad_packed_sequence(packed, total_length: 3)).Message);
    }

    [Fact]
    public void PackingIsDifferentiable()
    {
        var x = torch.randn([4, 2, 3], ScalarType.Float64).requires_grad_(true);
        Assert.True(torch.autograd.gradcheck(xs =>
        {
            var packed = pack_padded_sequence(xs[0], new long[] { 2, 4 }, enforce_sorted: false);
            return pad_packed_sequence(packed, padding_value: 0.5, total_length: 5).Item1;
        }, [x]));
    }

    public static IEnumerable<object[]> PackedModuleCases =>
        RnnGolden.Root.GetProperty("packed_modules").EnumerateArray().Select((_, i) => new object[] { i });

    [Theory]
    [MemberData(nameof(PackedModuleCases))]
    public void LayerOnPackedInputMatchesPyTorch(int index)
    {
        var c = RnnGolden.Root.GetProperty("packed_modules")[index];
        var module = RnnGolden.Build(c.GetProperty("kind").GetString()!, c.GetProperty("kwargs"));
        module.load_state_dict(RnnGolden.StateDict(c.GetProperty("state_dict")));
        module.eval();
        var x = NNGolden.Tensor(c.GetProperty("input")).requires_grad_(true);
        var lengths = c.GetProperty("lengths").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first: true, enforce_sorted: false);
        var states = RnnGolden.States(c.GetProperty("h0"))!;
        PackedSequence output;
        Tensor[] finals;
        switch (module)
        {
            case Flint.Modules.LSTM lstm:
                var (o, h, cn) = lstm.call(packed, (states[0], states[1]));
                (output, finals) = (o, [h, cn]);
                break;
            case Flint.Modules.GRU gru:
                var (og, hg) = gru.call(packed, states[0]);
                (output, finals) = (og, [hg]);
                break;
            default:
                var (or, hr) = ((Flint.Modules.RNN)module).call(packed, states[0]);
                (output, finals) = (or, [hr]);
                break;
        }
        NNGolden.AssertClose(c.GetProperty("packed_output_data"), output.data, 1e-4, 2e-5, "packed output");
        var padded = pad_packed_sequence(output, batch_first: true).Item1;
        NNGolden.AssertClose(c.GetProperty("padded_output"), padded, 1e-4, 2e-5, "padded output");
        var loss = padded.mul(NNGolden.Tensor(c.GetProperty("w_out"))).sum();
        var expectedFinals = c.GetProperty("finals").EnumerateArray().ToArray();
        var weights = c.GetProperty("w_finals").EnumerateArray().ToArray();
        for (int i = 0; i < finals.Length; i++)
        {
            NNGolden.AssertClose(expectedFinals[i], finals[i], 1e-4, 2e-5, $"final {i}");
            loss = loss.add(finals[i].mul(NNGolden.Tensor(weights[i])).sum());
        }
        loss.backward();
        NNGolden.AssertClose(c.GetProperty("grad_input"), x.grad!, 1e-4, 2e-5, "grad input");
        var expectedGrads = c.GetProperty("grad_h0").EnumerateArray().ToArray();
        for (int i = 0; i < states.Length; i++) NNGolden.AssertClose(expectedGrads[i], states[i].grad!, 1e-4, 2e-5, $"grad state {i}");
        var parameters = module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var g in c.GetProperty("grad_params").EnumerateObject())
            NNGolden.AssertClose(g.Value, parameters[g.Name].grad!, 1e-4, 2e-5, $"grad {g.Name}");
    }

    [Fact]
    public void ReadmeExampleAndPackedEqualsEachSequenceAlone()
    {
        var lstm = torch.nn.LSTM(10, 20, numLayers: 2, batchFirst: true, bidirectional: true);
        var (output, h_n, c_n) = lstm.call(torch.randn(3, 5, 10));
        Assert.Equal([3L, 5, 40], output.shape);
        Assert.Equal([4L, 3, 20], h_n.shape);
        Assert.Equal([4L, 3, 20], c_n.shape);

        Tensor[] sequences = [torch.randn(2, 10), torch.randn(4, 10)];
        var padded = pad_sequence(sequences, batch_first: true);
        var packed = pack_padded_sequence(padded, torch.tensor(new long[] { 2, 4 }), batch_first: true, enforce_sorted: false);
        var (packedOut, h, c) = lstm.call(packed);
        Assert.Equal([6L, 40], packedOut.data.shape);
        var (unpacked, lengths) = pad_packed_sequence(packedOut, batch_first: true);
        Assert.Equal([2L, 4], lengths.data<long>());
        for (int b = 0; b < 2; b++)
        {
            // Unbatched, each sequence alone: the packed batch must give the same outputs and final states.
            var (alone, hAlone, cAlone) = lstm.call(sequences[b]);
            Assert.True(unpacked[b].narrow(0, 0, sequences[b].size(0)).allclose(alone, rtol: 1e-5, atol: 1e-6), $"output {b}");
            Assert.True(h.select(1, b).allclose(hAlone, rtol: 1e-5, atol: 1e-6), $"h {b}");
            Assert.True(c.select(1, b).allclose(cAlone, rtol: 1e-5, atol: 1e-6), $"c {b}");
        }
    }
}
