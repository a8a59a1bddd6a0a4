using System.Globalization;
using Flint.Data;
using static Flint.torch;

namespace Flint.Quickstart;

/// <summary>The Quickstart's <c>train</c> and <c>test</c> functions, line for line.</summary>
public static class Loops
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>
    /// One epoch of training; prints <c>loss: ... [current/size]</c> every 100 batches and returns every batch's loss.
    /// <paramref name="max_batches"/> stops early (the tests train on the first batches only).
    /// </summary>
    public static List<double> train(DataLoader<(Tensor, long), (Tensor, Tensor)> dataloader, nn.Module<Tensor, Tensor> model,
        nn.Module<Tensor, Tensor, Tensor> loss_fn, optim.Optimizer optimizer, Device device, TextWriter output, int? max_batches = null)
    {
        var losses = new List<double>();
        var size = dataloader.dataset!.Count;
        model.train();
        int batch = 0;
        foreach (var (X0, y0) in dataloader)
        {
            if (batch == max_batches) break;
            var (X, y) = (X0.to(device), y0.to(device));

            // Compute prediction error
            var pred = model.call(X);
            var loss = loss_fn.call(pred, y);

            // Backpropagation
            loss.backward();
            optimizer.step();
            optimizer.zero_grad();

            losses.Add(loss.item<float>());
            if (batch % 100 == 0)
            {
                var (l, current) = (loss.item<float>(), (batch + 1) * X.shape[0]);
                output.WriteLine(string.Format(C, "loss: {0,7:F6}  [{1,5}/{2,5}]", l, current, size));
            }
            batch++;
        }
        return losses;
    }

    /// <summary>Evaluates on the whole loader; prints and returns the accuracy (0..1) and the average loss.</summary>
    public static (double accuracy, double avg_loss) test(DataLoader<(Tensor, long), (Tensor, Tensor)> dataloader, nn.Module<Tensor, Tensor> model,
        nn.Module<Tensor, Tensor, Tensor> loss_fn, Device device, TextWriter output)
    {
        var size = dataloader.dataset!.Count;
        var num_batches = dataloader.Count;
        model.eval();
        double test_loss = 0, correct = 0;
        using (no_grad())
        {
            foreach (var (X0, y0) in dataloader)
            {
                var (X, y) = (X0.to(device), y0.to(device));
                var pred = model.call(X);
                test_loss += loss_fn.call(pred, y).item<float>();
                correct += (pred.argmax(1) == y).type(float32).sum().item<float>();
            }
        }
        test_loss /= num_batches;
        correct /= size;
        output.WriteLine(string.Format(C, "Test Error: \n Accuracy: {0:F1}%, Avg loss: {1,8:F6} \n", 100 * correct, test_loss));
        return (correct, test_loss);
    }
}
