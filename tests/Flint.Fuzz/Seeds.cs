using Flint.Modules;

namespace Flint.Fuzz;

/// <summary>The seed corpus: valid files Flint writes (made here) and the PyTorch/NumPy-written golden files.</summary>
public static class Seeds
{
    public static List<byte[]> For(string format, string? goldenDir)
    {
        var seeds = new List<byte[]>();
        torch.manual_seed(0);
        switch (format)
        {
            case "pt":
                seeds.Add(Save(torch.arange(6.0f).reshape(2, 3)));
                seeds.Add(Save(new Dictionary<string, Tensor> { ["w"] = torch.randn(3, 2), ["b"] = torch.zeros(2, dtype: ScalarType.Int64) }));
                seeds.Add(Save(new object?[] { 1L, 2.5, "x", null, true, new List<object?> { torch.ones(2).t() } }));
                seeds.Add(Save(torch.arange(12).reshape(3, 4).t()));
                seeds.Add(Save(new Dictionary<object, object?> { [1L] = "a", [new object?[] { 1L, "k" }] = torch.ones(1, dtype: ScalarType.Bool) }));
                break;
            case "optim":
            {
                var ps = new[] { torch.nn.Parameter(torch.randn(3)), torch.nn.Parameter(torch.randn(2, 2)) };
                var opt = torch.optim.Adam(ps, 0.01);
                foreach (var p in ps) p.sum().backward();
                opt.step();
                seeds.Add(Save(opt.state_dict()));
                break;
            }
            case "safetensors":
                seeds.Add(safetensors.save(new Dictionary<string, Tensor> { ["a"] = torch.arange(6.0f).reshape(2, 3), ["b"] = torch.ones(2, dtype: ScalarType.Int16) }));
                seeds.Add(safetensors.save(new Dictionary<string, Tensor> { ["x"] = torch.zeros(0) }, new Dictionary<string, string> { ["format"] = "pt" }));
                break;
            case "module":
            {
                string path = Path.Combine(Path.GetTempPath(), $"flint-seed-{Environment.ProcessId}.safetensors");
                Loaders.Model().save(path);
                try { seeds.Add(File.ReadAllBytes(path)); } finally { File.Delete(path); }
                break;
            }
            case "npy":
                seeds.Add(Npy(torch.arange(6.0).reshape(2, 3)));
                seeds.Add(Npy(torch.tensor(true)));
                break;
            case "npz":
                seeds.Add(Npz(false));
                seeds.Add(Npz(true));
                break;
        }
        if (goldenDir is not null && Directory.Exists(goldenDir))
        {
            string[] extensions = format switch
            {
                "pt" or "optim" => [".pt"],
                "safetensors" or "module" => [".safetensors"],
                "npy" => [".npy"],
                "npz" => [".npz"],
                _ => [],
            };
            foreach (var f in Directory.EnumerateFiles(goldenDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (extensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith("malicious", StringComparison.Ordinal) && new FileInfo(f).Length < 1 << 20)
                    seeds.Add(File.ReadAllBytes(f));
        }
        return seeds;
    }

    private static byte[] Save(object value)
    {
        var ms = new MemoryStream();
        torch.save(value, ms);
        return ms.ToArray();
    }

    private static byte[] Npy(Tensor t)
    {
        string path = Path.Combine(Path.GetTempPath(), $"flint-seed-{Environment.ProcessId}.npy");
        np.save(path, t);
        try { return File.ReadAllBytes(path); } finally { File.Delete(path); }
    }

    private static byte[] Npz(bool compressed)
    {
        string path = Path.Combine(Path.GetTempPath(), $"flint-seed-{Environment.ProcessId}.npz");
        var arrays = new Dictionary<string, Tensor> { ["a"] = torch.arange(4.0f), ["b"] = torch.ones(2, 2, dtype: ScalarType.Int32) };
        if (compressed) np.savez_compressed(path, arrays.ToDictionary(p => p.Key, p => p.Value.numpy()));
        else np.savez(path, arrays);
        try { return File.ReadAllBytes(path); } finally { File.Delete(path); }
    }
}
