// The pytorch/examples MNIST convolutional network, trained on Fashion-MNIST:
//   dotnet run -c Release --project samples/FashionCnn [-- --epochs 3] [--device cuda] [--plot curves.png] [--batches N]
// Adadelta(lr=1.0) with StepLR(step_size=1, gamma=0.7), batch 64 (test batch 1000), as the example.
// The data is Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist/).
using Flint;
using Flint.FashionCnn;
using Spectre.Console;
using static Flint.torch;
using static Flint.torch.utils.data;

int epochs = 3;
string deviceName = "cpu";
string? plotPath = null;
int? maxBatches = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs": epochs = int.Parse(args[++i]); break;
        case "--device": deviceName = args[++i]; break;
        case "--plot": plotPath = args[++i]; break;
        case "--batches": maxBatches = int.Parse(args[++i]); break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; options: --epochs N, --device cpu|cuda, --plot out.png, --batches N (per epoch)");
            return 2;
    }
}
var device = new Device(deviceName);

// Fashion-MNIST's own mean and std (the example uses MNIST's 0.1307, 0.3081).
var transform = torchvision.transforms.Compose(
    torchvision.transforms.ToTensor(),
    torchvision.transforms.Normalize([0.2860], [0.3530]));
var train_data = torchvision.datasets.FashionMNIST(train: true, transform: transform);
var test_data = torchvision.datasets.FashionMNIST(train: false, transform: transform);
var train_loader = DataLoader(train_data, batch_size: 64, shuffle: true);
var test_loader = DataLoader(test_data, batch_size: 1000);

manual_seed(1);
var model = new Net().to(device);
var optimizer = optim.Adadelta(model.parameters(), lr: 1.0);
var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.7);
AnsiConsole.MarkupLine($"[bold]FashionCnn[/] on {device}: {epochs} epoch(s), {train_data.Count} training and {test_data.Count} test images");

var history = new List<(int epoch, double trainLoss, double testLoss, double accuracy)>();
int perEpoch = maxBatches ?? (int)((train_data.Count + 63) / 64);
for (int epoch = 1; epoch <= epochs; epoch++)
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    double trainLoss = 0;
    AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
        .Start(ctx =>
        {
            var task = ctx.AddTask($"epoch {epoch}", maxValue: perEpoch);
            trainLoss = Training.Train(model, train_loader, optimizer, device, (done, loss) =>
            {
                task.Value = done;
                if (done % 20 == 0) task.Description = $"epoch {epoch} loss {loss:F4}";
            }, maxBatches);
            task.Value = perEpoch;
        });
    double trainSeconds = watch.Elapsed.TotalSeconds;
    var (testLoss, accuracy) = Training.Test(model, test_loader, device);
    scheduler.step();
    history.Add((epoch, trainLoss, testLoss, accuracy));
    AnsiConsole.MarkupLine($"epoch {epoch}: train loss {trainLoss:F4}, test loss {testLoss:F4}, accuracy [bold]{accuracy * 100:F2}%[/] (training {trainSeconds:F1} s, with test {watch.Elapsed.TotalSeconds:F1} s)");
}

if (plotPath is not null)
{
    Curves.Save(plotPath, history);
    AnsiConsole.MarkupLine($"wrote {plotPath}");
}
return 0;
