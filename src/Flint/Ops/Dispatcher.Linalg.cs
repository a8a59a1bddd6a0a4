using System.Numerics;
using Flint.Backends.Cpu.Decompositions;

namespace Flint.Ops;

// The decompositions behind torch.linalg. They run as managed host kernels (Backends/Cpu/Decompositions/) on a dense
// host copy of the input: a CPU tensor is read directly, a tensor on another device (cuda:0) is copied to the
// host, decomposed there and its results copied back. Every method takes a float32/float64 tensor of shape
// [..., m, n] (batch dims first) and returns results on the input's device, with the same batch dims.
internal static partial class Dispatcher
{
    /// <summary>The LU solve of A X = B for every batch element: a [..., n, n] and b [..., n, k] with the same batch dims; info is LAPACK getrf's per batch element.</summary>
    public static (Tensor X, int[] Info) LuSolve(Tensor a, Tensor b)
    {
        int n = (int)a.Shape[^1], k = (int)b.Shape[^1];
        int batch = BatchCount(a);
        var info = new int[batch];
        Array x;
        if (a.dtype == ScalarType.Float64) x = LuSolve((double[])HostElements(a), (double[])HostElements(b), batch, n, k, info);
        else x = LuSolve((float[])HostElements(a), (float[])HostElements(b), batch, n, k, info);
        return (FromHost(x, a.dtype, (long[])b.Shape.Clone(), a.device), info);
    }

    private static T[] LuSolve<T>(T[] a, T[] b, int batch, int n, int k, int[] info) where T : IFloatingPointIeee754<T>
    {
        ForBatch(batch, n, i =>
        {
            var piv = new int[n];
            info[i] = LuKernels.Factor(a, i * n * n, n, piv);
            if (info[i] == 0) LuKernels.Solve(a, i * n * n, n, piv, b, i * n * k, k);
        });
        return b;
    }

    /// <summary>det, sign(det) and log|det| of every [n, n] matrix of a [..., n, n] tensor, from its LU factors.</summary>
    public static (Tensor Det, Tensor Sign, Tensor LogAbs) LuDet(Tensor a)
    {
        int n = (int)a.Shape[^1];
        int batch = BatchCount(a);
        var shape = a.Shape[..^2];
        (Array det, Array sign, Array log) r = a.dtype == ScalarType.Float64
            ? LuDet((double[])HostElements(a), batch, n)
            : LuDet((float[])HostElements(a), batch, n);
        return (FromHost(r.det, a.dtype, shape, a.device), FromHost(r.sign, a.dtype, (long[])shape.Clone(), a.device), FromHost(r.log, a.dtype, (long[])shape.Clone(), a.device));
    }

    private static (T[], T[], T[]) LuDet<T>(T[] a, int batch, int n) where T : IFloatingPointIeee754<T>
    {
        T[] det = new T[batch], sign = new T[batch], log = new T[batch];
        ForBatch(batch, n, i =>
        {
            var piv = new int[n];
            LuKernels.Factor(a, i * n * n, n, piv);
            (det[i], sign[i], log[i]) = LuKernels.Determinant(a, i * n * n, n, piv);
        });
        return (det, sign, log);
    }

    /// <summary>The lower Cholesky factor of every matrix of a [..., n, n] tensor (its lower triangle is read); info is LAPACK potrf's.</summary>
    public static (Tensor L, int[] Info) Cholesky(Tensor a)
    {
        int n = (int)a.Shape[^1];
        int batch = BatchCount(a);
        var info = new int[batch];
        var data = HostElements(a);
        if (a.dtype == ScalarType.Float64) Cholesky((double[])data, batch, n, info);
        else Cholesky((float[])data, batch, n, info);
        return (FromHost(data, a.dtype, (long[])a.Shape.Clone(), a.device), info);
    }

    private static void Cholesky<T>(T[] a, int batch, int n, int[] info) where T : IFloatingPointIeee754<T> =>
        ForBatch(batch, n, i => info[i] = CholeskyKernels.Factor(a, i * n * n, n));

    /// <summary>Householder QR of every matrix of a [..., m, n] tensor: Q (null when not <paramref name="computeQ"/>) and R, reduced or <paramref name="complete"/>.</summary>
    public static (Tensor? Q, Tensor R) Qr(Tensor a, bool complete, bool computeQ)
    {
        int m = (int)a.Shape[^2], n = (int)a.Shape[^1], k = Math.Min(m, n);
        int batch = BatchCount(a);
        int qc = complete ? m : k, rr = complete ? m : k;
        var batchShape = a.Shape[..^2];
        (Array? q, Array r) res = a.dtype == ScalarType.Float64
            ? Qr((double[])HostElements(a), batch, m, n, qc, rr, computeQ)
            : Qr((float[])HostElements(a), batch, m, n, qc, rr, computeQ);
        var q = res.q is null ? null : FromHost(res.q, a.dtype, [.. batchShape, m, qc], a.device);
        return (q, FromHost(res.r, a.dtype, [.. batchShape, rr, n], a.device));
    }

    private static (T[]?, T[]) Qr<T>(T[] a, int batch, int m, int n, int qc, int rr, bool computeQ) where T : IFloatingPointIeee754<T>
    {
        var q = computeQ ? new T[batch * m * qc] : null;
        var r = new T[batch * rr * n];
        ForBatch(batch, Math.Max(m, n), i =>
        {
            var tau = new T[Math.Min(m, n)];
            QrKernels.Factor(a, i * m * n, m, n, tau);
            QrKernels.CopyR(a, i * m * n, n, r, i * rr * n, rr);
            if (q is not null) QrKernels.FormQ(a, i * m * n, m, n, tau, q, i * m * qc, qc);
        });
        return (q, r);
    }

    /// <summary>Eigenvalues (ascending) and, when <paramref name="vectors"/>, eigenvectors of every symmetric matrix of a [..., n, n] tensor; Failed is the first batch element that did not converge, or -1.</summary>
    public static (Tensor W, Tensor? V, int Failed) Eigh(Tensor a, bool lower, bool vectors)
    {
        int n = (int)a.Shape[^1];
        int batch = BatchCount(a);
        var batchShape = a.Shape[..^2];
        (Array w, Array? v, int failed) r = a.dtype == ScalarType.Float64
            ? Eigh((double[])HostElements(a), batch, n, lower, vectors)
            : Eigh((float[])HostElements(a), batch, n, lower, vectors);
        var v = r.v is null ? null : FromHost(r.v, a.dtype, (long[])a.Shape.Clone(), a.device);
        return (FromHost(r.w, a.dtype, [.. batchShape, n], a.device), v, r.failed);
    }

    private static (T[], T[]?, int) Eigh<T>(T[] a, int batch, int n, bool lower, bool vectors) where T : IFloatingPointIeee754<T>
    {
        var w = new T[batch * n];
        var v = vectors ? new T[batch * n * n] : null;
        var ok = new bool[batch];
        ForBatch(batch, n, i => ok[i] = EighKernels.Decompose(a, i * n * n, n, lower, w, i * n, v, i * n * n));
        return (w, v, Array.IndexOf(ok, false));
    }

    /// <summary>Singular values (descending) and, when <paramref name="vectors"/>, U and Vᵀ (square when <paramref name="full"/>) of every matrix of a [..., m, n] tensor; Failed as for <see cref="Eigh"/>.</summary>
    public static (Tensor? U, Tensor S, Tensor? Vh, int Failed) Svd(Tensor a, bool full, bool vectors)
    {
        int m = (int)a.Shape[^2], n = (int)a.Shape[^1], k = Math.Min(m, n);
        int batch = BatchCount(a);
        var batchShape = a.Shape[..^2];
        int uc = full ? m : k, vr = full ? n : k;
        (Array? u, Array s, Array? vh, int failed) r = a.dtype == ScalarType.Float64
            ? Svd((double[])HostElements(a), batch, m, n, uc, vr, full, vectors)
            : Svd((float[])HostElements(a), batch, m, n, uc, vr, full, vectors);
        var u = r.u is null ? null : FromHost(r.u, a.dtype, [.. batchShape, m, uc], a.device);
        var vh = r.vh is null ? null : FromHost(r.vh, a.dtype, [.. batchShape, vr, n], a.device);
        return (u, FromHost(r.s, a.dtype, [.. batchShape, k], a.device), vh, r.failed);
    }

    private static (T[]?, T[], T[]?, int) Svd<T>(T[] a, int batch, int m, int n, int uc, int vr, bool full, bool vectors) where T : IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        var s = new T[batch * k];
        var u = vectors ? new T[batch * m * uc] : null;
        var vh = vectors ? new T[batch * vr * n] : null;
        var ok = new bool[batch];
        ForBatch(batch, Math.Max(m, n), i => ok[i] = SvdKernels.Decompose(a, i * m * n, m, n, full, s, i * k, u, i * m * uc, vh, i * vr * n));
        return (u, s, vh, Array.IndexOf(ok, false));
    }

    private static int BatchCount(Tensor a)
    {
        long b = 1;
        for (int i = 0; i < a.Shape.Length - 2; i++) b *= a.Shape[i];
        return checked((int)b);
    }

    /// <summary>Runs one decomposition per batch element, in parallel when there are several big enough to pay for it.</summary>
    private static void ForBatch(int batch, int n, Action<int> body)
    {
        if (batch > 1 && (long)batch * n * n * n >= 1 << 18) Parallel.For(0, batch, Parallelism.LoopOptions, body);
        else for (int i = 0; i < batch; i++) body(i);
    }

    /// <summary>A fresh host array (float[] or double[]) with the tensor's elements in row-major order, which the caller may overwrite.</summary>
    private static Array HostElements(Tensor t) => ReadAll(t);

    /// <summary>A tensor over a host array of results, moved to <paramref name="device"/> when that is not the CPU.</summary>
    private static Tensor FromHost(Array values, ScalarType dtype, long[] shape, Device device)
    {
        var host = Adopt(values, dtype, shape);
        if (device.type == DeviceType.CPU) return host;
        var r = CopyToDevice(host, device);
        host.Dispose();
        return r;
    }
}
