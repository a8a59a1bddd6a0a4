// Flint.Distributed's side of bench/Distributed/run.sh (run under mpirun -np 2; rank 0 prints):
//   allreduce ITERS  -> "flint allreduce <bytes> <median us>" for 1 MiB and 25 MiB float32 (as allreduce.c)
//   ddp ITERS        -> "flint step <median us>" and "flint ddp-step <median us>": one step of the tutorial network
//                       (nn.Sequential 1000-100-10, batch 64 per rank, MSELoss(sum), SGD) without and with DDP
using System.Diagnostics;
using Flint;
using Flint.Distributed;
using static Flint.torch;

var mode = args.Length > 0 ? args[0] : "allreduce";
int iters = args.Length > 1 ? int.Parse(args[1]) : 100;
var dist = torch.distributed;
dist.init_process_group("mpi");
int rank = dist.get_rank();

double Median(List<double> xs) { xs.Sort(); return xs[xs.Count / 2]; }

if (mode == "allreduce")
{
    foreach (long bytes in new[] { 1L << 20, 25L << 20 })
    {
        var t = ones([bytes / 4]);
        for (int w = 0; w < iters / 10 + 2; w++) dist.all_reduce(t);
        var times = new List<double>();
        for (int i = 0; i < iters; i++)
        {
            dist.barrier();
            long t0 = Stopwatch.GetTimestamp();
            dist.all_reduce(t);
            times.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
        }
        if (rank == 0) Console.WriteLine($"flint allreduce {bytes} {Median(times):F1}");
    }
}
else if (mode == "ddp")
{
    manual_seed(0);
    var x = randn([64, 1000]);
    var y = randn([64, 10]);
    nn.Module<Tensor, Tensor> Net() => nn.Sequential(nn.Linear(1000, 100), nn.ReLU(), nn.Linear(100, 10));
    var lossFn = nn.MSELoss(nn.Reduction.Sum);
    double Steps(nn.Module<Tensor, Tensor> model)
    {
        var opt = optim.SGD(model.parameters(), lr: 1e-6);
        var times = new List<double>();
        for (int i = 0; i < iters + iters / 10 + 2; i++)
        {
            dist.barrier();
            long t0 = Stopwatch.GetTimestamp();
            var loss = lossFn.call(model.call(x), y);
            opt.zero_grad();
            loss.backward();
            opt.step();
            if (i >= iters / 10 + 2) times.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
        }
        return Median(times);
    }
    // Alternate plain and DDP rounds so that load changes hit both alike; report the best round of each.
    double plain = double.MaxValue, ddp = double.MaxValue;
    var ddpModel = nn.parallel.DistributedDataParallel(Net());
    for (int round = 0; round < 3; round++)
    {
        plain = Math.Min(plain, Steps(Net()));
        ddp = Math.Min(ddp, Steps(ddpModel));
    }
    if (rank == 0)
    {
        Console.WriteLine($"flint step {plain:F1}");
        Console.WriteLine($"flint ddp-step {ddp:F1}");
    }
}
else throw new ArgumentException($"unknown mode '{mode}' (allreduce, ddp)");
dist.destroy_process_group();
