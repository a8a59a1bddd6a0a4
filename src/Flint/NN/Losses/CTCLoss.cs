using Flint.Modules;

namespace Flint
{
    namespace Modules
    {
        /// <summary>
        /// The connectionist temporal classification loss: −log p(target | log_probs) summed over all alignments,
        /// computed by the alpha recursion in log space.
        /// </summary>
        public sealed class CTCLoss : Loss<Tensor, Tensor, Tensor, Tensor, Tensor>
        {
            /// <summary>Creates the loss.</summary>
            public CTCLoss(long blank = 0, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, bool zero_infinity = false) : base(reduction)
            {
                this.blank = blank;
                this.zero_infinity = zero_infinity;
            }

            /// <summary>The blank label.</summary>
            public long blank { get; }

            /// <summary>Whether infinite losses (impossible alignments) and their gradients become zero.</summary>
            public bool zero_infinity { get; }

            /// <inheritdoc/>
            public override Tensor forward(Tensor log_probs, Tensor targets, Tensor input_lengths, Tensor target_lengths)
                => torch.nn.functional.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank, reduction, zero_infinity);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>The CTC loss.</summary>
            public static CTCLoss CTCLoss(long blank = 0, Reduction reduction = Reduction.Mean, bool zero_infinity = false) => new(blank, reduction, zero_infinity);

            public static partial class functional
            {
                /// <summary>
                /// The CTC loss of <paramref name="log_probs"/> (T, N, C) or unbatched (T, C) against <paramref name="targets"/>
                /// (N, S) padded or 1-d concatenated (unbatched: (S)), with per-sample <paramref name="input_lengths"/> and
                /// <paramref name="target_lengths"/>. Mean divides each loss by its target length (at least 1) and averages
                /// over the batch. The gradient is PyTorch's: exp(log_probs) − (Σ alignments through (t, c)) / (p·exp(log_probs)),
                /// which assumes <paramref name="log_probs"/> come from <c>log_softmax</c> (as PyTorch's does). The recursion runs
                /// on the host in float64; a device tensor is copied there and its results copied back.
                /// </summary>
                public static Tensor ctc_loss(Tensor log_probs, Tensor targets, Tensor input_lengths, Tensor target_lengths, long blank = 0, Reduction reduction = Reduction.Mean, bool zero_infinity = false)
                    => ctc_loss(log_probs, targets, LengthsOf(input_lengths), LengthsOf(target_lengths), blank, reduction, zero_infinity);

                /// <summary><see cref="ctc_loss(Tensor, Tensor, Tensor, Tensor, long, Reduction, bool)"/> with the lengths as arrays.</summary>
                public static Tensor ctc_loss(Tensor log_probs, Tensor targets, long[] input_lengths, long[] target_lengths, long blank = 0, Reduction reduction = Reduction.Mean, bool zero_infinity = false)
                {
                    bool unbatched = log_probs.dim() == 2;
                    if (log_probs.dim() != 2 && log_probs.dim() != 3)
                        throw new ArgumentException($"Expected 3-dimensional tensor, but got {log_probs.dim()}-dimensional tensor for argument #1 'log_probs' (while checking arguments for ctc_loss_cpu)");
                    var lp = unbatched ? log_probs.unsqueeze(1) : log_probs;
                    var tg = unbatched ? targets.unsqueeze(0) : targets;
                    if (!Enum.IsDefined(reduction)) throw new ArgumentException($"{reduction} is not a valid value for reduction");
                    var plan = CtcPlan.Create(lp, tg, input_lengths, target_lengths, blank, zero_infinity);
                    var nll = CtcLossFunction.apply(lp, plan);
                    if (zero_infinity) nll = where(nll.eq(double.PositiveInfinity), zeros([], nll.dtype, nll.device), nll);
                    if (unbatched) nll = nll.squeeze(0);
                    return reduction switch
                    {
                        Reduction.Mean => (nll / tensor(target_lengths.Select(l => (double)Math.Max(l, 1)).ToArray(), nll.dtype, nll.device).reshape(nll.shape)).mean(),
                        Reduction.Sum => nll.sum(),
                        _ => nll,
                    };
                }

                private static long[] LengthsOf(Tensor lengths)
                {
                    if (lengths.is_floating_point()) throw new ArgumentException("ctc_loss: the lengths must be integer tensors");
                    return lengths.to(ScalarType.Int64).reshape(-1).data<long>();
                }
            }
        }
    }

    /// <summary>
    /// The per-sample CTC negative log-likelihood as one autograd node (<c>CtcLossBackward</c>): the forward runs
    /// <see cref="CtcPlan"/>'s alpha recursion; when the input requires grad it also runs the beta recursion and keeps
    /// PyTorch's gradient for a unit output gradient, which the backward scales per sample.
    /// </summary>
    internal sealed class CtcLossFunction : torch.autograd.SingleTensorFunction<CtcLossFunction>
    {
        public override string Name => "CtcLoss";

        public override Tensor forward(torch.autograd.AutogradContext ctx, params object[] vars)
        {
            var logProbs = (Tensor)vars[0];
            var plan = (CtcPlan)vars[1];
            var (nll, grad) = plan.Run(logProbs, withGradient: ctx.needs_input_grad[0]);
            if (grad is not null) ctx.save_for_backward(grad);
            return nll;
        }

        public override List<Tensor> backward(torch.autograd.AutogradContext ctx, Tensor grad_output)
        {
            var grad = ctx.saved_tensors[0];
            return [grad * grad_output.reshape(1, -1, 1), null!];
        }
    }
}
