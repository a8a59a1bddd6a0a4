namespace Flint.Tutorial;

/// <summary>
/// "PyTorch: Custom nn Modules": the two-layer net as a subclass of <c>nn.Module</c> whose
/// <c>forward</c> is Linear, clamp, Linear; trained with <c>optim.SGD</c> (lr 1e-4).
/// </summary>
public sealed class CustomModule : TutorialProgram
{
    /// <summary>The model: two Linear layers with a ReLU (as clamp) between them.</summary>
    public sealed class TwoLayerNet : torch.nn.Module<Tensor, Tensor>
    {
        private readonly Modules.Linear linear1, linear2;

        /// <summary>
        /// In the constructor we instantiate two nn.Linear modules and assign them as
        /// member variables (RegisterComponents makes them the module's children).
        /// </summary>
        public TwoLayerNet(long D_in, long H, long D_out)
        {
            linear1 = torch.nn.Linear(D_in, H);
            linear2 = torch.nn.Linear(H, D_out);
            RegisterComponents();
        }

        /// <summary>
        /// In the forward function we accept a Tensor of input data and we must return
        /// a Tensor of output data. We can use Modules defined in the constructor as
        /// well as arbitrary operators on Tensors.
        /// </summary>
        public override Tensor forward(Tensor x)
        {
            var h_relu = linear1.call(x).clamp(min: 0);
            var y_pred = linear2.call(h_relu);
            return y_pred;
        }
    }

    /// <inheritdoc/>
    public override string Name => "module";

    /// <inheritdoc/>
    public override string Title => "PyTorch: Custom nn Modules (TwoLayerNet, SGD)";

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

        // Construct our model by instantiating the class defined above
        var model = new TwoLayerNet(D_in, H, D_out);

        // Construct our loss function and an Optimizer. The call to model.parameters()
        // in the SGD constructor will contain the learnable parameters of the two
        // nn.Linear modules which are members of the model.
        var criterion = torch.nn.MSELoss(reduction: torch.nn.Reduction.Sum);
        var optimizer = torch.optim.SGD(model.parameters(), lr: 1e-4);
        foreach (var t in range(500))
        {
            // Forward pass: Compute predicted y by passing x to the model
            var y_pred = model.call(x);

            // Compute and print loss
            var loss = criterion.call(y_pred, y);
            print(t, loss.item<float>());

            // Zero gradients, perform a backward pass, and update the weights.
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
}
