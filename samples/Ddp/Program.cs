// Data-parallel training of the Quickstart network on Fashion-MNIST with DistributedDataParallel:
//   dotnet build -c Release samples/Ddp
//   mpirun -np 2 dotnet samples/Ddp/bin/Release/net10.0/Ddp.dll [--epochs N] [--limit M]
// Every rank runs this same program; MPI gives each its rank. Each rank reads its own share of the data
// (DistributedSampler), DDP averages the gradients, so all ranks keep identical weights. --limit M trains on the
// first M images only (a quick check). Under Slurm: srun -n 2 dotnet samples/Ddp/bin/Release/net10.0/Ddp.dll
using Flint;
using Flint.Distributed;
using static Flint.torch;
using static Flint.torch.utils.data;

int epochs = 2;
long limit = 0;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--epochs") epochs = int.Parse(args[i + 1]);
    else if (args[i] == "--limit") limit = long.Parse(args[i + 1]);
}

var dist = torch.distributed;
dist.init_process_group("mpi");
int rank = dist.get_rank(), world = dist.get_world_size();
void Log(string line) { if (rank == 0) Console.WriteLine(line); }
Log($"{world} ranks (LOCAL_RANK={Environment.GetEnvironmentVariable("LOCAL_RANK")} on rank 0)");

Dataset<(Tensor, long)> train = torchvision.datasets.FashionMNIST(train: true, transform: torchvision.transforms.ToTensor());
Dataset<(Tensor, long)> test = torchvision.datasets.FashionMNIST(train: false, transform: torchvision.transforms.ToTensor());
if (limit > 0)
{
    train = new Subset<(Tensor, long)>(train, Enumerable.Range(0, (int)Math.Min(limit, train.Count)).Select(i => (long)i).ToArray());
    test = new Subset<(Tensor, long)>(test, Enumerable.Range(0, (int)Math.Min(limit, test.Count)).Select(i => (long)i).ToArray());
}

// Each rank sees a different 1/world of the data per epoch; the batch per rank stays 64.
var trainSampler = torch.utils.data.DistributedSampler(train, seed: 0);
var testSampler = torch.utils.data.DistributedSampler(test, shuffle: false);
var trainLoader = DataLoader(train, batch_size: 64, sampler: trainSampler);
var testLoader = DataLoader(test, batch_size: 256, sampler: testSampler);

manual_seed(rank); // different on purpose: DDP starts every rank from rank 0's weights
var model = nn.parallel.DistributedDataParallel(nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 512), nn.ReLU(),
    nn.Linear(512, 512), nn.ReLU(),
    nn.Linear(512, 10)));
var lossFn = nn.CrossEntropyLoss();
var optimizer = optim.SGD(model.parameters(), lr: 0.05, momentum: 0.9);

var watch = System.Diagnostics.Stopwatch.StartNew();
for (int epoch = 0; epoch < epochs; epoch++)
{
    trainSampler.set_epoch(epoch);
    model.train();
    int batch = 0;
    foreach (var (X, y) in trainLoader)
    {
        using var scope = NewDisposeScope();
        var loss = lossFn.call(model.call(X), y);
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        if (batch++ % 100 == 0) Log($"epoch {epoch + 1} batch {batch,4}  loss {loss.item<float>():F4}");
    }

    // Evaluate on every rank's share of the test set, then add the counts up across ranks.
    model.eval();
    var totals = zeros([3], ScalarType.Float64); // correct, seen, summed loss
    using (no_grad())
        foreach (var (X, y) in testLoader)
        {
            var pred = model.call(X);
            totals += tensor(new[] { (pred.argmax(1) == y).sum().item<long>(), (double)y.shape[0], lossFn.call(pred, y).item<float>() * y.shape[0] });
        }
    dist.all_reduce(totals);
    var t = totals.data<double>();
    Log($"epoch {epoch + 1}: test accuracy {100 * t[0] / t[1]:F1}%, avg loss {t[2] / t[1]:F4} ({t[1]} images on {world} ranks)");
}
Log($"done in {watch.Elapsed.TotalSeconds:F1} s");

// Every rank holds the same weights; check it, then only rank 0 saves.
var checksum = tensor(model.parameters().Sum(p => p.sum().item<float>()), ScalarType.Float64);
var max = checksum.clone();
dist.all_reduce(max, ReduceOp.MAX);
dist.all_reduce(checksum, ReduceOp.MIN);
if (checksum.item<double>() != max.item<double>()) throw new Exception("ranks diverged: their weights differ");
if (rank == 0) save(model.module.state_dict(), "ddp-model.pth");
Log("weights identical on every rank; rank 0 saved ddp-model.pth");
dist.destroy_process_group();
