namespace Flint.Workloads;

/// <summary>How a workload is timed.</summary>
public enum WorkloadKind
{
    /// <summary>(a)/(c)/(g): the specification's autograd program; each iteration timed on its own.</summary>
    AutogradProgram,
    /// <summary>(b): the same network with nn.Sequential + MSELoss + optim.SGD.</summary>
    NnProgram,
    /// <summary>(d): C = A·B, allocating the result.</summary>
    Gemm,
    /// <summary>(e): one elementwise op over a 1-d tensor.</summary>
    Elementwise,
    /// <summary>(f): one op on 2×2 tensors: the fixed cost of a call.</summary>
    SmallOp,
    /// <summary>Whole child process: launch → first tensor result, or the full autograd program.</summary>
    Process,
    /// <summary>(r): a recurrent layer's forward and backward over a sequence; each iteration timed on its own.</summary>
    RecurrentProgram,
    /// <summary>(h): one training step of samples/FashionCnn's network (forward, nll_loss, backward, Adadelta) on a fixed batch.</summary>
    CnnStep,
    /// <summary>(i): DataLoader over Fashion-MNIST with ToTensor + Normalize; Args = [batch size, batches (0: the whole epoch)].</summary>
    DataLoaderEpoch,
    /// <summary>(v): one nn.Conv2d forward + backward (input and parameter gradients).</summary>
    Conv,
    /// <summary>(t): one training step of samples/CharGpt's transformer (Args: layers, heads, width, context, batch, vocabulary).</summary>
    TransformerStep,
}

/// <summary>
/// One benchmark workload. <see cref="Args"/> holds its sizes (N, D_in, H, D_out for the programs;
/// M, K, N for GEMM; the element count for elementwise ops); <see cref="Op"/> names the operation.
/// <see cref="LearningRate"/> is the programs' step: the tutorial's 1e-6 diverges at the scaled sizes.
/// </summary>
public sealed record WorkloadSpec(
    string Section,
    string Name,
    WorkloadKind Kind,
    long[] Args,
    string Op = "",
    bool Float64 = false,
    bool InPlace = false,
    int Iterations = 0,
    bool BusyOtherCore = false,
    double LearningRate = 1e-6)
{
    /// <summary>(m): the GEMM's result is dropped as natural code drops it (the TorchSharp side still disposes it).</summary>
    public bool Allocating => Kind == WorkloadKind.Gemm && Op == "alloc";

    /// <summary>Floating-point operations of one call (GEMM only), for GFLOP/s.</summary>
    public double Flops => Kind == WorkloadKind.Gemm ? 2.0 * Args[0] * Args[1] * Args[2] : 0;

    /// <summary>Bytes read and written by one call (elementwise only), for GB/s.</summary>
    public double Bytes => Kind == WorkloadKind.Elementwise
        ? Args[0] * (Float64 ? 8.0 : 4.0) * (Op is "add" or "mul" ? 3 : 2)
        : 0;
}
