using static Flint.torch;

namespace Flint.Workloads;

/// <summary>
/// (h): one training step of the pytorch/examples MNIST network (samples/FashionCnn's Net, rebuilt here from
/// nn layers so the workloads need no sample project): forward, nll_loss, backward, Adadelta(lr=1) step, on one
/// fixed seeded batch. Dropout draws masks every step, as in training.
/// </summary>
internal sealed class FlintCnnStep : IPreparedWorkload
{
    private readonly Tensor _x, _y;
    private readonly Modules.Conv2d _conv1, _conv2;
    private readonly Modules.Linear _fc1, _fc2;
    private readonly optim.Optimizer _optimizer;
    private readonly bool _scoped;

    public FlintCnnStep(WorkloadSpec spec, bool scoped)
    {
        _scoped = scoped;
        manual_seed(0);
        _x = randn(spec.Args);
        _y = randint(0, 10, [spec.Args[0]]);
        _conv1 = nn.Conv2d(1, 32, 3, 1);
        _conv2 = nn.Conv2d(32, 64, 3, 1);
        _fc1 = nn.Linear(9216, 128);
        _fc2 = nn.Linear(128, 10);
        var parameters = new[] { _conv1, _conv2 }.SelectMany(m => m.parameters()).Concat(_fc1.parameters()).Concat(_fc2.parameters());
        _optimizer = optim.Adadelta(parameters, lr: 1.0);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int i = 0; i < count; i++)
        {
            using var scope = _scoped ? NewDisposeScope() : null;
            _optimizer.zero_grad();
            var h = nn.functional.relu(_conv1.call(_x));
            h = nn.functional.relu(_conv2.call(h));
            h = nn.functional.max_pool2d(h, 2);
            h = nn.functional.dropout(h, 0.25);
            h = nn.functional.relu(_fc1.call(flatten(h, 1)));
            h = nn.functional.dropout(h, 0.5);
            var output = nn.functional.log_softmax(_fc2.call(h), 1);
            var loss = nn.functional.nll_loss(output, _y);
            loss.backward();
            _optimizer.step();
            last = loss.item<float>();
        }
        return last;
    }

    public void Dispose() { }
}

/// <summary>(i): one pass of a DataLoader over Fashion-MNIST's training set (ToTensor + Normalize, batch 64, shuffled).</summary>
internal sealed class FlintDataLoaderEpoch : IPreparedWorkload
{
    private readonly IEnumerable<(Tensor, Tensor)> _loader;
    private readonly long _maxBatches;

    public FlintDataLoaderEpoch(WorkloadSpec spec)
    {
        var transform = torchvision.transforms.Compose(torchvision.transforms.ToTensor(), torchvision.transforms.Normalize([0.2860], [0.3530]));
        var data = torchvision.datasets.FashionMNIST(train: true, transform: transform);
        manual_seed(0);
        _loader = utils.data.DataLoader(data, batch_size: spec.Args[0], shuffle: true);
        _maxBatches = spec.Args[1];
    }

    public double Run(int count)
    {
        double checksum = 0;
        for (int i = 0; i < count; i++)
        {
            long batches = 0;
            foreach (var (x, y) in _loader)
            {
                checksum += x.size(0) + y.size(0);
                if (++batches == _maxBatches) break;
            }
        }
        return checksum;
    }

    public void Dispose() { }
}
