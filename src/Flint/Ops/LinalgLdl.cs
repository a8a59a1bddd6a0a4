namespace Flint.Ops;

/// <summary>
/// torch.linalg.ldl_factor(_ex) and ldl_solve for real symmetric matrices (Bunch–Kaufman, LAPACK sytrf/sytrs with
/// uplo = 'L': only the lower triangle of A is read). Checks and messages as PyTorch 1.13's; for real dtypes
/// hermitian = True is the same factorization. PyTorch defines no derivative: a result of an input that requires grad
/// records a node whose backward raises PyTorch's error.
/// </summary>
internal static class LinalgLdl
{
    public static (Tensor LD, Tensor Pivots, Tensor Info) LdlFactorEx(Tensor a, bool hermitian, bool checkErrors, string op = "torch.linalg.ldl_factor_ex")
    {
        Linalg.CheckSquare(a, "torch.linalg.ldl_factor_ex");
        Linalg.CheckFloating(a, "torch.linalg.ldl_factor_ex", kernel: "ldl_factor_kernel_cpu");
        _ = hermitian; // real symmetric: sytrf and hetrf agree
        var (ld, piv, info) = Dispatcher.LdlFactor(a);
        if (checkErrors)
            Linalg.CheckInfo(info, a.Shape[..^2], op, k => $"The factorization could not be completed because the input is not invertible (D[{k},{k}] is zero).");
        var infoT = LinalgMore.InfoTensor(info, a.Shape[..^2], a.device);
        if (Recorder.Needed(a))
            ld = Recorder.Record(ld, "LinalgLdlFactorExBackward0", [a], [], (_, _) =>
                throw new NotSupportedException("derivative for aten::linalg_ldl_factor_ex is not implemented"));
        return (ld, piv, infoT);
    }

    public static (Tensor LD, Tensor Pivots) LdlFactor(Tensor a, bool hermitian)
    {
        var (ld, piv, _) = LdlFactorEx(a, hermitian, true, "torch.linalg.ldl_factor");
        return (ld, piv);
    }

    public static Tensor LdlSolve(Tensor ld, Tensor pivots, Tensor b, bool hermitian)
    {
        const string op = "torch.linalg.ldl_solve";
        // linalg_ldl_solve_out's order: square LD, floating LD, linearSolveCheckInputs (dtype, device, sizes), B's rank,
        // the pivots' shape, then their dtype.
        Linalg.CheckSquare(ld, op);
        Linalg.CheckFloating(ld, op, kernel: "ldl_solve_kernel_cpu");
        if (ld.dtype != b.dtype)
            throw new ArgumentException($"Expected b and A to have the same dtype, but found b of type {DTypes.ShortName(b.dtype)} and A of type {DTypes.ShortName(ld.dtype)} instead.");
        Dispatcher.CheckSameDevice(ld, b);
        if (b.dim() < 2)
            throw new ArgumentException($"Dimension out of range (expected to be in range of [{-Math.Max(b.dim(), 1)}, {Math.Max(b.dim(), 1) - 1}], but got -2)");
        if (b.Shape[^2] != ld.Shape[^1])
            throw new ArgumentException($"Incompatible matrix sizes for {op}: each A matrix is {ld.Shape[^1]} by {ld.Shape[^1]} but each b matrix is {b.Shape[^2]} by {b.Shape[^1]}");
        if (!pivots.Shape.SequenceEqual(ld.Shape[..^1]))
            throw new ArgumentException($"{op}: Expected LD.shape[:-1] and pivots.shape to be the same, but got pivots with shape {Shapes.Str(pivots.Shape)} instead");
        if (DTypes.IsFloatingPoint(pivots.dtype) || pivots.dtype == ScalarType.Bool)
            throw new ArgumentException($"{op}: Expected pivots to be integers. Got {DTypes.ShortName(pivots.dtype)}");
        _ = hermitian;
        // Broadcast the batch dims of LD (with its pivots) and B.
        var batch = Shapes.Broadcast(ld.Shape[..^2], b.Shape[..^2]);
        var ldE = ld.expand([.. batch, ld.Shape[^2], ld.Shape[^1]]).contiguous();
        var pE = pivots.expand([.. batch, pivots.Shape[^1]]).contiguous(); // (pivots share LD's batch shape)
        var bE = b.expand([.. batch, b.Shape[^2], b.Shape[^1]]).contiguous();
        var x = Dispatcher.LdlSolve(ldE, pE, bE);
        if (Recorder.Needed(ld, b))
            x = Recorder.Record(x, "LinalgLdlSolveBackward0", [ld, b], [], (_, _) =>
                throw new NotSupportedException("derivative for aten::linalg_ldl_solve is not implemented"));
        return x;
    }
}
