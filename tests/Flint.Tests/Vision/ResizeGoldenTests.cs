using System.Text.Json;

namespace Flint.Tests.Vision;

/// <summary>transforms.Resize against torchvision 0.14 on tensors (tools/golden/gen_vision.py).</summary>
public class ResizeGoldenTests
{
    public static TheoryData<string> Cases() => ["u8_smaller_edge_3", "u8_8x9", "f_up_9", "f_2x3"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTorchvision(string name)
    {
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "vision.json")));
        var c = doc.RootElement.GetProperty("resize").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var shape = c.GetProperty("input_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        bool u8 = c.GetProperty("dtype").GetString() == "torch.uint8";
        var values = c.GetProperty("input").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var input = u8 ? torch.tensor(values.Select(v => (byte)v).ToArray(), shape) : torch.tensor(values.Select(v => (float)v).ToArray(), shape);
        var size = c.GetProperty("size");
        var transform = size.ValueKind == JsonValueKind.Number
            ? torchvision.transforms.Resize(size.GetInt64())
            : torchvision.transforms.Resize(size[0].GetInt64(), size[1].GetInt64());
        var output = transform.call(input);
        Assert.Equal(c.GetProperty("output_shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(), output.shape);
        Assert.Equal(input.dtype, output.dtype);
        var expected = c.GetProperty("output").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var actual = output.to(ScalarType.Float64).data<double>().ToArray();
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= (u8 ? 0 : 1e-6), $"{name}[{i}]: torchvision {expected[i]}, Flint {actual[i]}");
    }
}
