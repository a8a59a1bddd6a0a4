namespace Flint.Workloads;

/// <summary>How long a run may take.</summary>
public enum RunMode
{
    /// <summary>Everything, enough samples for stable medians (several minutes).</summary>
    Full,
    /// <summary>Fewer sizes and samples: under a minute on 2 cores.</summary>
    Quick,
    /// <summary>The quick workloads for a couple of iterations: checks that they run, times nothing useful.</summary>
    Smoke,
}

/// <summary>The workloads of issue 5, sections (a)–(g) plus whole-process start-up (p).</summary>
public static class Catalog
{
    /// <summary>The specification's network: N=64, D_in=1000, H=100, D_out=10, 500 iterations.</summary>
    public static readonly WorkloadSpec TutorialSpec =
        new("a", "autograd 64/1000/100/10", WorkloadKind.AutogradProgram, [64, 1000, 100, 10], Iterations: 500);

    /// <summary>The workloads for <paramref name="mode"/>, in table order.</summary>
    public static List<WorkloadSpec> Build(RunMode mode)
    {
        bool full = mode == RunMode.Full;
        var list = new List<WorkloadSpec>
        {
            TutorialSpec with { Iterations = full ? 500 : 200 },
            new("b", "nn.Sequential+MSELoss+SGD 64/1000/100/10", WorkloadKind.NnProgram, [64, 1000, 100, 10], Iterations: full ? 500 : 200),
            new("c", "autograd scaled 512/4096/1024/256", WorkloadKind.AutogradProgram, [512, 4096, 1024, 256], Iterations: full ? 100 : 10, LearningRate: 1e-9),
        };

        long[] square = full ? [64, 128, 256, 512, 1024, 2048] : [64, 256, 1024];
        foreach (var n in square) list.Add(new("d", $"sgemm {n}", WorkloadKind.Gemm, [n, n, n]));
        foreach (var n in full ? square[..5] : [256L])
            list.Add(new("d", $"dgemm {n}", WorkloadKind.Gemm, [n, n, n], Float64: true));
        // The tutorial's shapes: x·w1, h·w2 forward, and the backward x^T·grad_h.
        list.Add(new("d", "sgemm 64x1000·1000x100", WorkloadKind.Gemm, [64, 1000, 100]));
        list.Add(new("d", "sgemm 1000x64·64x100", WorkloadKind.Gemm, [1000, 64, 100]));
        list.Add(new("d", "sgemm 64x10·10x100", WorkloadKind.Gemm, [64, 10, 100]));

        // (m): the allocating product of issue 13, c = a.mm(b) in a loop with the result dropped.
        foreach (var n in full ? new long[] { 256, 512, 1024, 2048 } : [256, 1024])
            list.Add(new("m", $"c = a.mm(b) dropped, n={n}", WorkloadKind.Gemm, [n, n, n], "alloc"));

        string[] ops = full ? ["add", "mul", "relu", "exp"] : ["add", "relu"];
        long[] sizes = full ? [1_000, 1_000_000, 10_000_000] : [1_000_000, 10_000_000];
        foreach (var n in sizes)
            foreach (var op in ops)
                foreach (var inPlace in new[] { false, true })
                    list.Add(new("e", $"{op}{(inPlace ? "_" : "")} {n:0.#e0} f32", WorkloadKind.Elementwise, [n], op, InPlace: inPlace));

        foreach (var op in full ? new[] { "add", "add_", "add-grad", "mm", "sum" } : ["add", "add_"])
            list.Add(new("f", $"2x2 {op}", WorkloadKind.SmallOp, [2, 2], op));

        list.Add(TutorialSpec with { Section = "g", Name = "(a) with the other core busy", Iterations = full ? 500 : 200, BusyOtherCore = true });

        // (v): a ResNet-style 3x3 convolution layer, forward and backward. Args: N, C_in, C_out, H, W, kernel, padding.
        list.Add(mode == RunMode.Smoke
            ? new("v", "conv2d fwd+bwd 2x8→8 3x3 p1 8x8 (smoke size)", WorkloadKind.Conv, [2, 8, 8, 8, 8, 3, 1])
            : new("v", "conv2d fwd+bwd 32x64→64 3x3 p1 56x56", WorkloadKind.Conv, [32, 64, 64, 56, 56, 3, 1]));
        // (t): one training step of samples/CharGpt's model (4 layers, 4 heads, 128 wide, context 64, batch 32, 80 characters).
        list.Add(new("t", "CharGpt training step 4L/4H/128/ctx64/b32", WorkloadKind.TransformerStep, [4, 4, 128, 64, 32, 80], Iterations: full ? 50 : 10));

        list.Add(new("p", "process: launch → first tensor result", WorkloadKind.Process, [], "first"));
        list.Add(new("p", "process: autograd program, 500 it", WorkloadKind.Process, [], "autograd"));

        // (r): nn.LSTM forward + backward, 1 layer, input 256, hidden 256, sequence 64, batch 32 (issue 16).
        list.Add(new("r", "LSTM fwd+bwd 256/256, seq 64, batch 32", WorkloadKind.RecurrentProgram, [64, 32, 256, 256], "lstm", Iterations: full ? 50 : 10));
        // Issue 14: a convolutional training step (target Flint/TorchSharp ≤ 1.0) and the data pipeline of its epoch
        // (target: ≤ 10% of a FashionCnn training epoch, i.e. of 938 × (h)).
        list.Add(new("h", "FashionCnn training step, batch 64, 1×28×28", WorkloadKind.CnnStep, [64, 1, 28, 28]));
        list.Add(new("i", "DataLoader Fashion-MNIST ToTensor+Normalize, batch 64, one epoch", WorkloadKind.DataLoaderEpoch,
            [64, mode == RunMode.Smoke ? 3 : 0]));

        if (mode == RunMode.Smoke)
        {
            for (int i = 0; i < list.Count; i++)
                if (list[i].Iterations > 0) list[i] = list[i] with { Iterations = 3 };
        }
        return list;
    }
}
