namespace Flint.Tutorial;

/// <summary>
/// "PyTorch: Tensors": the same network with tensors, backward pass still written by hand.
/// <c>torch.manual_seed(0)</c> makes the data PyTorch's, so the loss curve is PyTorch's.
/// </summary>
public sealed class TensorsManual : TutorialProgram
{
    /// <inheritdoc/>
    public override string Name => "tensors";

    /// <inheritdoc/>
    public override string Title => "PyTorch: Tensors (manual backward pass)";

    /// <inheritdoc/>
    protected override void Main()
    {
        torch.manual_seed(0);
        var dtype = torch.@float;

        // N is batch size; D_in is input dimension;
        // H is hidden dimension; D_out is output dimension.
        long N = 64, D_in = 1000, H = 100, D_out = 10;

        // Create random input and output data
        var x = torch.randn(N, D_in, device: device, dtype: dtype);
        var y = torch.randn(N, D_out, device: device, dtype: dtype);

        // Randomly initialize weights
        var w1 = torch.randn(D_in, H, device: device, dtype: dtype);
        var w2 = torch.randn(H, D_out, device: device, dtype: dtype);

        var learning_rate = 1e-6;
        foreach (var t in range(500))
        {
            // Forward pass: compute predicted y
            var h = x.mm(w1);
            var h_relu = h.clamp(min: 0);
            var y_pred = h_relu.mm(w2);

            // Compute and print loss
            var loss = (y_pred - y).pow(2).sum().item<float>();
            print(t, loss);

            // Backprop to compute gradients of w1 and w2 with respect to loss
            var grad_y_pred = 2.0 * (y_pred - y);
            var grad_w2 = h_relu.t().mm(grad_y_pred);
            var grad_h_relu = grad_y_pred.mm(w2.t());
            var grad_h = grad_h_relu.clone();
            grad_h[h < 0] = 0;
            var grad_w1 = x.t().mm(grad_h);

            // Update weights using gradient descent
            w1 -= learning_rate * grad_w1;
            w2 -= learning_rate * grad_w2;
        }
    }
}
