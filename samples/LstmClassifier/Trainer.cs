namespace Flint.Samples.LstmClassifier;

/// <summary>Mini-batch training with Adam and cross-entropy, and accuracy on held-out examples.</summary>
public static class Trainer
{
    /// <summary>One pass over <paramref name="train"/> in batches; returns the loss of every batch.</summary>
    public static List<double> Epoch(CharLstm model, torch.optim.Optimizer optimizer, IReadOnlyList<(string text, long label)> train, int batchSize, int? maxBatches = null)
    {
        model.train();
        var losses = new List<double>();
        for (int start = 0; start < train.Count && (maxBatches is null || losses.Count < maxBatches); start += batchSize)
        {
            var (input, labels) = WordData.Batch(train.Skip(start).Take(batchSize).ToList());
            var loss = torch.nn.functional.cross_entropy(model.call(input), labels);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }
        return losses;
    }

    /// <summary>The fraction of <paramref name="examples"/> classified correctly.</summary>
    public static double Accuracy(CharLstm model, IReadOnlyList<(string text, long label)> examples, int batchSize = 512)
    {
        model.eval();
        long correct = 0;
        using (torch.no_grad())
            for (int start = 0; start < examples.Count; start += batchSize)
            {
                var (input, labels) = WordData.Batch(examples.Skip(start).Take(batchSize).ToList());
                correct += model.call(input).argmax(1).eq(labels).sum().item<long>();
            }
        return (double)correct / examples.Count;
    }
}
