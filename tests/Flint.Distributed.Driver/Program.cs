using Flint;
using Flint.Distributed;
using Flint.Distributed.Driver;

// Each rank runs one scenario; a failed check throws, which aborts the whole MPI job (non-zero exit).
var scenario = args.Length > 0 ? args[0] : "collectives";
var dist = torch.distributed;
dist.init_process_group("mpi", timeout: scenario.StartsWith("timeout") ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(60));
int checks = scenario switch
{
    "collectives" => CollectiveScenarios.Run(),
    "p2p" => PointToPointScenarios.Run(),
    "ddp" => DdpScenarios.Run(),
    "cuda" => CudaScenarios.Run(),
    "throw" => FailureScenarios.Throw(),
    "timeout" => FailureScenarios.Timeout(),
    _ => throw new ArgumentException($"unknown scenario '{scenario}'"),
};
dist.barrier();
Console.WriteLine($"rank {dist.get_rank()}/{dist.get_world_size()}: {scenario} OK ({checks} checks)");
dist.destroy_process_group();
