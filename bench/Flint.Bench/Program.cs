// BenchmarkDotNet suites for Flint alone (never run in CI):
//   dotnet run -c Release --project bench/Flint.Bench -- --filter '*Gemm*'
//   dotnet run -c Release --project bench/Flint.Bench -- --filter '*' --job short
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Flint.Bench.GemmBenchmarks).Assembly).Run(args);
