using System.Globalization;
using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    public static partial class autograd
    {
        /// <summary>
        /// Compares the gradients autograd computes for <paramref name="func"/> with central finite
        /// differences, input by input and output by output (PyTorch's <c>torch.autograd.gradcheck</c>).
        /// Every floating input that requires grad is perturbed by ±<paramref name="eps"/>; an entry
        /// passes when |analytical − numerical| ≤ <paramref name="atol"/> + <paramref name="rtol"/>·|numerical|.
        /// Inputs may live on any device (elements are perturbed through the dispatcher). Use float64 inputs: float32 rounding swamps the differences. On a mismatch, throws with the
        /// output and input index, both Jacobians and the largest difference, or returns false when
        /// <paramref name="raise_exception"/> is false.
        /// </summary>
        public static bool gradcheck(Func<Tensor[], Tensor> func, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3, bool raise_exception = true)
        {
            ArgumentNullException.ThrowIfNull(func);
            return gradcheck(xs => [func(xs)], inputs, eps, atol, rtol, raise_exception);
        }

        /// <summary>Gradcheck for a function with several outputs (e.g. a <see cref="MultiTensorFunction{T}"/>).</summary>
        public static bool gradcheck(Func<Tensor[], IList<Tensor>> func, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3, bool raise_exception = true)
        {
            ArgumentNullException.ThrowIfNull(func);
            ArgumentNullException.ThrowIfNull(inputs);
            var diff = new List<int>();
            for (int i = 0; i < inputs.Length; i++)
                if (inputs[i].requires_grad && inputs[i].IsFloating)
                {
                    if (inputs[i].dtype != ScalarType.Float32 && inputs[i].dtype != ScalarType.Float64)
                        throw new ArgumentException($"gradcheck: input {i} has dtype {DTypes.ShortName(inputs[i].dtype)}; use float64 (or float32)");
                    diff.Add(i);
                }
            if (diff.Count == 0)
                throw new ArgumentException("gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.");

            // Analytical first: the numerical pass writes into the inputs, which saved tensors would notice.
            IList<Tensor> outputs;
            using (GradMode.Set(true)) outputs = func(inputs);
            var analytical = new double[outputs.Count][][];
            for (int k = 0; k < outputs.Count; k++)
                analytical[k] = AnalyticalJacobian(outputs[k], inputs, diff);

            for (int k = 0; k < outputs.Count; k++)
            {
                if (!outputs[k].IsFloating) continue;
                for (int di = 0; di < diff.Count; di++)
                {
                    int i = diff[di];
                    var numerical = NumericalJacobian(func, inputs, i, k, eps);
                    var a = analytical[k][di];
                    int nOut = (int)outputs[k].numel();
                    double worst = 0; int worstRow = -1, worstCol = -1;
                    bool ok = true;
                    for (int r = 0; r < numerical.Length; r++)
                    {
                        double n = numerical[r], an = a[r];
                        double d = Math.Abs(an - n);
                        if (!(d <= atol + rtol * Math.Abs(n))) ok = false;
                        if (!(d <= worst)) { worst = d; worstRow = r / Math.Max(nOut, 1); worstCol = r % Math.Max(nOut, 1); }
                    }
                    if (ok) continue;
                    if (!raise_exception) return false;
                    long nIn = inputs[i].numel();
                    throw new InvalidOperationException(
                        $"Jacobian mismatch for output {k} with respect to input {i},\n" +
                        $"numerical:{Matrix(numerical, nIn, nOut)}\nanalytical:{Matrix(a, nIn, nOut)}\n" +
                        $"max difference {worst.ToString("G6", CultureInfo.InvariantCulture)} at input element {worstRow}, output element {worstCol} " +
                        $"(atol {atol.ToString(CultureInfo.InvariantCulture)}, rtol {rtol.ToString(CultureInfo.InvariantCulture)})");
                }
            }
            return true;
        }

        /// <summary>
        /// For each differentiable input, the Jacobian of <paramref name="output"/> as a flat
        /// [numel(input), numel(output)] row-major array, one backward per output element.
        /// </summary>
        private static double[][] AnalyticalJacobian(Tensor output, Tensor[] inputs, List<int> diff)
        {
            long nOut = output.numel();
            var jac = new double[diff.Count][];
            for (int d = 0; d < diff.Count; d++) jac[d] = new double[inputs[diff[d]].numel() * nOut];
            if (!output.IsFloating || !output.requires_grad) return jac; // constant output: zero Jacobian
            var wrt = new List<Tensor>(diff.Count);
            foreach (int i in diff) wrt.Add(inputs[i]);
            for (long m = 0; m < nOut; m++)
            {
                var unit = torch.zeros(output.Shape, output.dtype, output.device);
                Ops.Dispatcher.WriteElement(unit, m, 1.0);
                var grads = grad([output], wrt, [unit], retain_graph: true, allow_unused: true);
                for (int d = 0; d < diff.Count; d++)
                {
                    if (grads[d] is not { } g) continue;
                    var values = g.ToDoubleArray();
                    for (long r = 0; r < values.Length; r++) jac[d][r * nOut + m] = values[r];
                }
            }
            return jac;
        }

        /// <summary>Central differences of output <paramref name="k"/> with respect to input <paramref name="i"/>, flat [numel(input), numel(output)].</summary>
        private static double[] NumericalJacobian(Func<Tensor[], IList<Tensor>> func, Tensor[] inputs, int i, int k, double eps)
        {
            var x = inputs[i];
            long nIn = x.numel();
            double[]? jac = null;
            long nOut = 0;
            using var _ = GradMode.Set(false);
            for (long j = 0; j < nIn; j++)
            {
                long offset = ElementOffset(x, j);
                double orig = Read(x, offset);
                Write(x, offset, orig + eps);
                var plus = (double[])func(inputs)[k].ToDoubleArray().Clone();
                Write(x, offset, orig - eps);
                var minus = func(inputs)[k].ToDoubleArray();
                Write(x, offset, orig);
                if (jac is null) { nOut = plus.Length; jac = new double[nIn * nOut]; }
                for (long m = 0; m < nOut; m++) jac[j * nOut + m] = (plus[m] - minus[m]) / (2 * eps);
            }
            return jac ?? [];
        }

        /// <summary>The storage index of the <paramref name="flat"/>-th element in row-major order.</summary>
        private static long ElementOffset(Tensor t, long flat)
        {
            long offset = t.Offset;
            for (int d = t.Shape.Length - 1; d >= 0; d--)
            {
                long size = t.Shape[d];
                offset += flat % size * t.Strides[d];
                flat /= size;
            }
            return offset;
        }

        private static double Read(Tensor t, long offset) => Ops.Dispatcher.ReadDouble(t, offset);

        // Written straight into storage: the perturbation is undone exactly, so no version bump.
        private static void Write(Tensor t, long offset, double value) => Ops.Dispatcher.WriteElement(t, offset, value);

        private static string Matrix(double[] flat, long rows, long cols) =>
            torch.tensor(flat, [rows, cols], ScalarType.Float64).ToString();
    }
}
