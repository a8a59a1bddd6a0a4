using System.Text.Json;

namespace Flint.Tests.Tensors;

/// <summary>torch.fft's real-valued members against PyTorch 1.13 (tests/golden/fft_real.json, tools/golden/gen_fft_real.py).</summary>
public class FftRealTests
{
    private static JsonElement Golden() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "fft_real.json"))).RootElement;

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Theory]
    [InlineData("fftfreq")]
    [InlineData("rfftfreq")]
    public void FrequenciesEqualPyTorch(string name)
    {
        foreach (var c in Golden().GetProperty(name).EnumerateArray())
        {
            long n = c.GetProperty("n").GetInt64();
            double d = c.GetProperty("d").GetDouble();
            var dtype = c.GetProperty("dtype").GetString() == "float32" ? ScalarType.Float32 : ScalarType.Float64;
            var t = name == "fftfreq" ? torch.fft.fftfreq(n, d, dtype) : torch.fft.rfftfreq(n, d, dtype);
            Assert.Equal(dtype, t.dtype);
            Assert.Equal(Doubles(c.GetProperty("values")), t.to(ScalarType.Float64).data<double>());
        }
        Assert.Equal(torch.get_default_dtype(), torch.fft.fftfreq(4).dtype);
        Assert.True(torch.fft.rfftfreq(4, requires_grad: true).requires_grad);
        var e = Assert.Throws<ArgumentException>(() => torch.fft.fftfreq(-1));
        Assert.Equal("Trying to create tensor with negative dimension -1: [-1]", e.Message);
    }

    [Fact]
    public void ShiftsEqualPyTorch()
    {
        foreach (var c in Golden().GetProperty("shift").EnumerateArray())
        {
            var shape = c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            long[]? dim = c.GetProperty("dim").ValueKind == JsonValueKind.Null ? null : c.GetProperty("dim").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            var x = torch.tensor(Doubles(c.GetProperty("input")), ScalarType.Float64).reshape(shape);
            Assert.Equal(Doubles(c.GetProperty("fftshift")), torch.fft.fftshift(x, dim).data<double>());
            Assert.Equal(Doubles(c.GetProperty("ifftshift")), torch.fft.ifftshift(x, dim).data<double>());
            Assert.Equal(x.data<double>(), torch.fft.ifftshift(torch.fft.fftshift(x, dim), dim).data<double>());
        }
        Assert.Equal("`shifts` required", Assert.Throws<ArgumentException>(() => torch.fft.fftshift(torch.tensor(3.0))).Message);
    }
}
