namespace Flint.Tutorial;

/// <summary>
/// "PyTorch: optim" with <c>torch.optim.Adam</c>: the nn program, the update done by Adam
/// (lr 1e-4 as in "Learning PyTorch with Examples"): a different curve from SGD,
/// slower at first, lower at the end.
/// </summary>
public sealed class NnOptimAdam : TutorialProgram
{
    /// <inheritdoc/>
    public override string Name => "optim-adam";

    /// <inheritdoc/>
    public override string Title => "PyTorch: optim (Adam, lr 1e-4)";

    /// <inheritdoc/>
    protected override void Main()
    {
        torch.manual_seed(0);

        // N is batch size; D_in is input dimension;
        // H is hidden dimension; D_out is output dimension.
        long N = 64, D_in = 1000, H = 100, D_out = 10;

        // Create random Tensors to hold inputs and outputs
        var x = torch.randn(N, D_in);
        var y = torch.randn(N, D_out);

        // Use the nn package to define our model and loss function.
        var model = torch.nn.Sequential(
            torch.nn.Linear(D_in, H),
            torch.nn.ReLU(),
            torch.nn.Linear(H, D_out)
        );
        var loss_fn = torch.nn.MSELoss(reduction: torch.nn.Reduction.Sum);

        // Use the optim package to define an Optimizer that will update the weights of
        // the model for us. Here we will use Adam; the optim package contains many other
        // optimization algorithms. The first argument to the Adam constructor tells the
        // optimizer which Tensors it should update.
        var learning_rate = 1e-4;
        var optimizer = torch.optim.Adam(model.parameters(), lr: learning_rate);
        foreach (var t in range(500))
        {
            // Forward pass: compute predicted y by passing x to the model.
            var y_pred = model.call(x);

            // Compute and print loss.
            var loss = loss_fn.call(y_pred, y);
            print(t, loss.item<float>());

            // Before the backward pass, use the optimizer object to zero all of the
            // gradients for the variables it will update (which are the learnable
            // weights of the model).
            optimizer.zero_grad();

            // Backward pass: compute gradient of the loss with respect to model parameters
            loss.backward();

            // Calling the step function on an Optimizer makes an update to its parameters
            optimizer.step();
        }
    }
}
