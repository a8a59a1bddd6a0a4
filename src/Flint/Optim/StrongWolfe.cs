namespace Flint.Modules;

/// <summary>
/// The strong-Wolfe line search of PyTorch's L-BFGS (<c>_strong_wolfe</c> and <c>_cubic_interpolate</c> in
/// torch/optim/lbfgs.py, after minFunc): bracket a step satisfying the sufficient-decrease and curvature
/// conditions, then zoom in by safeguarded cubic interpolation.
/// </summary>
internal static class StrongWolfe
{
    /// <summary>The minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to the bounds (default: between x1 and x2).</summary>
    public static double CubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, (double min, double max)? bounds = null)
    {
        var (xmin_bound, xmax_bound) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1));
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2_square = d1 * d1 - g1 * g2;
        if (d2_square >= 0)
        {
            double d2 = Math.Sqrt(d2_square);
            double min_pos = x1 <= x2
                ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.Min(Math.Max(min_pos, xmin_bound), xmax_bound);
        }
        return (xmin_bound + xmax_bound) / 2.0;
    }

    /// <summary>
    /// Searches along <paramref name="d"/> from step <paramref name="t"/>; returns the loss and flat gradient at the
    /// chosen step, the step and the number of evaluations. <paramref name="obj_func"/> evaluates at x + t·d and restores x.
    /// </summary>
    public static (double f, Tensor g, double t, long evals) Search(
        Func<Tensor[], double, Tensor, (double, Tensor)> obj_func, Tensor[] x, double t, Tensor d, double f, Tensor g, double gtd,
        double c1 = 1e-4, double c2 = 0.9, double tolerance_change = 1e-9, int max_ls = 25)
    {
        double d_norm = d.abs().max().to(ScalarType.Float64).item<double>();
        g = g.clone();
        var (f_new, g_new) = obj_func(x, t, d);
        long ls_func_evals = 1;
        double gtd_new = Dot(g_new, d);

        double t_prev = 0, f_prev = f, gtd_prev = gtd;
        Tensor g_prev = g;
        bool done = false;
        int ls_iter = 0;
        double[] bracket, bracket_f, bracket_gtd = [];
        Tensor[] bracket_g;

        // Bracketing phase.
        while (true)
        {
            if (ls_iter >= max_ls)
            {
                // Reached the maximum number of line-search iterations.
                bracket = [0, t]; bracket_f = [f, f_new]; bracket_g = [g, g_new];
                break;
            }
            if (f_new > f + c1 * t * gtd || (ls_iter > 1 && f_new >= f_prev))
            {
                bracket = [t_prev, t]; bracket_f = [f_prev, f_new]; bracket_g = [g_prev, g_new.clone()]; bracket_gtd = [gtd_prev, gtd_new];
                break;
            }
            if (Math.Abs(gtd_new) <= -c2 * gtd)
            {
                bracket = [t]; bracket_f = [f_new]; bracket_g = [g_new];
                done = true;
                break;
            }
            if (gtd_new >= 0)
            {
                bracket = [t_prev, t]; bracket_f = [f_prev, f_new]; bracket_g = [g_prev, g_new.clone()]; bracket_gtd = [gtd_prev, gtd_new];
                break;
            }

            // Interpolate towards a larger step.
            double min_step = t + 0.01 * (t - t_prev);
            double max_step = t * 10;
            double tmp = t;
            t = CubicInterpolate(t_prev, f_prev, gtd_prev, t, f_new, gtd_new, (min_step, max_step));
            t_prev = tmp; f_prev = f_new; g_prev = g_new.clone(); gtd_prev = gtd_new;
            (f_new, g_new) = obj_func(x, t, d);
            ls_func_evals++;
            gtd_new = Dot(g_new, d);
            ls_iter++;
        }

        // Zoom phase: a point satisfying the criteria, or a bracket small enough.
        bool insuf_progress = false;
        var (low_pos, high_pos) = bracket_f[0] <= bracket_f[^1] ? (0, 1) : (1, 0);
        while (!done && ls_iter < max_ls)
        {
            if (Math.Abs(bracket[1] - bracket[0]) * d_norm < tolerance_change) break;

            t = CubicInterpolate(bracket[0], bracket_f[0], bracket_gtd[0], bracket[1], bracket_f[1], bracket_gtd[1]);

            // Safeguard against steps too close to the bracket's ends.
            double hi = Math.Max(bracket[0], bracket[1]), lo = Math.Min(bracket[0], bracket[1]);
            double eps = 0.1 * (hi - lo);
            if (Math.Min(hi - t, t - lo) < eps)
            {
                if (insuf_progress || t >= hi || t <= lo)
                {
                    t = Math.Abs(t - hi) < Math.Abs(t - lo) ? hi - eps : lo + eps;
                    insuf_progress = false;
                }
                else insuf_progress = true;
            }
            else insuf_progress = false;

            (f_new, g_new) = obj_func(x, t, d);
            ls_func_evals++;
            gtd_new = Dot(g_new, d);
            ls_iter++;

            if (f_new > f + c1 * t * gtd || f_new >= bracket_f[low_pos])
            {
                // Armijo condition not met, or not lower than the lowest point.
                bracket[high_pos] = t; bracket_f[high_pos] = f_new; bracket_g[high_pos] = g_new.clone(); bracket_gtd[high_pos] = gtd_new;
                (low_pos, high_pos) = bracket_f[0] <= bracket_f[1] ? (0, 1) : (1, 0);
            }
            else
            {
                if (Math.Abs(gtd_new) <= -c2 * gtd) done = true; // Wolfe conditions met
                else if (gtd_new * (bracket[high_pos] - bracket[low_pos]) >= 0)
                {
                    // The old high becomes the new low.
                    bracket[high_pos] = bracket[low_pos]; bracket_f[high_pos] = bracket_f[low_pos];
                    bracket_g[high_pos] = bracket_g[low_pos]; bracket_gtd[high_pos] = bracket_gtd[low_pos];
                }
                // The new point becomes the new low.
                bracket[low_pos] = t; bracket_f[low_pos] = f_new; bracket_g[low_pos] = g_new.clone(); bracket_gtd[low_pos] = gtd_new;
            }
        }

        return (bracket_f[low_pos], bracket_g[low_pos], bracket[low_pos], ls_func_evals);
    }

    private static double Dot(Tensor a, Tensor b) => a.dot(b).to(ScalarType.Float64).item<double>();
}
