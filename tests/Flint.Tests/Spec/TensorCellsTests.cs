using System.Text.Json;
using Flint.Tests.OpInfo;

namespace Flint.Tests.Spec;

/// <summary>
/// The specification notebook's tensor cells (In [130]–[190]), written in Flint and compared with
/// PyTorch 1.13's output recorded by tools/golden/gen_ops.py in tests/golden/spec_cells.json.
/// (The notebook itself was printed by an older PyTorch, whose repr padded differently.)
/// </summary>
public class TensorCellsTests
{
    private static readonly Lazy<JsonElement> Cells = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "spec_cells.json"))).RootElement);

    private static string Cell(string name) => Cells.Value.GetProperty(name).GetString()!;

    private static Tensor Ts1() => torch.tensor(new float[,] { { -0.4191f, 0.7407f, -0.1794f, -0.2367f }, { 0.3248f, -0.2662f, -0.2573f, -0.0398f } });

    private static Tensor X() => torch.tensor(new float[,] { { 1.3065f, -0.6920f, -2.0258f, 0.2677f }, { -0.4559f, -0.4160f, -0.3827f, 0.3101f }, { -1.2335f, -1.3084f, 0.9000f, 1.0761f } });

    [Fact]
    public void Ts1PrintsAndHasSize()
    {
        var ts1 = Ts1();
        Assert.Equal(Cell("ts1"), ts1.ToString());
        Assert.Equal(Cell("ts1.size()"), ts1.size().ToString());
        Assert.Equal(new Size([2, 4]), ts1.size());
    }

    [Fact]
    public void MmWithTransposedTs1MatchesPyTorch()
    {
        var a1 = torch.mm(X(), Ts1().transpose(1, 0));
        Assert.Equal(Cell("a1"), a1.ToString());
        var expected = Cells.Value.GetProperty("a1.data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var actual = a1.data<float>();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i], actual[i], 1e-6);
    }

    [Fact]
    public void TransposeMinusOneZeroOnA1DTensorIsTheSameTensor()
    {
        var ts2 = torch.tensor(new[] { 0.5273, 0.4526 });
        Assert.Equal(Cell("ts2"), ts2.ToString());
        Assert.Equal(Cell("ts2.size()"), ts2.size().ToString());
        var t = ts2.transpose(-1, 0);
        Assert.Equal(Cell("ts2.transpose(-1,0)"), t.ToString());
        Assert.Equal(Cell("ts2.size()"), ts2.size().ToString());
        Assert.True(t.is_same_storage(ts2));
        // Dim 1 does not exist on a 1-D tensor: PyTorch's own range message.
        var ex = Assert.Throws<IndexOutOfRangeException>(() => ts2.transpose(1, 0));
        Assert.Contains("Dimension out of range (expected to be in range of [-1, 0], but got 1)", ex.Message);
    }

    [Fact]
    public void MmWithA1DTensorThrowsAClearError()
    {
        var a1 = torch.mm(X(), Ts1().transpose(1, 0));
        var ts2 = torch.tensor(new[] { 0.5273, 0.4526 });
        var ex = Assert.Throws<ArgumentException>(() => torch.mm(a1, ts2));
        Assert.Contains(Cell("torch.mm(a1, ts2)"), ex.Message); // "mat2 must be a matrix"
        Assert.Throws<ArgumentException>(() => torch.mm(ts2, a1));
    }

    [Fact]
    public void BackwardCellPrintsLikePyTorch()
    {
        var x = torch.tensor(new[,] { { 1.0, -1.0 }, { 1.0, 1.0 } }, requires_grad: true);
        var @out = x.pow(2).sum();
        @out.backward();
        Assert.Equal(Cell("x"), x.ToString());
        Assert.Equal(Cell("x.size()"), x.size().ToString());
        Assert.Equal(Cell("out"), @out.ToString());
        Assert.Equal(Cell("x.grad"), x.grad!.ToString());
        var a = x.grad!.transpose(0, 1);
        Assert.Equal(Cell("a"), a.ToString());
        Assert.Equal(Cell("torch.mm(x, a)"), torch.mm(x, a).ToString());
    }

    [Fact]
    public void NewTensorKeepsInt8AndTensorOfIntsIsInt64()
    {
        var tensor = torch.ones([2, 3], dtype: torch.int8);
        var data = new[,] { { 0, 1 }, { 2, 3 } };
        var n = tensor.new_tensor(data);
        Assert.Equal(torch.int8, n.dtype);
        Assert.Equal(Cell("tensor.new_tensor(data)"), n.ToString());
        Assert.Equal(torch.int64, torch.tensor(data).dtype);
        Assert.Equal(Cell("torch.tensor(data).dtype"), TensorFormatter.DTypeName(torch.tensor(data).dtype));
        Assert.Equal(Cell("tensor"), tensor.ToString());
        Assert.Equal(Cell("tensor.size()"), tensor.size().ToString());
    }

    [Fact]
    public void SpecCellsFileIsComplete() => Assert.True(Cells.Value.EnumerateObject().Count() >= 18);

    // Keeps the generic assertion helpers reachable from the spec tests (one comparison path).
    [Fact]
    public void A1AgreesWithGoldenMatmulPath() =>
        GoldenAssert.Tensors(torch.mm(X(), Ts1().t()), X().matmul(Ts1().T), OpInfo.Tolerance.Exact, "mm vs matmul");
}
