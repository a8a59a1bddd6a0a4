using Flint.Samples.LstmClassifier;

namespace Flint.Tests.Samples;

/// <summary>samples/LstmClassifier: the data are what the README says, and a few dozen Adam steps lower the loss.</summary>
[Collection(GlobalRandomCollection.Name)]
public class LstmClassifierTests
{
    [Fact]
    public void ScramblesKeepLengthsAndLetterFrequencies()
    {
        var words = WordData.LoadWords(WordData.DefaultWordList);
        Assert.True(words.Count > 10000, $"{words.Count} words");
        Assert.All(words, w => Assert.True(w.Length is >= 3 and <= 12 && w.All(char.IsAsciiLetterLower), w));
        var (train, test) = WordData.Build(words, 2000, 0.2, seed: 1);
        Assert.Equal(3200, train.Count);
        Assert.Equal(800, test.Count);
        var all = train.Concat(test).ToList();
        Assert.Equal(2000, all.Count(e => e.label == 1));
        var real = all.Where(e => e.label == 1).Select(e => e.text).ToList();
        var fake = all.Where(e => e.label == 0).Select(e => e.text).ToList();
        Assert.Equal(real.Select(w => w.Length).OrderBy(l => l), fake.Select(w => w.Length).OrderBy(l => l));
        double FractionOfE(List<string> s) => (double)s.Sum(w => w.Count(ch => ch == 'e')) / s.Sum(w => w.Length);
        Assert.InRange(FractionOfE(fake), FractionOfE(real) - 0.01, FractionOfE(real) + 0.01);
    }

    [Fact]
    public void TrainingStepsLowerTheLoss()
    {
        var (train, _) = WordData.Build(WordData.LoadWords(WordData.DefaultWordList), 1500, 0.2, seed: 0);
        torch.manual_seed(0);
        var model = new CharLstm(32);
        var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
        var losses = Trainer.Epoch(model, optimizer, train, batchSize: 64, maxBatches: 36);
        Assert.Equal(36, losses.Count);
        Assert.Equal(Math.Log(2), losses[0], 0.1); // two balanced classes: chance level at the start
        double first = losses.Take(6).Average(), last = losses.TakeLast(6).Average();
        Assert.True(last < first - 0.05, $"loss {first:F4} → {last:F4}");
    }
}
