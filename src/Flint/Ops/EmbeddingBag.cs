namespace Flint.Ops;

// embedding_bag: the lookup of Ops/Embedding.cs followed by a per-bag reduction.
internal static partial class EmbeddingOps
{
    /// <summary>
    /// Looks up every index (one EmbeddingBackward0 node), then reduces each bag: sum and mean as a [bags, n]
    /// membership (or weight) matrix times the rows, max per bag, so the gradients flow through existing ops.
    /// </summary>
    public static Tensor Bag(Tensor input, Tensor weight, Tensor? offsets, bool scaleGradByFreq, string mode, Tensor? perSampleWeights, bool includeLastOffset, long paddingIdx)
    {
        if (mode is not ("sum" or "mean" or "max")) throw new ArgumentException("mode has to be one of sum, mean or max");
        if (perSampleWeights is not null && mode != "sum")
            throw new ArgumentException($"embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='{mode}'). Please open a feature request on GitHub.");
        long[] flat;
        long[] starts;
        if (input.dim() == 2)
        {
            if (offsets is not null) throw new ArgumentException("if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences.");
            long b = input.size(0), l = input.size(1);
            flat = input.reshape(-1).to(ScalarType.Int64).cpu().data<long>();
            starts = Enumerable.Range(0, (int)b).Select(i => i * l).ToArray();
        }
        else if (input.dim() == 1)
        {
            if (offsets is null) throw new ArgumentException("offsets has to be a 1D Tensor but got None");
            if (offsets.dim() != 1) throw new ArgumentException("offsets has to be a 1D Tensor");
            flat = input.to(ScalarType.Int64).cpu().data<long>();
            starts = offsets.to(ScalarType.Int64).cpu().data<long>();
            if (includeLastOffset) starts = starts[..^1];
        }
        else throw new ArgumentException($"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}");
        int bags = starts.Length, n = flat.Length;
        long dim = weight.size(1);
        var rows = Lookup(weight, input.reshape(-1), paddingIdx, scaleGradByFreq);
        var ends = new long[bags];
        for (int i = 0; i < bags; i++) ends[i] = i + 1 < bags ? starts[i + 1] : (includeLastOffset && offsets is not null ? offsets.to(ScalarType.Int64).cpu().data<long>()[^1] : n);
        if (mode == "max")
        {
            var parts = new List<Tensor>();
            for (int i = 0; i < bags; i++)
            {
                var members = Enumerable.Range((int)starts[i], (int)(ends[i] - starts[i])).Where(j => flat[j] != paddingIdx).Select(j => (long)j).ToArray();
                parts.Add(members.Length == 0 ? torch.zeros([dim], weight.dtype, weight.device)
                    : rows.index_select(0, torch.tensor(members).to(weight.device)).amax(0));
            }
            return torch.stack(parts);
        }
        var membership = new double[bags * (long)n];
        for (int i = 0; i < bags; i++)
        {
            int count = 0;
            for (long j = starts[i]; j < ends[i]; j++) if (flat[j] != paddingIdx) count++;
            for (long j = starts[i]; j < ends[i]; j++)
                if (flat[j] != paddingIdx) membership[i * (long)n + j] = mode == "mean" ? 1.0 / count : 1.0;
        }
        var matrix = torch.tensor(membership, [bags, n], ScalarType.Float64).to(weight.dtype).to(weight.device);
        if (perSampleWeights is not null) matrix = matrix * perSampleWeights.reshape(1, n);
        return matrix.mm(rows);
    }
}
