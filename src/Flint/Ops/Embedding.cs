namespace Flint.Ops;

/// <summary>
/// The embedding lookup: rows of a weight matrix picked by integer indices, and its backward, which
/// adds each output row's gradient into the row it came from (none for <c>padding_idx</c>; divided by
/// the index's count in the batch with <c>scale_grad_by_freq</c>). Also <c>embedding_renorm_</c> for max_norm.
/// </summary>
internal static partial class EmbeddingOps
{
    public static Tensor Lookup(Tensor weight, Tensor indices, long paddingIdx, bool scaleGradByFreq)
    {
        if (indices.dtype != ScalarType.Int64 && indices.dtype != ScalarType.Int32)
            throw new ArgumentException($"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got {TensorTypeName(indices)} instead (while checking arguments for embedding)");
        if (weight.Shape.Length != 2) throw new ArgumentException("'weight' must be 2-D");
        if (indices.device != weight.device)
            throw new ArgumentException($"Expected all tensors to be on the same device, but found at least two devices, {weight.device} and {indices.device}!");
        long num = weight.Shape[0], dimSize = weight.Shape[1];
        var flat = indices.reshape(-1).to(ScalarType.Int64);
        Tensor r;
        using (torch.no_grad()) r = weight.detach().index_select(0, flat).reshape([.. indices.Shape, dimSize]);
        return Recorder.Record(r, "EmbeddingBackward0", [weight], [flat], (g, s) =>
        {
            var idx = s[0];
            var rows = g.reshape(-1, dimSize);
            if (paddingIdx >= 0) rows = rows.masked_fill(idx.eq(paddingIdx).unsqueeze(1), 0);
            if (scaleGradByFreq)
            {
                var counts = torch.zeros([num], rows.dtype, rows.device);
                counts.IndexPutRaw([TensorIndex.Tensor(idx)], torch.ones([idx.numel()], rows.dtype, rows.device), accumulate: true);
                rows = rows / counts.index_select(0, idx).unsqueeze(1);
            }
            var gw = torch.zeros([num, dimSize], g.dtype, g.device);
            gw.IndexPutRaw([TensorIndex.Tensor(idx)], rows, accumulate: true);
            return [gw];
        });
    }

    /// <summary>PyTorch's legacy tensor type name in its errors: torch.FloatTensor, torch.cuda.LongTensor, ...</summary>
    internal static string TensorTypeName(Tensor t)
    {
        var kind = t.dtype switch
        {
            ScalarType.Float32 => "Float", ScalarType.Float64 => "Double", ScalarType.Float16 => "Half", ScalarType.BFloat16 => "BFloat16",
            ScalarType.Int64 => "Long", ScalarType.Int32 => "Int", ScalarType.Int16 => "Short", ScalarType.Int8 => "Char",
            ScalarType.Byte => "Byte", _ => "Bool",
        };
        return (t.device.type == DeviceType.CPU ? "torch." : "torch.cuda.") + kind + "Tensor";
    }

    /// <summary>PyTorch's embedding_renorm_: rows named by <paramref name="indices"/> whose p-norm exceeds max_norm are scaled to max_norm / (norm + 1e-7), in place.</summary>
    public static void Renorm(Tensor weight, Tensor indices, double maxNorm, double normType)
    {
        using (torch.no_grad())
        {
            var rows = indices.reshape(-1).to(ScalarType.Int64).cpu().data<long>().Distinct().Order().ToArray();
            foreach (var i in rows)
            {
                var row = weight[i];
                double norm = row.norm(normType).to(ScalarType.Float64).item<double>();
                if (norm > maxNorm) row.mul_(maxNorm / (norm + 1e-7));
            }
        }
    }
}
