using Flint.Autograd;

namespace Flint.Ops;

/// <summary>
/// The pointwise half of an LSTM step as one autograd node: the gate activations, the new cell state and
/// the new hidden state, with the backward written out by hand. Composed ops would record eleven nodes
/// and allocate eleven gradients per step; this records one and saves the activations the backward needs.
/// </summary>
internal static class Recurrent
{
    /// <summary>
    /// For gates (B, 4H) laid out as PyTorch's (i, f, g, o) and the previous cell state c (B, H):
    /// c' = σ(f)c + σ(i)tanh(g) and h' = σ(o)tanh(c'). Returns (h', c').
    /// </summary>
    internal static (Tensor h, Tensor c) LstmPointwise(Tensor gates, Tensor c)
    {
        if (gates.Shape.Length != 2 || c.Shape.Length != 2 || gates.Shape[0] != c.Shape[0] || gates.Shape[1] != 4 * c.Shape[1])
            throw new ArgumentException($"lstm_cell: gates of shape {gates.size()} don't match a cell state of shape {c.size()}");
        long hidden = c.Shape[1];
        Tensor i, f, g, o, cNew, tanhC, hNew;
        using (GradMode.Set(false))
        {
            i = gates.narrow(1, 0, hidden).sigmoid();
            f = gates.narrow(1, hidden, hidden).sigmoid();
            g = gates.narrow(1, 2 * hidden, hidden).tanh();
            o = gates.narrow(1, 3 * hidden, hidden).sigmoid();
            cNew = f.mul(c).add(i.mul(g));
            tanhC = cNew.tanh();
            hNew = o.mul(tanhC);
        }
        var results = Recorder.RecordMulti([hNew, cNew], "LstmCellBackward0", [gates, c], [i, f, g, o, c, tanhC], (grads, s) =>
        {
            var (si, sf, sg, so, sc, st) = (s[0], s[1], s[2], s[3], s[4], s[5]);
            var gh = grads[0];
            Tensor? dc = grads[1];
            if (gh is not null)
            {
                var fromH = gh.mul(so).mul(st.mul(st).neg().add(1.0));
                dc = dc is null ? fromH : dc.add(fromH);
            }
            var dO = gh is null ? torch.zeros_like(so) : gh.mul(st).mul(so.mul(so.neg().add(1.0)));
            if (dc is null) return [null, null];
            var dI = dc.mul(sg).mul(si.mul(si.neg().add(1.0)));
            var dF = dc.mul(sc).mul(sf.mul(sf.neg().add(1.0)));
            var dG = dc.mul(si).mul(sg.mul(sg).neg().add(1.0));
            return [torch.cat([dI, dF, dG, dO], 1), dc.mul(sf)];
        });
        return (results[0], results[1]);
    }

    /// <summary>
    /// One direction of one LSTM layer (no projection) as one autograd node, over packed rows: step t holds
    /// <paramref name="batchSizes"/>[t] rows (non-increasing; a padded batch has them all equal) at row offset
    /// sum(batchSizes[..t]). <paramref name="projected"/> (rows, 4H) already holds x W_ihᵀ + b_ih + b_hh; each
    /// step adds h W_hhᵀ. The state is kept for all B sequences: a step updates its first rows, so a sequence
    /// that has ended keeps its last state (forward) and one that has not started keeps h0 (reverse). The
    /// backward runs back through time by hand and forms the W_hh gradient as one GEMM over all steps
    /// (Gᵀ·H_prev, K = rows) instead of one thin product and one accumulation per step.
    /// Returns the outputs (rows, H) in packed order and the final h and c (B, H).
    /// </summary>
    internal static (Tensor output, Tensor h, Tensor c) LstmLayer(Tensor projected, long[] batchSizes, Tensor h0, Tensor c0, Tensor weightHh, bool reverse)
    {
        int n = batchSizes.Length;
        long batch = h0.Shape[0], hidden = h0.Shape[1];
        var offsets = new long[n];
        for (int t = 1; t < n; t++) offsets[t] = offsets[t - 1] + batchSizes[t - 1];
        long rows = n == 0 ? 0 : offsets[n - 1] + batchSizes[n - 1];
        if (n == 0 || batchSizes[0] != batch || projected.Shape.Length != 2 || projected.Shape[0] != rows || projected.Shape[1] != 4 * hidden
            || !Shapes.SameShape(c0.Shape, h0.Shape) || weightHh.Shape.Length != 2 || weightHh.Shape[0] != 4 * hidden || weightHh.Shape[1] != hidden)
            throw new ArgumentException($"lstm layer: inputs of shape {projected.size()}, h0 {h0.size()}, c0 {c0.size()} and W_hh {weightHh.size()} don't match");
        // Per processed step k (k = 0 first): the activations (σi, σf, tanh g, σo), the previous c and h, tanh(c').
        var acts = new Tensor[n];
        var cPrev = new Tensor[n];
        var hPrev = new Tensor[n];
        var tanhCells = new Tensor[n];
        var outputs = new Tensor[n];
        Tensor hFull, cFull;
        using (GradMode.Set(false))
        {
            var wT = weightHh.detach().t();
            var proj = projected.detach();
            hFull = h0.detach();
            cFull = c0.detach();
            for (int k = 0; k < n; k++)
            {
                int t = reverse ? n - 1 - k : k;
                long bs = batchSizes[t];
                var h = bs == batch ? hFull : hFull.narrow(0, 0, bs);
                var c = bs == batch ? cFull : cFull.narrow(0, 0, bs);
                var gates = h.mm(wT);
                gates.add_(proj.narrow(0, offsets[t], bs));
                var act = gates.sigmoid();
                act.narrow(1, 2 * hidden, hidden).copy_(gates.narrow(1, 2 * hidden, hidden).tanh());
                var cNew = act.narrow(1, hidden, hidden).mul(c).addcmul(act.narrow(1, 0, hidden), act.narrow(1, 2 * hidden, hidden));
                var tanhC = cNew.tanh();
                var hNew = act.narrow(1, 3 * hidden, hidden).mul(tanhC);
                (acts[k], cPrev[k], hPrev[k], tanhCells[k]) = (act, c, h, tanhC);
                outputs[t] = hNew;
                hFull = bs == batch ? hNew : torch.cat([hNew, hFull.narrow(0, bs, batch - bs)], 0);
                cFull = bs == batch ? cNew : torch.cat([cNew, cFull.narrow(0, bs, batch - bs)], 0);
            }
        }
        var output = n == 1 ? outputs[0].clone() : torch.cat(outputs, 0);
        var results = new[] { output, hFull.clone(), cFull.clone() };
        Tensor[] saved = [weightHh, .. acts, .. cPrev, .. hPrev, .. tanhCells];
        var recorded = Recorder.RecordMulti(results, "LstmLayerBackward0", [projected, h0, c0, weightHh], saved, (grads, s) =>
        {
            var w = s[0];
            var gOut = grads[0];
            var dhFull = grads[1] ?? torch.zeros_like(h0);
            var dcFull = grads[2] ?? torch.zeros_like(c0);
            var dGates = new Tensor[n];
            var prevRows = new Tensor[n];
            for (int k = n - 1; k >= 0; k--)
            {
                int t = reverse ? n - 1 - k : k;
                long bs = batchSizes[t];
                var act = s[1 + k];
                var c = s[1 + n + k];
                prevRows[t] = s[1 + 2 * n + k];
                var tanhC = s[1 + 3 * n + k];
                var (i, f, g, o) = (act.narrow(1, 0, hidden), act.narrow(1, hidden, hidden), act.narrow(1, 2 * hidden, hidden), act.narrow(1, 3 * hidden, hidden));
                var dh = bs == batch ? dhFull : dhFull.narrow(0, 0, bs);
                var dc = bs == batch ? dcFull : dcFull.narrow(0, 0, bs);
                if (gOut is not null) dh = dh.add(gOut.narrow(0, offsets[t], bs));
                dc = dc.add(dh.mul(o).mul(tanhC.mul(tanhC).neg().add(1.0)));
                var dO = dh.mul(tanhC).mul(o.mul(o.neg().add(1.0)));
                var dI = dc.mul(g).mul(i.mul(i.neg().add(1.0)));
                var dF = dc.mul(c).mul(f.mul(f.neg().add(1.0)));
                var dG = dc.mul(i).mul(g.mul(g).neg().add(1.0));
                var dGate = torch.cat([dI, dF, dG, dO], 1);
                dGates[t] = dGate;
                var dhPrev = dGate.mm(w);
                var dcPrev = dc.mul(f);
                dhFull = bs == batch ? dhPrev : torch.cat([dhPrev, dhFull.narrow(0, bs, batch - bs)], 0);
                dcFull = bs == batch ? dcPrev : torch.cat([dcPrev, dcFull.narrow(0, bs, batch - bs)], 0);
            }
            var all = n == 1 ? dGates[0] : torch.cat(dGates, 0);
            var prev = n == 1 ? prevRows[0] : torch.cat(prevRows, 0);
            return [all, dhFull, dcFull, all.t().mm(prev)];
        });
        return (recorded[0], recorded[1], recorded[2]);
    }

    /// <summary>
    /// One direction of one GRU layer as one autograd node, over packed rows laid out as in <see cref="LstmLayer"/>.
    /// <paramref name="projected"/> (rows, 3H) holds x W_ihᵀ + b_ih; each step forms gh = h W_hhᵀ + b_hh and
    /// r = σ(xr + ghr), z = σ(xz + ghz), n = tanh(xn + r·ghn), h' = n + z(h − n) (the hidden bias of the new gate
    /// stays inside the reset product, as in PyTorch). The backward runs back through time by hand and forms the
    /// W_hh gradient as one GEMM over all steps. Under create_graph it first recomputes the activations from the
    /// inputs with recorded ops, so the gradient it returns differentiates again. Returns the outputs (rows, H) in
    /// packed order and the final h (B, H).
    /// </summary>
    internal static (Tensor output, Tensor h) GruLayer(Tensor projected, long[] batchSizes, Tensor h0, Tensor weightHh, Tensor? biasHh, bool reverse)
    {
        int n = batchSizes.Length;
        long batch = h0.Shape[0], hidden = h0.Shape[1];
        var offsets = new long[n];
        for (int t = 1; t < n; t++) offsets[t] = offsets[t - 1] + batchSizes[t - 1];
        long rows = n == 0 ? 0 : offsets[n - 1] + batchSizes[n - 1];
        if (n == 0 || batchSizes[0] != batch || projected.Shape.Length != 2 || projected.Shape[0] != rows || projected.Shape[1] != 3 * hidden
            || weightHh.Shape.Length != 2 || weightHh.Shape[0] != 3 * hidden || weightHh.Shape[1] != hidden
            || (biasHh is not null && (biasHh.Shape.Length != 1 || biasHh.Shape[0] != 3 * hidden)))
            throw new ArgumentException($"gru layer: inputs of shape {projected.size()}, h0 {h0.size()} and W_hh {weightHh.size()} don't match");
        GruSteps steps;
        using (GradMode.Set(false)) steps = GruForward(projected, batchSizes, offsets, h0, weightHh, biasHh, reverse);
        var output = n == 1 ? steps.Outputs[0].clone() : torch.cat(steps.Outputs, 0);
        var results = new[] { output, steps.HFinal.clone() };
        bool hasBias = biasHh is not null;
        Tensor[] inputs = hasBias ? [projected, h0, weightHh, biasHh!] : [projected, h0, weightHh];
        // Saved: the inputs (for a recomputation under create_graph), then per step σ(r)σ(z), n, ghn and the previous h.
        int first = inputs.Length;
        Tensor[] saved = [.. inputs, .. steps.ResetUpdate, .. steps.NewGates, .. steps.HiddenNew, .. steps.HPrev];
        var recorded = Recorder.RecordMulti(results, "GruLayerBackward0", inputs, saved, (grads, s) =>
        {
            var w = s[2];
            var acts = GradMode.IsEnabled
                ? GruForward(s[0], batchSizes, offsets, s[1], w, hasBias ? s[3] : null, reverse)
                : new GruSteps(s[first..(first + n)], s[(first + n)..(first + 2 * n)], s[(first + 2 * n)..(first + 3 * n)], s[(first + 3 * n)..(first + 4 * n)], [], s[0]);
            var gOut = grads[0];
            var dhFull = grads[1] ?? torch.zeros_like(h0);
            var dProj = new Tensor[n];
            var dHidden = new Tensor[n];
            var prevRows = new Tensor[n];
            for (int k = n - 1; k >= 0; k--)
            {
                int t = reverse ? n - 1 - k : k;
                long bs = batchSizes[t];
                var (rz, gate, ghn, hp) = (acts.ResetUpdate[k], acts.NewGates[k], acts.HiddenNew[k], acts.HPrev[k]);
                prevRows[t] = hp;
                var (r, z) = (rz.narrow(1, 0, hidden), rz.narrow(1, hidden, hidden));
                var dh = bs == batch ? dhFull : dhFull.narrow(0, 0, bs);
                if (gOut is not null) dh = dh.add(gOut.narrow(0, offsets[t], bs));
                var dGatePre = dh.mul(z.neg().add(1.0)).mul(gate.mul(gate).neg().add(1.0));
                var dResetPre = dGatePre.mul(ghn).mul(r.mul(r.neg().add(1.0)));
                var dUpdatePre = dh.mul(hp.sub(gate)).mul(z.mul(z.neg().add(1.0)));
                var dGh = torch.cat([dResetPre, dUpdatePre, dGatePre.mul(r)], 1);
                dProj[t] = torch.cat([dResetPre, dUpdatePre, dGatePre], 1);
                dHidden[t] = dGh;
                var dhPrev = torch.addmm(dh.mul(z), dGh, w);
                dhFull = bs == batch ? dhPrev : torch.cat([dhPrev, dhFull.narrow(0, bs, batch - bs)], 0);
            }
            var allProj = n == 1 ? dProj[0] : torch.cat(dProj, 0);
            var allHidden = n == 1 ? dHidden[0] : torch.cat(dHidden, 0);
            var prev = n == 1 ? prevRows[0] : torch.cat(prevRows, 0);
            var dW = allHidden.t().mm(prev);
            return hasBias ? [allProj, dhFull, dW, allHidden.sum(0)] : [allProj, dhFull, dW];
        });
        return (recorded[0], recorded[1]);
    }

    /// <summary>A GRU direction's activations per processed step k, its outputs per time step t and its final state.</summary>
    private sealed record GruSteps(Tensor[] ResetUpdate, Tensor[] NewGates, Tensor[] HiddenNew, Tensor[] HPrev, Tensor[] Outputs, Tensor HFinal);

    /// <summary>The GRU recurrence of <see cref="GruLayer"/>, recording or not as grad mode says.</summary>
    private static GruSteps GruForward(Tensor proj, long[] batchSizes, long[] offsets, Tensor h0, Tensor weightHh, Tensor? biasHh, bool reverse)
    {
        int n = batchSizes.Length;
        long batch = h0.Shape[0], hidden = h0.Shape[1];
        var resetUpdate = new Tensor[n];
        var newGates = new Tensor[n];
        var hiddenNew = new Tensor[n];
        var hPrev = new Tensor[n];
        var outputs = new Tensor[n];
        var wT = weightHh.t();
        var hFull = h0;
        for (int k = 0; k < n; k++)
        {
            int t = reverse ? n - 1 - k : k;
            long bs = batchSizes[t];
            var h = bs == batch ? hFull : hFull.narrow(0, 0, bs);
            var gh = biasHh is null ? h.mm(wT) : torch.addmm(biasHh, h, wT);
            var x = proj.narrow(0, offsets[t], bs);
            var rz = x.narrow(1, 0, 2 * hidden).add(gh.narrow(1, 0, 2 * hidden)).sigmoid();
            var ghn = gh.narrow(1, 2 * hidden, hidden);
            var gate = x.narrow(1, 2 * hidden, hidden).add(rz.narrow(1, 0, hidden).mul(ghn)).tanh();
            var hNew = gate.add(rz.narrow(1, hidden, hidden).mul(h.sub(gate)));
            (resetUpdate[k], newGates[k], hiddenNew[k], hPrev[k]) = (rz, gate, ghn, h);
            outputs[t] = hNew;
            hFull = bs == batch ? hNew : torch.cat([hNew, hFull.narrow(0, bs, batch - bs)], 0);
        }
        return new GruSteps(resetUpdate, newGates, hiddenNew, hPrev, outputs, hFull);
    }
}
