namespace Flint.FashionCnn;

/// <summary>Writes the loss and accuracy curves per epoch as a PNG (ScottPlot 5).</summary>
public static class Curves
{
    /// <summary>Train and test loss on the left axis, test accuracy (%) on the right, per epoch.</summary>
    public static void Save(string path, IReadOnlyList<(int epoch, double trainLoss, double testLoss, double accuracy)> history)
    {
        double[] epochs = history.Select(h => (double)h.epoch).ToArray();
        var plot = new ScottPlot.Plot();
        var train = plot.Add.Scatter(epochs, history.Select(h => h.trainLoss).ToArray());
        train.LegendText = "train loss";
        var test = plot.Add.Scatter(epochs, history.Select(h => h.testLoss).ToArray());
        test.LegendText = "test loss";
        var acc = plot.Add.Scatter(epochs, history.Select(h => h.accuracy * 100).ToArray());
        acc.LegendText = "test accuracy (%)";
        acc.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Left.Label.Text = "nll loss";
        plot.Axes.Right.Label.Text = "accuracy (%)";
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Title("FashionCnn on Fashion-MNIST");
        plot.ShowLegend();
        plot.SavePng(path, 800, 500);
    }
}
