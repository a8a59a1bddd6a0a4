namespace Flint.Tests.IO;

/// <summary>np.save/np.load/np.savez for NDArray and tensors.</summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class NumPySaveLoadTests
{
    [Fact]
    public void SaveAppendsTheExtensionAndLoadsBack()
    {
        using var dir = new IOGolden.TempDir();
        var a = np.arange(6.0).reshape(2, 3);
        np.save(dir.File("a"), a);
        Assert.True(File.Exists(dir.File("a.npy")));
        var back = np.load(dir.File("a.npy"));
        Assert.Equal(np.float64, back.dtype);
        Assert.True(np.allclose(a, back) && back.shape.Equals(a.shape));
        Assert.Equal(IOGolden.Hex(torch.from_numpy(a)), IOGolden.Hex(torch.from_numpy(back)));
    }

    [Fact]
    public void ReadsNumPysFilesAsArrays()
    {
        var f4 = np.load(IOGolden.PathOf("f4.npy"));
        Assert.Equal(np.float32, f4.dtype);
        Assert.Equal(IOGolden.Root.GetProperty("npy").GetProperty("f4.npy").GetProperty("bytes").GetString(), IOGolden.Hex(torch.from_numpy(f4)));
        var z = np.load_npz(IOGolden.PathOf("dtypes.npz"));
        Assert.Equal(["float32", "float64", "float16", "int64", "int32", "int16", "int8", "uint8", "bool"], z.Keys);
        Assert.Equal(np.uint8, z["uint8"].dtype);
        var e = Assert.Throws<InvalidDataException>(() => np.load(IOGolden.PathOf("dtypes.npz")));
        Assert.Contains("np.load_npz", e.Message);
    }

    [Fact]
    public void SavezNamesPositionalArraysLikeNumPy()
    {
        using var dir = new IOGolden.TempDir();
        np.savez(dir.File("p"), np.ones(2), np.zeros(3));
        var z = np.load_npz(dir.File("p.npz"));
        Assert.Equal(["arr_0", "arr_1"], z.Keys);
        np.savez_compressed(dir.File("c.npz"), new Dictionary<string, NDArray> { ["w"] = np.arange(1000.0) });
        Assert.True(new FileInfo(dir.File("c.npz")).Length < 1000 * 8);
        Assert.Equal(IOGolden.Hex(torch.arange(1000.0, dtype: torch.float64)), IOGolden.Hex(torch.from_numpy(np.load_npz(dir.File("c.npz"))["w"])));
    }

    [Fact]
    public void TensorsSaveAsNumPyWouldSaveThem()
    {
        using var dir = new IOGolden.TempDir();
        torch.manual_seed(4);
        var t = torch.randn(3, 2).t();
        np.save(dir.File("t.npy"), t);
        Assert.Equal(IOGolden.Hex(t), IOGolden.Hex(torch.from_numpy(np.load(dir.File("t.npy")))));
        np.savez(dir.File("d.npz"), new Dictionary<string, Tensor> { ["t"] = t, ["i"] = torch.arange(3L) });
        Assert.Equal(np.int64, np.load_npz(dir.File("d.npz"))["i"].dtype);
        var e = Assert.Throws<InvalidOperationException>(() => np.save(dir.File("g.npy"), torch.ones(2, requires_grad: true)));
        Assert.Contains("Can't call numpy() on Tensor that requires grad", e.Message);
        Assert.False(File.Exists(dir.File("g.npy")));
    }
}
