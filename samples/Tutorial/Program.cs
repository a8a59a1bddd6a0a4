// The specification (a PyTorch tutorial notebook), ported to C# program by program:
//   dotnet run -c Release --project samples/Tutorial [-- --every 50] [--only NAME] [--device cpu|cuda] [--plot FILE.png]
//       [--tensorboard DIR] [--progress|--no-progress] [explore]
using Flint;
using Flint.Modules;
using Flint.Tutorial;

int every = 1;
string? only = null, plotPath = null, tensorboardDir = null;
bool? progress = null;
Device device = torch.CPU;
bool exploreOnly = false;
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--every": every = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); if (every < 1) throw new ArgumentException("--every must be at least 1"); break;
            case "--only": only = Value(); break;
            case "--device": device = torch.device(Value()); break;
            case "--plot": plotPath = Value(); break;
            case "--tensorboard": tensorboardDir = Value(); break;
            case "--progress": progress = true; break;
            case "--no-progress": progress = false; break;
            case "explore": exploreOnly = true; break;
            case "-h" or "--help":
                Console.WriteLine("usage: Tutorial [--every N] [--only NAME] [--device cpu|cuda] [--plot FILE.png] [--tensorboard DIR] [--progress|--no-progress] [explore]");
                return 0;
            default: throw new ArgumentException($"unknown argument '{args[i]}'");
        }
    }
    catch (Exception e) when (e is ArgumentException or FormatException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
}

if (device.type != DeviceType.CPU)
{
    // Fails with Flint's message when no CUDA backend/device is present.
    try { torch.zeros(1, device: device); }
    catch (InvalidOperationException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
}

TutorialProgram[] programs = exploreOnly ? [new Explore()] : Catalog.All();
if (only is not null)
{
    programs = [.. programs.Where(p => p.Name == only)];
    if (programs.Length == 0)
    {
        Console.Error.WriteLine($"error: no program named '{only}'; choose from: {string.Join(", ", Catalog.All().Select(p => p.Name))}");
        return 2;
    }
}

// Progress bars go to stderr when it is a terminal (or when asked), so stdout keeps the notebook's output.
var progressWriter = progress ?? !Console.IsErrorRedirected ? Console.Error : null;
// --tensorboard DIR: every loss as a scalar "PROGRAM/loss" at its iteration; view with `tensorboard --logdir DIR`.
using var tensorboard = tensorboardDir is null ? null : new SummaryWriter(tensorboardDir);
var settings = new TutorialSettings(Console.Out, every, device, Progress: progressWriter,
    LossLogged: tensorboard is null ? null : (name, t, loss) => tensorboard.add_scalar($"{name}/loss", loss, t));
var curves = new List<(string, IReadOnlyList<double>)>();
foreach (var p in programs)
{
    var losses = p.Run(settings);
    if (losses.Count > 0) curves.Add((p.Name, losses.ToArray()));
}
if (tensorboard is not null)
{
    tensorboard.close();
    Console.WriteLine($"TensorBoard event file: {tensorboard.EventFilePath}");
}
if (plotPath is not null)
{
    LossPlot.Save(plotPath, curves);
    Console.WriteLine($"loss curves saved to {plotPath}");
}
return 0;
