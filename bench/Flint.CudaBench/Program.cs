using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flint;
using Flint.CudaBench;
using Flint.Cuda;

// Usage: Flint.CudaBench [--out results.json] [--quick] [--emulate]
//   --quick    tiny sizes and few iterations (a smoke run, e.g. on the emulator); not comparable to the reference
//   --emulate  ILGPU's CPU accelerator plays cuda:0 (same as FLINT_CUDA_EMULATE=1)
string? outPath = null;
bool quick = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": outPath = args[++i]; break;
        case "--quick": quick = true; break;
        case "--emulate": FlintCuda.UseEmulator(); break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}; usage: Flint.CudaBench [--out results.json] [--quick] [--emulate]");
            return 2;
    }
}
if (!torch.cuda.is_available())
{
    Console.Error.WriteLine("no GPU: torch.cuda.is_available() is false (no NVIDIA driver/device; pass --emulate for the CPU emulator)");
    return 3;
}
var sizes = quick ? Sizes.Quick : Sizes.Full;
var dev = torch.CUDA;
Console.WriteLine($"Flint.CudaBench on {FlintCuda.DeviceName} (emulated: {FlintCuda.IsEmulated}, cuBLAS: {FlintCuda.HasCuBlas}){(quick ? ", quick sizes" : "")}");

double bytesAdd = 3.0 * 4 * sizes.Elements, bytesCopy = 2.0 * 4 * sizes.Elements;
// bytes: moved per call (GB/s); flops: floating-point operations per call (TFLOP/s).
var rows = new List<(string name, string what, double[] ms, double? bytes, double? flops)>
{
    ("autograd_small", $"autograd loop {string.Join('/', sizes.Small)}", Workloads.AutogradLoop(dev, sizes.Small, sizes, scoped: false), null, null),
    ("autograd_small_scoped", $"autograd loop {string.Join('/', sizes.Small)}, scope", Workloads.AutogradLoop(dev, sizes.Small, sizes, scoped: true), null, null),
    ("autograd_scaled", $"autograd loop {string.Join('/', sizes.Scaled)}", Workloads.AutogradLoop(dev, sizes.Scaled, sizes, scoped: false), null, null),
    ("autograd_scaled_scoped", $"autograd loop {string.Join('/', sizes.Scaled)}, scope", Workloads.AutogradLoop(dev, sizes.Scaled, sizes, scoped: true), null, null),
    ("add_new", $"c = a + b, {sizes.Elements:g3} float32", Workloads.AddNew(dev, sizes), bytesAdd, null),
    ("add_inplace", $"a += b, {sizes.Elements:g3} float32", Workloads.AddInPlace(dev, sizes), bytesAdd, null),
    ("clone", $"a.clone(), {sizes.Elements:g3} float32", Workloads.Clone(dev, sizes), bytesCopy, null),
    ("launch_inplace", "launch: a.add_(b), 1024 float32", Workloads.LaunchInPlace(dev, sizes), null, null),
    ("launch_alloc", "launch: c = a + b, 1024 float32", Workloads.LaunchAllocating(dev, sizes), null, null),
};
foreach (long n in sizes.Gemm)
    foreach (bool tf32 in new[] { false, true })
        rows.Add(($"sgemm_{n}{(tf32 ? "_tf32" : "")}", $"sgemm {n}³{(tf32 ? " tf32" : "")}", Workloads.Sgemm(dev, n, tf32, sizes), null, 2.0 * n * n * n));

var results = new JsonObject();
Console.WriteLine();
Console.WriteLine($"| {"workload",-36} | {"median ms",10} | {"min ms",10} | {"GB/s",8} |");
Console.WriteLine($"|{new string('-', 38)}|{new string('-', 12)}|{new string('-', 12)}|{new string('-', 10)}|");
foreach (var (name, what, ms, bytes, flops) in rows)
{
    double median = Median(ms), min = ms.Min();
    double? gbps = bytes is { } b ? b / (median * 1e-3) / 1e9 : null;
    double? tflops = flops is { } f ? f / (median * 1e-3) / 1e12 : null;
    Console.WriteLine($"| {what,-36} | {median,10:F4} | {min,10:F4} | {(gbps is { } g ? g.ToString("F1", CultureInfo.InvariantCulture) : tflops is { } tf ? tf.ToString("F1", CultureInfo.InvariantCulture) + " TF" : "-"),8} |");
    results[name] = new JsonObject
    {
        ["what"] = what,
        ["median_ms"] = median,
        ["min_ms"] = min,
        ["gbps"] = gbps,
        ["tflops"] = tflops,
        ["samples_ms"] = new JsonArray([.. ms.Select(v => (JsonNode)v)]),
    };
}
var doc = new JsonObject
{
    ["framework"] = "flint",
    ["device"] = FlintCuda.DeviceName,
    ["emulated"] = FlintCuda.IsEmulated,
    ["quick"] = quick,
    ["elements"] = sizes.Elements,
    ["results"] = results,
};
if (outPath is not null)
{
    File.WriteAllText(outPath, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"\nwrote {outPath}");
}
return 0;

static double Median(double[] v)
{
    var s = v.Order().ToArray();
    return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
}
