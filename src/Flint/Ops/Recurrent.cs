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
    /// One direction of one LSTM layer (no projection) over a padded sequence as one autograd node.
    /// <paramref name="projected"/> is (steps·batch, 4H) in time order and already holds x W_ihᵀ + b_ih + b_hh;
    /// each step adds h W_hhᵀ. The backward runs back through time by hand and forms the W_hh gradient as one
    /// GEMM over all steps (Gᵀ·H_prev with K = steps·batch) instead of one thin product and one accumulation per
    /// step. Returns the outputs (steps·batch, H) in time order and the final h and c.
    /// </summary>
    internal static (Tensor output, Tensor h, Tensor c) LstmLayer(Tensor projected, long steps, Tensor h0, Tensor c0, Tensor weightHh, bool reverse)
    {
        long batch = h0.Shape[0], hidden = h0.Shape[1];
        if (projected.Shape.Length != 2 || projected.Shape[0] != steps * batch || projected.Shape[1] != 4 * hidden
            || !Shapes.SameShape(c0.Shape, h0.Shape) || weightHh.Shape.Length != 2 || weightHh.Shape[0] != 4 * hidden || weightHh.Shape[1] != hidden)
            throw new ArgumentException($"lstm layer: inputs of shape {projected.size()}, h0 {h0.size()}, c0 {c0.size()} and W_hh {weightHh.size()} don't match");
        int n = (int)steps;
        // Per processed step k (k = 0 first): the activations (σi, σf, tanh g, σo), c, tanh(c) and h.
        var acts = new Tensor[n];
        var cells = new Tensor[n];
        var tanhCells = new Tensor[n];
        var hiddens = new Tensor[n];
        var outputs = new Tensor[n];
        using (GradMode.Set(false))
        {
            var wT = weightHh.detach().t();
            var proj = projected.detach();
            Tensor h = h0.detach(), c = c0.detach();
            for (int k = 0; k < n; k++)
            {
                long t = reverse ? n - 1 - k : k;
                var gates = h.mm(wT);
                gates.add_(proj.narrow(0, t * batch, batch));
                var act = gates.sigmoid();
                act.narrow(1, 2 * hidden, hidden).copy_(gates.narrow(1, 2 * hidden, hidden).tanh());
                c = act.narrow(1, hidden, hidden).mul(c).addcmul(act.narrow(1, 0, hidden), act.narrow(1, 2 * hidden, hidden));
                var tanhC = c.tanh();
                h = act.narrow(1, 3 * hidden, hidden).mul(tanhC);
                (acts[k], cells[k], tanhCells[k], hiddens[k]) = (act, c, tanhC, h);
                outputs[t] = h;
            }
        }
        var output = n == 1 ? outputs[0].clone() : torch.cat(outputs, 0);
        var results = new[] { output, hiddens[n - 1].clone(), cells[n - 1].clone() };
        Tensor[] saved = [weightHh, h0, c0, .. acts, .. cells, .. tanhCells, .. hiddens];
        var recorded = Recorder.RecordMulti(results, "LstmLayerBackward0", [projected, h0, c0, weightHh], saved, (grads, s) =>
        {
            var w = s[0];
            Tensor Act(int k) => s[3 + k];
            Tensor Cell(int k) => k < 0 ? s[2] : s[3 + n + k];
            Tensor TanhCell(int k) => s[3 + 2 * n + k];
            Tensor Hidden(int k) => k < 0 ? s[1] : s[3 + 3 * n + k];
            var gOut = grads[0];
            Tensor? dh = grads[1], dc = grads[2];
            var dGates = new Tensor[n];
            var hPrev = new Tensor[n];
            for (int k = n - 1; k >= 0; k--)
            {
                long t = reverse ? n - 1 - k : k;
                if (gOut is not null)
                {
                    var g = gOut.narrow(0, t * batch, batch);
                    dh = dh is null ? g : dh.add(g);
                }
                var act = Act(k);
                var (i, f, gg, o) = (act.narrow(1, 0, hidden), act.narrow(1, hidden, hidden), act.narrow(1, 2 * hidden, hidden), act.narrow(1, 3 * hidden, hidden));
                var tanhC = TanhCell(k);
                Tensor dO;
                if (dh is not null)
                {
                    var fromH = dh.mul(o).mul(tanhC.mul(tanhC).neg().add(1.0));
                    dc = dc is null ? fromH : dc.add(fromH);
                    dO = dh.mul(tanhC).mul(o.mul(o.neg().add(1.0)));
                }
                else dO = torch.zeros_like(o);
                dc ??= torch.zeros_like(tanhC);
                var dI = dc.mul(gg).mul(i.mul(i.neg().add(1.0)));
                var dF = dc.mul(Cell(k - 1)).mul(f.mul(f.neg().add(1.0)));
                var dG = dc.mul(i).mul(gg.mul(gg).neg().add(1.0));
                var dGate = torch.cat([dI, dF, dG, dO], 1);
                dGates[t] = dGate;
                hPrev[t] = Hidden(k - 1);
                dc = dc.mul(f);
                dh = dGate.mm(w);
            }
            var all = n == 1 ? dGates[0] : torch.cat(dGates, 0);
            var prev = n == 1 ? hPrev[0] : torch.cat(hPrev, 0);
            return [all, dh, dc, all.t().mm(prev)];
        });
        return (recorded[0], recorded[1], recorded[2]);
    }
}
