using Flint;
using static Flint.torch;

namespace Flint.Distributed.Driver;

/// <summary>
/// DistributedDataParallel against one process: N ranks with batch B each end every step with the same weights
/// as a single model trained on the whole batch of N·B, whatever the optimizer and bucket size.
/// </summary>
internal static class DdpScenarios
{
    private const int B = 4, Steps = 3;

    private static nn.Module<Tensor, Tensor> Mlp(long seed)
    {
        manual_seed(seed);
        return nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 4));
    }

    /// <summary>Two heads; head2 only joins the forward when <see cref="UseHead2"/> (find_unused_parameters).</summary>
    private sealed class TwoHeads : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> body, head1, head2;
        public bool UseHead2;

        public TwoHeads(long seed) : base("TwoHeads")
        {
            manual_seed(seed);
            body = nn.Linear(8, 16);
            head1 = nn.Linear(16, 4);
            head2 = nn.Linear(16, 4);
            RegisterComponents();
        }

        public Flint.Modules.Parameter Head2Weight => named_parameters().First(p => p.name == "head2.weight").parameter;

        public override Tensor forward(Tensor x)
        {
            var h = body.call(x).relu();
            return UseHead2 ? head1.call(h) + head2.call(h) : head1.call(h);
        }
    }

    public static int Run()
    {
        var dist = torch.distributed;
        int rank = dist.get_rank(), size = dist.get_world_size();
        manual_seed(100);
        var xs = randn([Steps, size * B, 8]);
        var ys = randn([Steps, size * B, 4]);
        Tensor Local(Tensor t, int step) => t[step].narrow(0, rank * B, B);

        foreach (var (cap, useAdam) in new[] { (25.0, false), (0.0003, true) })
        {
            // Each rank starts from different weights: the constructor's broadcast makes them rank 0's.
            var ddp = nn.parallel.DistributedDataParallel(Mlp(seed: 1 + rank), bucket_cap_mb: cap);
            var reference = Mlp(seed: 1);
            if (cap < 1) Check.True(ddp.bucket_count > 2, $"a tiny bucket_cap_mb makes several buckets ({ddp.bucket_count})");
            optim.Optimizer Make(IEnumerable<Flint.Modules.Parameter> ps) => useAdam ? optim.Adam(ps, lr: 0.01) : optim.SGD(ps, lr: 0.1, momentum: 0.9);
            var opt = Make(ddp.parameters());
            var refOpt = Make(reference.parameters());
            for (int step = 0; step < Steps; step++)
            {
                opt.zero_grad();
                nn.functional.mse_loss(ddp.call(Local(xs, step)), Local(ys, step)).backward();
                opt.step();
                refOpt.zero_grad();
                nn.functional.mse_loss(reference.call(xs[step]), ys[step]).backward();
                refOpt.step();
                SameWeights(ddp.module, reference, $"DDP cap={cap} {(useAdam ? "Adam" : "SGD")} step {step}");
            }
            // Small buckets start their all-reduce during backward: once the first step has rebuilt the buckets in the
            // order gradients arrive, all but the last bucket of every later step.
            if (cap < 1) Check.True(ddp.EarlyLaunches >= (Steps - 1) * (ddp.bucket_count - 1), $"buckets started during backward: {ddp.EarlyLaunches} of {Steps * ddp.bucket_count}");
            else Check.True(ddp.bucket_count == 1 && ddp.EarlyLaunches == 0, "one bucket starts when backward has produced every gradient");
            ddp.Dispose();
        }

        // no_sync: two micro-batches, the first accumulated locally, equal the whole batch of both.
        {
            var ddp = nn.parallel.DistributedDataParallel(Mlp(seed: 7 + rank));
            var reference = Mlp(seed: 7);
            using (ddp.no_sync()) nn.functional.mse_loss(ddp.call(Local(xs, 0)), Local(ys, 0)).backward();
            var firstOnly = ddp.module.parameters().Select(p => p.grad!.clone()).ToArray();
            nn.functional.mse_loss(ddp.call(Local(xs, 1)), Local(ys, 1)).backward();
            nn.functional.mse_loss(reference.call(xs[0]), ys[0]).backward();
            nn.functional.mse_loss(reference.call(xs[1]), ys[1]).backward();
            SameGrads(ddp.module, reference, "no_sync accumulation");
            // Inside no_sync the gradient stayed this rank's own (it differs from the averaged one).
            Check.True(size == 1 || !firstOnly.Zip(reference.parameters()).All(z => close(z.First, z.Second.grad!)), "no_sync kept local gradients");
            ddp.Dispose();
        }

        // find_unused_parameters: only rank 0 uses head2; its gradient is rank 0's divided by the world size.
        {
            var model = new TwoHeads(seed: 3) { UseHead2 = rank == 0 };
            var ddp = nn.parallel.DistributedDataParallel(model, find_unused_parameters: true);
            nn.functional.mse_loss(ddp.call(Local(xs, 0)), Local(ys, 0)).backward();
            var rank0 = new TwoHeads(seed: 3) { UseHead2 = true };
            nn.functional.mse_loss(rank0.call(xs[0].narrow(0, 0, B)), ys[0].narrow(0, 0, B)).backward();
            Check.Values("find_unused head2 grad", model.Head2Weight.grad!, (rank0.Head2Weight.grad! / size).reshape(-1).data<float>().Select(v => (double)v).ToArray(), ScalarType.Float32);
            // The next iteration starts cleanly.
            nn.functional.mse_loss(ddp.call(Local(xs, 1)), Local(ys, 1)).backward();
            ddp.Dispose();
        }

        // Without find_unused_parameters an unused parameter leaves the reduction unfinished: PyTorch's error.
        {
            var model = new TwoHeads(seed: 5) { UseHead2 = false };
            var ddp = nn.parallel.DistributedDataParallel(model);
            nn.functional.mse_loss(ddp.call(Local(xs, 0)), Local(ys, 0)).backward();
            Check.Throws(() => ddp.call(Local(xs, 1)), "Expected to have finished reduction in the prior iteration", "unused parameter without find_unused_parameters");
        }
        return Check.Count;
    }

    private static bool close(Tensor a, Tensor b) => (a - b).abs().max().item<float>() <= 1e-5f;

    private static void SameWeights(nn.Module a, nn.Module b, string what)
    {
        foreach (var ((name, p), (_, q)) in a.named_parameters().Zip(b.named_parameters()))
        {
            float diff = (p - q).abs().max().item<float>();
            Check.True(diff <= 1e-5f, $"{what}: {name} differs from the single-process model by {diff}");
        }
    }

    private static void SameGrads(nn.Module a, nn.Module b, string what)
    {
        foreach (var ((name, p), (_, q)) in a.named_parameters().Zip(b.named_parameters()))
        {
            float diff = (p.grad! - q.grad!).abs().max().item<float>();
            Check.True(diff <= 1e-5f, $"{what}: {name}.grad differs from the single-process gradient by {diff}");
        }
    }
}
