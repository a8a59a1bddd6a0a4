// A character-level GPT (nanoGPT/makemore style) trained on Debian's word list:
//   dotnet run -c Release --project samples/CharGpt [-- --device cuda --steps 2000 --resume]
// The data is /usr/share/dict/american-english (apt-get install wamerican). The run prints the validation loss of a
// bigram baseline, trains with AdamW (weight decay on matrices only), gradient clipping and a warmup + cosine learning
// rate, evaluates on held-out words, saves a checkpoint PyTorch can torch.load, and samples new words.
using System.Diagnostics;
using Flint;
using Flint.CharGpt;
using Spectre.Console;
using static Flint.torch;

var options = Options.Parse(args);
var device = new Device(options.Device);
var data = CharData.FromFile(options.Data);
AnsiConsole.MarkupLine($"[bold]CharGpt[/] on {Markup.Escape(options.Data)}: {data.Vocab.Length} characters, " +
    $"{data.TrainTokens.Length:N0} training and {data.ValTokens.Length:N0} validation tokens, device {device}");
double bigram = data.BigramValidationLoss();
AnsiConsole.MarkupLine($"bigram baseline (add-one smoothed counts): validation loss [bold]{bigram:F4}[/]");

manual_seed(options.Seed);
var config = new GptConfig(data.Vocab.Length, options.Block, options.Layers, options.Heads, options.Embd, options.Dropout);
var model = new Gpt(config).to(device);
var optimizer = model.ConfigureOptimizer(options.LearningRate, options.WeightDecay);
AnsiConsole.MarkupLine($"model: {model.parameters().Sum(p => p.numel()):N0} parameters ({config.NLayer} layers, {config.NHead} heads, " +
    $"{config.NEmbd} wide, context {config.BlockSize}), batch {options.Batch}");

int startStep = 0;
if (options.Resume && File.Exists(options.Checkpoint))
{
    startStep = Checkpoint.Load(options.Checkpoint, model, optimizer);
    AnsiConsole.MarkupLine($"resumed from {Markup.Escape(options.Checkpoint)} at step {startStep}");
}

var watch = Stopwatch.StartNew();
(double train, double val) losses = (double.NaN, double.NaN);
AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
    .Start(ctx =>
    {
        var task = ctx.AddTask("training", maxValue: options.Steps);
        task.Increment(startStep);
        for (int step = startStep; step < options.Steps; step++)
        {
            double lr = Schedule.LearningRate(step, options.LearningRate, options.Warmup, options.Steps);
            foreach (var group in optimizer.param_groups) group.lr = lr;
            var (x, y) = CharData.GetBatch(data.Train, options.Batch, config.BlockSize, device);
            var loss = model.Loss(x, y);
            optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), 1.0);
            optimizer.step();
            task.Increment(1);
            if (step % 10 == 0) task.Description = $"step {step} loss {loss.item<float>():F3}";
            if ((step + 1) % options.EvalInterval == 0 || step + 1 == options.Steps)
            {
                losses = Evaluate(model, data, options, device);
                AnsiConsole.MarkupLine($"step {step + 1}: train loss {losses.train:F4}, val loss {losses.val:F4} (lr {lr:E2})");
            }
        }
    });
if (startStep >= options.Steps) losses = Evaluate(model, data, options, device);
double seconds = watch.Elapsed.TotalSeconds;

Checkpoint.Save(options.Checkpoint, model, optimizer, options.Steps, losses.val, new string(data.Vocab));
AnsiConsole.MarkupLine($"saved {Markup.Escape(options.Checkpoint)} (torch.load reads it: model, optimizer, step)");
AnsiConsole.MarkupLine($"[bold]validation loss {losses.val:F4}[/] vs bigram {bigram:F4}: " +
    $"{bigram - losses.val:F4} nats lower ({(startStep >= options.Steps ? 0 : options.Steps - startStep)} steps in {seconds:F0} s)");

// Sample words: start from a newline, sample with temperature and top-k, print what lies between newlines.
var generator = new Generator(options.Seed);
model.eval();
var start = full([1, 1], data.Encode('\n'), ScalarType.Int64, device);
var sample = model.Generate(start, options.SampleTokens, temperature: 0.8, topK: 10, generator: generator);
var words = data.Decode(sample[0].cpu().data<long>().ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
AnsiConsole.MarkupLine("samples: " + Markup.Escape(string.Join(" ", words.Take(words.Length - 1))));

static (double train, double val) Evaluate(Gpt model, CharData data, Options options, Device device)
{
    model.eval();
    double Mean(Tensor stream)
    {
        double sum = 0;
        using (no_grad())
            for (int i = 0; i < options.EvalIters; i++)
            {
                var (x, y) = CharData.GetBatch(stream, options.Batch, model.Config.BlockSize, device);
                sum += model.Loss(x, y).item<float>();
            }
        return sum / options.EvalIters;
    }
    var result = (Mean(data.Train), Mean(data.Val));
    model.train();
    return result;
}
