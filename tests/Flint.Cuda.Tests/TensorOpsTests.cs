using static Flint.torch;

namespace Flint.Cuda.Tests;

/// <summary>Reductions, indexing and selection on cuda:0 against the same calls on the CPU.</summary>
public class TensorOpsTests
{
    private static Device Cuda => CudaDevice.Device;

    /// <summary>A [3, 4, 5] float32 tensor with a tie (for argmax's first-index rule) and a NaN-free spread.</summary>
    private static Tensor Sample()
    {
        var t = arange(60L, dtype: float32).reshape(3, 4, 5).sin() * 10;
        t[0, 1, 2] = t[0, 1, 3].clone(); // a tie
        return t;
    }

    [Fact]
    public void ReductionsAlongEveryDim()
    {
        var c = Sample();
        var g = c.to(Cuda);
        Check.Float32(c.sum(), g.sum(), "sum()");
        Check.Float32(c.mean(), g.mean(), "mean()");
        Check.Exact(c.max(), g.max(), "max()");
        Check.Exact(c.argmax(), g.argmax(), "argmax()");
        foreach (long dim in new long[] { 0, 1, 2, -1 })
            foreach (bool keep in new[] { false, true })
            {
                string at = $"dim={dim}, keepdim={keep}";
                Check.Float32(c.sum(dim, keep), g.sum(dim, keep), $"sum({at})");
                Check.Float32(c.mean(dim, keep), g.mean(dim, keep), $"mean({at})");
                var (cv, ci) = c.max(dim, keep);
                var (gv, gi) = g.max(dim, keep);
                Check.OnCuda(gv); Check.OnCuda(gi);
                Check.Exact(cv, gv, $"max({at}).values");
                Check.Exact(ci, gi, $"max({at}).indices");
                Check.Exact(c.argmax(dim, keep), g.argmax(dim, keep), $"argmax({at})");
                Check.Exact(c.min(dim, keep).values, g.min(dim, keep).values, $"min({at})");
            }
    }

    [Fact]
    public void ReductionsOfOtherDTypes()
    {
        var l = arange(-20L, 40L).reshape(3, 4, 5);
        var d = Sample().to(float64);
        foreach (long dim in new long[] { 0, 1, 2 })
        {
            Check.Exact(l.sum(dim), l.to(Cuda).sum(dim), $"int64 sum({dim})");
            Check.Exact(l.max(dim).values, l.to(Cuda).max(dim).values, $"int64 max({dim})");
            Check.Close(d.sum(dim), d.to(Cuda).sum(dim), 1e-12, 1e-12, $"float64 sum({dim})");
        }
        var b = l.to(float32).sin() > -0.9;
        var gb = b.to(Cuda);
        Check.Exact(b.all(), gb.all(), "all()");
        Check.Exact(b.any(), gb.any(), "any()");
        foreach (long dim in new long[] { 0, 1, 2 })
        {
            Check.Exact(b.all(dim), gb.all(dim), $"all({dim})");
            Check.Exact(b.any(dim), gb.any(dim), $"any({dim})");
        }
        // A reduction over a strided view (the device must honour strides, not assume dense input).
        var v = Sample().permute(2, 0, 1);
        Check.Float32(v.sum(1), v.to(Cuda).sum(1), "sum over a permuted view");
    }

    [Fact]
    public void MaxOfANanIsNan()
    {
        var c = tensor(new[] { 1f, float.NaN, 3f, 2f });
        Check.Exact(c.max(), c.to(Cuda).max());
        Check.Exact(c.argmax(), c.to(Cuda).argmax());
    }

    [Fact]
    public void GatherScatterAndIndexSelect()
    {
        var c = Sample();
        var g = c.to(Cuda);
        var idx = tensor(new long[,] { { 0, 2, 2, 1 }, { 3, 0, 1, 1 } }).reshape(2, 4, 1).expand(2, 4, 5).contiguous();
        var gidx = idx.to(Cuda);
        Check.Exact(c.gather(1, idx[TensorIndex.Slice(0, 2)]), g.gather(1, gidx[TensorIndex.Slice(0, 2)]), "gather");
        var sel = tensor(new long[] { 4, 0, 0, 2 });
        Check.Exact(c.index_select(2, sel), g.index_select(2, sel.to(Cuda)), "index_select");
        var src = ones(2, 4, 5);
        var z = zeros(3, 4, 5);
        Check.Exact(z.scatter(1, idx, src), z.to(Cuda).scatter(1, gidx, src.to(Cuda)), "scatter");
        // Duplicate indices accumulate.
        Check.Exact(z.scatter_add(1, idx, src), z.to(Cuda).scatter_add(1, gidx, src.to(Cuda)), "scatter_add");
        var zg = z.to(Cuda);
        zg.scatter_add_(1, gidx, src.to(Cuda));
        Check.OnCuda(zg);
        Check.Exact(z.scatter_add(1, idx, src), zg, "scatter_add_");
    }

    [Fact]
    public void IndexingGetAndSet()
    {
        var c = Sample();
        var g = c.to(Cuda);
        var mask = c > 2;
        Check.Exact(c[mask], g[mask.to(Cuda)], "bool-mask get");
        var li = tensor(new long[] { 2, 0, 2 });
        Check.Exact(c[li], g[li.to(Cuda)], "long-index get");
        Check.Exact(c[TensorIndex.Colon, TensorIndex.Slice(1, null, 2), TensorIndex.Single(-1)], g[TensorIndex.Colon, TensorIndex.Slice(1, null, 2), TensorIndex.Single(-1)], "slice get");
        Check.Exact(c.nonzero(), g.nonzero(), "nonzero");

        var cs = c.clone(); var gs = g.clone();
        cs[mask] = 0; gs[mask.to(Cuda)] = 0;
        Check.OnCuda(gs);
        Check.Exact(cs, gs, "bool-mask set");
        cs[li] = tensor(-1f); gs[li.to(Cuda)] = tensor(-1f).to(Cuda);
        Check.Exact(cs, gs, "long-index set");
    }

    /// <summary>PyTorch accepts CPU index tensors (long or bool) for a cuda tensor: indices are moved with the op.</summary>
    [Fact]
    public void CpuIndexTensorsIndexACudaTensor()
    {
        var c = Sample();
        var g = c.to(Cuda);
        var li = tensor(new long[] { 2, 0 });
        var r = g[li];
        Check.OnCuda(r);
        Check.Exact(c[li], r, "cuda[cpu long index]");
        var mask = c > 0;
        Check.Exact(c[mask], g[mask], "cuda[cpu bool mask]");
        var gs = g.clone();
        gs[li] = tensor(5f);
        var cs = c.clone();
        cs[li] = tensor(5f);
        Check.Exact(cs, gs, "cuda[cpu long index] = cpu 0-dim value");
    }

    [Fact]
    public void IndexPutAccumulatesDuplicatesInTheBackward()
    {
        // x[idx] with a repeated index: its gradient is an index_put with accumulate=True.
        var x = zeros(new long[] { 5 }, device: Cuda, requires_grad: true);
        var idx = tensor(new long[] { 0, 0, 3, 0, 4 }).to(Cuda);
        var w = tensor(new[] { 1f, 2f, 3f, 4f, 5f }).to(Cuda);
        (x[idx] * w).sum().backward();
        Check.OnCuda(x.grad!);
        Check.Exact(tensor(new[] { 7f, 0f, 0f, 3f, 5f }), x.grad!);
        var y = zeros(new long[] { 3, 2 }, device: Cuda, requires_grad: true);
        y.index_select(0, tensor(new long[] { 2, 2, 1 }).to(Cuda)).sum().backward();
        Check.Exact(tensor(new[,] { { 0f, 0f }, { 1f, 1f }, { 2f, 2f } }), y.grad!);
    }

    [Fact]
    public void WhereAndMaskedFill()
    {
        var c = Sample();
        var g = c.to(Cuda);
        var m = c < 0;
        var gm = m.to(Cuda);
        Check.Exact(where(m, c, c * 2), where(gm, g, g * 2), "where");
        Check.Exact(where(m, c, zeros(5)), where(gm, g, zeros(5).to(Cuda)), "where broadcast");
        Check.Exact(c.masked_fill(m, -1.5), g.masked_fill(gm, -1.5), "masked_fill");
        var h = g.clone();
        h.masked_fill_(gm, 7);
        Check.OnCuda(h);
        Check.Exact(c.masked_fill(m, 7), h, "masked_fill_");
        // Gradients flow through where on the device.
        var x = g.clone().requires_grad_();
        where(gm, x * 3, x).sum().backward();
        Check.Exact(where(m, full(new long[] { 3, 4, 5 }, 3.0), ones(3, 4, 5)), x.grad!, "where backward");
    }

    [Fact]
    public void MatrixProductsMatchTheCpu()
    {
        var a = Sample().reshape(12, 5);
        var b = Sample().reshape(5, 12);
        Check.Float32(a.mm(b), a.to(Cuda).mm(b.to(Cuda)), "mm");
        Check.Float32(a.t().mm(a), a.to(Cuda).t().mm(a.to(Cuda)), "mm of a transposed view");
        var x = Sample();
        var y = Sample().transpose(1, 2);
        Check.Float32(x.bmm(y), x.to(Cuda).bmm(y.to(Cuda)), "bmm");
        Check.Float32(x.matmul(y[0]), x.to(Cuda).matmul(y[0].to(Cuda)), "broadcast matmul");
        var d = a.to(float64);
        Check.Close(d.mm(d.t()), d.to(Cuda).mm(d.to(Cuda).t()), 1e-12, 1e-12, "float64 mm");
    }
}
