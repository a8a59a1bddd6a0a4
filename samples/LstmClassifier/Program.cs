// A character-level LSTM that tells English words from scrambles of the same letters:
//   dotnet run -c Release --project samples/LstmClassifier [-- --epochs 5 --words 20000 --hidden 64 --list PATH]
using System.Diagnostics;
using Flint;
using Flint.Samples.LstmClassifier;

int epochs = IntArg("--epochs", 5), count = IntArg("--words", 20000), hidden = IntArg("--hidden", 64);
string list = Arg("--list") ?? WordData.DefaultWordList;

torch.manual_seed(0);
var (train, test) = WordData.Build(WordData.LoadWords(list), count, testFraction: 0.2, seed: 0);
Console.WriteLine($"{train.Count} training and {test.Count} test examples (half words from {list}, half scrambles)");
var model = new CharLstm(hidden);
var optimizer = torch.optim.Adam(model.parameters(), lr: 5e-3);
Console.WriteLine(model);
Console.WriteLine($"before training: test accuracy {Trainer.Accuracy(model, test):P1}");
var clock = Stopwatch.StartNew();
for (int epoch = 1; epoch <= epochs; epoch++)
{
    var losses = Trainer.Epoch(model, optimizer, train, batchSize: 64);
    Console.WriteLine($"epoch {epoch}: mean loss {losses.Average():F4}, test accuracy {Trainer.Accuracy(model, test):P1}, {clock.Elapsed.TotalSeconds:F1} s");
}

string? Arg(string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int IntArg(string name, int fallback) => Arg(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
