namespace Flint.Ops;

/// <summary>
/// What layer and group normalisation share: half types compute in float32, the affine step, and the one recorded
/// node whose backward gets the float32 input, weight, saved mean and 1/σ (grads are cast back to the inputs' dtypes
/// by the engine).
/// </summary>
internal static class NormStatistics
{
    /// <summary>A normalisation's backward: (output gradient, input, weight or null, mean, 1/σ) → (dx, dweight, dbias).</summary>
    internal delegate (Tensor gx, Tensor? gw, Tensor? gb) Backward(Tensor g, Tensor x, Tensor? w, Tensor mean, Tensor rstd);

    /// <summary>The dtype statistics are computed in: float32 for float16/bfloat16, the tensor's own otherwise.</summary>
    public static Tensor Compute(Tensor t) => t.dtype is ScalarType.Float16 or ScalarType.BFloat16 ? t.to(ScalarType.Float32) : t;

    /// <summary>xhat · weight + bias (weight and bias already shaped to broadcast), rounded once to <paramref name="outType"/>.</summary>
    public static Tensor Affine(Tensor xhat, Tensor? weight, Tensor? bias, ScalarType outType)
    {
        var y = xhat;
        if (weight is not null) y = y * Compute(weight);
        if (bias is not null) y = y + Compute(bias);
        return y.dtype == outType ? y : y.to(outType);
    }

    /// <summary>Records <paramref name="y"/> as one node over (input, weight, bias) that saves the input, mean and 1/σ.</summary>
    public static Tensor Record(Tensor y, string name, Tensor input, Tensor? weight, Tensor? bias, Tensor mean, Tensor rstd, Backward backward)
    {
        bool hasWeight = weight is not null, hasBias = bias is not null;
        var inputs = new List<Tensor> { input };
        if (hasWeight) inputs.Add(weight!);
        if (hasBias) inputs.Add(bias!);
        Tensor[] saved = hasWeight ? [input, mean, rstd, weight!] : [input, mean, rstd];
        return Recorder.Record(y, name, inputs.ToArray(), saved, (g, s) =>
        {
            var (gx, gw, gb) = backward(Compute(g), Compute(s[0]), hasWeight ? Compute(s[3]) : null, s[1], s[2]);
            var grads = new List<Tensor?> { gx };
            if (hasWeight) grads.Add(gw);
            if (hasBias) grads.Add(gb);
            return grads.ToArray();
        });
    }
}
