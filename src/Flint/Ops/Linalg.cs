namespace Flint.Ops;

/// <summary>
/// torch.linalg: the argument checks in PyTorch 1.13's words, the calls into the decompositions
/// (<see cref="Dispatcher"/>'s linalg door, managed host kernels) and the backward formulas of
/// PyTorch's FunctionsManual.cpp. This part holds the shared checks and the LU family: det, slogdet, inv, solve.
/// </summary>
internal static partial class Linalg
{
    /// <summary>The last two dims swapped (PyTorch's mT).</summary>
    internal static Tensor MT(Tensor x) => x.transpose(-2, -1);

    /// <summary>[..., n] → [..., n, n] with the values on the diagonal (composed, so it is differentiable on every device).</summary>
    internal static Tensor DiagEmbed(Tensor v)
    {
        long n = v.Shape[^1];
        return v.unsqueeze(-1) * torch.eye(n, dtype: v.dtype, device: v.device);
    }

    /// <summary>The diagonal of the square matrices of [..., n, n] as [..., n].</summary>
    internal static Tensor Diagonal(Tensor x)
    {
        long n = x.Shape[^1];
        return (x * torch.eye(n, dtype: x.dtype, device: x.device)).sum(-1);
    }

    /// <summary>checkFloatingOrComplex (with low precision dtypes refused, as every CPU LAPACK op does).</summary>
    internal static void CheckFloating(Tensor a, string op, bool allowLowPrecision = false, string? kernel = null)
    {
        if (!a.IsFloating)
            throw new ArgumentException($"{op}: Expected a floating point or complex tensor as input. Got {DTypes.ShortName(a.dtype)}");
        if (!allowLowPrecision && a.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException(kernel is null
                ? $"{op}: Low precision dtypes not supported. Got {DTypes.ShortName(a.dtype)}"
                : NotImplementedFor(kernel, a));
    }

    /// <summary>PyTorch's dispatch error for a dtype a CPU kernel has no instance for.</summary>
    internal static string NotImplementedFor(string kernel, Tensor a) => $"\"{kernel}\" not implemented for '{DTypes.ShortName(a.dtype)}'";

    /// <summary>checkIsMatrix.</summary>
    internal static void CheckMatrix(Tensor a, string op, string arg = "A")
    {
        if (a.Shape.Length < 2)
            throw new ArgumentException($"{op}: The input tensor {arg} must have at least 2 dimensions.");
    }

    /// <summary>squareCheckInputs.</summary>
    internal static void CheckSquare(Tensor a, string op, string arg = "A")
    {
        CheckMatrix(a, op, arg);
        if (a.Shape[^1] != a.Shape[^2])
            throw new ArgumentException($"{op}: {arg} must be batches of square matrices, but they are {a.Shape[^2]} by {a.Shape[^1]} matrices");
    }

    /// <summary>_linalg_check_errors: the message for the first failing batch element's LAPACK info.</summary>
    internal static void CheckInfo(int[] info, long[] batchShape, string op, Func<int, string> message)
    {
        for (int i = 0; i < info.Length; i++)
        {
            if (info[i] == 0) continue;
            string batch = batchShape.Length > 0 ? $": (Batch element {i})" : "";
            throw new torch.linalg.LinAlgError($"{op}{batch}: {message(info[i])}");
        }
    }

    private static void CheckSameDtype(Tensor a, Tensor b, string op)
    {
        if (a.dtype != b.dtype)
            throw new ArgumentException($"{op}: Expected A and B to have the same dtype, but found A of type {DTypes.ShortName(a.dtype)} and B of type {DTypes.ShortName(b.dtype)} instead");
        Dispatcher.CheckSameDevice(a, b);
    }

    private static Tensor Eye(long n, Tensor like) => torch.eye(n, dtype: like.dtype, device: like.device);

    // ---- det, slogdet

    /// <summary>linalg.det: the product of U's diagonal and the permutation's sign of A's LU factors.</summary>
    public static Tensor Det(Tensor a, string op = "linalg.det")
    {
        CheckSquare(a, op);
        CheckFloating(a, op, kernel: "lu_cpu");
        var (det, _, _) = Dispatcher.LuDet(a);
        return Recorder.Record(det, "LinalgDetBackward0", [a], [a, det], (g, s) => [DetBackward(g, s[0], s[1])]);
    }

    /// <summary>
    /// linalg_det_backward: the cofactor matrix times g. Non-singular A: g det A⁻ᵀ. When some det is 0, through the SVD
    /// A = U diag(S) Vh: gA = U diag(g det(U) det(Vh) Π_{j≠i} S_j) Vh, which also holds for non-singular A.
    /// </summary>
    private static Tensor DetBackward(Tensor g, Tensor a, Tensor det)
    {
        bool singular;
        using (torch.no_grad()) singular = det.numel() > 0 && det.eq(0.0).any().item<bool>();
        if (!singular) return (g * det).unsqueeze(-1).unsqueeze(-1) * MT(Inv(a));
        var (u, sv, vh) = Svd(a, fullMatrices: false);
        Tensor sign;
        using (torch.no_grad()) sign = Dispatcher.LuDet(u).Det * Dispatcher.LuDet(vh).Det;
        long n = sv.Shape[^1];
        var onDiagonal = torch.eye(n, dtype: sv.dtype, device: sv.device) > 0.5;
        var others = torch.where(onDiagonal, torch.ones_like(sv).unsqueeze(-1), sv.unsqueeze(-2).expand([.. sv.Shape, n])).prod(-1);
        var d = (g * sign).unsqueeze(-1) * others;
        return (u * d.unsqueeze(-2)).matmul(vh);
    }

    /// <summary>linalg.slogdet: (sign, log|det|); only log|det| is differentiable, with gradient g A⁻ᵀ.</summary>
    public static (Tensor Sign, Tensor LogAbsDet) Slogdet(Tensor a, string op = "linalg.slogdet")
    {
        CheckSquare(a, op);
        CheckFloating(a, op, kernel: "lu_cpu");
        var (_, sign, log) = Dispatcher.LuDet(a);
        log = Recorder.Record(log, "LinalgSlogdetBackward0", [a], [a], (g, s) => [g.unsqueeze(-1).unsqueeze(-1) * MT(Inv(s[0]))]);
        return (sign, log);
    }

    // ---- inv, solve

    /// <summary>linalg.inv through the LU solve of A X = I; gradient -A⁻ᵀ g A⁻ᵀ.</summary>
    public static Tensor Inv(Tensor a, string op = "linalg.inv")
    {
        CheckSquare(a, op);
        CheckFloating(a, op, kernel: "lu_cpu");
        long n = a.Shape[^1];
        var (x, info) = Dispatcher.LuSolve(a, Eye(n, a).expand(a.Shape));
        CheckInfo(info, a.Shape[..^2], op, k => $"The diagonal element {k} is zero, the inversion could not be completed because the input matrix is singular.");
        return Recorder.Record(x, "LinalgInvExBackward0", [a], [x], (g, s) =>
        {
            var xt = MT(s[0]);
            return [-xt.matmul(g).matmul(xt)];
        });
    }

    /// <summary>
    /// linalg.solve (PyTorch 1.13): A X = B with A [*, n, n] and B [*, n, k], or B a vector ([n], or A's shape
    /// without its last dim), batch dims broadcast; left: false solves X A = B.
    /// </summary>
    public static Tensor Solve(Tensor a, Tensor b, bool left = true, string op = "linalg.solve")
    {
        CheckFloating(a, op, kernel: "lu_cpu");
        CheckSquare(a, op);
        CheckSameDtype(a, b, op);
        bool vector = b.Shape.Length == 1 || (b.Shape.Length == a.Shape.Length - 1 && Shapes.SameShape(b.Shape, a.Shape[..^1]));
        if (!left)
            return vector ? Solve(MT(a), b, true, op) : MT(Solve(MT(a), MT(b), true, op));
        var bm = vector ? b.unsqueeze(-1) : b;
        if (bm.Shape.Length < 2 || bm.Shape[^2] != a.Shape[^1])
            throw new ArgumentException($"{op}: Incompatible shapes of A and B for the equation AX = B ({a.Shape[^2]}x{a.Shape[^1]} and {(bm.Shape.Length < 2 ? "" : bm.Shape[^2] + "x")}{bm.Shape[^1]})");
        long n = a.Shape[^1], k = bm.Shape[^1];
        var batch = Shapes.Broadcast(a.Shape[..^2], bm.Shape[..^2]);
        var (xm, info) = Dispatcher.LuSolve(a.expand([.. batch, n, n]), bm.expand([.. batch, n, k]));
        CheckInfo(info, batch, "torch." + op, _ => "The solver failed because the input matrix is singular.");
        var x = vector ? xm.squeeze(-1) : xm;
        var aShape = a.Shape;
        var bShape = b.Shape;
        return Recorder.Record(x, "LinalgSolveExBackward0", [a, b], [a, xm], (g, s) =>
        {
            // gB = A⁻ᵀ gX, gA = -gB Xᵀ (each summed back over the broadcast batch dims)
            var gm = vector ? g.unsqueeze(-1) : g;
            var gb = Solve(MT(s[0]), gm, true, op);
            var ga = -gb.matmul(MT(s[1]));
            return [Recorder.SumToShape(ga, aShape), Recorder.SumToShape(vector ? gb.squeeze(-1) : gb, bShape)];
        });
    }
}
