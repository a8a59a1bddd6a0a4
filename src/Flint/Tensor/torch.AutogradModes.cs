using Flint.Autograd;

namespace Flint;

public static partial class torch
{
    /// <summary>
    /// Enters inference mode until the returned guard is disposed: <c>using (torch.inference_mode()) { ... }</c>.
    /// No graph is recorded, as under <see cref="no_grad"/>; see <see cref="InferenceModeGuard"/> for how Flint's
    /// tensors made inside differ from PyTorch's inference tensors. <c>inference_mode(false)</c> leaves it inside a scope.
    /// </summary>
    /// <param name="mode">True to enter inference mode, false to leave it for the scope.</param>
    public static InferenceModeGuard inference_mode(bool mode = true) => InferenceMode.Set(mode);

    /// <summary>True inside <see cref="inference_mode"/> on this thread.</summary>
    public static bool is_inference_mode_enabled() => InferenceMode.IsEnabled;

    public static partial class autograd
    {
        /// <summary>
        /// Turns on anomaly detection until the returned guard is disposed: every backward node's results are checked
        /// for NaN, and the first one found throws "Function 'MulBackward0' returned nan values in its 0th output.".
        /// Per thread; it slows backward (one check per gradient), so use it to debug.
        /// </summary>
        /// <param name="check_nan">Check for NaN (default true); false makes the scope a no-op, as in PyTorch.</param>
        public static AnomalyModeGuard detect_anomaly(bool check_nan = true) => AnomalyMode.Set(check_nan || AnomalyMode.IsEnabled);

        /// <summary>Sets anomaly detection on or off (<c>torch.autograd.set_detect_anomaly</c>); disposing the guard restores the previous setting.</summary>
        /// <param name="mode">On or off.</param>
        public static AnomalyModeGuard set_detect_anomaly(bool mode) => AnomalyMode.Set(mode);

        /// <summary>True while anomaly detection is on (on this thread).</summary>
        public static bool is_anomaly_enabled() => AnomalyMode.IsEnabled;
    }
}
