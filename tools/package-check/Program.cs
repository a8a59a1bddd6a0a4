// The specification's "PyTorch: Tensors and autograd" program, as a user writes it in a fresh console
// app that takes Flint from NuGet (tools/package-check/run.sh copies it there).
using Flint;

torch.manual_seed(0);
var dtype = torch.@float;
var device = torch.device("cpu");

// N is batch size; D_in is input dimension; H is hidden dimension; D_out is output dimension.
long N = 64, D_in = 1000, H = 100, D_out = 10;

// Create random Tensors to hold input and outputs.
var x = torch.randn(N, D_in, device: device, dtype: dtype);
var y = torch.randn(N, D_out, device: device, dtype: dtype);

// Create random Tensors for weights; requires_grad: true asks autograd for their gradients.
var w1 = torch.randn(D_in, H, device: device, dtype: dtype, requires_grad: true);
var w2 = torch.randn(H, D_out, device: device, dtype: dtype, requires_grad: true);

// TorchSharp's spelling of the type (torch.Tensor) and the package's `Tensor` alias name the same class.
static torch.Tensor Forward(Tensor input, Tensor w1, Tensor w2) => input.mm(w1).clamp(min: 0).mm(w2);

var learning_rate = 1e-6;
for (int t = 0; t < 500; t++)
{
    // Forward pass: compute predicted y using operations on Tensors.
    var y_pred = Forward(x, w1, w2);

    // Compute and print loss using operations on Tensors.
    var loss = (y_pred - y).pow(2).sum();
    Console.WriteLine($"{t} {np.repr((double)loss.item<float>())}");

    // Use autograd to compute the backward pass.
    loss.backward();

    // Manually update weights using gradient descent, outside autograd's view.
    using (torch.no_grad())
    {
        w1 -= learning_rate * w1.grad!;
        w2 -= learning_rate * w2.grad!;

        // Manually zero the gradients after updating weights
        w1.grad!.zero_();
        w2.grad!.zero_();
    }
}
