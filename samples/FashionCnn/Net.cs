using static Flint.torch;

namespace Flint.FashionCnn;

/// <summary>
/// The pytorch/examples MNIST network: conv 1→32 3×3, conv 32→64 3×3, ReLUs, 2×2 max pooling, dropout 0.25,
/// flatten, fc 9216→128, ReLU, dropout 0.5, fc 128→10, log_softmax.
/// </summary>
public sealed class Net : nn.Module<Tensor, Tensor>
{
    private readonly Modules.Conv2d conv1;
    private readonly Modules.Conv2d conv2;
    private readonly Modules.Dropout dropout1;
    private readonly Modules.Dropout dropout2;
    private readonly Modules.Linear fc1;
    private readonly Modules.Linear fc2;

    /// <summary>Builds the layers (drawing their initial weights from the default generator).</summary>
    public Net() : base(nameof(Net))
    {
        conv1 = nn.Conv2d(1, 32, 3, 1);
        conv2 = nn.Conv2d(32, 64, 3, 1);
        dropout1 = nn.Dropout(0.25);
        dropout2 = nn.Dropout(0.5);
        fc1 = nn.Linear(9216, 128);
        fc2 = nn.Linear(128, 10);
        RegisterComponents();
    }

    /// <summary>Log-probabilities of the ten classes for a (N, 1, 28, 28) batch.</summary>
    public override Tensor forward(Tensor x)
    {
        x = conv1.call(x);
        x = nn.functional.relu(x);
        x = conv2.call(x);
        x = nn.functional.relu(x);
        x = nn.functional.max_pool2d(x, 2);
        x = dropout1.call(x);
        x = flatten(x, 1);
        x = fc1.call(x);
        x = nn.functional.relu(x);
        x = dropout2.call(x);
        x = fc2.call(x);
        return nn.functional.log_softmax(x, dim: 1);
    }
}
