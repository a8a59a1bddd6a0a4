namespace Flint.Tests.NN;

/// <summary>
/// The CPU's interior max-pooling path (windows inside the plane: 2×2 stride 2 and the like) against a plain
/// reference loop with PyTorch's rule (first maximum wins, a NaN replaces it, a later NaN replaces that NaN):
/// data with many ties, -inf and NaN, so a changed comparison order or index would show.
/// </summary>
public class MaxPoolInteriorTests
{
    [Theory]
    [InlineData(2, 2, 8, 10)]
    [InlineData(2, 1, 5, 7)]
    [InlineData(3, 3, 9, 9)]
    [InlineData(3, 2, 7, 8)]
    public void MatchesTheReferenceWithTiesInfinitiesAndNaN(int k, int s, int h, int w)
    {
        var rng = new Random(k * 100 + s * 10 + h);
        int planes = 5;
        var data = new float[planes * h * w];
        for (int i = 0; i < data.Length; i++)
            data[i] = rng.Next(12) switch { 0 => float.NaN, 1 => float.NegativeInfinity, var r => r % 4 };
        var x = torch.tensor(data).reshape(1, planes, h, w);

        var (y, idx) = torch.nn.functional.max_pool2d_with_indices(x, k, s);

        int oh = (h - k) / s + 1, ow = (w - k) / s + 1;
        Assert.Equal([1L, planes, oh, ow], y.shape);
        var got = y.data<float>().ToArray();
        var gotIdx = idx.data<long>().ToArray();
        for (int p = 0; p < planes; p++)
            for (int r = 0; r < oh; r++)
                for (int c = 0; c < ow; c++)
                {
                    float best = float.NegativeInfinity;
                    long bi = (long)r * s * w + c * s;
                    for (int dh = 0; dh < k; dh++)
                        for (int dw = 0; dw < k; dw++)
                        {
                            long i = (long)(r * s + dh) * w + c * s + dw;
                            float v = data[p * h * w + i];
                            if (v > best || float.IsNaN(v)) { best = v; bi = i; }
                        }
                    int o = (p * oh + r) * ow + c;
                    Assert.Equal(best, got[o]);
                    Assert.Equal(bi, gotIdx[o]);
                }
    }
}
