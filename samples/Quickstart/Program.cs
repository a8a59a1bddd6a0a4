// PyTorch's "Quickstart" tutorial (Fashion-MNIST), line for line:
//   dotnet run -c Release --project samples/Quickstart [-- --epochs N]
// The data is Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist/, torchvision's default root here).
using Flint;
using Flint.Quickstart;
using static Flint.torch;
using static Flint.torch.utils.data;

int epochs = args.Length == 2 && args[0] == "--epochs" ? int.Parse(args[1]) : 5;

// Download training data from open datasets. (Flint reads the installed files; nothing is downloaded.)
var training_data = torchvision.datasets.FashionMNIST(
    train: true,
    transform: torchvision.transforms.ToTensor()
);

// Download test data from open datasets.
var test_data = torchvision.datasets.FashionMNIST(
    train: false,
    transform: torchvision.transforms.ToTensor()
);

var batch_size = 64;

// Create data loaders.
var train_dataloader = DataLoader(training_data, batch_size: batch_size);
var test_dataloader = DataLoader(test_data, batch_size: batch_size);

foreach (var (X, y) in test_dataloader)
{
    Console.WriteLine($"Shape of X [N, C, H, W]: {X.size()}");
    Console.WriteLine($"Shape of y: {y.size()} {y.dtype}");
    break;
}

// Get cpu or gpu device for training.
var device = cuda.is_available() ? "cuda" : "cpu";
Console.WriteLine($"Using {device} device");

manual_seed(0);   // not in the tutorial: makes the run repeatable (and comparable with tools/golden/gen_quickstart.py)
var model = new NeuralNetwork().to(device);
Console.WriteLine(model);

var loss_fn = nn.CrossEntropyLoss();
var optimizer = optim.SGD(model.parameters(), lr: 1e-3);

var watch = System.Diagnostics.Stopwatch.StartNew();
for (int t = 0; t < epochs; t++)
{
    Console.WriteLine($"Epoch {t + 1}\n-------------------------------");
    Loops.train(train_dataloader, model, loss_fn, optimizer, new Device(device), Console.Out);
    Loops.test(test_dataloader, model, loss_fn, new Device(device), Console.Out);
}
Console.WriteLine("Done!");
Console.Error.WriteLine($"({epochs} epochs in {watch.Elapsed.TotalSeconds:F1} s)");

save(model.state_dict(), "model.pth");
Console.WriteLine("Saved PyTorch Model State to model.pth");

model = new NeuralNetwork().to(device);
model.load_state_dict(load_state_dict("model.pth"));

string[] classes = [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
];

model.eval();
var (x, label) = (test_data[0].Item1, test_data[0].Item2);
using (no_grad())
{
    x = x.to(new Device(device));
    var pred = model.call(x);
    var (predicted, actual) = (classes[pred[0].argmax(0).item<long>()], classes[label]);
    Console.WriteLine($"Predicted: \"{predicted}\", Actual: \"{actual}\"");
}
