using static Flint.torch;

namespace Flint.Quickstart;

/// <summary>The Quickstart's model: flatten, then Linear(784, 512), ReLU, Linear(512, 512), ReLU, Linear(512, 10).</summary>
public sealed class NeuralNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Modules.Flatten flatten;
    private readonly Modules.Sequential linear_relu_stack;

    /// <summary>Builds the layers (drawing their initial weights from the default generator).</summary>
    public NeuralNetwork() : base(nameof(NeuralNetwork))
    {
        flatten = nn.Flatten();
        linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10)
        );
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor x)
    {
        x = flatten.call(x);
        var logits = linear_relu_stack.call(x);
        return logits;
    }
}
