namespace Flint.Ops;

/// <summary>
/// The triangular and LU families of torch.linalg (issue 15): solve_triangular (a host kernel through the linalg door,
/// with PyTorch's backward), lu_factor/lu_factor_ex/lu (rectangular getrf; the backward as FunctionsManual's
/// linalg_lu_backward), lu_unpack, lu_solve, cholesky_solve/cholesky_inverse, the *_ex forms with
/// their info tensors, matrix_exp (scaling and squaring with Padé approximants, backward through the block-matrix
/// identity PyTorch uses) and householder_product (composed). Batch dims lead, as in PyTorch.
/// </summary>
internal static class LinalgFactorizations
{
    private static Tensor MT(Tensor x) => x.transpose(-2, -1);

    private static void CheckSameDtype(Tensor a, Tensor b, string op)
    {
        if (a.dtype != b.dtype)
            throw new ArgumentException($"{op}: Expected A and B to have the same dtype, but found A of type {DTypes.ShortName(a.dtype)} and B of type {DTypes.ShortName(b.dtype)} instead");
        Dispatcher.CheckSameDevice(a, b);
    }

    // ---- solve_triangular

    public static Tensor SolveTriangular(Tensor a, Tensor b, bool upper, bool left, bool unitriangular, string op = "linalg.solve_triangular")
    {
        Linalg.CheckFloating(a, op);
        Linalg.CheckMatrix(a, op, "A");
        Linalg.CheckMatrix(b, op, "B");
        Linalg.CheckSquare(a, op);
        CheckSameDtype(a, b, op);
        long n = a.Shape[^1];
        if ((left ? b.Shape[^2] : b.Shape[^1]) != n)
            throw new ArgumentException(left
                ? $"{op}: Incompatible shapes of A and B for the equation AX = B ({a.Shape[^2]}x{n} and {b.Shape[^2]}x{b.Shape[^1]})"
                : $"{op}: Incompatible shapes of A and B for the equation XA = B ({a.Shape[^2]}x{n} and {b.Shape[^2]}x{b.Shape[^1]})");
        return left ? Left(a, b, upper, unitriangular) : MT(Left(MT(a), MT(b), !upper, unitriangular));
    }

    /// <summary>T X = B with broadcast batch dims; gB = T⁻ᵀ gX, gT = -gB Xᵀ restricted to T's triangle.</summary>
    internal static Tensor Left(Tensor a, Tensor b, bool upper, bool unit)
    {
        var batch = Shapes.Broadcast(a.Shape[..^2], b.Shape[..^2]);
        long n = a.Shape[^1], k = b.Shape[^1];
        var x = Dispatcher.TriangularSolve(a.expand([.. batch, n, n]), b.expand([.. batch, n, k]), upper, unit);
        var aShape = a.Shape;
        var bShape = b.Shape;
        return Recorder.Record(x, "LinalgSolveTriangularBackward0", [a, b], [a, x], (g, s) =>
        {
            var gb = Left(MT(s[0]), g, !upper, unit);
            var ga = -gb.matmul(MT(s[1]));
            ga = upper ? ga.triu(unit ? 1 : 0) : ga.tril(unit ? -1 : 0);
            return [Recorder.SumToShape(ga, aShape), Recorder.SumToShape(gb, bShape)];
        });
    }

    /// <summary>torch.triangular_solve(b, A): (the solution of A X = b, or Aᵀ X = b when transposed; a copy of A).</summary>
    public static (Tensor Solution, Tensor ClonedCoefficient) TriangularSolve(Tensor b, Tensor a, bool upper, bool transpose, bool unitriangular)
    {
        const string op = "triangular_solve";
        Linalg.CheckFloating(a, op);
        if (b.dim() < 2) throw new ArgumentException($"torch.triangular_solve: Expected b to have at least 2 dimensions, but it has {b.dim()} dimensions instead");
        if (a.dim() < 2) throw new ArgumentException($"torch.triangular_solve: Expected A to have at least 2 dimensions, but it has {a.dim()} dimensions instead");
        Linalg.CheckSquare(a, op);
        CheckSameDtype(a, b, op);
        if (a.Shape[^1] != b.Shape[^2])
            throw new ArgumentException($"Incompatible matrix sizes for triangular_solve: each A matrix is {a.Shape[^1]} by {a.Shape[^1]} but each b matrix is {b.Shape[^2]} by {b.Shape[^1]}");
        var x = transpose ? Left(MT(a), b, !upper, unitriangular) : Left(a, b, upper, unitriangular);
        var batch = Shapes.Broadcast(a.Shape[..^2], b.Shape[..^2]);
        return (x, a.expand([.. batch, a.Shape[^2], a.Shape[^1]]).clone());
    }

    // ---- LU

    private const string LuFactorSingular = "is zero and using it on lu_solve would result in a division by zero. If you still want to perform the factorization, consider calling linalg.lu(A, pivot) or linalg.lu_factor_ex(A, pivot)";

    /// <summary>linalg.lu_factor_ex: packed LU, 1-based int32 pivots and int32 info; LU is differentiable for square A.</summary>
    public static (Tensor LU, Tensor Pivots, Tensor Info) LuFactorEx(Tensor a, bool pivot, bool checkErrors, string op = "torch.linalg.lu_factor_ex")
    {
        if (a.dim() < 2) throw new ArgumentException($"torch.lu_factor: Expected tensor with 2 or more dimensions. Got size: {Shapes.Str(a.Shape)} instead");
        if (a.dtype is not (ScalarType.Float32 or ScalarType.Float64)) throw new ArgumentException(Linalg.NotImplementedFor("lu_cpu", a));
        if (!pivot) throw new ArgumentException("linalg.lu_factor: LU without pivoting is not implemented on the CPU");
        var (lu, piv, info) = Dispatcher.LuFactor(a);
        if (checkErrors)
            Linalg.CheckInfo(info, a.Shape[..^2], op, k => $"U[{k},{k}] {LuFactorSingular}");
        var infoT = LinalgMore.InfoTensor(info, a.Shape[..^2], a.device);
        if (!Recorder.Needed(a)) return (lu, piv, infoT);
        var p = PermutationFromPivots(piv, a.Shape[^2], a.dtype);
        lu = Recorder.Record(lu, "LinalgLuFactorExBackward0", [a], [lu, p], (g, s) =>
        {
            var (l, u) = Unpack(s[0]);
            return [LuBackward(g.tril(-1).narrow(-1, 0, l.Shape[^1]), g.triu().narrow(-2, 0, u.Shape[^2]), s[1], l, u)];
        });
        return (lu, piv, infoT);
    }

    /// <summary>linalg.lu_factor: as lu_factor_ex, with PyTorch's error for a zero pivot.</summary>
    public static (Tensor LU, Tensor Pivots) LuFactor(Tensor a, bool pivot)
    {
        var (lu, piv, _) = LuFactorEx(a, pivot, true, "torch.linalg.lu_factor");
        return (lu, piv);
    }

    /// <summary>L (unit lower, m×k) and U (upper, k×n) of packed LU factors, as differentiable views of them.</summary>
    private static (Tensor L, Tensor U) Unpack(Tensor lu)
    {
        long m = lu.Shape[^2], n = lu.Shape[^1], k = Math.Min(m, n);
        var l = lu.narrow(-1, 0, k).tril(-1) + torch.eye(m, k, dtype: lu.dtype, device: lu.device);
        var u = lu.narrow(-2, 0, k).triu();
        return (l, u);
    }

    /// <summary>X with X A = B for triangular A (upper or lower), as the transposed left solve.</summary>
    private static Tensor Right(Tensor a, Tensor b, bool upper, bool unit = false) => MT(Left(MT(a), MT(b), !upper, unit));

    /// <summary>
    /// FunctionsManual's linalg_lu_backward for A = P L U (L m×k, U k×n). Square: gA = P L⁻ᴴ (tril(Lᴴ gL, -1) +
    /// triu(gU Uᴴ)) U⁻ᴴ; wide and tall matrices split U = [U1 U2] or L = [L1; L2] as PyTorch does.
    /// </summary>
    private static Tensor LuBackward(Tensor? gl, Tensor? gu, Tensor p, Tensor l, Tensor u)
    {
        long m = l.Shape[^2], n = u.Shape[^1], k = Math.Min(m, n);
        Tensor? ga;
        if (m == n)
        {
            ga = gl is null ? null : MT(l).matmul(gl).tril(-1);
            if (gu is not null) ga = ga is null ? gu.matmul(MT(u)).triu() : ga + gu.matmul(MT(u)).triu();
            ga ??= torch.zeros_like(u);
            ga = Right(MT(u), ga, upper: false);
            ga = Left(MT(l), ga, upper: true, unit: true);
            return p.matmul(ga);
        }
        if (m < n)
        {
            var u1 = u.narrow(-1, 0, k);
            ga = gl is null ? null : MT(l).matmul(gl);
            if (gu is not null) ga = ga is null ? -gu.triu().matmul(MT(u)) : ga - gu.triu().matmul(MT(u));
            ga ??= torch.zeros([.. l.Shape[..^2], k, k], l.dtype, l.device);
            ga = Right(MT(u1), ga.tril(-1), upper: false);
            if (gu is not null) ga = torch.cat([ga + gu.narrow(-1, 0, k).triu(), gu.narrow(-1, k, n - k)], -1);
            ga = Left(MT(l), ga, upper: true, unit: true);
            if (gu is null) ga = torch.cat([ga, torch.zeros_like(u.narrow(-1, k, n - k))], -1);
            return p.matmul(ga);
        }
        var l1 = l.narrow(-2, 0, k);
        ga = gu is null ? null : gu.matmul(MT(u));
        if (gl is not null) ga = ga is null ? -MT(l).matmul(gl.tril(-1)) : ga - MT(l).matmul(gl.tril(-1));
        ga ??= torch.zeros([.. u.Shape[..^2], k, k], u.dtype, u.device);
        ga = Left(MT(l1), ga.triu(), upper: true, unit: true);
        if (gl is not null) ga = torch.cat([ga + gl.narrow(-2, 0, k).tril(-1), gl.narrow(-2, k, m - k)], -2);
        ga = Right(MT(u), ga, upper: false);
        if (gl is null) ga = torch.cat([ga, torch.zeros_like(l.narrow(-2, k, m - k))], -2);
        return p.matmul(ga);
    }

    /// <summary>The permutation matrices P (A = P L U) of 1-based LAPACK pivots [..., k], for m rows.</summary>
    internal static Tensor PermutationFromPivots(Tensor pivots, long m, ScalarType dtype)
    {
        var piv = Dispatcher.ReadInts(pivots);
        long k = pivots.Shape.Length == 0 ? 0 : pivots.Shape[^1];
        long batch = k == 0 ? Shapes.Numel(pivots.Shape[..^1]) : piv.Length / k;
        var values = new double[batch * m * m];
        var perm = new int[m];
        for (long b = 0; b < batch; b++)
        {
            for (int i = 0; i < m; i++) perm[i] = i;
            for (int i = 0; i < k; i++)
            {
                int q = piv[b * k + i] - 1;
                if (q < 0 || q >= m)
                    throw new ArgumentException("pivots passed to lu_unpack must be between 1 and LU.size(-2) inclusive.Did you properly pass the result of lu_factor?");
                (perm[i], perm[q]) = (perm[q], perm[i]);
            }
            for (int j = 0; j < m; j++) values[b * m * m + perm[j] * m + j] = 1;
        }
        var t = torch.tensor(values, [.. pivots.Shape[..^1], m, m], dtype);
        return pivots.device.type == DeviceType.CPU ? t : t.to(pivots.device);
    }

    /// <summary>torch.lu_unpack: (P, L, U) of lu_factor's outputs; empty tensors for the parts not unpacked.</summary>
    public static (Tensor P, Tensor L, Tensor U) LuUnpack(Tensor lu, Tensor pivots, bool unpackData, bool unpackPivots)
    {
        if (lu.dim() < 2) throw new ArgumentException($"torch.lu_unpack: Expected tensor with 2 or more dimensions. Got size: {Shapes.Str(lu.Shape)} instead");
        if (pivots.dtype != ScalarType.Int32)
            throw new ArgumentException($"torch.lu_unpack: LU_pivots is expected to be a contiguous tensor of torch.int32 dtype. Note: this function is intended to be used with the output produced by torch.linalg.lu_factor");
        var empty = torch.empty([0], lu.dtype, lu.device);
        Tensor l = empty, u = empty, p = empty;
        if (unpackData) (l, u) = Unpack(lu);
        if (unpackPivots) p = PermutationFromPivots(pivots, lu.Shape[^2], lu.dtype);
        return (p, l, u);
    }

    /// <summary>linalg.lu: A = P L U.</summary>
    public static (Tensor P, Tensor L, Tensor U) Lu(Tensor a, bool pivot)
    {
        var (lu, piv, _) = LuFactorEx(a, pivot, false, "linalg.lu");
        return LuUnpack(lu, piv, true, true);
    }

    /// <summary>linalg.lu_solve: A X = B (or Aᴴ X = B, X A = B, X Aᴴ = B) from A's LU factors; differentiable in LU and B.</summary>
    public static Tensor LuSolve(Tensor lu, Tensor pivots, Tensor b, bool left, bool adjoint)
    {
        const string op = "linalg.lu_solve";
        Linalg.CheckFloating(lu, op);
        Linalg.CheckSquare(lu, op, "LU");
        Linalg.CheckMatrix(b, op, "B");
        CheckSameDtype(lu, b, op);
        long n = lu.Shape[^1];
        if ((left ? b.Shape[^2] : b.Shape[^1]) != n)
            throw new ArgumentException(left
                ? $"{op}: Incompatible shapes of A and B for the equation AX = B ({n}x{n} and {b.Shape[^2]}x{b.Shape[^1]})"
                : $"{op}: Incompatible shapes of A and B for the equation XA = B ({n}x{n} and {b.Shape[^2]}x{b.Shape[^1]})");
        return LuSolveFactored(lu, pivots, b, left, adjoint);
    }

    internal static Tensor LuSolveFactored(Tensor lu, Tensor pivots, Tensor b, bool left, bool adjoint)
    {
        if (!left) return MT(LuSolveFactored(lu, pivots, MT(b), true, !adjoint));
        var (l, u) = Unpack(lu);
        var p = PermutationFromPivots(pivots, lu.Shape[^2], lu.dtype);
        if (!adjoint) return Left(u, Left(l, MT(p).matmul(b), upper: false, unit: true), upper: true, unit: false);
        // Aᵀ = Uᵀ Lᵀ Pᵀ: X = P L⁻ᵀ U⁻ᵀ B
        return p.matmul(Left(MT(l), Left(MT(u), b, upper: false, unit: false), upper: true, unit: true));
    }

    /// <summary>torch.lu (deprecated): (LU, pivots, infos when <paramref name="getInfos"/>).</summary>
    public static (Tensor LU, Tensor Pivots, Tensor? Infos) LegacyLu(Tensor a, bool pivot, bool getInfos)
    {
        var (lu, piv, info) = LuFactorEx(a, pivot, !getInfos, "torch.linalg.lu_factor");
        return (lu, piv, getInfos ? info : null);
    }

    // ---- Cholesky family

    public static Tensor CholeskySolve(Tensor b, Tensor l, bool upper)
    {
        if (b.dim() < 2) throw new ArgumentException($"b should have at least 2 dimensions, but has {b.dim()} dimensions instead");
        if (l.dim() < 2) throw new ArgumentException($"u should have at least 2 dimensions, but has {l.dim()} dimensions instead");
        Linalg.CheckFloating(l, "cholesky_solve");
        if (l.Shape[^1] != l.Shape[^2] || l.Shape[^1] != b.Shape[^2])
            throw new ArgumentException($"Incompatible matrix sizes for cholesky_solve: each A matrix is {l.Shape[^2]} by {l.Shape[^1]} but each b matrix is {b.Shape[^2]} by {b.Shape[^1]}");
        CheckSameDtype(l, b, "cholesky_solve");
        // A = L Lᵀ: X = L⁻ᵀ L⁻¹ B; A = Uᵀ U: X = U⁻¹ U⁻ᵀ B
        return upper
            ? Left(l, Left(MT(l), b, upper: false, unit: false), upper: true, unit: false)
            : Left(MT(l), Left(l, b, upper: false, unit: false), upper: true, unit: false);
    }

    public static Tensor CholeskyInverse(Tensor l, bool upper)
    {
        Linalg.CheckMatrix(l, "cholesky_inverse");
        Linalg.CheckSquare(l, "cholesky_inverse");
        Linalg.CheckFloating(l, "cholesky_inverse");
        var eye = torch.eye(l.Shape[^1], dtype: l.dtype, device: l.device);
        return CholeskySolve(eye.expand(l.Shape), l, upper);
    }

    /// <summary>linalg.cholesky_ex: the factor and LAPACK's info per matrix (no error unless <paramref name="checkErrors"/>).</summary>
    public static (Tensor L, Tensor Info) CholeskyEx(Tensor a, bool upper, bool checkErrors)
    {
        const string op = "linalg.cholesky_ex";
        Linalg.CheckSquare(a, op);
        Linalg.CheckFloating(a, op);
        int[] info;
        Tensor raw;
        using (torch.no_grad()) (raw, info) = Dispatcher.Cholesky(upper ? MT(a) : a);
        if (checkErrors)
            Linalg.CheckInfo(info, a.Shape[..^2], op, k => $"The factorization could not be completed because the input is not positive-definite (the leading minor of order {k} is not positive-definite).");
        var infoT = LinalgMore.InfoTensor(info, a.Shape[..^2], a.device);
        if (info.All(i => i == 0)) return (Linalg.Cholesky(a, upper, op), infoT);
        return (upper ? MT(raw).contiguous() : raw, infoT);
    }

    /// <summary>linalg.solve_ex: the solution and LAPACK's info per matrix (inf/nan for a singular one unless <paramref name="checkErrors"/>).</summary>
    public static (Tensor Result, Tensor Info) SolveEx(Tensor a, Tensor b, bool left, bool checkErrors)
    {
        const string op = "linalg.solve_ex";
        Linalg.CheckFloating(a, op, kernel: "lu_cpu");
        Linalg.CheckSquare(a, op);
        int[] info;
        Tensor lu, piv;
        using (torch.no_grad()) (lu, piv, info) = Dispatcher.LuFactor(a);
        if (checkErrors)
            Linalg.CheckInfo(info, a.Shape[..^2], "torch." + op, _ => "The solver failed because the input matrix is singular.");
        var infoT = LinalgMore.InfoTensor(info, a.Shape[..^2], a.device);
        if (info.All(i => i == 0)) return (Linalg.Solve(a, b, left, op), infoT);
        bool vector = b.Shape.Length == 1 || (b.Shape.Length == a.Shape.Length - 1 && Shapes.SameShape(b.Shape, a.Shape[..^1]));
        var bm = vector ? b.unsqueeze(left ? -1 : -2) : b;
        var batch = Shapes.Broadcast(a.Shape[..^2], bm.Shape[..^2]);
        long n = a.Shape[^1];
        var luB = lu.expand([.. batch, n, n]);
        var pivB = piv.expand([.. batch, n]);
        Tensor x;
        using (torch.no_grad()) x = LuSolveFactored(luB, pivB, bm.expand([.. batch, bm.Shape[^2], bm.Shape[^1]]), left, false);
        return (vector ? x.squeeze(left ? -1 : -2) : x, infoT);
    }

    // ---- matrix_exp

    private static readonly double[] Pade3 = [120, 60, 12, 1];
    private static readonly double[] Pade5 = [30240, 15120, 3360, 420, 30, 1];
    private static readonly double[] Pade7 = [17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1];
    private static readonly double[] Pade9 = [17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1];
    private static readonly double[] Pade13 =
        [64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800, 129060195264000, 10559470521600,
         670442572800, 33522128640, 1323241920, 40840800, 960960, 16380, 182, 1];

    /// <summary>linalg.matrix_exp; gradient exp([[Aᵀ, G], [0, Aᵀ]]) restricted to its upper right block, as PyTorch's.</summary>
    public static Tensor MatrixExp(Tensor a)
    {
        Linalg.CheckSquare(a, "linalg.matrix_exp");
        Linalg.CheckFloating(a, "matrix_exp");
        Tensor r;
        using (torch.no_grad()) r = Expm(a);
        long n = a.Shape[^1];
        return Recorder.Record(r, "LinalgMatrixExpBackward0", [a], [a], (g, s) =>
        {
            var at = MT(s[0]);
            var top = torch.cat([at, g], -1);
            var bottom = torch.cat([torch.zeros_like(at), at], -1);
            return [MatrixExp(torch.cat([top, bottom], -2)).narrow(-2, 0, n).narrow(-1, n, n)];
        });
    }

    /// <summary>Higham's scaling and squaring (2005): the Padé degree by the largest 1-norm of the batch, then squarings.</summary>
    private static Tensor Expm(Tensor a)
    {
        long n = a.Shape[^1];
        if (a.numel() == 0) return a.clone();
        if (n == 1) return a.exp();
        double norm = a.abs().sum(-2).amax(-1).max().to(ScalarType.Float64).item<double>();
        if (double.IsNaN(norm) || double.IsInfinity(norm)) return torch.full(a.Shape, double.NaN, a.dtype, a.device);
        var eye = torch.eye(n, dtype: a.dtype, device: a.device).expand(a.Shape);
        (double theta, double[] c)[] small = [(1.495585217958292e-2, Pade3), (2.539398330063230e-1, Pade5), (9.504178996162932e-1, Pade7), (2.097847961257068, Pade9)];
        foreach (var (theta, c) in small)
            if (norm <= theta) return PadeLow(a, eye, c);
        int s = Math.Max(0, (int)Math.Ceiling(Math.Log2(norm / 5.371920351148152)));
        var x = s == 0 ? a : a / Math.Pow(2, s);
        var r = Pade13Of(x, eye);
        for (int i = 0; i < s; i++) r = r.matmul(r);
        return r;
    }

    private static Tensor PadeLow(Tensor a, Tensor eye, double[] c)
    {
        var a2 = a.matmul(a);
        var pow = eye;
        Tensor u = eye * c[1], v = eye * c[0];
        for (int k = 2; k < c.Length; k += 2)
        {
            pow = pow.matmul(a2);
            v = v + pow * c[k];
            if (k + 1 < c.Length) u = u + pow * c[k + 1];
        }
        u = a.matmul(u);
        return Linalg.Solve(v - u, v + u);
    }

    private static Tensor Pade13Of(Tensor a, Tensor eye)
    {
        var b = Pade13;
        var a2 = a.matmul(a);
        var a4 = a2.matmul(a2);
        var a6 = a4.matmul(a2);
        var u = a.matmul(a6.matmul(a6 * b[13] + a4 * b[11] + a2 * b[9]) + a6 * b[7] + a4 * b[5] + a2 * b[3] + eye * b[1]);
        var v = a6.matmul(a6 * b[12] + a4 * b[10] + a2 * b[8]) + a6 * b[6] + a4 * b[4] + a2 * b[2] + eye * b[0];
        return Linalg.Solve(v - u, v + u);
    }

    // ---- householder_product

    /// <summary>linalg.householder_product: the first n columns of H₁ H₂ … H_k, H_i = I - τ_i v_i v_iᵀ (LAPACK orgqr), composed.</summary>
    public static Tensor HouseholderProduct(Tensor a, Tensor tau)
    {
        const string op = "torch.linalg.householder_product";
        if (a.dim() < 2) throw new ArgumentException($"{op}: input must have at least 2 dimensions.");
        if (a.Shape[^2] < a.Shape[^1]) throw new ArgumentException($"{op}: input.shape[-2] must be greater than or equal to input.shape[-1]");
        if (a.Shape[^1] < tau.Shape[^1]) throw new ArgumentException($"{op}: input.shape[-1] must be greater than or equal to tau.shape[-1]");
        if (a.dim() - tau.dim() != 1)
            throw new ArgumentException($"{op}: Expected tau to have one dimension less than input, but got tau.ndim equal to {tau.dim()} and input.ndim is equal to {a.dim()}");
        Linalg.CheckFloating(a, op);
        CheckSameDtype(a, tau, op);
        long m = a.Shape[^2], n = a.Shape[^1], k = tau.Shape[^1];
        var q = torch.eye(m, dtype: a.dtype, device: a.device).expand([.. a.Shape[..^2], m, m]);
        var rows = torch.arange(m, device: a.device);
        for (long i = 0; i < k; i++)
        {
            var below = (rows > i).to(a.dtype);
            var unit = rows.eq((double)i).to(a.dtype);
            var v = a.select(-1, i) * below + unit;                 // [..., m]
            var qv = q.matmul(v.unsqueeze(-1));                      // [..., m, 1]
            var t = tau.select(-1, i).unsqueeze(-1).unsqueeze(-1);   // [..., 1, 1]
            q = q - t * qv.matmul(v.unsqueeze(-2));
        }
        return q.narrow(-1, 0, n);
    }
}
