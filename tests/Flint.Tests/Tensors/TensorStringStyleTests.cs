using System.Globalization;

namespace Flint.Tests.Tensors;

/// <summary>
/// TorchSharp's string styles (<see cref="TensorStringStyle"/>). TorchSharp cannot run in these tests: the expected
/// strings follow TorchSharp 0.107's source (<c>Tensor.ToMetadataString</c>, <c>ToJuliaString</c>,
/// <c>ToNumpyString</c>, <c>ToCSharpString</c> in src/TorchSharp/Tensor/Tensor.cs, and
/// <c>TensorExtensionMethods.cs</c>), traced by hand for each tensor.
/// </summary>
[Collection(PrintOptionsCollection.Name)]
public sealed class TensorStringStyleTests : PrintOptionsTestBase
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static Tensor Mat() => torch.tensor(new float[,] { { 1f, -2.5f }, { 3.25f, 4f } });

    [Fact]
    public void Metadata()
    {
        Assert.Equal("[2x3], type = Float32, device = cpu", torch.zeros(2, 3).metastr());
        Assert.Equal("[], type = Float64, device = cpu", torch.tensor(1.5, ScalarType.Float64).metastr());
        Assert.Equal("[3], type = Int64, device = cpu", torch.arange(3).ToString(TensorStringStyle.Metadata));
        Assert.Equal("[3], type = Int64, device = cpu", torch.arange(3).ToString(false));
    }

    [Fact]
    public void Julia()
    {
        Assert.Equal("[2x2], type = Float32, device = cpu\n    1 -2.5\n 3.25    4\n", Mat().jlstr(newLine: "\n", cultureInfo: Inv));
        Assert.Equal("[3], type = Int64, device = cpu\n 0 1 2\n", torch.arange(3).jlstr(newLine: "\n"));
        // Width 20 leaves room for 8 one-digit elements and " ...".
        Assert.Equal("[30], type = Int64, device = cpu\n 0 1 2 3 4 5 6 7 ...\n", torch.arange(30).jlstr(width: 20, newLine: "\n"));
        Assert.Equal("[], type = Float64, device = cpu, value = 2.5", torch.tensor(2.5, ScalarType.Float64).jlstr(cultureInfo: Inv));
        Assert.Equal("[2x2x2], type = Int64, device = cpu\n[0,..,..] =\n 0 1\n 2 3\n\n[1,..,..] =\n 4 5\n 6 7\n",
            torch.arange(8).reshape(2, 2, 2).jlstr(newLine: "\n"));
        Assert.Equal("[2], type = Float32, device = cpu\n 0.33 1.50\n",
            torch.tensor(new[] { 1f / 3, 1.5f }).ToString(TensorStringStyle.Julia, "F2", null, Inv, "\n"));
    }

    [Fact]
    public void Numpy()
    {
        Assert.Equal("[[1, -2.5]\n [3.25, 4]]", Mat().npstr(newLine: "\n", cultureInfo: Inv));
        Assert.Equal("[0, 1, 2, ... 7, 8, 9]", torch.arange(10).npstr());
        Assert.Equal("[[0, 1]\n [2, 3]\n [4, 5]\n ...\n [10, 11]\n [12, 13]\n [14, 15]]", torch.arange(16).reshape(8, 2).npstr(newLine: "\n"));
        Assert.Equal("[[[0, 1]\n  [2, 3]]\n\n [[4, 5]\n  [6, 7]]]", torch.arange(8).reshape(2, 2, 2).npstr(newLine: "\n"));
        Assert.Equal("[True, False]", torch.tensor(new[] { true, false }).npstr());
        Assert.Equal("3", torch.tensor(3L).npstr());
        Assert.Equal("[]", torch.zeros(0).npstr());
    }

    [Fact]
    public void CSharp()
    {
        Assert.Equal("[2], type = Float32, device = cpu, value = float [] {1f, 2.5f}", torch.tensor(new[] { 1f, 2.5f }).cstr(cultureInfo: Inv));
        Assert.Equal("[2x2], type = Int64, device = cpu, value = \nlong [,] {\n {0L, 1L},\n {2L, 3L}\n}", torch.arange(4).reshape(2, 2).cstr(newLine: "\n"));
        Assert.Equal("[], type = Float64, device = cpu, value = 2.5", torch.tensor(2.5, ScalarType.Float64).cstr(cultureInfo: Inv));
        Assert.Equal("[8x2], type = Int32, device = cpu, value = \nint [,] {\n {0, 1},\n {2, 3},\n {4, 5},\n ...\n {10, 11},\n {12, 13},\n {14, 15}\n}",
            torch.arange(16).reshape(8, 2).to(ScalarType.Int32).cstr(newLine: "\n"));
        Assert.Equal("[3], type = Float64, device = cpu, value = double [] {0.5, 1, 2}", torch.tensor(new[] { 0.5, 1, 2 }, ScalarType.Float64).cstr(cultureInfo: Inv));
    }

    [Fact]
    public void DefaultIsPyTorchRepr()
    {
        var t = torch.tensor(new[] { 1f, 2f });
        Assert.Equal(TensorStringStyle.Default, torch.TensorStringStyle);
        Assert.Equal("tensor([1., 2.])", t.ToString());
        Assert.Equal("tensor([1., 2.])", t.str());
        Assert.Equal("tensor([1., 2.])", t.ToString(TensorStringStyle.Default));
        Assert.Equal("tensor([1., 2.])", t.ToString(true));
        Assert.Same(t, t.print());
    }

    [Fact]
    public void ProcessWideStyle()
    {
        var t = torch.tensor(new[] { 1f, 2f });
        torch.TensorStringStyle = torch.julia;
        Assert.Equal(t.jlstr(), t.ToString());
        Assert.Equal(t.jlstr(), t.str());
        torch.set_printoptions(TensorStringStyle.Numpy, floatFormat: "F2", newLine: "\n");
        Assert.Equal("[1.00, 2.00]", t.str(cultureInfo: Inv));
        Assert.Equal(TensorStringStyle.Numpy, torch.TensorStringStyle);
        torch.set_printoptions(torch.numpy, maxColumns: 2);
        Assert.Equal("[0, ... 4]", torch.arange(5).str());
        // The TorchSharp settings leave PyTorch's options alone, and the other way round.
        Assert.Equal(PrintOptions.Default, torch.get_printoptions());
        torch.set_printoptions(precision: 1);
        Assert.Equal("[1.00, 2.00]", t.str(cultureInfo: Inv));
        torch.TensorStringStyle = TensorStringStyle.Default;
        Assert.Equal("tensor([1.2, 2.0])", torch.tensor(new[] { 1.25f, 2f }).ToString());
        Assert.Equal("tensor([1.5])", torch.tensor(new[] { 1.5f }).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.TensorStringStyle = (TensorStringStyle)42);
    }
}
