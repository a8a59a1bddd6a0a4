namespace Flint.Ops;

// torch.linalg ops built on the decompositions: pinv, matrix_rank, lstsq, matrix_power, cross.
internal static partial class Linalg
{
    /// <summary>PyTorch's default relative tolerance for rank decisions: eps(dtype) · max(m, n).</summary>
    private static double DefaultRtol(Tensor a) =>
        (a.dtype == ScalarType.Float64 ? 2.220446049250313e-16 : 1.1920928955078125e-7) * Math.Max(a.Shape[^2], a.Shape[^1]);

    /// <summary>get_atol_rtol: rtol defaults to eps·max(m, n) unless a positive atol is given, atol to 0.</summary>
    private static (double Atol, double Rtol) Tolerances(Tensor a, double? atol, double? rtol) =>
        (atol ?? 0.0, rtol ?? (atol is > 0 ? 0.0 : DefaultRtol(a)));

    /// <summary>
    /// linalg.pinv: Vh⁺ diag(1/σ for σ &gt; max(atol, rtol·σ_max)) Uᴴ from the SVD, or from the eigen-decomposition
    /// when <paramref name="hermitian"/>; gradient by PyTorch's pinv_backward.
    /// </summary>
    public static Tensor Pinv(Tensor a, double? atol, double? rtol, bool hermitian, string op = "linalg.pinv")
    {
        if (a.Shape.Length < 2 || a.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException($"{op}({DTypes.ShortName(a.dtype)}{{[{string.Join(", ", a.Shape)}]}}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types");
        var (at, rt) = Tolerances(a, atol, rtol);
        Tensor r;
        using (torch.no_grad())
        {
            if (a.Shape[^1] == 0 || a.Shape[^2] == 0) r = torch.zeros([.. a.Shape[..^2], a.Shape[^1], a.Shape[^2]], a.dtype, a.device);
            else if (hermitian)
            {
                var (w, v) = Eigh(a, "L", op);
                var abs = w.abs();
                var tol = (abs.amax(-1, keepdim: true) * rt).clamp(min: at);
                var inv = torch.where(abs > tol, 1.0 / w, torch.zeros_like(w));
                r = (v * inv.unsqueeze(-2)).matmul(MT(v));
            }
            else
            {
                var (u, s, vh) = Svd(a, fullMatrices: false, op);
                var tol = (s.narrow(-1, 0, 1) * rt).clamp(min: at);
                var inv = torch.where(s > tol, 1.0 / s, torch.zeros_like(s));
                r = (MT(vh) * inv.unsqueeze(-2)).matmul(MT(u));
            }
        }
        return Recorder.Record(r, "LinalgPinvBackward0", [a], [a, r], (g, s) => [PinvBackward(g, s[1], s[0])]);
    }

    /// <summary>pinv_backward (PyTorch 1.13, real case), arranged so the products stay small.</summary>
    private static Tensor PinvBackward(Tensor grad, Tensor pinvA, Tensor a)
    {
        long m = a.Shape[^2], n = a.Shape[^1];
        var pinvAh = MT(pinvA);
        var gradh = MT(grad);
        if (m <= n)
        {
            var k = gradh.matmul(pinvA);
            var kpinvAh = k.matmul(pinvAh);
            return -MT(pinvA.matmul(k)) + kpinvAh - a.matmul(pinvA).matmul(kpinvAh) + pinvAh.matmul(pinvA).matmul(gradh - k.matmul(a));
        }
        else
        {
            var k = pinvA.matmul(gradh);
            var pinvAhK = pinvAh.matmul(k);
            return -MT(k.matmul(pinvA)) + (gradh - a.matmul(k)).matmul(pinvA).matmul(pinvAh) + pinvAhK - pinvAhK.matmul(pinvA).matmul(a);
        }
    }

    /// <summary>linalg.matrix_rank: the number of singular values (|eigenvalues| when hermitian) above max(atol, rtol·σ_max), as int64.</summary>
    public static Tensor MatrixRank(Tensor a, double? atol, double? rtol, bool hermitian, string op = "torch.linalg.matrix_rank")
    {
        CheckMatrix(a, op, "input");
        CheckFloating(a, op);
        var (at, rt) = Tolerances(a, atol, rtol);
        using (torch.no_grad())
        {
            if (a.Shape[^1] == 0 || a.Shape[^2] == 0) return torch.zeros(a.Shape[..^2], ScalarType.Int64, a.device);
            var s = hermitian ? Eigvalsh(a, "L", op).abs() : Svdvals(a, op);
            var tol = (s.amax(-1, keepdim: true) * rt).clamp(min: at);
            return (s > tol).sum(-1).to(ScalarType.Int64);
        }
    }

    /// <summary>
    /// linalg.lstsq: the minimum-norm least-squares solution of A X = B (batch dims broadcast), with the outputs
    /// PyTorch's CPU drivers give: gelsy (the default) and gels return no residuals or singular values, gels no rank;
    /// gelsd and gelss return the singular values, and all but gelsy the residuals when m &gt; n and A has full rank.
    /// The solution is pinv(A, rtol: rcond) B (rank-revealing like gelsy's), so it is differentiable.
    /// </summary>
    public static (Tensor Solution, Tensor Residuals, Tensor Rank, Tensor SingularValues) Lstsq(Tensor a, Tensor b, double? rcond, string? driver, string op = "linalg.lstsq")
    {
        if (a.dtype is not (ScalarType.Float32 or ScalarType.Float64))
            throw new ArgumentException("This function doesn't handle types other than float and double");
        if (a.dtype != b.dtype)
            throw new ArgumentException($"torch.linalg.lstsq: Expected input and other to have the same dtype, but got input's dtype {DTypes.Name(a.dtype)} and other's dtype {DTypes.Name(b.dtype)}");
        Dispatcher.CheckSameDevice(a, b);
        if (a.Shape.Length < 2) throw new ArgumentException("torch.linalg.lstsq: input must have at least 2 dimensions.");
        if (b.Shape.Length < 1) throw new ArgumentException("torch.linalg.lstsq: other must have at least 1 dimension.");
        var d = driver ?? "gelsy";
        if (d is not ("gels" or "gelsy" or "gelsd" or "gelss"))
            throw new ArgumentException("torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)");
        bool vector = b.Shape.Length == a.Shape.Length - 1;
        var bm = vector ? b.unsqueeze(-1) : b;
        if (bm.Shape.Length < 2 || bm.Shape[^2] != a.Shape[^2])
            throw new ArgumentException($"torch.linalg.lstsq: input.size(-2) should match other.size({(vector ? -1 : -2)})");
        long m = a.Shape[^2], n = a.Shape[^1];
        double rc = rcond is { } given && given > 0 ? given : DefaultRtol(a);
        var x = Pinv(a, 0.0, rc, hermitian: false, op).matmul(bm);
        var batch = Shapes.Broadcast(a.Shape[..^2], bm.Shape[..^2]);
        Tensor rank = torch.empty([0], ScalarType.Int64, a.device), sv = torch.empty([0], a.dtype, a.device), residuals = torch.empty([0], a.dtype, a.device);
        using (torch.no_grad())
        {
            if (d != "gels")
            {
                var s = Svdvals(a, op);
                var keep = s > (s.narrow(-1, 0, Math.Min(1, s.Shape[^1])) * rc);
                rank = keep.sum(-1).to(ScalarType.Int64);
                if (d is "gelsd" or "gelss") sv = s;
            }
        }
        if (d != "gelsy" && m > n)
        {
            bool fullRank;
            using (torch.no_grad()) fullRank = d == "gels" || rank.eq((double)n).all().item<bool>();
            if (fullRank) residuals = (a.matmul(x) - bm).pow(2).sum(-2);
        }
        var solution = vector ? x.squeeze(-1) : x;
        if (!Shapes.SameShape(solution.Shape[..^2], batch) && !vector) solution = solution.expand([.. batch, n, bm.Shape[^1]]);
        return (solution, residuals, rank, sv);
    }

    /// <summary>linalg.matrix_power: repeated squaring; 0 gives the identity, negative powers invert first.</summary>
    public static Tensor MatrixPower(Tensor a, long k, string op = "linalg.matrix_power")
    {
        CheckSquare(a, op);
        if (k == 0) return Eye(a.Shape[^1], a).expand(a.Shape).clone();
        var baseM = k < 0 ? Inv(a, op) : a;
        long e = Math.Abs(k);
        Tensor? result = null;
        while (true)
        {
            if ((e & 1) != 0) result = result is null ? baseM : result.matmul(baseM);
            e >>= 1;
            if (e == 0) break;
            baseM = baseM.matmul(baseM);
        }
        return ReferenceEquals(result, a) ? a.clone() : result!;
    }

    /// <summary>linalg.cross: the cross product along a dim of length 3, batch dims broadcast.</summary>
    public static Tensor Cross(Tensor a, Tensor b, long dim, string op = "linalg.cross")
    {
        if (a.Shape.Length != b.Shape.Length)
            throw new ArgumentException($"{op}: inputs must have the same number of dimensions.");
        int d = Shapes.WrapDim(dim, a.Shape.Length);
        if (a.Shape[d] != 3 || b.Shape[d] != 3)
            throw new ArgumentException($"{op}: inputs dimension {dim} must have length 3. Got {a.Shape[d]} and {b.Shape[d]}");
        var shape = Shapes.Broadcast(a.Shape, b.Shape);
        var x = a.expand(shape);
        var y = b.expand(shape);
        // c = roll(a, -1) roll(b, -2) - roll(a, -2) roll(b, -1) along dim: (a1 b2 - a2 b1, a2 b0 - a0 b2, a0 b1 - a1 b0)
        Tensor Roll(Tensor t, int by) => by == 1
            ? torch.cat([t.narrow(d, 1, 2), t.narrow(d, 0, 1)], d)
            : torch.cat([t.narrow(d, 2, 1), t.narrow(d, 0, 2)], d);
        return Roll(x, 1) * Roll(y, 2) - Roll(x, 2) * Roll(y, 1);
    }

    /// <summary>torch.cross's legacy default dim: the first dim of length 3.</summary>
    public static long DefaultCrossDim(Tensor a, Tensor b)
    {
        var shape = Shapes.Broadcast(a.Shape, b.Shape);
        for (int i = 0; i < shape.Length; i++) if (shape[i] == 3) return i;
        throw new ArgumentException("no dimension of size 3 in input");
    }
}
