using System.Diagnostics;

namespace Flint.Workloads;

/// <summary>
/// The Flint side of every workload, written as a user would write it (the tutorial's spelling).
/// Natural code (the default) is the README's and the tutorial's: no dispose scope, no Dispose.
/// <paramref name="scoped"/> runs the same programs the way TorchSharp's documentation asks for
/// (a <c>DisposeScope</c> per iteration, micro-op results disposed at once), to show what that buys.
/// <paramref name="childLauncher"/> starts this program again in a child mode (see
/// <see cref="ChildModes"/>); without it the whole-process workloads are skipped.
/// </summary>
public sealed class FlintSide(Func<string, ProcessStartInfo>? childLauncher = null, bool scoped = false) : IBenchSide
{
    /// <inheritdoc />
    public string Name => scoped ? "Flint scoped" : "Flint";

    /// <inheritdoc />
    public IPreparedWorkload? Prepare(WorkloadSpec spec) => spec.Kind switch
    {
        WorkloadKind.AutogradProgram => new FlintAutogradProgram(spec, scoped),
        WorkloadKind.NnProgram => new FlintNnProgram(spec, scoped),
        WorkloadKind.Gemm => new FlintGemm(spec, dispose: scoped || !spec.Allocating),
        WorkloadKind.Elementwise => new FlintElementwise(spec, scoped),
        WorkloadKind.SmallOp => new FlintSmallOp(spec, scoped),
        WorkloadKind.RecurrentProgram => new FlintLstmProgram(spec, scoped),
        WorkloadKind.Conv => new FlintConv(spec, scoped),
        WorkloadKind.TransformerStep => new FlintCharGptStep(spec, scoped),
        // The whole-process programs are the README's, natural code only.
        WorkloadKind.Process => childLauncher is null || scoped ? null : new ChildProcessWorkload(childLauncher("flint-" + spec.Op)),
        WorkloadKind.CnnStep => new FlintCnnStep(spec, scoped),
        WorkloadKind.DataLoaderEpoch => scoped ? null : new FlintDataLoaderEpoch(spec),
        _ => null,
    };
}

/// <summary>The specification's autograd program: forward, sum of squares, backward, SGD step under no_grad.</summary>
internal sealed class FlintAutogradProgram : IPreparedWorkload
{
    private readonly Tensor _x, _y, _w1, _w2;
    private readonly double _learningRate;
    private readonly bool _scoped;

    public FlintAutogradProgram(WorkloadSpec spec, bool scoped = false)
    {
        _scoped = scoped;
        var dtype = spec.Float64 ? torch.float64 : torch.float32;
        _learningRate = spec.LearningRate;
        long n = spec.Args[0], dIn = spec.Args[1], h = spec.Args[2], dOut = spec.Args[3];
        torch.manual_seed(0);
        _x = torch.randn(n, dIn, dtype: dtype);
        _y = torch.randn(n, dOut, dtype: dtype);
        _w1 = torch.randn(dIn, h, dtype: dtype, requires_grad: true);
        _w2 = torch.randn(h, dOut, dtype: dtype, requires_grad: true);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int t = 0; t < count; t++)
        {
            // Natural code has no scope; the scoped variant opens one per iteration, as TorchSharp's side does.
            using var scope = _scoped ? torch.NewDisposeScope() : null;
            var y_pred = _x.mm(_w1).clamp(min: 0).mm(_w2);
            var loss = (y_pred - _y).pow(2).sum();
            last = loss.item<float>();
            loss.backward();
            using (torch.no_grad())
            {
                var w1 = _w1;
                var w2 = _w2;
                w1 -= _learningRate * w1.grad!;
                w2 -= _learningRate * w2.grad!;
                w1.grad!.zero_();
                w2.grad!.zero_();
            }
        }
        return last;
    }

    public void Dispose() { }
}

/// <summary>(b): nn.Sequential(Linear, ReLU, Linear) + MSELoss(sum) + optim.SGD, the tutorial's "PyTorch: optim" loop.</summary>
internal sealed class FlintNnProgram : IPreparedWorkload
{
    private readonly Tensor _x, _y;
    private readonly torch.nn.Module<Tensor, Tensor> _model;
    private readonly torch.nn.Module<Tensor, Tensor, Tensor> _lossFn;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly bool _scoped;

    public FlintNnProgram(WorkloadSpec spec, bool scoped = false)
    {
        _scoped = scoped;
        long n = spec.Args[0], dIn = spec.Args[1], h = spec.Args[2], dOut = spec.Args[3];
        torch.manual_seed(0);
        _x = torch.randn(n, dIn);
        _y = torch.randn(n, dOut);
        _model = torch.nn.Sequential(torch.nn.Linear(dIn, h), torch.nn.ReLU(), torch.nn.Linear(h, dOut));
        _lossFn = torch.nn.MSELoss(reduction: torch.nn.Reduction.Sum);
        _optimizer = torch.optim.SGD(_model.parameters(), lr: 1e-4);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int t = 0; t < count; t++)
        {
            using var scope = _scoped ? torch.NewDisposeScope() : null;
            var y_pred = _model.call(_x);
            var loss = _lossFn.call(y_pred, _y);
            last = loss.item<float>();
            _optimizer.zero_grad();
            loss.backward();
            _optimizer.step();
        }
        return last;
    }

    public void Dispose() { }
}

/// <summary>C = A·B with a fresh result each call: disposed at once (the kernel's speed), or dropped as natural code drops it.</summary>
internal sealed class FlintGemm : IPreparedWorkload
{
    private readonly Tensor _a, _b;
    private readonly bool _dispose;

    public FlintGemm(WorkloadSpec spec, bool dispose = true)
    {
        _dispose = dispose;
        var dtype = spec.Float64 ? torch.float64 : torch.float32;
        torch.manual_seed(1);
        _a = torch.randn(spec.Args[0], spec.Args[1], dtype: dtype);
        _b = torch.randn(spec.Args[1], spec.Args[2], dtype: dtype);
    }

    public double Run(int count)
    {
        long n = 0;
        for (int i = 0; i < count; i++)
        {
            var c = _a.mm(_b);
            n = c.numel();
            if (_dispose) c.Dispose();
        }
        return n;
    }

    public void Dispose() { }
}

/// <summary>add/mul/relu/exp over n elements, allocating (<c>a.add(b)</c>) or in place (<c>c.add_(b)</c>).</summary>
internal sealed class FlintElementwise : IPreparedWorkload
{
    private readonly Tensor _a, _b, _c;
    private readonly string _op;
    private readonly bool _inPlace;
    private readonly bool _scoped;

    public FlintElementwise(WorkloadSpec spec, bool scoped = false)
    {
        _scoped = scoped;
        var dtype = spec.Float64 ? torch.float64 : torch.float32;
        long n = spec.Args[0];
        torch.manual_seed(2);
        _a = torch.randn(n, dtype: dtype);
        // mul_ by -1 keeps magnitudes fixed, so repeated in-place calls never reach denormals or inf.
        _b = spec.Op == "mul" && spec.InPlace ? torch.full([n], -1.0, dtype: dtype) : torch.randn(n, dtype: dtype);
        _c = _a.clone();
        _op = spec.Op;
        _inPlace = spec.InPlace;
    }

    public double Run(int count)
    {
        long n = 0;
        for (int i = 0; i < count; i++)
        {
            var r = (_op, _inPlace) switch
            {
                ("add", false) => _a.add(_b),
                ("mul", false) => _a.mul(_b),
                ("relu", false) => _a.relu(),
                ("exp", false) => _a.exp(),
                ("add", true) => _c.add_(_b),
                ("mul", true) => _c.mul_(_b),
                ("relu", true) => _c.relu_(),
                ("exp", true) => _c.exp_(),
                _ => throw new ArgumentException($"unknown op {_op}"),
            };
            n = r.numel();
            if (_scoped && !_inPlace) r.Dispose(); // scoped: disposed at once, as on the TorchSharp side; natural code drops it
        }
        return n;
    }

    public void Dispose() { }
}

/// <summary>One op on 2×2 tensors: what a call costs beyond its arithmetic.</summary>
internal sealed class FlintSmallOp : IPreparedWorkload
{
    private readonly Tensor _a, _b, _c, _g;
    private readonly string _op;
    private readonly bool _scoped;

    public FlintSmallOp(WorkloadSpec spec, bool scoped = false)
    {
        _scoped = scoped;
        torch.manual_seed(3);
        _a = torch.randn(2, 2);
        _b = torch.randn(2, 2);
        _c = torch.zeros(2, 2);
        _g = torch.randn(2, 2, requires_grad: true);
        _op = spec.Op;
    }

    public double Run(int count)
    {
        Tensor r = _c;
        for (int i = 0; i < count; i++)
        {
            r = _op switch
            {
                "add" => _a.add(_b),
                "add_" => _c.add_(_b),
                "add-grad" => _g.add(_b),
                "mm" => _a.mm(_b),
                "sum" => _a.sum(),
                _ => throw new ArgumentException($"unknown op {_op}"),
            };
            if (_scoped && _op != "add_") r.Dispose();
        }
        return r.numel();
    }

    public void Dispose() { }
}
