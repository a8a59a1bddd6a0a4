// The TorchSharp side of every workload, written as TorchSharp's documentation recommends:
// a DisposeScope per iteration, so native memory is freed deterministically, not by finalisers.
using System.Diagnostics;
using Flint.Workloads;
using TorchSharp;
using static TorchSharp.torch;
using TS = TorchSharp.torch;

/// <summary>TorchSharp-cpu as the reference side.</summary>
internal sealed class TorchSharpSide(Func<string, ProcessStartInfo> childLauncher) : IBenchSide
{
    public string Name => "TorchSharp";

    /// <summary>Version and threads, for the table's heading.</summary>
    public string Description =>
        $"TorchSharp {typeof(TS).Assembly.GetName().Version} (libtorch {TS.__version__}), {TS.get_num_threads()} threads";

    /// <summary>Loads libtorch; false (with the reason) when the native library does not load.</summary>
    public static bool TryLoad(Func<string, ProcessStartInfo> childLauncher, out TorchSharpSide side, out string why)
    {
        side = new TorchSharpSide(childLauncher);
        try
        {
            return Probe(out why);
        }
        catch (Exception e)
        {
            why = e.GetBaseException().Message.Split('\n')[0];
            return false;
        }
    }

    /// <summary>libtorch's intra-op threads (default: one per core).</summary>
    public void SetThreads(int threads) => TS.set_num_threads(threads);

    private static bool Probe(out string why)
    {
        using var t = TS.ones(2, 2);
        float s = t.sum().item<float>();
        why = s == 4 ? "" : $"ones(2,2).sum() gave {s}";
        return s == 4;
    }

    public IPreparedWorkload? Prepare(WorkloadSpec spec) => spec.Kind switch
    {
        WorkloadKind.AutogradProgram => new TsAutogradProgram(spec),
        WorkloadKind.NnProgram => new TsNnProgram(spec),
        WorkloadKind.Gemm => new TsGemm(spec),
        WorkloadKind.Elementwise => new TsElementwise(spec),
        WorkloadKind.SmallOp => new TsSmallOp(spec),
        WorkloadKind.RecurrentProgram => new TsLstmProgram(spec),
        WorkloadKind.Conv => new TsConv(spec),
        WorkloadKind.TransformerStep => new TsCharGptStep(spec),
        WorkloadKind.Process => new ChildProcessWorkload(childLauncher("torchsharp-" + spec.Op)),
        WorkloadKind.CnnStep => new TsCnnStep(spec),
        // (i) is Flint's pipeline against its own training epoch: TorchSharp's torchvision is not referenced here.
        _ => null,
    };
}

/// <summary>The specification's autograd program.</summary>
internal sealed class TsAutogradProgram : IPreparedWorkload
{
    private readonly Tensor _x, _y, _w1, _w2;
    private readonly double _learningRate;

    public TsAutogradProgram(WorkloadSpec spec)
    {
        var dtype = spec.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        _learningRate = spec.LearningRate;
        long n = spec.Args[0], dIn = spec.Args[1], h = spec.Args[2], dOut = spec.Args[3];
        TS.manual_seed(0);
        _x = TS.randn(n, dIn, dtype: dtype);
        _y = TS.randn(n, dOut, dtype: dtype);
        _w1 = TS.randn(dIn, h, dtype: dtype, requires_grad: true);
        _w2 = TS.randn(h, dOut, dtype: dtype, requires_grad: true);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int t = 0; t < count; t++)
        {
            using var scope = TS.NewDisposeScope();
            var y_pred = _x.mm(_w1).clamp(min: 0).mm(_w2);
            var loss = (y_pred - _y).pow(2).sum();
            last = loss.item<float>();
            loss.backward();
            using (TS.no_grad())
            {
                _w1.sub_(_learningRate * _w1.grad!);
                _w2.sub_(_learningRate * _w2.grad!);
                _w1.grad!.zero_();
                _w2.grad!.zero_();
            }
        }
        return last;
    }

    public void Dispose()
    {
        _x.Dispose(); _y.Dispose(); _w1.Dispose(); _w2.Dispose();
    }
}

/// <summary>(b): nn.Sequential(Linear, ReLU, Linear) + MSELoss(sum) + optim.SGD.</summary>
internal sealed class TsNnProgram : IPreparedWorkload
{
    private readonly Tensor _x, _y;
    private readonly TorchSharp.Modules.Sequential _model;
    private readonly nn.Module<Tensor, Tensor, Tensor> _lossFn;
    private readonly optim.Optimizer _optimizer;

    public TsNnProgram(WorkloadSpec spec)
    {
        long n = spec.Args[0], dIn = spec.Args[1], h = spec.Args[2], dOut = spec.Args[3];
        TS.manual_seed(0);
        _x = TS.randn(n, dIn);
        _y = TS.randn(n, dOut);
        _model = nn.Sequential(nn.Linear(dIn, h), nn.ReLU(), nn.Linear(h, dOut));
        _lossFn = nn.MSELoss(reduction: nn.Reduction.Sum);
        _optimizer = optim.SGD(_model.parameters(), 1e-4);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int t = 0; t < count; t++)
        {
            using var scope = TS.NewDisposeScope();
            var y_pred = _model.forward(_x);
            var loss = _lossFn.forward(y_pred, _y);
            last = loss.item<float>();
            _optimizer.zero_grad();
            loss.backward();
            _optimizer.step();
        }
        return last;
    }

    public void Dispose()
    {
        _x.Dispose(); _y.Dispose(); _model.Dispose();
    }
}

internal sealed class TsGemm : IPreparedWorkload
{
    private readonly Tensor _a, _b;

    public TsGemm(WorkloadSpec spec)
    {
        var dtype = spec.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        TS.manual_seed(1);
        _a = TS.randn(spec.Args[0], spec.Args[1], dtype: dtype);
        _b = TS.randn(spec.Args[1], spec.Args[2], dtype: dtype);
    }

    public double Run(int count)
    {
        long n = 0;
        for (int i = 0; i < count; i++)
        {
            using var c = _a.mm(_b);
            n = c.numel();
        }
        return n;
    }

    public void Dispose() { _a.Dispose(); _b.Dispose(); }
}

internal sealed class TsElementwise : IPreparedWorkload
{
    private readonly Tensor _a, _b, _c;
    private readonly string _op;
    private readonly bool _inPlace;

    public TsElementwise(WorkloadSpec spec)
    {
        var dtype = spec.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        long n = spec.Args[0];
        TS.manual_seed(2);
        _a = TS.randn(n, dtype: dtype);
        _b = spec.Op == "mul" && spec.InPlace ? TS.full(n, -1.0, dtype: dtype) : TS.randn(n, dtype: dtype);
        _c = _a.clone();
        _op = spec.Op;
        _inPlace = spec.InPlace;
    }

    public double Run(int count)
    {
        long n = 0;
        for (int i = 0; i < count; i++)
        {
            if (_inPlace)
            {
                var r = _op switch
                {
                    "add" => _c.add_(_b),
                    "mul" => _c.mul_(_b),
                    "relu" => _c.relu_(),
                    "exp" => _c.exp_(),
                    _ => throw new ArgumentException($"unknown op {_op}"),
                };
                n = r.numel();
            }
            else
            {
                using var r = _op switch
                {
                    "add" => _a.add(_b),
                    "mul" => _a.mul(_b),
                    "relu" => _a.relu(),
                    "exp" => _a.exp(),
                    _ => throw new ArgumentException($"unknown op {_op}"),
                };
                n = r.numel();
            }
        }
        return n;
    }

    public void Dispose() { _a.Dispose(); _b.Dispose(); _c.Dispose(); }
}

internal sealed class TsSmallOp : IPreparedWorkload
{
    private readonly Tensor _a, _b, _c, _g;
    private readonly string _op;

    public TsSmallOp(WorkloadSpec spec)
    {
        TS.manual_seed(3);
        _a = TS.randn(2, 2);
        _b = TS.randn(2, 2);
        _c = TS.zeros(2, 2);
        _g = TS.randn(2, 2, requires_grad: true);
        _op = spec.Op;
    }

    public double Run(int count)
    {
        long n = 0;
        for (int i = 0; i < count; i++)
        {
            if (_op == "add_")
            {
                n = _c.add_(_b).numel();
                continue;
            }
            using var r = _op switch
            {
                "add" => _a.add(_b),
                "add-grad" => _g.add(_b),
                "mm" => _a.mm(_b),
                "sum" => _a.sum(),
                _ => throw new ArgumentException($"unknown op {_op}"),
            };
            n = r.numel();
        }
        return n;
    }

    public void Dispose() { _a.Dispose(); _b.Dispose(); _c.Dispose(); _g.Dispose(); }
}

/// <summary>TorchSharp's child modes, mirroring <see cref="ChildModes.RunFlint"/>.</summary>
internal static class TorchSharpChild
{
    public static int Run(string mode)
    {
        switch (mode)
        {
            case "first":
                var t = TS.randn(2, 2);
                Console.Out.WriteLine($"result {(t + t).sum().item<float>()}");
                break;
            case "autograd":
                using (var p = new TsAutogradProgram(Catalog.TutorialSpec)) Console.Out.WriteLine($"result {p.Run(500)}");
                break;
            default:
                return 2;
        }
        ChildModes.Report();
        return 0;
    }
}

/// <summary>(h): the FashionCnn network's training step in TorchSharp (same layers, Adadelta lr=1, one DisposeScope per step).</summary>
internal sealed class TsCnnStep : IPreparedWorkload
{
    private readonly Tensor _x, _y;
    private readonly TorchSharp.Modules.Conv2d _conv1, _conv2;
    private readonly TorchSharp.Modules.Linear _fc1, _fc2;
    private readonly TS.optim.Optimizer _optimizer;

    public TsCnnStep(WorkloadSpec spec)
    {
        TS.manual_seed(0);
        _x = TS.randn(spec.Args);
        _y = TS.randint(0, 10, [spec.Args[0]]);
        _conv1 = TS.nn.Conv2d(1, 32, 3, 1);
        _conv2 = TS.nn.Conv2d(32, 64, 3, 1);
        _fc1 = TS.nn.Linear(9216, 128);
        _fc2 = TS.nn.Linear(128, 10);
        var parameters = _conv1.parameters().Concat(_conv2.parameters()).Concat(_fc1.parameters()).Concat(_fc2.parameters());
        _optimizer = TS.optim.Adadelta(parameters, lr: 1.0);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int i = 0; i < count; i++)
        {
            using var scope = TS.NewDisposeScope();
            _optimizer.zero_grad();
            var h = TS.nn.functional.relu(_conv1.call(_x));
            h = TS.nn.functional.relu(_conv2.call(h));
            h = TS.nn.functional.max_pool2d(h, 2);
            h = TS.nn.functional.dropout(h, 0.25);
            h = TS.nn.functional.relu(_fc1.call(TS.flatten(h, 1)));
            h = TS.nn.functional.dropout(h, 0.5);
            var output = TS.nn.functional.log_softmax(_fc2.call(h), 1);
            var loss = TS.nn.functional.nll_loss(output, _y);
            loss.backward();
            _optimizer.step();
            last = loss.item<float>();
        }
        return last;
    }

    public void Dispose() { }
}
