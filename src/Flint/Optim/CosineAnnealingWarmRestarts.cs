using System.Globalization;

namespace Flint;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Cosine annealing with warm restarts (SGDR, Loshchilov and Hutter, 2016): the rate follows a cosine from its
            /// initial value to <paramref name="eta_min"/> over T_i epochs, then restarts with T_i multiplied by <paramref name="T_mult"/>.
            /// </summary>
            /// <param name="optimizer">The optimizer to drive.</param>
            /// <param name="T_0">Epochs until the first restart.</param>
            /// <param name="T_mult">Factor by which T_i grows after each restart (default 1).</param>
            /// <param name="eta_min">Minimum learning rate (default 0).</param>
            /// <param name="last_epoch">Index of the last epoch when resuming (default -1: start).</param>
            /// <param name="verbose">Print each update.</param>
            public static LRScheduler CosineAnnealingWarmRestarts(Optimizer optimizer, int T_0, int T_mult = 1, double eta_min = 0, int last_epoch = -1, bool verbose = false) =>
                new impl.CosineAnnealingWarmRestarts(optimizer, T_0, T_mult, eta_min, last_epoch, verbose);

            public static partial class impl
            {
                /// <summary>
                /// PyTorch's <c>CosineAnnealingWarmRestarts</c>. Besides <c>step()</c> it accepts fractional epochs,
                /// <c>step(epoch + i / iters)</c>, to anneal within an epoch.
                /// </summary>
                public class CosineAnnealingWarmRestarts : LRScheduler
                {
                    private readonly int _T_0, _T_mult;
                    private readonly double _eta_min;
                    private int _T_i;
                    private double _T_cur;

                    /// <summary>Creates the scheduler and takes its initial step.</summary>
                    /// <param name="optimizer">The optimizer to drive.</param>
                    /// <param name="T_0">Epochs until the first restart.</param>
                    /// <param name="T_mult">Factor by which T_i grows after each restart.</param>
                    /// <param name="eta_min">Minimum learning rate.</param>
                    /// <param name="last_epoch">Index of the last epoch when resuming.</param>
                    /// <param name="verbose">Print each update.</param>
                    public CosineAnnealingWarmRestarts(Optimizer optimizer, int T_0, int T_mult = 1, double eta_min = 0, int last_epoch = -1, bool verbose = false)
                        : base(optimizer, last_epoch, verbose)
                    {
                        if (T_0 <= 0) throw new ArgumentException($"Expected positive integer T_0, but got {T_0}");
                        if (T_mult < 1) throw new ArgumentException($"Expected integer T_mult >= 1, but got {T_mult}");
                        _T_0 = T_0; _T_i = T_0; _T_mult = T_mult; _eta_min = eta_min; _T_cur = last_epoch;
                        InitialStep();
                    }

                    /// <summary>Epochs since the last restart.</summary>
                    public double T_cur => _T_cur;

                    /// <summary>Length of the current cycle.</summary>
                    public int T_i => _T_i;

                    /// <inheritdoc/>
                    protected override IReadOnlyList<double> get_lr() =>
                        base_lrs.Select(base_lr => _eta_min + (base_lr - _eta_min) * (1 + Math.Cos(Math.PI * _T_cur / _T_i)) / 2).ToArray();

                    /// <inheritdoc/>
                    public override void step(int? epoch) => StepTo(epoch);

                    /// <summary>Moves to a possibly fractional <paramref name="epoch"/> (PyTorch's <c>step(epoch)</c> with a float).</summary>
                    /// <param name="epoch">The epoch, not negative.</param>
                    public void step(double epoch) => StepTo(epoch);

                    // PyTorch's own step: it does not count _step_count and computes T_cur itself.
                    private void StepTo(double? epoch)
                    {
                        if (epoch is null && last_epoch < 0) epoch = 0;
                        if (epoch is null)
                        {
                            epoch = last_epoch + 1;
                            _T_cur += 1;
                            if (_T_cur >= _T_i)
                            {
                                _T_cur -= _T_i;
                                _T_i *= _T_mult;
                            }
                        }
                        else
                        {
                            double e = epoch.Value;
                            if (e < 0) throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Expected non-negative epoch, but got {0}", e));
                            if (e >= _T_0)
                            {
                                if (_T_mult == 1) _T_cur = PyMod(e, _T_0);
                                else
                                {
                                    int n = (int)(Math.Log(e / _T_0 * (_T_mult - 1) + 1) / Math.Log(_T_mult));
                                    _T_cur = e - _T_0 * (Math.Pow(_T_mult, n) - 1) / (_T_mult - 1);
                                    _T_i = _T_0 * (int)Math.Pow(_T_mult, n);
                                }
                            }
                            else
                            {
                                _T_i = _T_0;
                                _T_cur = e;
                            }
                        }
                        SetLastEpoch((int)Math.Floor(epoch.Value));
                        var lrs = get_lr();
                        var groups = optimizer.ParamGroups;
                        for (int i = 0; i < groups.Count; i++)
                        {
                            groups[i].LearningRate = lrs[i];
                            if (Verbose) Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Adjusting learning rate of group {0} to {1:0.0000e+00}.", i, lrs[i]));
                        }
                        SetLastLrs(GroupRates());
                    }

                    private static double PyMod(double a, double b) => a - b * Math.Floor(a / b);

                    /// <inheritdoc/>
                    protected override void SaveState(IDictionary<string, object?> state_dict)
                    {
                        state_dict["T_0"] = _T_0; state_dict["T_i"] = _T_i; state_dict["T_mult"] = _T_mult;
                        state_dict["eta_min"] = _eta_min; state_dict["T_cur"] = _T_cur;
                    }

                    /// <inheritdoc/>
                    protected override void LoadState(IReadOnlyDictionary<string, object?> state_dict)
                    {
                        if (state_dict.TryGetValue("T_i", out var ti) && ti is not null) _T_i = ReadInt(ti, "T_i");
                        _T_cur = TryNumber(state_dict, "T_cur") ?? _T_cur;
                    }
                }
            }
        }
    }
}
