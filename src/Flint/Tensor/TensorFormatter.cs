using System.Globalization;
using System.Numerics;
using System.Text;

namespace Flint;

/// <summary>
/// PyTorch's tensor <c>repr</c>, character for character: a port of <c>torch/_tensor_str.py</c>
/// (PyTorch 1.13) that reads the process-wide print options of <see cref="torch.set_printoptions(int?, double?, int?, int?, string?, bool?)"/>
/// (defaults: precision 4, threshold 1000, edge items 3, line width 80, automatic scientific notation).
/// </summary>
internal static class TensorFormatter
{
    // One snapshot of the options per Format call, so a concurrent set_printoptions cannot mix two option sets in one repr.
    [ThreadStatic] private static PrintOptions? _options;
    private static PrintOptions CurrentOptions => _options ?? torch.CurrentPrintOptions;
    private static int Precision => CurrentOptions.precision;
    private static double SummarizeThreshold => CurrentOptions.threshold;
    private static int EdgeItems => CurrentOptions.edgeitems;
    private static int LineWidth => CurrentOptions.linewidth;

    /// <summary>
    /// Formats a tensor as PyTorch's <c>repr</c> does.
    /// </summary>
    /// <param name="shape">The tensor's shape; empty for a 0-dim tensor.</param>
    /// <param name="dtype">The element type; decides integer, floating or boolean formatting and the dtype suffix.</param>
    /// <param name="values">All elements, row-major, as doubles (bool as 0/1).</param>
    /// <param name="suffixes">Extra <c>key=value</c> parts after the dtype, e.g. <c>requires_grad=True</c>.</param>
    /// <param name="device">A non-CPU device's name (<c>cuda:0</c>): PyTorch prints it first, before size and dtype.</param>
    public static string Format(ReadOnlySpan<long> shape, ScalarType dtype, ReadOnlySpan<double> values, IReadOnlyList<string> suffixes, string? device = null)
    {
        ArgumentNullException.ThrowIfNull(suffixes);
        long numel = 1;
        foreach (long d in shape)
        {
            if (d < 0) throw new ArgumentException("Negative dimension in shape.", nameof(shape));
            numel *= d;
        }
        if (values.Length != numel)
            throw new ArgumentException($"Expected {numel} values for the shape, got {values.Length}.", nameof(values));
        var saved = _options;
        _options = torch.CurrentPrintOptions;
        try { return FormatWithOptions(shape, dtype, values, suffixes, device, numel); }
        finally { _options = saved; }
    }

    private static string FormatWithOptions(ReadOnlySpan<long> shape, ScalarType dtype, ReadOnlySpan<double> values, IReadOnlyList<string> suffixes, string? device, long numel)
    {

        const string prefix = "tensor(";
        int indent = prefix.Length;
        var allSuffixes = new List<string>(suffixes.Count + 3);
        if (device is not null) allSuffixes.Add($"device='{device}'");
        string tensorStr;
        if (numel == 0)
        {
            // Explicitly print the shape if it is not (0,), to match NumPy behaviour.
            if (shape.Length != 1) allSuffixes.Add("size=" + PyTuple(shape));
            // An empty tensor has no elements to infer the dtype from, so anything but the default float shows it.
            if (dtype != ScalarType.Float32) allSuffixes.Add("dtype=" + DTypeName(dtype));
            tensorStr = "[]";
        }
        else
        {
            if (!HasDefaultDType(dtype)) allSuffixes.Add("dtype=" + DTypeName(dtype));
            tensorStr = TensorStr(shape, dtype, values, indent);
        }
        allSuffixes.AddRange(suffixes);
        return AddSuffixes(prefix + tensorStr, allSuffixes, indent);
    }

    /// <summary>PyTorch's name for a dtype, e.g. <c>torch.float32</c>.</summary>
    public static string DTypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Byte => "torch.uint8",
        ScalarType.Int8 => "torch.int8",
        ScalarType.Int16 => "torch.int16",
        ScalarType.Int32 => "torch.int32",
        ScalarType.Int64 => "torch.int64",
        ScalarType.Float16 => "torch.float16",
        ScalarType.Float32 => "torch.float32",
        ScalarType.Float64 => "torch.float64",
        ScalarType.Bool => "torch.bool",
        ScalarType.BFloat16 => "torch.bfloat16",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "Unknown dtype."),
    };

    /// <summary>PyTorch's <c>repr</c> of a size, e.g. <c>torch.Size([2, 4])</c>.</summary>
    public static string FormatSize(ReadOnlySpan<long> shape)
    {
        var sb = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }
        return sb.Append("])").ToString();
    }

    private static bool HasDefaultDType(ScalarType dtype) =>
        dtype is ScalarType.Float32 or ScalarType.Int64 or ScalarType.Bool;

    private static bool IsFloating(ScalarType dtype) =>
        dtype is ScalarType.Float16 or ScalarType.Float32 or ScalarType.Float64 or ScalarType.BFloat16;

    /// <summary>Python's <c>str(tuple(shape))</c>: <c>(0, 3)</c>, <c>(0,)</c>, <c>()</c>.</summary>
    private static string PyTuple(ReadOnlySpan<long> shape)
    {
        var sb = new StringBuilder("(");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }
        if (shape.Length == 1) sb.Append(',');
        return sb.Append(')').ToString();
    }

    // _add_suffixes
    private static string AddSuffixes(string tensorStr, List<string> suffixes, int indent)
    {
        var sb = new StringBuilder(tensorStr);
        int lastLineLen = tensorStr.Length - tensorStr.LastIndexOf('\n') + 1;
        foreach (string suffix in suffixes)
        {
            if (lastLineLen + suffix.Length + 2 > LineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLineLen = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLen += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    // _tensor_str (numel > 0)
    private static string TensorStr(ReadOnlySpan<long> shape, ScalarType dtype, ReadOnlySpan<double> values, int indent)
    {
        bool summarize = values.Length > SummarizeThreshold;
        var formatter = summarize
            ? new Formatter(dtype, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(GetSummarizedData(shape, values)))
            : new Formatter(dtype, values);
        var strides = new long[shape.Length];
        long stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }
        return TensorStrWithFormatter(shape, strides, 0, 0, values, indent, summarize, formatter);
    }

    // get_summarized_data, flattened: the elements the summarised repr shows.
    private static List<double> GetSummarizedData(ReadOnlySpan<long> shape, ReadOnlySpan<double> values)
    {
        var result = new List<double>();
        if (shape.Length == 0)
        {
            result.Add(values[0]);
            return result;
        }
        var strides = new long[shape.Length];
        long stride = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }
        Summarize(shape, strides, 0, 0, values, result);
        return result;
    }

    /// <summary>The summarized elements in order: an odometer over the dims (iterative, so any rank prints without deep recursion).</summary>
    private static void Summarize(ReadOnlySpan<long> shape, long[] strides, int dim, long offset, ReadOnlySpan<double> values, List<double> result)
    {
        int rank = shape.Length;
        var index = new long[rank];
        for (int d = 0; d < rank; d++) if (shape[d] == 0) return;
        while (true)
        {
            long at = offset;
            for (int d = 0; d < rank; d++) at += index[d] * strides[d];
            result.Add(values[checked((int)at)]);
            int k = rank - 1;
            for (; k >= 0; k--)
            {
                index[k]++;
                if (shape[k] > 2 * EdgeItems && index[k] == EdgeItems) index[k] = shape[k] - EdgeItems;
                if (index[k] < shape[k]) break;
                index[k] = 0;
            }
            if (k < 0) return;
        }
    }

    private record struct Frame(int Dim, long Offset, long Next);

    // _tensor_str_with_formatter, walked with an explicit stack instead of recursion (PyTorch recurses once per
    // dim; a .NET stack overflow on a very high-rank tensor would end the process).
    private static string TensorStrWithFormatter(ReadOnlySpan<long> shape, long[] strides, int dim, long offset,
        ReadOnlySpan<double> values, int indent, bool summarize, Formatter formatter)
    {
        if (shape.Length - dim == 0) return formatter.Format(values[checked((int)offset)]);
        var sb = new StringBuilder();
        var stack = new Stack<Frame>();
        void Open(ReadOnlySpan<long> shape, ReadOnlySpan<double> values, int d, long at)
        {
            if (shape.Length - d == 1) sb.Append(VectorStr(shape[d], at, values, indent + d - dim, summarize, formatter));
            else
            {
                sb.Append('[');
                stack.Push(new Frame(d, at, 0));
            }
        }
        Open(shape, values, dim, offset);
        while (stack.Count > 0)
        {
            var f = stack.Pop();
            long size = shape[f.Dim];
            if (f.Next >= size)
            {
                sb.Append(']');
                continue;
            }
            long i = f.Next;
            int rank = shape.Length - f.Dim, level = indent + f.Dim - dim;
            if (i > 0) AppendSeparator(sb, rank, level);
            if (summarize && size > 2 * EdgeItems && i == EdgeItems)
            {
                sb.Append("...");
                AppendSeparator(sb, rank, level);
                i = size - EdgeItems;
            }
            stack.Push(f with { Next = i + 1 });
            Open(shape, values, f.Dim + 1, f.Offset + i * strides[f.Dim]);
        }
        return sb.ToString();
    }

    private static void AppendSeparator(StringBuilder sb, int rank, int indent) =>
        sb.Append(',').Append('\n', rank - 1).Append(' ', indent + 1);

    // _vector_str
    private static string VectorStr(long size, long offset, ReadOnlySpan<double> values, int indent, bool summarize, Formatter formatter)
    {
        int elementLength = formatter.Width + 2;
        int elementsPerLine = Math.Max(1, (int)Math.Floor((double)(LineWidth - indent) / elementLength));

        var data = new List<string>();
        bool cut = summarize && size > 2 * EdgeItems;
        for (long i = 0; i < size; i++)
        {
            if (cut && i == EdgeItems)
            {
                data.Add(" ...");
                i = size - EdgeItems;
            }
            data.Add(formatter.Format(values[checked((int)(offset + i))]));
        }

        var sb = new StringBuilder("[");
        string lineSeparator = ",\n" + new string(' ', indent + 1);
        for (int i = 0; i < data.Count; i++)
        {
            if (i > 0) sb.Append(i % elementsPerLine == 0 ? lineSeparator : ", ");
            sb.Append(data[i]);
        }
        return sb.Append(']').ToString();
    }

    // _Formatter
    private sealed class Formatter
    {
        private readonly bool _floating;
        private readonly bool _bool;
        private readonly bool _intMode = true;
        private bool _sciMode;
        private readonly int _maxWidth = 1;

        public int Width => _maxWidth;

        public Formatter(ScalarType dtype, ReadOnlySpan<double> values)
        {
            _floating = IsFloating(dtype);
            _bool = dtype == ScalarType.Bool;
            if (!_floating)
            {
                foreach (double v in values)
                    _maxWidth = Math.Max(_maxWidth, FormatInteger(v, _bool).Length);
                return;
            }

            double min = double.PositiveInfinity, max = 0;
            int count = 0;
            foreach (double v in values)
            {
                if (!double.IsFinite(v) || v == 0) continue;
                count++;
                double a = Math.Abs(v);
                if (a < min) min = a;
                if (a > max) max = a;
                if (v != Math.Ceiling(v)) _intMode = false;
            }
            if (count == 0) return; // no valid number: int mode, width 1

            if (_intMode)
            {
                // All integers: a decimal point is appended, so add 1 to the width.
                if (max / min > 1000.0 || max > 1.0e8)
                {
                    _sciMode = true;
                    foreach (double v in values)
                        if (double.IsFinite(v) && v != 0) _maxWidth = Math.Max(_maxWidth, FormatExponent(v, Precision).Length);
                }
                else
                {
                    foreach (double v in values)
                        if (double.IsFinite(v) && v != 0) _maxWidth = Math.Max(_maxWidth, FormatFixed(v, 0).Length + 1);
                }
            }
            else if (max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4)
            {
                _sciMode = true;
                foreach (double v in values)
                    if (double.IsFinite(v) && v != 0) _maxWidth = Math.Max(_maxWidth, FormatExponent(v, Precision).Length);
            }
            else
            {
                foreach (double v in values)
                    if (double.IsFinite(v) && v != 0) _maxWidth = Math.Max(_maxWidth, FormatFixed(v, Precision).Length);
            }
            // PRINT_OPTS.sci_mode overrides the choice (not the width), and only when there was a valid number.
            if (CurrentOptions.sci_mode is bool forced) _sciMode = forced;
        }

        public string Format(double value)
        {
            string ret;
            if (_floating)
            {
                if (_sciMode) ret = FormatExponent(value, Precision);
                else if (_intMode)
                {
                    ret = FormatFixed(value, 0);
                    if (double.IsFinite(value)) ret += ".";
                }
                else ret = FormatFixed(value, Precision);
            }
            else ret = FormatInteger(value, _bool);
            return ret.Length >= _maxWidth ? ret : new string(' ', _maxWidth - ret.Length) + ret;
        }
    }

    /// <summary>Python's <c>str</c> of an int or bool element.</summary>
    private static string FormatInteger(double value, bool isBool)
    {
        if (isBool) return value != 0 ? "True" : "False";
        if (value >= -9.2233720368547758E18 && value < 9.2233720368547758E18)
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        return new BigInteger(value).ToString(CultureInfo.InvariantCulture);
    }

    private static string? NonFinite(double value) =>
        double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : null;

    /// <summary>Splits |value| (finite, non-zero) into mantissa * 2^exponent exactly.</summary>
    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        return biased == 0 ? (fraction, -1074) : (fraction | (1L << 52), biased - 1075);
    }

    /// <summary>num / den rounded to an integer, ties to even.</summary>
    private static BigInteger DivideRoundHalfEven(BigInteger num, BigInteger den)
    {
        BigInteger q = BigInteger.DivRem(num, den, out BigInteger r);
        int c = (r * 2).CompareTo(den);
        if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        return q;
    }

    /// <summary>Python's <c>'{:.Nf}'.format(value)</c>: exact value, rounded half to even.</summary>
    internal static string FormatFixed(double value, int precision)
    {
        if (NonFinite(value) is { } nf) return nf;
        bool negative = double.IsNegative(value);
        BigInteger n;
        if (value == 0) n = BigInteger.Zero;
        else
        {
            var (m, e) = Decompose(value);
            BigInteger scale = BigInteger.Pow(10, precision);
            n = e >= 0 ? (m << e) * scale : DivideRoundHalfEven(m * scale, BigInteger.One << -e);
        }
        string digits = n.ToString(CultureInfo.InvariantCulture);
        if (digits.Length <= precision) digits = new string('0', precision + 1 - digits.Length) + digits;
        var sb = new StringBuilder(digits.Length + 2);
        if (negative) sb.Append('-');
        if (precision == 0) sb.Append(digits);
        else sb.Append(digits, 0, digits.Length - precision).Append('.').Append(digits, digits.Length - precision, precision);
        return sb.ToString();
    }

    /// <summary>Python's <c>'{:.Ne}'.format(value)</c>: exact value, rounded half to even, exponent of at least two digits.</summary>
    internal static string FormatExponent(double value, int precision)
    {
        if (NonFinite(value) is { } nf) return nf;
        bool negative = double.IsNegative(value);
        BigInteger n;
        int k;
        if (value == 0)
        {
            n = BigInteger.Zero;
            k = 0;
        }
        else
        {
            var (m, e) = Decompose(value);
            // |value| = num / den exactly.
            BigInteger num = e >= 0 ? m << e : m;
            BigInteger den = e >= 0 ? BigInteger.One : BigInteger.One << -e;
            k = (int)Math.Floor(Math.Log10(Math.Abs(value)));
            // Make 10^k <= |value| < 10^(k+1) exactly.
            while (ComparePow10(num, den, k) < 0) k--;
            while (ComparePow10(num, den, k + 1) >= 0) k++;
            int shift = precision - k;
            n = shift >= 0
                ? DivideRoundHalfEven(num * BigInteger.Pow(10, shift), den)
                : DivideRoundHalfEven(num, den * BigInteger.Pow(10, -shift));
            if (n == BigInteger.Pow(10, precision + 1))
            {
                n /= 10;
                k++;
            }
        }
        string digits = n.ToString(CultureInfo.InvariantCulture);
        if (digits.Length < precision + 1) digits = new string('0', precision + 1 - digits.Length) + digits;
        var sb = new StringBuilder(precision + 8);
        if (negative) sb.Append('-');
        sb.Append(digits[0]);
        if (precision > 0) sb.Append('.').Append(digits, 1, precision);
        sb.Append('e').Append(k < 0 ? '-' : '+').Append(Math.Abs(k).ToString("00", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Compares num/den with 10^k.</summary>
    private static int ComparePow10(BigInteger num, BigInteger den, int k) =>
        k >= 0 ? num.CompareTo(den * BigInteger.Pow(10, k)) : (num * BigInteger.Pow(10, -k)).CompareTo(den);
}
