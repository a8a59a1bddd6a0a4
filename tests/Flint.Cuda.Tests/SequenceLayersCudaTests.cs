using Flint.Modules;
using static Flint.Cuda.Tests.ModuleOnCuda;
using static Flint.torch;
using static Flint.torch.nn.utils.rnn;

namespace Flint.Cuda.Tests;

/// <summary>
/// The sequence layers of issue 16 on cuda:0 at tiny sizes: transformer layers, multi-head attention with masks,
/// the recurrent layers (bidirectional, packed), embeddings and the normalisations. Each runs forward and backward on
/// the CPU, moves to cuda:0 with the same weights and must give the same outputs and gradients (the CPU suite checks
/// the CPU against PyTorch).
/// </summary>
public class SequenceLayersCudaTests
{
    private static Tensor Bool(long[] shape, params bool[] values) => tensor(values).reshape(shape);

    [Theory]
    [InlineData(false, "relu", false)]
    [InlineData(true, "gelu", false)]
    [InlineData(false, "gelu", true)]
    public void TransformerEncoderLayer(bool normFirst, string activation, bool batchFirst)
    {
        var layer = nn.TransformerEncoderLayer(4, 2, 6, dropout: 0.0, activation: activation, batch_first: batchFirst, norm_first: normFirst);
        // (S=3, N=2, E=4), or (N, S, E) with batch_first; the causal mask and one padded key in the second sequence.
        var src = R(1, batchFirst ? [2, 3, 4] : [3, 2, 4]);
        var mask = Transformer.generate_square_subsequent_mask(3);
        var padding = Bool([2, 3], false, false, false, false, false, true);
        Same(layer, [src, mask, padding], (m, x) => [m.call(x[0], x[1], x[2])]);
    }

    [Fact]
    public void TransformerEncoderStackWithFinalNorm()
    {
        var encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 6, dropout: 0.0), 2, nn.LayerNorm(4));
        Same(encoder, [R(2, 3, 2, 4), Bool([2, 3], false, true, false, false, false, false)], (m, x) => [m.call(x[0], null, x[1])]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TransformerDecoderLayer(bool normFirst)
    {
        var layer = nn.TransformerDecoderLayer(4, 2, 6, dropout: 0.0, norm_first: normFirst);
        var tgt = R(3, 3, 2, 4);
        var memory = R(4, 2, 2, 4);
        var tgtMask = Transformer.generate_square_subsequent_mask(3);
        var memoryPadding = Bool([2, 2], false, false, false, true);
        Same(layer, [tgt, memory, tgtMask, memoryPadding], (m, x) => [m.call(x[0], x[1], x[2], memory_key_padding_mask: x[3])]);
    }

    [Fact]
    public void TransformerEncoderDecoder()
    {
        var model = nn.Transformer(d_model: 4, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 6, dropout: 0.0, batch_first: true);
        var src = R(5, 2, 3, 4);
        var tgt = R(6, 2, 2, 4);
        var srcPadding = Bool([2, 3], false, false, true, false, false, false);
        Same(model, [src, tgt, Transformer.generate_square_subsequent_mask(2), srcPadding],
            (m, x) => [m.call(x[0], x[1], null, tgt_mask: x[2], src_key_padding_mask: x[3], memory_key_padding_mask: x[3])]);
    }

    [Fact]
    public void MultiheadAttentionBoolMaskZeroAttnPerHeadWeights()
    {
        var mha = nn.MultiheadAttention(4, 2, add_zero_attn: true, batch_first: true);
        var x = R(7, 2, 3, 4);
        // A 3-D bool mask, one (L, S) slice per batch element and head (true: may not attend).
        var mask = R(8, 4, 3, 3).gt(0.8).logical_and(eye(3).logical_not().expand(4, 3, 3));
        var padding = Bool([2, 3], false, true, false, false, false, false);
        Same(mha, [x, mask, padding], (m, t) =>
        {
            var (y, w) = m.call(t[0], t[0], t[0], t[2], need_weights: true, attn_mask: t[1], average_attn_weights: false);
            return [y, w!];
        });
    }

    [Fact]
    public void MultiheadAttentionSeparateKeyValueWidths()
    {
        var mha = nn.MultiheadAttention(4, 2, kdim: 3, vdim: 5, add_bias_kv: true);
        var (q, k, v) = (R(9, 2, 2, 4), R(10, 3, 2, 3), R(11, 3, 2, 5));
        var mask = R(12, 2, 3);   // float, added: (L, S); MultiheadAttention pads it for bias_k
        Same(mha, [q, k, v, mask], (m, t) =>
        {
            var (y, w) = m.call(t[0], t[1], t[2], attn_mask: t[3]);
            return [y, w!];
        });
    }

    [Fact]
    public void GruBidirectionalPackedWithInitialState() =>
        Same(nn.GRU(2, 3, numLayers: 2, bidirectional: true), [R(13, 3, 3, 2), R(14, 4, 3, 3)], (m, x) =>
        {
            var (o, h) = m.call(pack_padded_sequence(x[0], new long[] { 2, 3, 1 }, enforce_sorted: false), x[1]);
            return [pad_packed_sequence(o).Item1, h];
        });

    [Fact]
    public void RnnTanhBidirectionalPacked() =>
        Same(nn.RNN(2, 3, bidirectional: true, batchFirst: true), [R(15, 3, 3, 2)], (m, x) =>
        {
            var (o, h) = m.call(pack_padded_sequence(x[0], new long[] { 3, 1, 2 }, batch_first: true, enforce_sorted: false));
            return [pad_packed_sequence(o, batch_first: true).Item1, h];
        });

    [Fact]
    public void LstmBidirectionalPackedTwoLayers() =>
        Same(nn.LSTM(2, 3, numLayers: 2, bidirectional: true), [R(16, 3, 3, 2), R(17, 4, 3, 3), R(18, 4, 3, 3)], (m, x) =>
        {
            var (o, h, c) = m.call(pack_padded_sequence(x[0], new long[] { 1, 3, 2 }, enforce_sorted: false), (x[1], x[2]));
            return [pad_packed_sequence(o).Item1, h, c];
        });

    [Fact]
    public void LstmUnbatched() =>
        Same(nn.LSTM(3, 2), [R(19, 4, 3)], (m, x) => m.call(x[0]) is var (o, h, c) ? [o, h, c] : []);

    [Fact]
    public void EmbeddingWithPaddingAndScaledGradients()
    {
        var emb = nn.Embedding(6, 3, padding_idx: 1, scale_grad_by_freq: true);
        var idx = tensor(new long[] { 0, 1, 4, 4, 5, 0, 4, 2 }).reshape(2, 4);
        Same(emb, [idx], (m, x) => [m.call(x[0])]);
        Assert.Equal(0f, emb.weight.grad!.cpu()[1].abs().sum().item<float>());
    }

    [Fact]
    public void EmbeddingMaxNormRenormalisesTheTableOnTheDevice()
    {
        var table = R(20, 5, 3);
        var idx = tensor(new long[] { 0, 3, 3, 4 });
        var cpu = nn.Embedding_from_pretrained(table.clone(), freeze: false, max_norm: 1.0);
        var cuda = nn.Embedding_from_pretrained(table.clone(), freeze: false, max_norm: 1.0).to(CudaDevice.Device);
        Check.Float32(cpu.call(idx).detach(), cuda.call(idx.to(CudaDevice.Device)).detach(), "looked-up rows");
        Check.Float32(cpu.weight.detach(), cuda.weight.detach(), "renormalised table");
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("mean")]
    [InlineData("max")]
    public void EmbeddingBagWithOffsets(string mode)
    {
        var bag = nn.EmbeddingBag(7, 3, mode: mode, padding_idx: 2);
        var idx = tensor(new long[] { 0, 2, 5, 6, 1, 1, 3 });
        var offsets = tensor(new long[] { 0, 2, 2, 5 });
        Same(bag, [idx, offsets], (m, x) => [m.call(x[0], x[1])]);
    }

    [Fact]
    public void EmbeddingBagPerSampleWeights()
    {
        var bag = nn.EmbeddingBag(7, 3, mode: "sum");
        Same(bag, [tensor(new long[] { 0, 2, 5, 6 }), tensor(new long[] { 0, 1 }), tensor(new[] { 0.5f, 2f, -1f, 1.5f })],
            (m, x) => [m.forward(x[0], x[1], x[2])]);
    }

    [Fact]
    public void LayerNormOverTwoTrailingDims()
    {
        var ln = nn.LayerNorm([3, 4]);
        using (no_grad())
        {
            ln.weight!.copy_(R(21, 3, 4));
            ln.bias!.copy_(R(22, 3, 4));
        }
        Same(ln, [R(23, 2, 3, 4)], (m, x) => [m.call(x[0])]);
    }

    [Fact]
    public void GroupNormOnImages()
    {
        var gn = nn.GroupNorm(2, 4);
        using (no_grad())
        {
            gn.weight!.copy_(R(24, 4));
            gn.bias!.copy_(R(25, 4));
        }
        Same(gn, [R(26, 2, 4, 2, 3)], (m, x) => [m.call(x[0])]);
    }

    [Fact]
    public void RmsNorm()
    {
        var rms = nn.RMSNorm(4, eps: 1e-3);
        using (no_grad()) rms.weight!.copy_(R(27, 4));
        Same(rms, [R(28, 2, 3, 4)], (m, x) => [m.call(x[0])]);
    }
}
