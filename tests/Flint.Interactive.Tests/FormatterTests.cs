using System.Text.RegularExpressions;
using Flint;
using Flint.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Xunit;

namespace Flint.Interactive.Tests;

public class FormatterTests
{
    public FormatterTests() => FlintFormatters.Register();

    [Fact]
    public void SmallTensorsShowAsPyTorchPrintsThem()
    {
        torch.manual_seed(0);
        var x = torch.randn(3, 4);
        const string printed = "tensor([[ 1.5410, -0.2934, -2.1788,  0.5684],\n        [-1.0845, -1.3986,  0.4033,  0.8380],\n        [-0.7193, -0.4033, -0.5966,  0.1820]])";
        Assert.Equal(printed, x.ToDisplayString(PlainTextFormatter.MimeType));
        Assert.Equal("<pre>" + printed + "</pre>", x.ToDisplayString(HtmlFormatter.MimeType));
        var y = torch.tensor(4.0f, requires_grad: true) * 2;
        Assert.Equal("<pre>tensor(8., grad_fn=&lt;MulBackward0&gt;)</pre>", y.ToDisplayString(HtmlFormatter.MimeType));
    }

    [Fact]
    public void LargeTensorsShowACompactSummaryOverPyTorchsPrint()
    {
        var t = torch.arange(0, 1010, dtype: torch.float32).reshape(10, 101);
        var html = t.ToDisplayString(HtmlFormatter.MimeType);
        Assert.StartsWith("<details class=\"flint-tensor\"><summary><b>tensor</b> torch.Size([10, 101]) · torch.float32 · cpu · min 0 · mean 504.5 · max 1009</summary><pre>", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(t.ToString()), html);
        Assert.Contains("...", html);   // PyTorch's print summarises more than 1000 elements
        var ints = torch.ones(new long[] { 200 }, dtype: torch.int64);
        Assert.Equal("<details class=\"flint-tensor\"><summary><b>tensor</b> torch.Size([200]) · torch.int64 · cpu</summary><pre>"
            + System.Net.WebUtility.HtmlEncode(ints.ToString()) + "</pre></details>", ints.ToDisplayString(HtmlFormatter.MimeType));
    }

    [Fact]
    public void ModulesShowTheirParameterTable()
    {
        torch.manual_seed(0);
        var model = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1));
        var html = model.ToDisplayString(HtmlFormatter.MimeType);
        Assert.StartsWith("<details class=\"flint-module\" open><summary><b>Sequential</b> · 13 parameters</summary>", html);
        var rows = Regex.Matches(html, "<tr><td><code>([^<]+)</code></td><td>([^<]+)</td><td>([^<]+)</td><td[^>]*>([^<]+)</td></tr>")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[4].Value)).ToArray();
        Assert.Equal(new[]
        {
            ("0.weight", "torch.Size([2, 4])", "8"), ("0.bias", "torch.Size([2])", "2"),
            ("2.weight", "torch.Size([1, 2])", "2"), ("2.bias", "torch.Size([1])", "1"),
        }, rows);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(model.ToString()), html);
        Assert.Equal(model.ToString(), model.ToDisplayString(PlainTextFormatter.MimeType));
    }

    [Fact]
    public void DTypesAndArraysUsePythonsSpelling()
    {
        Assert.Equal("torch.int64", torch.tensor(new[] { 1, 2 }).dtype.ToDisplayString(PlainTextFormatter.MimeType));
        Assert.Equal("torch.uint8", ScalarType.Byte.ToDisplayString(PlainTextFormatter.MimeType));
        np.random.seed(0);
        var a = np.random.randn(2, 2);
        Assert.Equal("<pre>" + System.Net.WebUtility.HtmlEncode(a.ToString()) + "</pre>", a.ToDisplayString(HtmlFormatter.MimeType));
    }

    [Fact]
    public void LossCurveDrawsEverySeriesOnALogScale()
    {
        var curve = new LossCurve().Add("a", [100.0, 10, 1, 0.1]).Add("b", [50.0, 5]);
        var svg = curve.ToDisplayString(HtmlFormatter.MimeType);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        var lines = Regex.Matches(svg, "<polyline[^>]*points=\"([^\"]*)\"").Select(m => m.Groups[1].Value.Split(' ')).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(4, lines[0].Length);
        Assert.Equal(2, lines[1].Length);
        // Log scale: equal ratios, equal steps (100 -> 10 -> 1 -> 0.1 fall by the same height).
        var ys = lines[0].Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(ys[1] - ys[0], ys[2] - ys[1], 0.02);
        Assert.Equal(ys[2] - ys[1], ys[3] - ys[2], 0.02);
        Assert.True(ys[1] > ys[0]);
        Assert.Contains(">1e-1<", svg);
        Assert.Contains(">1e2<", svg);
        Assert.Equal("LossCurve(a: 4 iterations, 100 -> 0.1, b: 2 iterations, 50 -> 5)", curve.ToDisplayString(PlainTextFormatter.MimeType));
        Assert.Throws<ArgumentException>(() => new LossCurve().Add("empty", []));
    }
}
