using System.Globalization;

namespace Flint.CharGpt;

/// <summary>The command line: <c>--name value</c> pairs and the <c>--resume</c> flag.</summary>
public sealed record Options
{
    public string Device { get; init; } = "cpu";
    public int Steps { get; init; } = 2000;
    public long Batch { get; init; } = 32;
    public long Block { get; init; } = 64;
    public long Layers { get; init; } = 4;
    public long Heads { get; init; } = 4;
    public long Embd { get; init; } = 128;
    public double Dropout { get; init; }
    public double LearningRate { get; init; } = 1e-3;
    public double WeightDecay { get; init; } = 0.1;
    public int Warmup { get; init; } = 100;
    public int EvalInterval { get; init; } = 250;
    public int EvalIters { get; init; } = 20;
    public int SampleTokens { get; init; } = 200;
    public int Seed { get; init; } = 1337;
    public string Data { get; init; } = "/usr/share/dict/american-english";
    public string Checkpoint { get; init; } = "chargpt.pt";
    public bool Resume { get; init; }

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            double Dbl() => double.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--device" => o with { Device = Next() },
                "--steps" => o with { Steps = Int() },
                "--batch" => o with { Batch = Int() },
                "--block" => o with { Block = Int() },
                "--layers" => o with { Layers = Int() },
                "--heads" => o with { Heads = Int() },
                "--embd" => o with { Embd = Int() },
                "--dropout" => o with { Dropout = Dbl() },
                "--lr" => o with { LearningRate = Dbl() },
                "--weight-decay" => o with { WeightDecay = Dbl() },
                "--warmup" => o with { Warmup = Int() },
                "--eval-interval" => o with { EvalInterval = Int() },
                "--eval-iters" => o with { EvalIters = Int() },
                "--sample-tokens" => o with { SampleTokens = Int() },
                "--seed" => o with { Seed = Int() },
                "--data" => o with { Data = Next() },
                "--checkpoint" => o with { Checkpoint = Next() },
                "--resume" => o with { Resume = true },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }
        return o;
    }
}

/// <summary>The learning rate: linear warmup, then a cosine decay to a tenth of the peak at the last step.</summary>
public static class Schedule
{
    public static double LearningRate(int step, double peak, int warmup, int steps)
    {
        if (step < warmup) return peak * (step + 1) / warmup;
        double progress = (double)(step - warmup) / Math.Max(1, steps - warmup);
        double min = peak / 10;
        return min + 0.5 * (peak - min) * (1 + Math.Cos(Math.PI * Math.Min(1.0, progress)));
    }
}

/// <summary>
/// The checkpoint: a dict with the model's state_dict, the optimizer's state_dict, the step, the validation loss, the
/// model's shape (nanoGPT's <c>model_args</c>) and the vocabulary, written with torch.save, so PyTorch's
/// <c>torch.load</c> reads it (tools/golden/check_chargpt_checkpoint.py rebuilds the model in PyTorch from it).
/// </summary>
public static class Checkpoint
{
    public static void Save(string path, Gpt model, torch.optim.Optimizer optimizer, int step, double valLoss, string? vocab = null)
    {
        var checkpoint = new Dictionary<string, object?>
        {
            ["model"] = model.state_dict(),
            ["optimizer"] = optimizer.state_dict(),
            ["step"] = (long)step,
            ["val_loss"] = valLoss,
            ["model_args"] = new Dictionary<string, object?>
            {
                ["vocab_size"] = model.Config.VocabSize,
                ["block_size"] = model.Config.BlockSize,
                ["n_layer"] = model.Config.NLayer,
                ["n_head"] = model.Config.NHead,
                ["n_embd"] = model.Config.NEmbd,
                ["dropout"] = model.Config.Dropout,
            },
        };
        if (vocab is not null) checkpoint["vocab"] = vocab;
        torch.save(checkpoint, path);
    }

    /// <summary>The model's shape as the checkpoint records it (<c>model_args</c>).</summary>
    public static GptConfig ReadConfig(string path)
    {
        if (torch.load(path) is not Dictionary<string, object?> checkpoint || checkpoint.GetValueOrDefault("model_args") is not Dictionary<string, object?> args)
            throw new InvalidDataException($"{path} has no model_args");
        long Int(string key) => args[key] is long v ? v : throw new InvalidDataException($"{path}: model_args[{key}] is not an int");
        return new GptConfig(Int("vocab_size"), Int("block_size"), Int("n_layer"), Int("n_head"), Int("n_embd"), args["dropout"] is double d ? d : 0.0);
    }

    /// <summary>Loads model and optimizer state; returns the step to continue from.</summary>
    public static int Load(string path, Gpt model, torch.optim.Optimizer optimizer)
    {
        if (torch.load(path) is not Dictionary<string, object?> checkpoint
            || checkpoint["model"] is not Dictionary<string, Tensor> modelState
            || checkpoint["optimizer"] is not Modules.StateDictionary optimizerState
            || checkpoint["step"] is not long step)
            throw new InvalidDataException($"{path} is not a CharGpt checkpoint");
        model.load_state_dict(modelState);
        optimizer.load_state_dict(optimizerState);
        return (int)step;
    }
}
