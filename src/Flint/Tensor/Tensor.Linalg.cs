using Flint.Ops;

namespace Flint;

public partial class Tensor
{
    private static void CheckSameDType(Tensor a, Tensor b, string op)
    {
        if (a.dtype != b.dtype)
            throw new ArgumentException($"expected scalar type {DTypes.ShortName(a.dtype)} but found {DTypes.ShortName(b.dtype)}");
        Dispatcher.CheckSameDevice(a, b);
        _ = op;
    }

    /// <summary>Matrix product of two 2-D tensors.</summary>
    public Tensor mm(Tensor mat2)
    {
        if (Shape.Length != 2) throw new ArgumentException("self must be a matrix");
        if (mat2.Shape.Length != 2) throw new ArgumentException("mat2 must be a matrix");
        if (Shape[1] != mat2.Shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({Shape[0]}x{Shape[1]} and {mat2.Shape[0]}x{mat2.Shape[1]})");
        CheckSameDType(this, mat2, "mm");
        var r = Dispatcher.MatMul(this, mat2, 1, Shape[0], Shape[1], mat2.Shape[1], 0, 0, [Shape[0], mat2.Shape[1]]);
        if (!Recorder.Needed(this, mat2)) return r;
        bool needA = requires_grad, needB = mat2.requires_grad;
        return Recorder.Record(r, "MmBackward0", [this, mat2], [needA ? mat2 : this, needB ? this : mat2], (g, s) =>
            [needA ? g.mm(s[0].t()) : null, needB ? s[1].t().mm(g) : null]);
    }

    /// <summary>Batched matrix product of two 3-D tensors.</summary>
    public Tensor bmm(Tensor mat2)
    {
        if (Shape.Length != 3) throw new ArgumentException($"batch1 must be a 3D tensor");
        if (mat2.Shape.Length != 3) throw new ArgumentException($"batch2 must be a 3D tensor");
        if (Shape[0] != mat2.Shape[0] || Shape[2] != mat2.Shape[1])
            throw new ArgumentException($"Expected size for first two dimensions of batch2 tensor to be: [{Shape[0]}, {Shape[2]}] but got: [{mat2.Shape[0]}, {mat2.Shape[1]}].");
        CheckSameDType(this, mat2, "bmm");
        var r = Dispatcher.MatMul(this, mat2, Shape[0], Shape[1], Shape[2], mat2.Shape[2], Strides[0], mat2.Strides[0], [Shape[0], Shape[1], mat2.Shape[2]]);
        if (!Recorder.Needed(this, mat2)) return r;
        bool needA = requires_grad, needB = mat2.requires_grad;
        return Recorder.Record(r, "BmmBackward0", [this, mat2], [needA ? mat2 : this, needB ? this : mat2], (g, s) =>
            [needA ? g.bmm(s[0].transpose(1, 2)) : null, needB ? s[1].transpose(1, 2).bmm(g) : null]);
    }

    /// <summary>Inner product of two 1-D tensors.</summary>
    public Tensor dot(Tensor other)
    {
        if (Shape.Length != 1 || other.Shape.Length != 1)
            throw new ArgumentException($"1D tensors expected, but got {Shape.Length}D and {other.Shape.Length}D tensors");
        if (Shape[0] != other.Shape[0])
            throw new ArgumentException($"inconsistent tensor size, expected tensor [{Shape[0]}] and src [{other.Shape[0]}] to have the same number of elements, but got {Shape[0]} and {other.Shape[0]} elements respectively");
        if (dtype != other.dtype)
            throw new ArgumentException($"dot : expected both vectors to have same dtype, but found {DTypes.ShortName(dtype)} and {DTypes.ShortName(other.dtype)}");
        Tensor r;
        using (torch.no_grad()) r = detach().unsqueeze(0).mm(other.detach().unsqueeze(1)).reshape([]);
        return Recorder.Record(r, "DotBackward0", [this, other], [this, other], (g, s) => [g * s[1], g * s[0]]);
    }

    /// <summary>Matrix-vector product.</summary>
    public Tensor mv(Tensor vec)
    {
        if (Shape.Length != 2 || vec.Shape.Length != 1)
            throw new ArgumentException($"vector + matrix @ vector expected, got 1, {Shape.Length}, {vec.Shape.Length}");
        if (Shape[1] != vec.Shape[0])
            throw new ArgumentException($"size mismatch, got {Shape[0]}, {Shape[0]}x{Shape[1]},{vec.Shape[0]}");
        Tensor r;
        using (torch.no_grad()) r = detach().mm(vec.detach().unsqueeze(1)).reshape(Shape[0]);
        return Recorder.Record(r, "MvBackward0", [this, vec], [this, vec], (g, s) =>
            [g.unsqueeze(1) * s[1].unsqueeze(0), s[0].t().mm(g.unsqueeze(1)).reshape(s[1].Shape[0])]);
    }

    /// <summary>Outer product of two 1-D tensors.</summary>
    public Tensor outer(Tensor vec2)
    {
        if (Shape.Length != 1 || vec2.Shape.Length != 1) throw new ArgumentException("outer: expected 1-D tensors");
        return reshape(Shape[0], 1) * vec2; // PyTorch's decomposition, hence its graph
    }

    /// <summary>
    /// PyTorch's matmul: dot for 1-D·1-D, mm for matrices, mv, and batched products with
    /// broadcast batch dims for higher ranks (1-D operands get a dim added and removed).
    /// </summary>
    public Tensor matmul(Tensor other)
    {
        int da = Shape.Length, db = other.Shape.Length;
        if (da == 0 || db == 0) throw new ArgumentException($"both arguments to matmul need to be at least 1D, but they are {da}D and {db}D");
        if (da == 1 && db == 1) return dot(other);
        if (da == 2 && db == 1) return mv(other);
        if (da == 1 && db == 2)
        {
            // PyTorch squeezes in place (squeeze_(0)), which names the node SqueezeBackward3.
            var p2 = unsqueeze(0).mm(other);
            return p2.MakeView(RemoveAt(p2.Shape, 0), RemoveAt(p2.Strides, 0), p2.Offset, "SqueezeBackward3", g => g.unsqueeze(0));
        }
        if (da == 2 && db == 2) return mm(other);
        // [..., n, m] @ [m]: fold the batch into rows of one matrix-vector product, as PyTorch does.
        if (db == 1) return reshape(-1, Shape[^1]).mv(other).reshape(Shape[..^1]);
        if (da == 1) return unsqueeze(0).matmul(other).squeeze(-2);
        long n = Shape[^2], m = Shape[^1], m2 = other.Shape[^2], p = other.Shape[^1];
        if (m != m2)
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({Shapes.Numel(Shape) / m}x{m} and {m2}x{p})");
        if (db == 2)
        {
            // Fold the batch into rows: one big GEMM instead of many small ones.
            var outShape = Shape[..^1].Append(p).ToArray();
            return UnsafeView(reshape(-1, m).mm(other), outShape);
        }
        var batch = Shapes.Broadcast(Shape[..^2], other.Shape[..^2]);
        long b = Shapes.Numel(batch);
        var a3 = expand([.. batch, n, m]).reshape(b, n, m);
        var b3 = other.expand([.. batch, m, p]).reshape(b, m, p);
        return UnsafeView(a3.bmm(b3), [.. batch, n, p]);
    }

    /// <summary>Reshapes a fresh contiguous product as PyTorch's matmul does (_unsafe_view, node UnsafeViewBackward0).</summary>
    private static Tensor UnsafeView(Tensor t, long[] shape)
    {
        var v = new Tensor(t.Storage, shape, Shapes.ContiguousStrides(shape), t.Offset);
        var old = t.Shape;
        return Recorder.Record(v, "UnsafeViewBackward0", [t], [], (g, _) => [g.reshape(old)]);
    }
}
