using static Flint.torch;

namespace Flint.FashionCnn;

/// <summary>The example's train and test loops (one epoch each), reporting progress through a callback.</summary>
public static class Training
{
    /// <summary>One epoch of Adadelta steps on nll_loss; <paramref name="progress"/> gets (batches done, loss) after each step. Returns the mean loss.</summary>
    public static double Train(Net model, IEnumerable<(Tensor, Tensor)> loader, optim.Optimizer optimizer, Device device, Action<int, double>? progress = null, int? maxBatches = null)
    {
        model.train();
        double total = 0;
        int batches = 0;
        foreach (var (data, target) in loader)
        {
            var (x, y) = (data.to(device), target.to(device));
            optimizer.zero_grad();
            var output = model.call(x);
            var loss = nn.functional.nll_loss(output, y);
            loss.backward();
            optimizer.step();
            double l = loss.item<float>();
            total += l;
            batches++;
            progress?.Invoke(batches, l);
            if (batches == maxBatches) break;
        }
        return total / Math.Max(batches, 1);
    }

    /// <summary>The mean test loss and the accuracy (0..1) over the whole loader.</summary>
    public static (double loss, double accuracy) Test(Net model, IEnumerable<(Tensor, Tensor)> loader, Device device)
    {
        model.eval();
        double loss = 0;
        long correct = 0, count = 0;
        using (no_grad())
        {
            foreach (var (data, target) in loader)
            {
                var (x, y) = (data.to(device), target.to(device));
                var output = model.call(x);
                loss += nn.functional.nll_loss(output, y, reduction: nn.Reduction.Sum).item<float>();
                correct += output.argmax(1).eq(y).sum().item<long>();
                count += y.size(0);
            }
        }
        return (loss / count, (double)correct / count);
    }
}
