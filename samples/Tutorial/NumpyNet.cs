namespace Flint.Tutorial;

/// <summary>
/// "Warm-up: numpy": a two-layer network fitted to random data with the forward and backward
/// passes written by hand in NumPy (here the <c>Flint.np</c> facade). Seeded, so the numbers are
/// NumPy's: <c>np.random.seed(0)</c> gives the same arrays as in Python.
/// </summary>
public sealed class NumpyNet(long N, long D_in, long H, long D_out, double learning_rate, int steps, bool showCells) : TutorialProgram
{
    /// <summary>The notebook's cell: small sizes, its intermediate values shown.</summary>
    public static NumpyNet Small() => new(3, 4, 2, 2, 1e-3, 50, showCells: true);

    /// <summary>The tutorial's sizes: N, D_in, H, D_out = 64, 1000, 100, 10.</summary>
    public static NumpyNet Large() => new(64, 1000, 100, 10, 1e-6, 500, showCells: false);

    /// <inheritdoc/>
    public override string Name => showCells ? "numpy-small" : "numpy";

    /// <inheritdoc/>
    public override string Title => $"NumPy: two-layer net, N, D_in, H, D_out = {N}, {D_in}, {H}, {D_out}";

    /// <inheritdoc/>
    protected override void Main()
    {
        np.random.seed(0);

        // Create random input and output data
        var x = np.random.randn(N, D_in);
        var y = np.random.randn(N, D_out);

        // Randomly initialize weights
        var w1 = np.random.randn(D_in, H);
        var w2 = np.random.randn(H, D_out);

        if (showCells)
        {
            print(x.shape);
            print(x);
            print(w1);
            print(x.dot(w1));
            print(w2);
            print(y);
        }

        foreach (var t in range(steps))
        {
            // Forward pass: compute predicted y
            var h = x.dot(w1);
            var h_relu = np.maximum(h, 0);
            var y_pred = h_relu.dot(w2);

            // Compute and print loss
            var loss = np.square(y_pred - y).sum();
            print(t, loss);

            // Backprop to compute gradients of w1 and w2 with respect to loss
            var grad_y_pred = 2.0 * (y_pred - y);
            var grad_w2 = h_relu.T.dot(grad_y_pred);
            var grad_h_relu = grad_y_pred.dot(w2.T);
            var grad_h = grad_h_relu.copy();
            grad_h[h < 0] = 0;
            var grad_w1 = x.T.dot(grad_h);

            // Update weights
            w1 -= learning_rate * grad_w1;
            w2 -= learning_rate * grad_w2;
        }
    }
}
