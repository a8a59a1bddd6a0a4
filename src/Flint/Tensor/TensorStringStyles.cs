using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Flint;

/// <summary>
/// TorchSharp 0.107's tensor string styles (<c>TorchSharp.TensorStringStyle</c>), chosen per call with
/// <see cref="torch.Tensor.ToString(TensorStringStyle, string?, int?, CultureInfo?, string?)"/> or process-wide with
/// <see cref="torch.TensorStringStyle"/>.
/// </summary>
/// <remarks>
/// Flint's <see cref="Default"/> is PyTorch's repr (<c>tensor([1., 2.])</c>, options from
/// <see cref="torch.set_printoptions(int?, double?, int?, int?, string?, bool?)"/>) until another style is made the
/// default; TorchSharp's default style is <see cref="Julia"/>.
/// </remarks>
public enum TensorStringStyle
{
    /// <summary>Shape, dtype and device only: <c>[2x3], type = Float32, device = cpu</c>.</summary>
    Metadata,
    /// <summary>The metadata line, then the elements in rows (Julia's layout), formatted with a .NET format string.</summary>
    Julia,
    /// <summary>NumPy's nested-bracket layout, formatted with a .NET format string.</summary>
    Numpy,
    /// <summary>The metadata, then a C# array initializer: <c>float [,] {{1f, 2f}, ...}</c>.</summary>
    CSharp,
    /// <summary>The process-wide style, <see cref="torch.TensorStringStyle"/>; in Flint, PyTorch's repr unless that was changed.</summary>
    Default,
}

public static partial class torch
{
    /// <summary>TorchSharp's constant for <see cref="TensorStringStyle.Julia"/>.</summary>
    public const TensorStringStyle julia = TensorStringStyle.Julia;
    /// <summary>TorchSharp's constant for <see cref="TensorStringStyle.Numpy"/>.</summary>
    public const TensorStringStyle numpy = TensorStringStyle.Numpy;
    /// <summary>TorchSharp's constant for <see cref="TensorStringStyle.CSharp"/>.</summary>
    public const TensorStringStyle csharp = TensorStringStyle.CSharp;

    /// <summary>The TorchSharp-style settings (Julia, Numpy, CSharp): float format, line width, new line, rows and columns.</summary>
    internal sealed record TensorStringSettings(TensorStringStyle Style, string FloatFormat, int LineWidth, string NewLine, int MaxRows, int MaxColumns)
    {
        /// <summary>TorchSharp 0.107's defaults, except the style: Flint's is <see cref="TensorStringStyle.Default"/> (PyTorch's repr).</summary>
        public static TensorStringSettings Initial { get; } = new(TensorStringStyle.Default, "g5", 100, Environment.NewLine, 6, 6);
    }

    private static volatile TensorStringSettings _stringSettings = TensorStringSettings.Initial;

    internal static TensorStringSettings StringSettings => _stringSettings;

    /// <summary>
    /// The style that <see cref="Tensor.ToString()"/>, <c>str()</c> and <c>print()</c> use (TorchSharp's
    /// <c>torch.TensorStringStyle</c>). Flint starts with <see cref="TensorStringStyle.Default"/>, PyTorch's repr;
    /// TorchSharp starts with <see cref="TensorStringStyle.Julia"/> and refuses <c>Default</c>, which Flint accepts as
    /// "back to PyTorch's repr".
    /// </summary>
    public static TensorStringStyle TensorStringStyle
    {
        get => _stringSettings.Style;
        set
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown tensor string style.");
            lock (PrintOptionsLock) _stringSettings = _stringSettings with { Style = value };
        }
    }

    /// <summary>
    /// TorchSharp's <c>set_printoptions(style, ...)</c>: the process-wide style and the settings of the TorchSharp
    /// styles (Julia, Numpy, CSharp). Only the given settings change. Unlike TorchSharp, <paramref name="style"/> must be
    /// given, so that calls naming only PyTorch's options (<c>set_printoptions(linewidth: 120)</c>) reach PyTorch's
    /// overload unambiguously.
    /// </summary>
    /// <param name="style">The default style (<see cref="TensorStringStyle.Default"/>: PyTorch's repr).</param>
    /// <param name="floatFormat">The .NET format string for floating-point elements (starts as <c>"g5"</c>).</param>
    /// <param name="linewidth">The Julia style's characters per line (starts at 100).</param>
    /// <param name="newLine">The new-line string (starts as <see cref="Environment.NewLine"/>).</param>
    /// <param name="maxRows">The rows the Numpy and CSharp styles show before eliding (starts at 6).</param>
    /// <param name="maxColumns">The columns the Numpy and CSharp styles show before eliding (starts at 6).</param>
    public static void set_printoptions(TensorStringStyle style, string? floatFormat = null, int? linewidth = null,
        string? newLine = null, int? maxRows = null, int? maxColumns = null)
    {
        if (!Enum.IsDefined(style)) throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown tensor string style.");
        lock (PrintOptionsLock)
        {
            var s = _stringSettings with { Style = style };
            if (floatFormat is not null) s = s with { FloatFormat = floatFormat };
            if (linewidth is int w) s = s with { LineWidth = w };
            if (newLine is not null) s = s with { NewLine = newLine };
            if (maxRows is int r) s = s with { MaxRows = r };
            if (maxColumns is int c) s = s with { MaxColumns = c };
            _stringSettings = s;
        }
    }

    /// <summary>Restores the TorchSharp-style settings and the default style to their initial values (for tests).</summary>
    internal static void ResetTensorStringSettings()
    {
        lock (PrintOptionsLock) _stringSettings = TensorStringSettings.Initial;
    }

    public partial class Tensor
    {
        /// <summary>
        /// The tensor as a string in <paramref name="style"/> (TorchSharp's <c>Tensor.ToString(TensorStringStyle, ...)</c>).
        /// <see cref="TensorStringStyle.Default"/> uses <see cref="torch.TensorStringStyle"/>; PyTorch's repr ignores the
        /// format, width, culture and new-line arguments.
        /// </summary>
        /// <param name="style">The style.</param>
        /// <param name="fltFormat">The .NET format string for floating-point elements (null: the process-wide one, <c>"g5"</c>).</param>
        /// <param name="width">The Julia style's line width (null: the process-wide one, 100).</param>
        /// <param name="cultureInfo">The culture for numbers (null: the current culture).</param>
        /// <param name="newLine">The new-line string (null: the process-wide one, <see cref="Environment.NewLine"/>).</param>
        public string ToString(TensorStringStyle style, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null)
        {
            var settings = torch.StringSettings;
            if (style == TensorStringStyle.Default) style = settings.Style;
            if (style == TensorStringStyle.Default) return PyTorchRepr();
            var printer = new StylePrinter(this, fltFormat ?? settings.FloatFormat, cultureInfo ?? CultureInfo.CurrentCulture,
                newLine ?? settings.NewLine, settings.MaxRows, settings.MaxColumns);
            return style switch
            {
                TensorStringStyle.Metadata => printer.Metadata(),
                TensorStringStyle.Julia => printer.Julia(width ?? settings.LineWidth),
                TensorStringStyle.Numpy => printer.Numpy(),
                TensorStringStyle.CSharp => printer.CSharp(),
                _ => throw new InvalidEnumArgumentException(nameof(style), (int)style, typeof(TensorStringStyle)),
            };
        }

        /// <summary>
        /// TorchSharp's backward-compatible <c>ToString(bool, ...)</c>: the default style when <paramref name="disamb"/>
        /// is true, else the metadata.
        /// </summary>
        /// <param name="disamb">True for the default style, false for the metadata.</param>
        /// <param name="fltFormat">The .NET format string for floating-point elements.</param>
        /// <param name="width">The Julia style's line width.</param>
        /// <param name="cultureInfo">The culture for numbers.</param>
        /// <param name="newLine">The new-line string.</param>
        public string ToString(bool disamb, string? fltFormat = null, int? width = null, CultureInfo? cultureInfo = null, string? newLine = null) =>
            ToString(disamb ? TensorStringStyle.Default : TensorStringStyle.Metadata, fltFormat, width, cultureInfo, newLine);
    }

    /// <summary>
    /// The TorchSharp styles, following the logic of TorchSharp 0.107's <c>Tensor.ToMetadataString</c>,
    /// <c>ToJuliaString</c>, <c>ToNumpyString</c> and <c>ToCSharpString</c>, over a CPU copy of the elements.
    /// </summary>
    private sealed class StylePrinter
    {
        private readonly Tensor _t;
        private readonly long[] _shape;
        private readonly long[] _strides;
        private readonly double[]? _values;
        private readonly long[]? _longs;
        private readonly string _fmt;
        private readonly CultureInfo _culture;
        private readonly string _nl;
        private readonly int _maxRows, _maxColumns;

        public StylePrinter(Tensor t, string fmt, CultureInfo culture, string nl, int maxRows, int maxColumns)
        {
            _t = t;
            _shape = t.shape;
            _strides = new long[_shape.Length];
            long stride = 1;
            for (int i = _shape.Length - 1; i >= 0; i--)
            {
                _strides[i] = stride;
                stride *= _shape[i];
            }
            _fmt = fmt;
            _culture = culture;
            _nl = nl;
            _maxRows = maxRows;
            _maxColumns = maxColumns;
            if (t.dtype == ScalarType.Int64) _longs = t.data<long>();
            else _values = t.ToDoubleArray();
        }

        private int Rank => _shape.Length;

        public string Metadata()
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < Rank; i++)
            {
                if (i > 0) sb.Append('x');
                sb.Append(_shape[i]);
            }
            return sb.Append("], type = ").Append(_t.dtype).Append(", device = ").Append(_t.device).ToString();
        }

        private string Value(long at)
        {
            if (_longs is not null) return _longs[at].ToString(_culture);
            double v = _values![at];
            return _t.dtype switch
            {
                ScalarType.Bool => (v != 0).ToString(_culture),
                ScalarType.Float64 => v.ToString(_fmt, _culture),
                ScalarType.Float32 or ScalarType.Float16 or ScalarType.BFloat16 => ((float)v).ToString(_fmt, _culture),
                _ => ((long)v).ToString(_culture),
            };
        }

        private const string Ellipsis = "...";

        public string Julia(int width)
        {
            var sb = new StringBuilder(Metadata());
            if (Rank == 0)
            {
                sb.Append(", value = ").Append(Value(0));
            }
            else if (Rank == 1)
            {
                var row = BuildRow(0, width);
                sb.Append(_nl);
                PrintOneRow(sb, row, [.. row.Select(s => s.Length)], row.Count < _shape[0]);
            }
            else if (Rank == 2)
            {
                sb.Append(_nl);
                PrintTwoDimensions(sb, 0, width);
            }
            else
            {
                // One block per index of the leading dims, labelled like "[0,1,..,..] =".
                var index = new long[Rank - 2];
                long blocks = 1;
                for (int d = 0; d < Rank - 2; d++) blocks *= _shape[d];
                for (long b = 0; b < blocks; b++)
                {
                    long offset = 0;
                    for (int d = 0; d < index.Length; d++) offset += index[d] * _strides[d];
                    sb.Append(_nl).Append('[').Append(string.Join(",", index)).Append(",..,..] =").Append(_nl);
                    PrintTwoDimensions(sb, offset, width);
                    for (int d = index.Length - 1; d >= 0; d--)
                    {
                        if (++index[d] < _shape[d]) break;
                        index[d] = 0;
                    }
                }
            }
            return sb.ToString();
        }

        /// <summary>The elements of the last dim at <paramref name="offset"/> that fit in <paramref name="width"/>, leaving room for " ...".</summary>
        private List<string> BuildRow(long offset, int width)
        {
            var row = new List<string>();
            int endingWidth = Ellipsis.Length + 1;
            long n = _shape[^1];
            for (long i = 0; i < n; i++)
            {
                string s = Value(offset + i);
                if (width - s.Length - endingWidth < 0) break;
                row.Add(s);
                width -= s.Length + 1;
            }
            return row;
        }

        private void PrintTwoDimensions(StringBuilder sb, long offset, int width)
        {
            long rowCount = _shape[^2], colCount = _shape[^1];
            if (rowCount == 0) return;
            var rows = new List<List<string>>();
            for (long i = 0; i < rowCount; i++) rows.Add(BuildRow(offset + i * _strides[^2], width));
            int shortest = rows.Min(r => r.Count);
            var space = new int[shortest];
            foreach (var row in rows)
                for (int j = 0; j < shortest; j++) space[j] = Math.Max(space[j], row[j].Length);
            foreach (var row in rows) PrintOneRow(sb, row.Take(shortest).ToList(), space, shortest < colCount);
        }

        private void PrintOneRow(StringBuilder sb, List<string> row, int[] space, bool appendEllipsis)
        {
            for (int i = 0; i < row.Count; i++)
                sb.Append(' ').Append(' ', Math.Max(0, space[i] - row[i].Length)).Append(row[i]);
            if (appendEllipsis) sb.Append(' ').Append(Ellipsis);
            sb.Append(_nl);
        }

        /// <summary>The elements of a 1-D slice, eliding the middle past <c>maxColumns</c>, each followed by <paramref name="suffix"/>.</summary>
        private void AppendVector(StringBuilder sb, long offset, string suffix)
        {
            long n = _shape[^1];
            int trailing = _maxColumns / 2, leading = _maxColumns - trailing;
            void Item(long i, bool last)
            {
                sb.Append(Value(offset + i)).Append(suffix);
                if (!last) sb.Append(", ");
            }
            if (n <= _maxColumns)
            {
                for (long i = 0; i < n; i++) Item(i, i == n - 1);
                return;
            }
            for (long i = 0; i < leading; i++) Item(i, false);
            sb.Append("... ");
            for (long i = n - trailing; i < n - 1; i++) Item(i, false);
            Item(n - 1, true);
        }

        /// <summary>
        /// The sub-tensors of dim <paramref name="d"/> at <paramref name="offset"/>: all when at most <c>maxRows</c>,
        /// else the leading and trailing ones around an ellipsis line.
        /// </summary>
        private void AppendRows(StringBuilder sb, int d, long offset, string separator, string afterEllipsis, Action<long, bool> sub)
        {
            long n = _shape[d];
            int trailing = _maxRows / 2, leading = _maxRows - trailing;
            if (n == 1)
            {
                sub(offset, false);
                return;
            }
            if (n <= _maxRows)
            {
                for (long i = 0; i < n; i++)
                {
                    sub(offset + i * _strides[d], i > 0);
                    if (i < n - 1) sb.Append(separator);
                }
                return;
            }
            sub(offset, false);
            sb.Append(separator);
            for (long i = 1; i < leading; i++)
            {
                sub(offset + i * _strides[d], true);
                sb.Append(separator);
            }
            sb.Append(' ', d).Append(" ...");
            sb.Append(afterEllipsis);
            for (long i = n - trailing; i < n - 1; i++)
            {
                sub(offset + i * _strides[d], true);
                sb.Append(separator);
            }
            sub(offset + (n - 1) * _strides[d], true);
        }

        public string Numpy()
        {
            var sb = new StringBuilder();
            if (Rank == 0) return sb.Append(Value(0)).ToString();
            NumpyAt(sb, 0, 0, true);
            return sb.ToString();
        }

        private void NumpyAt(StringBuilder sb, int d, long offset, bool indent)
        {
            if (indent) sb.Append(' ', d);
            sb.Append('[');
            if (_shape[d] == 0) { }
            else if (d == Rank - 1) AppendVector(sb, offset, "");
            else
            {
                string newline = string.Concat(Enumerable.Repeat(_nl, Rank - d - 1));
                AppendRows(sb, d, offset, newline, newline, (at, ind) => NumpyAt(sb, d + 1, at, ind));
            }
            sb.Append(']');
        }

        public string CSharp()
        {
            var sb = new StringBuilder(Metadata()).Append(", value = ");
            if (Rank == 0) return sb.Append(Value(0)).ToString();
            if (Rank > 1) sb.Append(_nl);
            string typeName = _t.dtype switch
            {
                ScalarType.Bool => "bool",
                ScalarType.Byte => "byte",
                ScalarType.Int8 => "sbyte",
                ScalarType.Int16 => "short",
                ScalarType.Int32 => "int",
                ScalarType.Int64 => "long",
                ScalarType.Float32 => "float",
                ScalarType.Float64 => "double",
                ScalarType.BFloat16 => "bfloat16",
                ScalarType.Float16 => "float16",
                _ => throw new NotSupportedException($"No C# style for {_t.dtype}."),
            };
            string suffix = _t.dtype switch
            {
                ScalarType.Int64 => "L",
                ScalarType.Float32 or ScalarType.Float16 or ScalarType.BFloat16 => "f",
                _ => "",
            };
            sb.Append(typeName).Append(" [").Append(',', Rank - 1).Append("] ");
            sb.Append('{');
            if (Rank > 1) sb.Append(_nl).Append(' ');
            CSharpBody(sb, 0, 0, suffix);
            if (Rank > 1) sb.Append(_nl);
            return sb.Append('}').ToString();
        }

        // The body of one brace level (the top level's braces are written by CSharp()).
        private void CSharpBody(StringBuilder sb, int d, long offset, string suffix)
        {
            if (_shape[d] == 0) return;
            if (d == Rank - 1)
            {
                AppendVector(sb, offset, suffix);
                return;
            }
            AppendRows(sb, d, offset, "," + _nl, _nl, (at, indent) =>
            {
                if (indent) sb.Append(' ', d + 1);
                sb.Append('{');
                CSharpBody(sb, d + 1, at, suffix);
                sb.Append('}');
            });
        }
    }
}
