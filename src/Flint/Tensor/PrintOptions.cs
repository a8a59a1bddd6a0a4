namespace Flint;

/// <summary>
/// A snapshot of PyTorch's print options (<c>torch._tensor_str.PRINT_OPTS</c>), as returned by
/// <see cref="torch.get_printoptions"/>.
/// </summary>
/// <param name="precision">Digits after the decimal point for floating-point elements (default 4).</param>
/// <param name="threshold">Element count above which the repr is summarised (default 1000; <see cref="double.PositiveInfinity"/> never summarises).</param>
/// <param name="edgeitems">Items shown at each end of a summarised dimension (default 3).</param>
/// <param name="linewidth">Characters per line for line breaks (default 80).</param>
/// <param name="sci_mode">Scientific notation forced on (true) or off (false); null chooses automatically (default).</param>
public sealed record PrintOptions(int precision, double threshold, int edgeitems, int linewidth, bool? sci_mode)
{
    /// <summary>PyTorch's defaults (<c>profile="default"</c>, <c>sci_mode=None</c>).</summary>
    public static PrintOptions Default { get; } = new(4, 1000, 3, 80, null);
}

public static partial class torch
{
    private static readonly object PrintOptionsLock = new();
    private static volatile PrintOptions _printOptions = PrintOptions.Default;

    /// <summary>The print options in effect now (one consistent snapshot).</summary>
    internal static PrintOptions CurrentPrintOptions => _printOptions;

    /// <summary>
    /// PyTorch's <c>torch.set_printoptions</c>: sets the options that the tensor repr (<see cref="Tensor.ToString()"/>,
    /// <c>str()</c>, <c>print()</c>) uses, process-wide. Only the given options change, except <paramref name="sci_mode"/>,
    /// which (as in PyTorch 1.13) is always set: leaving it out goes back to automatic choice.
    /// </summary>
    /// <param name="precision">Digits after the decimal point for floating-point elements (default 4).</param>
    /// <param name="threshold">Element count above which the repr is summarised (default 1000).</param>
    /// <param name="edgeitems">Items shown at each end of a summarised dimension (default 3).</param>
    /// <param name="linewidth">Characters per line for line breaks (default 80).</param>
    /// <param name="profile">
    /// <c>"default"</c> (precision 4, threshold 1000, edgeitems 3, linewidth 80), <c>"short"</c> (2, 1000, 2, 80) or
    /// <c>"full"</c> (4, infinity, 3, 80); applied first, so the other arguments override it. Any other value is
    /// ignored, as in PyTorch.
    /// </param>
    /// <param name="sci_mode">Force scientific notation on (true) or off (false); null lets the formatter choose.</param>
    public static void set_printoptions(int? precision = null, double? threshold = null, int? edgeitems = null,
        int? linewidth = null, string? profile = null, bool? sci_mode = null)
    {
        lock (PrintOptionsLock)
        {
            var o = _printOptions;
            o = profile switch
            {
                "default" => o with { precision = 4, threshold = 1000, edgeitems = 3, linewidth = 80 },
                "short" => o with { precision = 2, threshold = 1000, edgeitems = 2, linewidth = 80 },
                "full" => o with { precision = 4, threshold = double.PositiveInfinity, edgeitems = 3, linewidth = 80 },
                _ => o,
            };
            if (precision is int p) o = o with { precision = p };
            if (threshold is double t) o = o with { threshold = t };
            if (edgeitems is int e) o = o with { edgeitems = e };
            if (linewidth is int w) o = o with { linewidth = w };
            _printOptions = o with { sci_mode = sci_mode };
        }
    }

    /// <summary>
    /// The print options in effect (PyTorch 2.x's <c>torch._tensor_str.get_printoptions</c>; a snapshot, not a live view).
    /// </summary>
    public static PrintOptions get_printoptions() => _printOptions;
}
