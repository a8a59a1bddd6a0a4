namespace Flint.Ops;

/// <summary>
/// Matrix products: mm, bmm, dot, mv, outer, matmul and the addmm that nn.Linear uses. Each op
/// checks its arguments with PyTorch's wording, runs through <see cref="Dispatcher.MatMul"/> and
/// records its backward next to it (mm: grad·bᵀ, aᵀ·grad).
/// </summary>
internal static class MatMul
{
    /// <summary>PyTorch 1.13's dtype message ("expected scalar type Float but found Double"), prefixed with the op's name.</summary>
    private static void CheckSameDType(Tensor a, Tensor b, string op)
    {
        if (a.dtype != b.dtype)
            throw new ArgumentException($"{op}(): expected scalar type {DTypes.ShortName(a.dtype)} but found {DTypes.ShortName(b.dtype)}");
        Dispatcher.CheckSameDevice(a, b);
    }

    /// <summary>Matrix product of two 2-D tensors.</summary>
    public static Tensor Mm(Tensor self, Tensor mat2)
    {
        var shape = self.Shape;
        if (shape.Length != 2) throw new ArgumentException("self must be a matrix");
        if (mat2.Shape.Length != 2) throw new ArgumentException("mat2 must be a matrix");
        if (shape[1] != mat2.Shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({shape[0]}x{shape[1]} and {mat2.Shape[0]}x{mat2.Shape[1]})");
        CheckSameDType(self, mat2, "mm");
        var r = Dispatcher.MatMul(self, mat2, 1, shape[0], shape[1], mat2.Shape[1], 0, 0, [shape[0], mat2.Shape[1]]);
        if (!Recorder.Needed(self, mat2)) return r;
        bool needA = self.requires_grad, needB = mat2.requires_grad;
        return Recorder.Record(r, "MmBackward0", [self, mat2], [needA ? mat2 : self, needB ? self : mat2], (g, s) =>
            [needA ? g.mm(s[0].t()) : null, needB ? s[1].t().mm(g) : null]);
    }

    /// <summary>Batched matrix product of two 3-D tensors.</summary>
    public static Tensor Bmm(Tensor self, Tensor mat2)
    {
        var shape = self.Shape;
        if (shape.Length != 3) throw new ArgumentException($"batch1 must be a 3D tensor");
        if (mat2.Shape.Length != 3) throw new ArgumentException($"batch2 must be a 3D tensor");
        if (shape[0] != mat2.Shape[0] || shape[2] != mat2.Shape[1])
            throw new ArgumentException($"Expected size for first two dimensions of batch2 tensor to be: [{shape[0]}, {shape[2]}] but got: [{mat2.Shape[0]}, {mat2.Shape[1]}].");
        CheckSameDType(self, mat2, "bmm");
        var r = Dispatcher.MatMul(self, mat2, shape[0], shape[1], shape[2], mat2.Shape[2], self.Strides[0], mat2.Strides[0], [shape[0], shape[1], mat2.Shape[2]]);
        if (!Recorder.Needed(self, mat2)) return r;
        bool needA = self.requires_grad, needB = mat2.requires_grad;
        return Recorder.Record(r, "BmmBackward0", [self, mat2], [needA ? mat2 : self, needB ? self : mat2], (g, s) =>
            [needA ? g.bmm(s[0].transpose(1, 2)) : null, needB ? s[1].transpose(1, 2).bmm(g) : null]);
    }

    /// <summary>Inner product of two 1-D tensors.</summary>
    public static Tensor Dot(Tensor self, Tensor other)
    {
        var shape = self.Shape;
        if (shape.Length != 1 || other.Shape.Length != 1)
            throw new ArgumentException($"1D tensors expected, but got {shape.Length}D and {other.Shape.Length}D tensors");
        if (shape[0] != other.Shape[0])
            throw new ArgumentException($"inconsistent tensor size, expected tensor [{shape[0]}] and src [{other.Shape[0]}] to have the same number of elements, but got {shape[0]} and {other.Shape[0]} elements respectively");
        if (self.dtype != other.dtype)
            throw new ArgumentException($"dot : expected both vectors to have same dtype, but found {DTypes.ShortName(self.dtype)} and {DTypes.ShortName(other.dtype)}");
        Tensor r;
        using (torch.no_grad()) r = self.detach().unsqueeze(0).mm(other.detach().unsqueeze(1)).reshape([]);
        return Recorder.Record(r, "DotBackward0", [self, other], [self, other], (g, s) => [g * s[1], g * s[0]]);
    }

    /// <summary>Matrix-vector product.</summary>
    public static Tensor Mv(Tensor self, Tensor vec)
    {
        var shape = self.Shape;
        if (shape.Length != 2 || vec.Shape.Length != 1)
            throw new ArgumentException($"vector + matrix @ vector expected, got 1, {shape.Length}, {vec.Shape.Length}");
        if (shape[1] != vec.Shape[0])
            throw new ArgumentException($"size mismatch, got {shape[0]}, {shape[0]}x{shape[1]},{vec.Shape[0]}");
        Tensor r;
        using (torch.no_grad()) r = self.detach().mm(vec.detach().unsqueeze(1)).reshape(shape[0]);
        return Recorder.Record(r, "MvBackward0", [self, vec], [self, vec], (g, s) =>
            [g.unsqueeze(1) * s[1].unsqueeze(0), s[0].t().mm(g.unsqueeze(1)).reshape(s[1].Shape[0])]);
    }

    /// <summary>Outer product of two 1-D tensors.</summary>
    public static Tensor Outer(Tensor self, Tensor vec2)
    {
        if (self.Shape.Length != 1 || vec2.Shape.Length != 1) throw new ArgumentException("outer: expected 1-D tensors");
        return self.reshape(self.Shape[0], 1) * vec2; // PyTorch's decomposition, hence its graph
    }

    /// <summary>
    /// PyTorch's matmul: dot for 1-D·1-D, mm for matrices, mv, and batched products with
    /// broadcast batch dims for higher ranks (1-D operands get a dim added and removed).
    /// </summary>
    public static Tensor Matmul(Tensor self, Tensor other)
    {
        var shape = self.Shape;
        int da = shape.Length, db = other.Shape.Length;
        if (da == 0 || db == 0) throw new ArgumentException($"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D");
        if (da == 1 && db == 1) return Dot(self, other);
        if (da == 2 && db == 1) return Mv(self, other);
        if (da == 1 && db == 2)
        {
            // PyTorch squeezes in place (squeeze_(0)), which names the node SqueezeBackward3.
            var p2 = Mm(self.unsqueeze(0), other);
            return p2.MakeView(ShapeOps.RemoveAt(p2.Shape, 0), ShapeOps.RemoveAt(p2.Strides, 0), p2.Offset, "SqueezeBackward3", g => g.unsqueeze(0));
        }
        if (da == 2 && db == 2) return Mm(self, other);
        // [..., n, m] @ [m]: fold the batch into rows of one matrix-vector product, as PyTorch does.
        if (db == 1) return Mv(self.reshape(-1, shape[^1]), other).reshape(shape[..^1]);
        if (da == 1) return Matmul(self.unsqueeze(0), other).squeeze(-2);
        long n = shape[^2], m = shape[^1], m2 = other.Shape[^2], p = other.Shape[^1];
        if (m != m2)
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({Shapes.Numel(shape) / m}x{m} and {m2}x{p})");
        if (db == 2)
        {
            // Fold the batch into rows: one big GEMM instead of many small ones.
            var outShape = shape[..^1].Append(p).ToArray();
            return UnsafeView(Mm(self.reshape(-1, m), other), outShape);
        }
        var batch = Shapes.Broadcast(shape[..^2], other.Shape[..^2]);
        long b = Shapes.Numel(batch);
        var a3 = self.expand([.. batch, n, m]).reshape(b, n, m);
        var b3 = other.expand([.. batch, m, p]).reshape(b, m, p);
        return UnsafeView(Bmm(a3, b3), [.. batch, n, p]);
    }

    /// <summary>Reshapes a fresh contiguous product as PyTorch's matmul does (_unsafe_view, node UnsafeViewBackward0).</summary>
    private static Tensor UnsafeView(Tensor t, long[] shape)
    {
        var v = new Tensor(t.Storage, shape, Shapes.ContiguousStrides(shape), t.Offset);
        var old = t.Shape;
        return Recorder.Record(v, "UnsafeViewBackward0", [t], [], (g, _) => [g.reshape(old)]);
    }

    /// <summary>
    /// bias + input·weightᵀ as one node (PyTorch's AddmmBackward0, nn.Linear's op). Its weight
    /// gradient is a dense [out, in] product, not a transposed view, so a leaf can take it as .grad without a copy.
    /// </summary>
    public static Tensor LinearAddmm(Tensor input, Tensor weight, Tensor bias)
    {
        Tensor y;
        using (torch.no_grad())
        {
            y = Mm(input.detach(), weight.detach().t());
            y.add_(bias.detach());
        }
        if (!Recorder.Needed([bias, input, weight])) return y;
        bool needInput = input.requires_grad, needWeight = weight.requires_grad, needBias = bias.requires_grad;
        return Recorder.Record(y, "AddmmBackward0", [bias, input, weight], [input, weight], (g, s) =>
        [
            needBias ? g.sum(0) : null,
            needInput ? g.mm(s[1]) : null,
            needWeight ? g.t().mm(s[0]) : null,
        ]);
    }
}
