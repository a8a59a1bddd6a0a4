using System.Runtime.InteropServices;
using Flint;
using Flint.Cuda;

namespace Flint.Distributed.Driver;

/// <summary>
/// Collectives and point-to-point on cuda:0 tensors: staged through pinned host buffers and copied back to the device.
/// Without an NVIDIA driver (or with FLINT_CUDA_EMULATE=1) cuda:0 is ILGPU's CPU emulator.
/// </summary>
internal static class CudaScenarios
{
    public static int Run()
    {
        bool driver = NativeLibrary.TryLoad("libcuda.so.1", out var h);
        if (driver) NativeLibrary.Free(h);
        if (!driver || Environment.GetEnvironmentVariable("FLINT_CUDA_EMULATE") is { Length: > 0 } and not "0") FlintCuda.UseEmulator();
        Check.True(torch.cuda.is_available(), "cuda:0 is available");
        var dist = torch.distributed;
        int rank = dist.get_rank(), size = dist.get_world_size();
        var cuda = torch.CUDA;
        foreach (var t in new[] { ScalarType.Float32, ScalarType.Float16, ScalarType.Int64 })
        {
            var x = torch.tensor(new double[] { rank + 1, 2 * rank, -rank }).to(cuda, t);
            dist.all_reduce(x);
            Check.True(x.device.type == DeviceType.CUDA, "all_reduce keeps the tensor on cuda:0");
            double s = size * (size + 1) / 2.0, s2 = size * (size - 1);
            Check.Values($"cuda all_reduce {t}", x.cpu(), [s, s2, -s2 / 2], t);

            var m = torch.tensor(new double[] { rank, rank }).to(cuda, t);
            dist.all_reduce(m, ReduceOp.MAX, async_op: true)!.wait();
            Check.Values($"cuda async all_reduce MAX {t}", m.cpu(), [size - 1, size - 1], t);

            var b = torch.full([4], (double)rank).to(cuda, t);
            dist.broadcast(b, src: size - 1);
            Check.Values($"cuda broadcast {t}", b.cpu(), Enumerable.Repeat(size - 1.0, 4).ToArray(), t);

            var gathered = torch.zeros([size, 2], t).to(cuda);
            dist.all_gather_into_tensor(gathered, torch.full([2], (double)rank).to(cuda, t));
            Check.Values($"cuda all_gather_into_tensor {t}", gathered.cpu(), Enumerable.Range(0, size).SelectMany(r => new double[] { r, r }).ToArray(), t);

            var incoming = torch.zeros([3], t).to(cuda);
            var send = dist.isend(torch.full([3], rank + 10.0).to(cuda, t), (rank + 1) % size);
            dist.recv(incoming, (rank + size - 1) % size);
            send.wait();
            Check.Values($"cuda isend/recv {t}", incoming.cpu(), Enumerable.Repeat((rank + size - 1) % size + 10.0, 3).ToArray(), t);
        }
        return Check.Count;
    }
}
