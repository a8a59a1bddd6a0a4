namespace Flint.Tutorial;

/// <summary>
/// "PyTorch: nn": the model as <c>nn.Sequential(Linear, ReLU, Linear)</c>, the loss as
/// <c>nn.MSELoss(size_average=False)</c> (summed), the update still a loop over <c>model.parameters()</c>.
/// The notebook runs this cell with N, D_in, H, D_out = 3, 4, 2, 1 and prints only iteration 499,
/// then shows <c>x</c>, <c>y_pred</c>, <c>y</c> and the parameters; the tutorial it follows uses
/// 64, 1000, 100, 10 and prints every loss. Both are here; <c>torch.manual_seed(0)</c> (not in the
/// notebook) makes the numbers PyTorch's.
/// </summary>
public sealed class NnSequential(long N, long D_in, long H, long D_out, bool notebookCell) : TutorialProgram
{
    /// <summary>The notebook's cell: sizes 3, 4, 2, 1; prints iteration 499, then the cells after it.</summary>
    public static NnSequential Notebook() => new(3, 4, 2, 1, notebookCell: true);

    /// <summary>The tutorial's sizes 64, 1000, 100, 10; prints every loss.</summary>
    public static NnSequential Tutorial() => new(64, 1000, 100, 10, notebookCell: false);

    /// <inheritdoc/>
    public override string Name => notebookCell ? "nn-small" : "nn";

    /// <inheritdoc/>
    public override string Title => $"PyTorch: nn (Sequential, MSELoss(sum)), N, D_in, H, D_out = {N}, {D_in}, {H}, {D_out}";

    /// <inheritdoc/>
    protected override void Main()
    {
        torch.manual_seed(0);

        // Create random Tensors to hold inputs and outputs
        var x = torch.randn(N, D_in);
        var y = torch.randn(N, D_out);

        // Use the nn package to define our model as a sequence of layers. nn.Sequential
        // is a Module which contains other Modules, and applies them in sequence to
        // produce its output. Each Linear Module computes output from input using a
        // linear function, and holds internal Tensors for its weight and bias.
        var model = torch.nn.Sequential(
            torch.nn.Linear(D_in, H),
            torch.nn.ReLU(),
            torch.nn.Linear(H, D_out)
        );

        // The nn package also contains definitions of popular loss functions; in this
        // case we will use Mean Squared Error (MSE) as our loss function.
        var loss_fn = torch.nn.MSELoss(size_average: false);

        var learning_rate = 1e-4;
        Tensor? y_pred = null;
        foreach (var t in range(500))
        {
            // Forward pass: compute predicted y by passing x to the model.
            y_pred = model.call(x);

            // Compute and print loss. We pass Tensors containing the predicted and true
            // values of y, and the loss function returns a Tensor containing the loss.
            var loss = loss_fn.call(y_pred, y);
            if (!notebookCell)
                print(t, loss.item<float>());
            else
            {
                record(loss.item<float>()); // the curve keeps every loss; the notebook prints one
                if (t == 499)
                    show(t, loss.item<float>());
            }

            // Zero the gradients before running the backward pass.
            model.zero_grad();

            // Backward pass: compute gradient of the loss with respect to all the learnable
            // parameters of the model.
            loss.backward();

            // Update the weights using gradient descent. Each parameter is a Tensor, so
            // we can access and gradients like we did before.
            using (torch.no_grad())
            {
                foreach (var param in model.parameters())
                    param.sub_(learning_rate * param.grad!); // param -= ...: a foreach variable can't be assigned
            }
        }

        if (notebookCell)
        {
            print(x);
            print(y_pred);
            print(y);
            foreach (var param in model.parameters())
                print(param);
        }
    }
}
