using System.Numerics;
using Flint.Backends.Cpu.Decompositions;

namespace Flint.Ops;

// geqrf and ormqr through the linalg door (see Dispatcher.Linalg.cs): a dense host copy, results on the input's device.
internal static partial class Dispatcher
{
    /// <summary>LAPACK geqrf of every matrix of a [..., m, n] tensor: R and the reflectors packed in one [..., m, n] tensor, and τ [..., min(m, n)].</summary>
    public static (Tensor A, Tensor Tau) Geqrf(Tensor a)
    {
        int m = (int)a.Shape[^2], n = (int)a.Shape[^1], k = Math.Min(m, n);
        int batch = BatchCount(a);
        var data = HostElements(a);
        Array tau = a.dtype == ScalarType.Float64
            ? Geqrf((double[])data, batch, m, n)
            : Geqrf((float[])data, batch, m, n);
        return (FromHost(data, a.dtype, (long[])a.Shape.Clone(), a.device), FromHost(tau, a.dtype, [.. a.Shape[..^2], k], a.device));
    }

    private static T[] Geqrf<T>(T[] a, int batch, int m, int n) where T : IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        var tau = new T[batch * k];
        ForBatch(batch, Math.Max(m, n), i =>
        {
            var t = new T[k];
            QrKernels.Factor(a, i * m * n, m, n, t);
            Array.Copy(t, 0, tau, i * k, k);
        });
        return tau;
    }

    /// <summary>LAPACK ormqr for every batch element: op(Q) C or C op(Q), Q from the geqrf form (a [..., mn, na], τ [..., k]), C [..., cm, cn], the same batch dims.</summary>
    public static Tensor Ormqr(Tensor a, Tensor tau, Tensor c, bool left, bool transpose)
    {
        int na = (int)a.Shape[^1], k = (int)tau.Shape[^1];
        int cm = (int)c.Shape[^2], cn = (int)c.Shape[^1];
        int batch = BatchCount(c);
        Array result = a.dtype == ScalarType.Float64
            ? Ormqr((double[])HostElements(a), (double[])HostElements(tau), (double[])HostElements(c), batch, (int)a.Shape[^2], na, k, cm, cn, left, transpose)
            : Ormqr((float[])HostElements(a), (float[])HostElements(tau), (float[])HostElements(c), batch, (int)a.Shape[^2], na, k, cm, cn, left, transpose);
        return FromHost(result, a.dtype, (long[])c.Shape.Clone(), a.device);
    }

    private static T[] Ormqr<T>(T[] a, T[] tau, T[] c, int batch, int mn, int na, int k, int cm, int cn, bool left, bool transpose)
        where T : IFloatingPointIeee754<T>
    {
        ForBatch(batch, Math.Max(cm, cn), i =>
            HouseholderKernels.Apply(a, i * mn * na, na, tau, i * k, k, c, i * cm * cn, cm, cn, left, transpose));
        return c;
    }
}
