namespace Flint.Tutorial;

/// <summary>
/// "PyTorch: Control Flow + Weight Sharing": each forward pass picks a random depth 0–3 and reuses
/// the same middle Linear layer that many times, so the graph differs from step to step.
/// Python's <c>random.randint(0, 3)</c> is a seeded <see cref="System.Random"/> here,
/// <c>random.Next(0, 4)</c> from <c>new Random(0)</c>; tools/golden/gen_tutorial.py draws the same
/// depths with a port of that generator, so the loss curve is comparable to PyTorch's.
/// </summary>
public sealed class DynamicNetProgram : TutorialProgram
{
    /// <summary>Input layer, a middle layer used 0–3 times per forward pass, output layer.</summary>
    public sealed class DynamicNet : torch.nn.Module<Tensor, Tensor>
    {
        private readonly Modules.Linear input_linear, middle_linear, output_linear;
        private readonly Random random;

        /// <summary>
        /// In the constructor we construct three nn.Linear instances that we will use
        /// in the forward pass; <paramref name="random"/> picks each pass's depth.
        /// </summary>
        public DynamicNet(long D_in, long H, long D_out, Random random)
        {
            input_linear = torch.nn.Linear(D_in, H);
            middle_linear = torch.nn.Linear(H, H);
            output_linear = torch.nn.Linear(H, D_out);
            this.random = random;
            RegisterComponents();
        }

        /// <summary>
        /// For the forward pass of the model, we randomly choose either 0, 1, 2, or 3
        /// and reuse the middle_linear Module that many times to compute hidden layer
        /// representations. Since each forward pass builds a dynamic computation graph,
        /// we can use normal control-flow operators like loops when defining the forward
        /// pass; it is perfectly safe to reuse the same Module many times.
        /// </summary>
        public override Tensor forward(Tensor x)
        {
            var h_relu = input_linear.call(x).clamp(min: 0);
            foreach (var _ in Enumerable.Range(0, random.Next(0, 4))) // range(random.randint(0, 3))
                h_relu = middle_linear.call(h_relu).clamp(min: 0);
            var y_pred = output_linear.call(h_relu);
            return y_pred;
        }
    }

    /// <inheritdoc/>
    public override string Name => "dynamic";

    /// <inheritdoc/>
    public override string Title => "PyTorch: Control Flow + Weight Sharing (DynamicNet, SGD momentum 0.9)";

    /// <inheritdoc/>
    protected override void Main()
    {
        torch.manual_seed(0);
        var random = new Random(0); // Python's random module, seeded so two runs take the same depths

        // N is batch size; D_in is input dimension;
        // H is hidden dimension; D_out is output dimension.
        long N = 64, D_in = 1000, H = 100, D_out = 10;

        // Create random Tensors to hold inputs and outputs
        var x = torch.randn(N, D_in);
        var y = torch.randn(N, D_out);

        // Construct our model by instantiating the class defined above
        var model = new DynamicNet(D_in, H, D_out, random);

        // Construct our loss function and an Optimizer. Training this strange model with
        // vanilla stochastic gradient descent is tough, so we use momentum
        var criterion = torch.nn.MSELoss(reduction: torch.nn.Reduction.Sum);
        var optimizer = torch.optim.SGD(model.parameters(), lr: 1e-4, momentum: 0.9);
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
