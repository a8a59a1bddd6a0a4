using Flint.Modules;

namespace Flint.Fuzz;

/// <summary>Each fuzzed format through its public loader; returns the bytes of the tensors it produced.</summary>
public static class Loaders
{
    public static readonly string[] Formats = ["pt", "safetensors", "npy", "npz", "optim", "module"];

    /// <summary>The module the "module" format loads into (its state dict is the seed).</summary>
    public static torch.nn.Module<Tensor, Tensor> Model() => torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1));

    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "flint-fuzz-" + Environment.ProcessId);

    public static long Run(string format, byte[] input)
    {
        switch (format)
        {
            case "pt":
                return Sizeof(torch.load(new MemoryStream(input, writable: false)));
            case "safetensors":
            {
                // Both entry points: bytes, and a file (positioned reads).
                long n = Sizeof(safetensors.load(input));
                string path = WriteScratch("f.safetensors", input);
                safetensors.load_metadata(path);
                return n + Sizeof(safetensors.load_file(path));
            }
            case "npy":
                return np.load(WriteScratch("f.npy", input)).nbytes;
            case "npz":
            {
                long n = 0;
                foreach (var a in np.load_npz(WriteScratch("f.npz", input)).Values) n += a.nbytes;
                return n;
            }
            case "optim":
            {
                var loaded = torch.load(new MemoryStream(input, writable: false));
                long n = Sizeof(loaded);
                if (loaded is StateDictionary sd)
                {
                    var ps = new[] { torch.nn.Parameter(torch.zeros(3)), torch.nn.Parameter(torch.zeros(2, 2)) };
                    var opt = torch.optim.Adam(ps, 0.01);
                    opt.load_state_dict(sd);
                }
                return n;
            }
            case "module":
                // model.load: safetensors.load_file, then load_state_dict (ArgumentException when it does not fit).
                Model().load(WriteScratch("m.safetensors", input));
                return 0;
            default: throw new ArgumentException($"unknown format '{format}'");
        }
    }

    private static string WriteScratch(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Scratch);
        string path = Path.Combine(Scratch, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The storage bytes a returned value holds (what the memory allowance may spend on).</summary>
    public static long Sizeof(object? value, int depth = 0)
    {
        if (depth > 2000) return 0;
        switch (value)
        {
            case Tensor t: return t.numel() * t.element_size() + 64;
            case System.Collections.IDictionary d:
            {
                long n = 0;
                foreach (System.Collections.DictionaryEntry e in d) n += Sizeof(e.Value, depth + 1);
                return n;
            }
            case StateDictionary sd:
            {
                long n = 0;
                foreach (var entry in sd.State.Values) foreach (var v in entry.Values) n += Sizeof(v, depth + 1);
                return n;
            }
            case System.Collections.IEnumerable e and not string and not byte[]:
            {
                long n = 0;
                foreach (var v in e) n += Sizeof(v, depth + 1);
                return n;
            }
            default: return 0;
        }
    }
}
