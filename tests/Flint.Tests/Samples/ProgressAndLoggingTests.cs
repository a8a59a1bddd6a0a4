using Flint.Tutorial;

namespace Flint.Tests.Samples;

public class ProgressAndLoggingTests
{
    [Fact]
    public void ProgressBarShowsCountRateAndEta()
    {
        Assert.Equal("autograd [###############---------------] 250/500 125 it/s ETA 0:00:02",
            ProgressBar.Render("autograd", 250, 500, TimeSpan.FromSeconds(2)));
        Assert.Equal("nn [------------------------------] 0/500 0 it/s ETA ?", ProgressBar.Render("nn", 0, 500, TimeSpan.Zero));
        Assert.Equal("nn [##############################] 500/500 50 it/s ETA 0:00:00", ProgressBar.Render("nn", 500, 500, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void ProgressGoesToItsOwnWriterAndLeavesTheOutputAlone()
    {
        var plain = new StringWriter();
        new TensorsAutograd().Run(new TutorialSettings(plain, MaxIterations: 5));
        var withBar = new StringWriter();
        var bar = new StringWriter();
        new TensorsAutograd().Run(new TutorialSettings(withBar, MaxIterations: 5, Progress: bar));
        Assert.Equal(plain.ToString(), withBar.ToString());
        Assert.Contains("autograd [##############################] 5/5", bar.ToString());
        Assert.EndsWith("\r\x1b[K", bar.ToString());   // erased at the end of the loop
    }

    [Fact]
    public void EveryRecordedLossIsLogged()
    {
        var logged = new List<(string, int, double)>();
        var p = new TensorsAutograd();
        var losses = p.Run(new TutorialSettings(TextWriter.Null, MaxIterations: 7, LossLogged: (n, t, l) => logged.Add((n, t, l))));
        Assert.Equal(7, logged.Count);
        Assert.Equal(losses.Select((l, t) => ("autograd", t, l)), logged);
    }
}
