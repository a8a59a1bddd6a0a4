namespace Flint.Ops;

/// <summary>
/// einsum for any subscripts: "ij,jk->ik", implicit outputs ("ij,jk"), ellipsis ("...ij,...jk->...ik"),
/// repeated labels within an operand (diagonals, "ii->i") and any number of operands. Each operand's
/// private labels are summed out first, then operands are contracted left to right, each pair as one
/// batched matrix product (permute, reshape, bmm), so autograd follows through the existing ops.
/// </summary>
internal static class Einsum
{
    // Labels are ints: letters by their char code, ellipsis dims as -1, -2, ... (rightmost is -1).
    private sealed record Operand(Tensor T, List<int> Labels);

    public static Tensor Compute(string equation, Tensor[] operands)
    {
        var eq = equation.Replace(" ", "");
        int arrow = eq.IndexOf("->", StringComparison.Ordinal);
        var lhs = arrow >= 0 ? eq[..arrow] : eq;
        var terms = lhs.Split(',');
        if (terms.Length != operands.Length)
            throw new ArgumentException("einsum(): more operands were provided than specified in the equation");
        var ops = new List<Operand>();
        int ellipsisDims = 0;
        for (int i = 0; i < terms.Length; i++)
        {
            var labels = ParseTerm(terms[i], operands[i].dim(), i);
            ops.Add(new Operand(operands[i], labels));
            ellipsisDims = Math.Max(ellipsisDims, labels.Count(l => l < 0));
        }
        List<int> output;
        if (arrow >= 0)
        {
            output = ParseOutput(eq[(arrow + 2)..], ellipsisDims);
            var all = ops.SelectMany(o => o.Labels).ToHashSet();
            foreach (var l in output)
                if (l > 0 && !all.Contains(l))
                    throw new ArgumentException($"einsum(): output subscript {(char)l} does not appear in the equation for any input operand");
        }
        else
        {
            // Implicit output: the ellipsis dims, then the labels that appear once, alphabetically.
            var counts = ops.SelectMany(o => o.Labels.Where(l => l > 0)).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
            output = [.. Enumerable.Range(1, ellipsisDims).Select(k => -(ellipsisDims - k + 1)), .. counts.Where(kv => kv.Value == 1).Select(kv => kv.Key).Order()];
        }

        // Sizes per label must agree (1 broadcasts).
        var sizes = new Dictionary<int, long>();
        foreach (var o in ops)
            for (int d = 0; d < o.Labels.Count; d++)
            {
                long s = o.T.Shape[d];
                int l = o.Labels[d];
                if (!sizes.TryGetValue(l, out var known) || known == 1) sizes[l] = s;
                else if (s != 1 && s != known)
                    throw new ArgumentException(l > 0
                        ? $"einsum(): subscript {(char)l} has size {s} for operand {ops.IndexOf(o)} which does not broadcast with previously seen size {known}"
                        : $"einsum(): operands do not broadcast with remapped shapes (original->remapped)");
            }

        for (int i = 0; i < ops.Count; i++) ops[i] = Diagonals(ops[i]);
        // Sum out labels that no other operand and not the output need.
        for (int i = 0; i < ops.Count; i++) ops[i] = SumPrivate(ops[i], ops, output);
        var acc = ops[0];
        for (int i = 1; i < ops.Count; i++)
        {
            var needed = new HashSet<int>(output);
            for (int j = i + 1; j < ops.Count; j++) needed.UnionWith(ops[j].Labels);
            acc = Contract(acc, ops[i], needed, sizes);
        }
        acc = SumPrivate(acc, [acc], output);
        // Output labels missing from the result (size-1 broadcasts) come back as size-1 dims, then permute.
        var t = acc.T;
        var have = new List<int>(acc.Labels);
        foreach (var l in output)
            if (!have.Contains(l)) { t = t.unsqueeze(t.dim()); have.Add(l); }
        var perm = output.Select(l => (long)have.IndexOf(l)).ToArray();
        t = perm.Length == 0 ? t : t.permute(perm);
        var outShape = output.Select(l => sizes.TryGetValue(l, out var s) ? s : 1).ToArray();
        return Shapes.SameShape(t.Shape, outShape) ? t : t.expand(outShape).contiguous();
    }

    private static List<int> ParseTerm(string term, long rank, int index)
    {
        var labels = new List<int>();
        int e = term.IndexOf("...", StringComparison.Ordinal);
        var letters = term.Replace("...", "");
        foreach (var c in letters)
            if (!char.IsAsciiLetter(c)) throw new ArgumentException($"einsum(): invalid subscript given at index {term.IndexOf(c)} in the equation string, subscripts must be in [a-zA-Z]");
        if (e < 0)
        {
            if (letters.Length != rank)
                throw new ArgumentException($"einsum(): the number of subscripts in the equation ({letters.Length}) does not match the number of dimensions ({rank}) for operand {index} and no ellipsis was given");
            labels.AddRange(letters.Select(c => (int)c));
            return labels;
        }
        if (letters.Length > rank)
            throw new ArgumentException($"einsum(): the number of subscripts in the equation ({letters.Length}) is more than the number of dimensions ({rank}) for operand {index}");
        long ell = rank - letters.Length;
        labels.AddRange(term[..e].Select(c => (int)c));
        for (long k = ell; k >= 1; k--) labels.Add(-(int)k);
        labels.AddRange(term[(e + 3)..].Select(c => (int)c));
        return labels;
    }

    private static List<int> ParseOutput(string term, int ellipsisDims)
    {
        var labels = new List<int>();
        int e = term.IndexOf("...", StringComparison.Ordinal);
        var before = e >= 0 ? term[..e] : term;
        labels.AddRange(before.Select(c => (int)c));
        if (e >= 0)
        {
            for (int k = ellipsisDims; k >= 1; k--) labels.Add(-k);
            labels.AddRange(term[(e + 3)..].Select(c => (int)c));
        }
        foreach (var l in labels.Where(l => l > 0))
        {
            if (!char.IsAsciiLetter((char)l)) throw new ArgumentException("einsum(): invalid subscript given in the output, subscripts must be in [a-zA-Z]");
            if (labels.Count(x => x == l) > 1) throw new ArgumentException($"einsum(): output subscript {(char)l} appears more than once in the output");
        }
        return labels;
    }

    /// <summary>A label repeated within one operand takes the diagonal: multiply by an identity mask and sum one copy out.</summary>
    private static Operand Diagonals(Operand o)
    {
        var t = o.T;
        var labels = new List<int>(o.Labels);
        while (true)
        {
            int a = -1, b = -1;
            for (int i = 0; i < labels.Count && a < 0; i++)
                for (int j = i + 1; j < labels.Count; j++)
                    if (labels[i] == labels[j]) { a = i; b = j; break; }
            if (a < 0) return new Operand(t, labels);
            long n = t.Shape[a];
            var maskShape = Enumerable.Repeat(1L, (int)t.dim()).ToArray();
            maskShape[a] = n;
            maskShape[b] = n;
            var eye = torch.eye(n, dtype: t.dtype, device: t.device).reshape(maskShape);
            t = (t * eye).sum(b);
            labels.RemoveAt(b);
        }
    }

    private static Operand SumPrivate(Operand o, IList<Operand> all, List<int> output)
    {
        var drop = new List<long>();
        for (int d = 0; d < o.Labels.Count; d++)
        {
            int l = o.Labels[d];
            if (output.Contains(l)) continue;
            if (all.Any(x => !ReferenceEquals(x, o) && x.Labels.Contains(l))) continue;
            drop.Add(d);
        }
        if (drop.Count == 0) return o;
        var t = o.T.sum(drop.ToArray());
        var labels = o.Labels.Where((_, d) => !drop.Contains(d)).ToList();
        return new Operand(t, labels);
    }

    /// <summary>Contracts two operands as one bmm: [batch, aOnly, shared] @ [batch, shared, bOnly].</summary>
    private static Operand Contract(Operand a, Operand b, HashSet<int> needed, Dictionary<int, long> sizes)
    {
        var batch = a.Labels.Where(l => b.Labels.Contains(l) && needed.Contains(l)).ToList();
        var sum = a.Labels.Where(l => b.Labels.Contains(l) && !needed.Contains(l)).ToList();
        var aOnly = a.Labels.Where(l => !b.Labels.Contains(l)).ToList();
        var bOnly = b.Labels.Where(l => !a.Labels.Contains(l)).ToList();
        Tensor Arrange(Operand o, List<int> g1, List<int> g2, List<int> g3)
        {
            var order = g1.Concat(g2).Concat(g3).ToList();
            var t = o.T.permute(order.Select(l => (long)o.Labels.IndexOf(l)).ToArray());
            // Shared labels broadcast (size 1 against n): expand to the common size.
            var target = order.Select((l, i) => batch.Contains(l) || sum.Contains(l) ? sizes[l] : t.Shape[i]).ToArray();
            return Shapes.SameShape(t.Shape, target) ? t : t.expand(target);
        }
        long Prod(List<int> ls) => ls.Aggregate(1L, (p, l) => p * sizes[l]);
        long Size(Operand o, int l) => o.T.Shape[o.Labels.IndexOf(l)];
        var at = Arrange(a, batch, aOnly, sum);
        var bt = Arrange(b, batch, sum, bOnly);
        long nb = Prod(batch), ns = Prod(sum);
        long na = aOnly.Aggregate(1L, (p, l) => p * Size(a, l)), nbo = bOnly.Aggregate(1L, (p, l) => p * Size(b, l));
        var r = at.reshape(nb, na, ns).bmm(bt.reshape(nb, ns, nbo));
        var shape = batch.Select(l => sizes[l]).Concat(aOnly.Select(l => Size(a, l))).Concat(bOnly.Select(l => Size(b, l))).ToArray();
        return new Operand(r.reshape(shape), [.. batch, .. aOnly, .. bOnly]);
    }
}
