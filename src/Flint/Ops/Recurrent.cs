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
}
