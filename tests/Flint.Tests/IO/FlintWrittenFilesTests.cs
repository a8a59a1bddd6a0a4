using Flint.IO.Npy;

namespace Flint.Tests.IO;

/// <summary>
/// The files PyTorch reads back: tests/golden/io/flint-written/ holds what Flint wrote, checked by
/// <c>tools/golden/gen_io.py check</c> in PyTorch. This test rewrites them and requires the same bytes, so
/// what PyTorch checked is what Flint writes today. With FLINT_WRITE_GOLDEN=&lt;dir&gt; it also writes them there
/// (to regenerate the committed copies).
/// </summary>
[Collection(GlobalRandomCollection.Name)] // seeds and draws from the global generator
public class FlintWrittenFilesTests
{
    private static Dictionary<string, Action<string>> Writers()
    {
        torch.manual_seed(0);
        var randn = torch.randn(3, 4); // PyTorch's torch.manual_seed(0); torch.randn(3, 4), bit for bit
        Tensor Ints(ScalarType dt) => torch.arange(-3L, 3L).reshape(2, 3).to(dt);
        var dtypes = new Dictionary<string, Tensor>();
        foreach (var dt in TorchSaveTests.AllDTypes) dtypes[IOGolden.DTypeName(dt)] = Ints(dt);

        torch.manual_seed(0);
        var model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2));

        return new()
        {
            ["model_state.pt"] = p => torch.save(model.state_dict(), p),
            ["adam_state.pt"] = p => torch.save(OptimizerSerializationTests.AdamRun(2).Optimizer.state_dict(), p),
            ["model.safetensors"] = p => model.save(p),
            ["tensor.pt"] = p => torch.save(randn, p),
            ["dict.pt"] = p => torch.save(new Dictionary<string, Tensor>
            {
                ["randn"] = randn, ["transposed"] = randn.t(), ["row"] = randn.select(0, 1),
                ["scalar"] = torch.tensor(-1.25, dtype: torch.float64), ["empty"] = torch.zeros(0, 2, dtype: torch.int32),
            }, p),
            ["dtypes.pt"] = p => torch.save(dtypes, p),
            ["parameter.pt"] = p => torch.save(torch.nn.Parameter(randn.select(0, 0)), p),
            ["nested.pt"] = p => torch.save((object)new Dictionary<string, object?>
            {
                ["state"] = new Dictionary<long, object?>
                {
                    [0] = new Dictionary<string, Tensor> { ["momentum_buffer"] = randn.select(0, 2) },
                    [1] = new Dictionary<string, object?>(),
                },
                ["param_groups"] = new List<object?>
                {
                    new Dictionary<string, object?>
                    {
                        ["lr"] = 0.1, ["momentum"] = 0.9, ["dampening"] = 0.0, ["weight_decay"] = 0.0, ["nesterov"] = true,
                        ["maximize"] = false, ["foreach"] = null, ["params"] = new List<object?> { 0L, 1L },
                    },
                },
                ["tuple"] = new object?[] { 1L, -70000L, 1L << 40, "x" },
                ["big"] = long.MinValue,
            }, p),
            ["tensors.safetensors"] = p => safetensors.save_file(new Dictionary<string, Tensor>
            {
                ["randn"] = randn, ["transposed"] = randn.t(), ["float16"] = Ints(torch.float16), ["bfloat16"] = Ints(torch.bfloat16),
                ["int8"] = Ints(torch.int8), ["bool"] = Ints(torch.@bool),
            }, p, new Dictionary<string, string> { ["format"] = "pt", ["made_by"] = "Flint" }),
            ["randn.npy"] = p => { using var s = File.Create(p); NpyFormat.Write(randn, s); },
            ["arrays.npz"] = p =>
            {
                using var s = File.Create(p);
                NpyFormat.WriteNpz(new Dictionary<string, Tensor>
                {
                    ["randn"] = randn, ["transposed"] = randn.t(), ["uint8"] = torch.tensor(new byte[] { 0, 1, 255 }),
                }, s, compress: false);
            },
        };
    }

    [Fact]
    public void FlintWritesExactlyTheFilesPyTorchChecked()
    {
        using var dir = new IOGolden.TempDir();
        var writers = Writers();
        foreach (var (name, write) in writers)
        {
            write(dir.File(name));
            if (IOGolden.FlintWrittenDir is string outDir) write(Path.Combine(outDir, name));
        }
        foreach (var name in writers.Keys)
        {
            string path = dir.File(name);
            string committed = Path.Combine(IOGolden.Dir, "flint-written", name);
            Assert.True(File.Exists(committed), $"{committed} is missing: run the tests with FLINT_WRITE_GOLDEN=tests/golden/io/flint-written, then tools/golden/gen_io.py check");
            Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{name}: Flint now writes different bytes than PyTorch checked");
        }
    }

    [Fact]
    public void FlintReadsBackWhatItWrote()
    {
        string Dir(string name) => Path.Combine(IOGolden.Dir, "flint-written", name);
        torch.manual_seed(0);
        var randn = torch.randn(3, 4);
        Assert.Equal(IOGolden.Hex(randn), IOGolden.Hex((Tensor)torch.load(Dir("tensor.pt"))!));
        var d = torch.load_state_dict(Dir("dict.pt"));
        Assert.True(d["row"].is_same_storage(d["randn"]));
        Assert.Equal(IOGolden.Hex(randn.t()), IOGolden.Hex(d["transposed"]));
        var nested = Assert.IsType<Dictionary<string, object?>>(torch.load(Dir("nested.pt")));
        Assert.Equal(long.MinValue, nested["big"]);
        var st = safetensors.load_file(Dir("tensors.safetensors"));
        Assert.Equal(IOGolden.Hex(randn.t()), IOGolden.Hex(st["transposed"]));
    }
}
