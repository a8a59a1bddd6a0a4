// BenchmarkDotNet suites for Flint alone (never run in CI):
//   dotnet run -c Release --project bench/Flint.Bench -- --filter '*Gemm*'
//   dotnet run -c Release --project bench/Flint.Bench -- --filter '*' --job short
// A quick phase-by-phase profile of workload (a) and of 2×2 ops (not BenchmarkDotNet):
//   dotnet run -c Release --project bench/Flint.Bench -- --breakdown [iterations]
using BenchmarkDotNet.Running;

if (args.Length >= 1 && args[0] == "--breakdown")
{
    Flint.Bench.Breakdown.Run(args.Length > 1 ? int.Parse(args[1]) : 500);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Flint.Bench.GemmBenchmarks).Assembly).Run(args);
