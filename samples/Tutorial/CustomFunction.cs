using static Flint.torch.autograd;

namespace Flint.Tutorial;

/// <summary>
/// "PyTorch: Defining new autograd functions": the autograd program with ReLU written as a custom
/// autograd Function, its forward and backward passes on tensors.
/// </summary>
public sealed class CustomFunction : TutorialProgram
{
    /// <summary>
    /// We can implement our own custom autograd Functions by subclassing
    /// torch.autograd.Function and implementing the forward and backward passes
    /// which operate on Tensors.
    /// </summary>
    public sealed class MyReLU : SingleTensorFunction<MyReLU>
    {
        /// <inheritdoc/>
        public override string Name => "MyReLU";

        /// <summary>
        /// In the forward pass we receive a Tensor containing the input and return
        /// a Tensor containing the output. ctx is a context object that can be used
        /// to stash information for backward computation.
        /// </summary>
        public override Tensor forward(AutogradContext ctx, params object[] vars)
        {
            var input = (Tensor)vars[0];
            ctx.save_for_backward(input);
            return input.clamp(min: 0);
        }

        /// <summary>
        /// In the backward pass we receive a Tensor containing the gradient of the loss
        /// with respect to the output, and we need to compute the gradient of the loss
        /// with respect to the input.
        /// </summary>
        public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
        {
            var input = ctx.saved_tensors[0];
            var grad_input = grad_output.clone();
            grad_input[input < 0] = 0;
            return [grad_input];
        }
    }

    /// <inheritdoc/>
    public override string Name => "function";

    /// <inheritdoc/>
    public override string Title => "PyTorch: Defining new autograd functions (MyReLU)";

    /// <inheritdoc/>
    protected override void Main()
    {
        torch.manual_seed(0);
        var dtype = torch.@float;

        // N is batch size; D_in is input dimension;
        // H is hidden dimension; D_out is output dimension.
        long N = 64, D_in = 1000, H = 100, D_out = 10;

        // Create random Tensors to hold input and outputs.
        var x = torch.randn(N, D_in, device: device, dtype: dtype);
        var y = torch.randn(N, D_out, device: device, dtype: dtype);

        // Create random Tensors for weights.
        var w1 = torch.randn(D_in, H, device: device, dtype: dtype, requires_grad: true);
        var w2 = torch.randn(H, D_out, device: device, dtype: dtype, requires_grad: true);

        var learning_rate = 1e-6;
        foreach (var t in range(500))
        {
            // To apply our Function, we use Function.apply method. We alias this as 'relu'.
            var relu = MyReLU.apply;

            // Forward pass: compute predicted y using operations; we compute
            // ReLU using our custom autograd operation.
            var y_pred = relu(x.mm(w1)).mm(w2);

            // Compute and print loss
            var loss = (y_pred - y).pow(2).sum();
            print(t, loss.item<float>());

            // Use autograd to compute the backward pass.
            loss.backward();

            // Update weights using gradient descent
            using (torch.no_grad())
            {
                w1 -= learning_rate * w1.grad!;
                w2 -= learning_rate * w2.grad!;

                // Manually zero the gradients after updating weights
                w1.grad!.zero_();
                w2.grad!.zero_();
            }
        }
    }
}
