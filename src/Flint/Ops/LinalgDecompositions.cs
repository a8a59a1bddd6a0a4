namespace Flint.Ops;

// torch.linalg's decompositions: cholesky, qr, eigh/eigvalsh, svd/svdvals, with PyTorch 1.13's backward formulas.
internal static partial class Linalg
{
    // ---- cholesky

    /// <summary>linalg.cholesky: L with A = L Lᴴ from A's lower triangle, or U = Lᴴ from its upper one.</summary>
    public static Tensor Cholesky(Tensor a, bool upper, string op = "linalg.cholesky")
    {
        CheckSquare(a, op);
        CheckFloating(a, op);
        var (l, info) = Dispatcher.Cholesky(upper ? MT(a) : a);
        CheckInfo(info, a.Shape[..^2], op, k => $"The factorization could not be completed because the input is not positive-definite (the leading minor of order {k} is not positive-definite).");
        var r = upper ? MT(l).contiguous() : l;
        return Recorder.Record(r, "LinalgCholeskyExBackward0", [a], [r], (g, s) =>
        {
            // gA = L⁻ᴴ Φ L⁻¹ with Φ = ½ (tril(Lᴴ gL) + tril(Lᴴ gL, -1)ᴴ): symmetric, as PyTorch's
            var lower = upper ? MT(s[0]) : s[0];
            var gl = upper ? MT(g) : g;
            var phi = MT(lower).matmul(gl).tril();
            phi = 0.5 * (phi + MT(phi.tril(-1)));
            var linv = Inv(lower);
            return [MT(linv).matmul(phi).matmul(linv)];
        });
    }

    // ---- qr

    /// <summary>linalg.qr: Householder QR; mode "reduced" (Q m×k, R k×n), "complete" (Q m×m, R m×n) or "r" (Q empty).</summary>
    public static (Tensor Q, Tensor R) Qr(Tensor a, string mode, string op = "linalg.qr")
    {
        CheckMatrix(a, op);
        CheckFloating(a, op);
        if (mode is not ("reduced" or "complete" or "r"))
            throw new ArgumentException($"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), 'r', or 'complete'");
        long m = a.Shape[^2], n = a.Shape[^1];
        bool complete = mode == "complete", computeQ = mode != "r";
        var (q, r) = Dispatcher.Qr(a, complete, computeQ);
        q ??= torch.empty([0], a.dtype, a.device);
        if (!Recorder.Needed(a)) return (q, r);
        var outs = Recorder.RecordMulti([q, r], "LinalgQrBackward0", [a], [q, r], (grads, s) =>
        {
            if (!computeQ)
                throw new InvalidOperationException("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.");
            if (complete && m > n)
                throw new InvalidOperationException("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.");
            return [QrBackward(grads[0], grads[1], s[0], s[1])];
        });
        return (outs[0], outs[1]);
    }

    /// <summary>linalg_qr_backward: m ≥ n by the square formula, m &lt; n by splitting A = [X | Y], R = [U | V] (Y = Q V).</summary>
    private static Tensor QrBackward(Tensor? gq, Tensor? gr, Tensor q, Tensor r)
    {
        long m = q.Shape[^2], n = r.Shape[^1];
        if (m >= n) return QrBackwardSquare(gq, gr, q, r);
        var u = r.narrow(-1, 0, m);
        var gu = gr?.narrow(-1, 0, m);
        var gv = gr?.narrow(-1, m, n - m);
        // Y = Q V: gQ picks up gV's part Y gVᵀ = Q V gVᵀ, and gY = Q gV
        var y = q.matmul(r.narrow(-1, m, n - m));
        var gqTotal = gv is null ? gq : gq is null ? y.matmul(MT(gv)) : gq + y.matmul(MT(gv));
        var gx = QrBackwardSquare(gqTotal, gu, q, u);
        var gy = gv is null ? torch.zeros_like(y) : q.matmul(gv);
        return torch.cat([gx, gy], -1);
    }

    /// <summary>gA = (gQ + Q syminvadj(triu(gR Rᴴ - Qᴴ gQ))) R⁻ᴴ, syminvadj(X) = X + Xᴴ with the diagonal halved.</summary>
    private static Tensor QrBackwardSquare(Tensor? gq, Tensor? gr, Tensor q, Tensor r)
    {
        Tensor m;
        if (gq is not null && gr is not null) m = gr.matmul(MT(r)) - MT(q).matmul(gq);
        else if (gq is not null) m = -MT(q).matmul(gq);
        else m = gr!.matmul(MT(r));
        m = m.triu();
        m = m + MT(m) - DiagEmbed(Diagonal(m));
        var ga = q.matmul(m);
        if (gq is not null) ga = ga + gq;
        // ga R⁻ᵀ = (R⁻¹ gaᵀ)ᵀ
        return MT(Solve(r, MT(ga)));
    }

    // ---- eigh, eigvalsh

    private static void CheckEighDtype(Tensor a)
    {
        if (a.dtype is not (ScalarType.Float32 or ScalarType.Float64)) throw new ArgumentException(NotImplementedFor("linalg_eigh_cpu", a));
    }

    private static bool Lower(string uplo) => uplo switch
    {
        "L" or "l" => true,
        "U" or "u" => false,
        _ => throw new ArgumentException("Expected UPLO argument to be 'L' or 'U', but got " + uplo),
    };

    /// <summary>linalg.eigh: ascending eigenvalues and orthonormal eigenvectors (columns) of the symmetric matrices given by A's UPLO triangle.</summary>
    public static (Tensor L, Tensor V) Eigh(Tensor a, string uplo, string op = "linalg.eigh")
    {
        CheckSquare(a, op);
        CheckEighDtype(a);
        bool lower = Lower(uplo);
        var (w, v, failed) = Dispatcher.Eigh(a, lower, vectors: true);
        CheckConverged(failed, a, op, "eigenvalues");
        if (!Recorder.Needed(a)) return (w, v!);
        var outs = Recorder.RecordMulti([w, v!], "LinalgEighBackward0", [a], [w, v!], (g, s) => [EighBackward(g[0], g[1], s[0], s[1])]);
        return (outs[0], outs[1]);
    }

    /// <summary>linalg.eigvalsh: the eigenvalues alone (the eigenvectors are computed only when a gradient needs them).</summary>
    public static Tensor Eigvalsh(Tensor a, string uplo, string op = "linalg.eigh")
    {
        CheckSquare(a, op);
        CheckEighDtype(a);
        bool lower = Lower(uplo);
        bool grad = Recorder.Needed(a);
        var (w, v, failed) = Dispatcher.Eigh(a, lower, vectors: grad);
        CheckConverged(failed, a, op, "eigenvalues");
        if (!grad) return w;
        return Recorder.Record(w, "LinalgEighBackward0", [a], [w, v!], (g, s) => [EighBackward(g, null, s[0], s[1])]);
    }

    /// <summary>
    /// linalg_eig_backward for Hermitian input: gA = V (diag(gL) + skew(Vᴴ gV)/2 / E) Vᴴ, E_ij = λ_j - λ_i
    /// (defined for distinct eigenvalues).
    /// </summary>
    private static Tensor EighBackward(Tensor? gl, Tensor? gv, Tensor l, Tensor v)
    {
        Tensor inner;
        if (gv is not null)
        {
            var vhgv = MT(v).matmul(gv);
            vhgv = 0.5 * (vhgv - MT(vhgv));
            var e = l.unsqueeze(-2) - l.unsqueeze(-1);
            long n = l.Shape[^1];
            e = e + Eye(n, e); // the diagonal is replaced below; 1 keeps the division finite
            inner = vhgv / e;
            inner = inner - DiagEmbed(Diagonal(inner));
            if (gl is not null) inner = inner + DiagEmbed(gl);
        }
        else inner = DiagEmbed(gl!);
        return v.matmul(inner).matmul(MT(v));
    }

    private static void CheckConverged(int failed, Tensor a, string op, string what)
    {
        if (failed < 0) return;
        string batch = a.Shape.Length > 2 ? $": (Batch element {failed})" : "";
        throw new ArgumentException($"{op}{batch}: The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated {what} (error code: 1).");
    }

    // ---- svd, svdvals

    /// <summary>linalg.svd: A = U diag(S) Vh with S descending; U m×m and Vh n×n when <paramref name="fullMatrices"/>, else m×k and k×n.</summary>
    public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor a, bool fullMatrices, string op = "linalg.svd")
    {
        CheckMatrix(a, op);
        CheckFloating(a, op);
        var (u, s, vh, failed) = Dispatcher.Svd(a, fullMatrices, vectors: true);
        CheckConverged(failed, a, op, "singular values");
        if (!Recorder.Needed(a)) return (u!, s, vh!);
        long k = s.Shape[^1];
        var outs = Recorder.RecordMulti([u!, s, vh!], "LinalgSvdBackward0", [a], [u!, s, vh!], (g, t) =>
        {
            // full_matrices: only the first k columns of U and rows of Vh are determined by A
            Tensor? gu = g[0], gvh = g[2];
            Tensor uu = t[0], vv = t[2];
            if (fullMatrices)
            {
                gu = gu?.narrow(-1, 0, k);
                gvh = gvh?.narrow(-2, 0, k);
                uu = uu.narrow(-1, 0, k);
                vv = vv.narrow(-2, 0, k);
            }
            return [SvdBackward(gu, g[1], gvh, uu, t[1], vv)];
        });
        return (outs[0], outs[1], outs[2]);
    }

    /// <summary>linalg.svdvals: the singular values alone (U and Vh are computed only when a gradient needs them).</summary>
    public static Tensor Svdvals(Tensor a, string op = "linalg.svd")
    {
        CheckMatrix(a, op);
        CheckFloating(a, op);
        bool grad = Recorder.Needed(a);
        var (u, s, vh, failed) = Dispatcher.Svd(a, full: false, vectors: grad);
        CheckConverged(failed, a, op, "singular values");
        if (!grad) return s;
        return Recorder.Record(s, "LinalgSvdBackward0", [a], [u!, vh!], (g, t) => [SvdBackward(null, g, null, t[0], null, t[1])]);
    }

    /// <summary>
    /// svd_backward (PyTorch 1.13, real case): gA = U [(skew(Uᴴ gU) S + S skew(Vᴴ gV)) / E + diag(gS)] Vᴴ plus the
    /// projections of gU and gV off U's and V's spans for non-square A; E_jk = S_k² - S_j². Needs distinct, non-zero singular values.
    /// </summary>
    private static Tensor SvdBackward(Tensor? gu, Tensor? gs, Tensor? gvh, Tensor u, Tensor? s, Tensor vh)
    {
        long m = u.Shape[^2], n = vh.Shape[^1];
        if (gu is null && gvh is null)
            return m >= n ? u.matmul(gs!.unsqueeze(-1) * vh) : (u * gs!.unsqueeze(-2)).matmul(vh);
        var sv = s!;
        var s2 = sv * sv;
        long k = sv.Shape[^1];
        var e = s2.unsqueeze(-2) - s2.unsqueeze(-1);
        e = e + Eye(k, e);
        Tensor? uhgu = null, vhgv = null;
        if (gu is not null) { var t = MT(u).matmul(gu); uhgu = t - MT(t); }
        if (gvh is not null) { var t = vh.matmul(MT(gvh)); vhgv = t - MT(t); }
        Tensor ret;
        if (uhgu is not null && vhgv is not null) ret = (uhgu * sv.unsqueeze(-2) + sv.unsqueeze(-1) * vhgv) / e;
        else if (uhgu is not null) ret = uhgu * (sv.unsqueeze(-2) / e);
        else ret = sv.unsqueeze(-1) * (vhgv! / e);
        ret = ret - DiagEmbed(Diagonal(ret)); // E's diagonal is a placeholder: the diagonal is gS's alone
        if (gs is not null) ret = ret + DiagEmbed(gs);
        Tensor ga;
        if (m > n && gu is not null)
        {
            ga = u.matmul(ret);
            var guSinv = gu / sv.unsqueeze(-2);
            ga = ga + guSinv - u.matmul(MT(u).matmul(guSinv));
            ga = ga.matmul(vh);
        }
        else if (m < n && gvh is not null)
        {
            ga = ret.matmul(vh);
            var sinvGvh = gvh / sv.unsqueeze(-1);
            ga = ga + sinvGvh - sinvGvh.matmul(MT(vh)).matmul(vh);
            ga = u.matmul(ga);
        }
        else ga = m >= n ? u.matmul(ret.matmul(vh)) : u.matmul(ret).matmul(vh);
        return ga;
    }
}
