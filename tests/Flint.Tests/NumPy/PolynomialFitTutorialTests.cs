namespace Flint.Tests.NumPy;

/// <summary>
/// The NumPy part of "Learning PyTorch with Examples", ported line for line: fit
/// <c>y = a + b x + c x^2 + d x^3</c> to <c>sin(x)</c> by hand-written gradient descent, seeded with
/// <c>np.random.seed(0)</c>, against what NumPy 1.24 prints (numpy_more.json, "tutorial"). Everything but
/// <c>np.sin</c> and <c>x ** 3</c> is bit for bit NumPy's (linspace, the draws, elementwise arithmetic, the
/// pairwise sums, the printing); those two are NumPy's own SIMD loops (SVML's pow on AVX-512), an ulp
/// away from .NET's Math.Sin/Math.Pow in a few elements. Given NumPy's sin and cube the printed lines
/// are identical; with Flint's own they agree to about 1e-15.
/// </summary>
[Collection(GlobalRandomCollection.Name)]
public class PolynomialFitTutorialTests
{
    private static List<string> Run(Func<NDArray, NDArray> sin, Func<NDArray, NDArray> cube)
    {
        var printed = new List<string>();
        np.random.seed(0);

        // Create random input and output data
        var x = np.linspace(-Math.PI, Math.PI, 2000);
        var y = sin(x);

        // Randomly initialize weights
        var a = np.random.randn();
        var b = np.random.randn();
        var c = np.random.randn();
        var d = np.random.randn();

        double learning_rate = 1e-6;
        for (int t = 0; t < 2000; t++)
        {
            // Forward pass: compute predicted y = a + b x + c x^2 + d x^3 (Python's x ** 2 is NumPy's square, x * x)
            var y_pred = a + b * x + c * np.square(x) + d * cube(x);

            // Compute and print loss
            var loss = np.square(y_pred - y).sum();
            if (t % 100 == 99) printed.Add($"{t} {loss}");

            // Backprop to compute gradients of a, b, c, d with respect to loss
            var grad_y_pred = 2.0 * (y_pred - y);
            var grad_a = grad_y_pred.sum();
            var grad_b = (grad_y_pred * x).sum();
            var grad_c = (grad_y_pred * np.square(x)).sum();
            var grad_d = (grad_y_pred * cube(x)).sum();

            // Update weights
            a -= learning_rate * grad_a;
            b -= learning_rate * grad_b;
            c -= learning_rate * grad_c;
            d -= learning_rate * grad_d;
        }
        printed.Add($"Result: y = {a} + {b} x + {c} x^2 + {d} x^3");
        return printed;
    }

    private static List<string> Expected() => NumPyMoreGolden.Root.GetProperty("tutorial").EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public void PrintsNumPysLinesGivenNumPysSinAndCube()
    {
        var ufuncs = NumPyMoreGolden.Root.GetProperty("ufuncs");
        var sinX = NumPyGolden.Array(ufuncs.GetProperty("sin_x"));
        var cubeX = NumPyGolden.Array(ufuncs.GetProperty("power_x_3"));
        var expected = Expected();
        Assert.Equal(21, expected.Count);
        Assert.Equal(expected, Run(_ => sinX, _ => cubeX));
    }

    [Fact]
    public void PortedTutorialPrintsNumPysLossesToRoundingError()
    {
        var expected = Expected();
        var actual = Run(np.sin, x => np.power(x, 3));
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double[] e = Numbers(expected[i]), a = Numbers(actual[i]);
            Assert.Equal(e.Length, a.Length);
            for (int j = 0; j < e.Length; j++)
                Assert.True(Math.Abs(e[j] - a[j]) <= 1e-12 * Math.Abs(e[j]), $"line {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    private static double[] Numbers(string line) =>
        line.Replace("Result: y =", "").Replace("x^2", "").Replace("x^3", "").Replace(" x", "").Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => double.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
