using System.Globalization;
using System.Text;

namespace Flint;

/// <summary>
/// NumPy 1.24's <c>array_repr</c>/<c>array_str</c> with the default print options (precision 8,
/// linewidth 75, threshold 1000, edgeitems 3, no suppression): the same width rules, line
/// wrapping and <c>...</c> summaries, so printed arrays read exactly like NumPy's.
/// </summary>
internal static class ArrayFormatter
{
    private const int LineWidth = 75;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const int Precision = 8;

    /// <summary><c>repr(a)</c>: <c>array([[ 1.5, -2. ]])</c>, with <c>dtype=...</c> when not implied.</summary>
    public static string Repr(Tensor t)
    {
        var shape = t.Shape;
        long size = Shapes.Numel(shape);
        bool skipDType = NDType.IsImplied(t.dtype) && size > 0;
        const string prefix = "array(";
        string suffix = skipDType ? ")" : ",";
        string lst;
        if (size > 0) lst = Format(t, LineWidth - suffix.Length, ", ", prefix);
        else if (shape.Length == 1) lst = "[]";
        else lst = "[], shape=" + NDShape.TupleRepr(shape);
        string arr = prefix + lst + suffix;
        if (skipDType) return arr;
        string dtypeStr = "dtype=" + NDType.Name(t.dtype) + ")";
        int lastLineLen = arr.Length - (arr.LastIndexOf('\n') + 1);
        string spacer = lastLineLen + dtypeStr.Length + 1 > LineWidth ? "\n" + new string(' ', prefix.Length) : " ";
        return arr + spacer + dtypeStr;
    }

    /// <summary><c>str(a)</c>, what <c>print(a)</c> shows: <c>[[ 1.5 -2. ]]</c>.</summary>
    public static string Str(Tensor t)
    {
        if (t.Shape.Length == 0) return ScalarRepr(t);
        if (t.numel() == 0) return "[]";
        return Format(t, LineWidth, " ", "");
    }

    /// <summary>The repr of a NumPy scalar (<c>np.float64</c> prints like a Python float).</summary>
    public static string ScalarRepr(Tensor t)
    {
        var dt = t.dtype;
        if (dt == ScalarType.Bool) return t.item<bool>() ? "True" : "False";
        if (DTypes.IsFloatingPoint(dt)) return FloatDigits.PyRepr(t.to(ScalarType.Float64).item<double>(), dt);
        return t.to(ScalarType.Int64).item<long>().ToString(CultureInfo.InvariantCulture);
    }

    private static string Format(Tensor t, int lineWidth, string separator, string prefix) =>
        t.Shape.Length <= DeepRank
            ? FormatOnThisStack(t, lineWidth, separator, prefix)
            : OnLargeStack(() => FormatOnThisStack(t, lineWidth, separator, prefix), t.Shape.Length);

    private static string FormatOnThisStack(Tensor t, int lineWidth, string separator, string prefix)
    {
        var data = new Data(t);
        bool summarize = data.Size > Threshold;
        IElementFormat fmt = data.Kind switch
        {
            Kind.Float => new FloatFormat(data, summarize),
            Kind.Int => new IntFormat(data, summarize),
            _ => new BoolFormat(data),
        };
        string nextLinePrefix = " " + new string(' ', prefix.Length);
        var index = new long[data.Shape.Length];
        return Recurse(data, fmt, index, 0, nextLinePrefix, lineWidth, separator, summarize ? "..." : "");
    }

    /// <summary>Ranks NumPy itself can hold (NPY_MAXDIMS is 64) print on the caller's stack.</summary>
    private const int DeepRank = 64;

    /// <summary>
    /// NumPy's printer recurses once per axis; a tensor of very high rank (Flint has no rank limit) would
    /// overflow the caller's stack, which ends the process. Such ranks print on a thread whose stack fits them.
    /// </summary>
    private static string OnLargeStack(Func<string> run, int rank)
    {
        string? result = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = run(); }
            catch (Exception e) { error = e; }
        }, maxStackSize: (int)Math.Min(1L << 30, (1L << 20) + rank * 4096L));
        thread.Start();
        thread.Join();
        if (error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return result!;
    }

    // A port of numpy.core.arrayprint._formatArray (non-legacy branch).
    private static string Recurse(Data a, IElementFormat fmt, long[] index, int axis, string hangingIndent, int currWidth, string separator, string summaryInsert)
    {
        int axesLeft = a.Shape.Length - axis;
        if (axesLeft == 0) return fmt.Format(a.Flat(index));
        string nextHanging = hangingIndent + " ";
        int nextWidth = currWidth - 1;
        long len = a.Shape[axis];
        bool showSummary = summaryInsert.Length > 0 && 2 * EdgeItems < len;
        long leading = showSummary ? EdgeItems : 0;
        long trailing = showSummary ? EdgeItems : len;
        var s = new StringBuilder();
        if (axesLeft == 1)
        {
            int elemWidth = currWidth - Math.Max(separator.TrimEnd().Length, 1);
            string line = hangingIndent;
            for (long i = 0; i < leading; i++)
            {
                index[axis] = i;
                ExtendLine(s, ref line, Recurse(a, fmt, index, axis + 1, nextHanging, nextWidth, separator, summaryInsert), elemWidth, hangingIndent);
                line += separator;
            }
            if (showSummary)
            {
                ExtendLine(s, ref line, summaryInsert, elemWidth, hangingIndent);
                line += separator;
            }
            for (long i = trailing; i > 1; i--)
            {
                index[axis] = len - i;
                ExtendLine(s, ref line, Recurse(a, fmt, index, axis + 1, nextHanging, nextWidth, separator, summaryInsert), elemWidth, hangingIndent);
                line += separator;
            }
            index[axis] = len - 1;
            ExtendLine(s, ref line, Recurse(a, fmt, index, axis + 1, nextHanging, nextWidth, separator, summaryInsert), elemWidth, hangingIndent);
            s.Append(line);
        }
        else
        {
            string lineSep = separator.TrimEnd() + new string('\n', axesLeft - 1);
            for (long i = 0; i < leading; i++)
            {
                index[axis] = i;
                s.Append(hangingIndent).Append(Recurse(a, fmt, index, axis + 1, nextHanging, nextWidth, separator, summaryInsert)).Append(lineSep);
            }
            if (showSummary) s.Append(hangingIndent).Append(summaryInsert).Append(lineSep);
            for (long i = trailing; i > 1; i--)
            {
                index[axis] = len - i;
                s.Append(hangingIndent).Append(Recurse(a, fmt, index, axis + 1, nextHanging, nextWidth, separator, summaryInsert)).Append(lineSep);
            }
            index[axis] = len - 1;
            s.Append(hangingIndent).Append(Recurse(a, fmt, index, axis + 1, nextHanging, nextWidth, separator, summaryInsert));
        }
        index[axis] = 0;
        return "[" + s.ToString(hangingIndent.Length, s.Length - hangingIndent.Length) + "]";
    }

    private static void ExtendLine(StringBuilder s, ref string line, string word, int lineWidth, string nextLinePrefix)
    {
        bool needsWrap = line.Length + word.Length > lineWidth;
        if (line.Length <= nextLinePrefix.Length) needsWrap = false; // wrapping would not help
        if (needsWrap)
        {
            s.Append(line.TrimEnd()).Append('\n');
            line = nextLinePrefix;
        }
        line += word;
    }

    private enum Kind { Float, Int, Bool }

    /// <summary>The array's elements as a flat row-major copy (doubles, longs or bools).</summary>
    private sealed class Data
    {
        public readonly long[] Shape;
        public readonly long[] Strides;
        public readonly long Size;
        public readonly Kind Kind;
        public readonly ScalarType DType;
        public readonly double[]? Doubles;
        public readonly long[]? Longs;
        public readonly bool[]? Bools;

        public Data(Tensor t)
        {
            Shape = t.Shape;
            Strides = Shapes.ContiguousStrides(Shape);
            Size = Shapes.Numel(Shape);
            DType = t.dtype;
            if (DTypes.IsFloatingPoint(DType)) { Kind = Kind.Float; Doubles = t.to(ScalarType.Float64).contiguous().data<double>(); }
            else if (DType == ScalarType.Bool) { Kind = Kind.Bool; Bools = t.contiguous().data<bool>(); }
            else { Kind = Kind.Int; Longs = t.to(ScalarType.Int64).contiguous().data<long>(); }
        }

        public long Flat(long[] index)
        {
            long f = 0;
            for (int i = 0; i < index.Length; i++) f += index[i] * Strides[i];
            return f;
        }

        /// <summary>Flat indices of the elements NumPy looks at to size the columns (the edges when summarizing).</summary>
        public List<long> Visible(bool summarize)
        {
            var list = new List<long>();
            Collect(0, 0, summarize, list);
            return list;
        }

        private void Collect(int axis, long offset, bool summarize, List<long> list)
        {
            if (axis == Shape.Length) { list.Add(offset); return; }
            long n = Shape[axis];
            bool cut = summarize && n > 2 * EdgeItems;
            for (long i = 0; i < n; i++)
            {
                if (cut && i == EdgeItems) i = n - EdgeItems;
                Collect(axis + 1, offset + i * Strides[axis], summarize, list);
            }
        }
    }

    private interface IElementFormat
    {
        string Format(long flat);
    }

    private sealed class BoolFormat(Data data) : IElementFormat
    {
        private readonly string _true = data.Shape.Length == 0 ? "True" : " True";
        public string Format(long flat) => data.Bools![flat] ? _true : "False";
    }

    private sealed class IntFormat : IElementFormat
    {
        private readonly long[] _values;
        private readonly int _width;

        public IntFormat(Data data, bool summarize)
        {
            _values = data.Longs!;
            foreach (var i in data.Visible(summarize))
                _width = Math.Max(_width, _values[i].ToString(CultureInfo.InvariantCulture).Length);
        }

        public string Format(long flat) => _values[flat].ToString(CultureInfo.InvariantCulture).PadLeft(_width);
    }

    /// <summary>NumPy's FloatingFormat (floatmode 'maxprec', sign '-', trim '.').</summary>
    private sealed class FloatFormat : IElementFormat
    {
        private readonly double[] _values;
        private readonly ScalarType _type;
        private readonly bool _exp;
        private readonly int _padLeft, _padRight, _precision, _expSize;

        public FloatFormat(Data data, bool summarize)
        {
            _values = data.Doubles!;
            _type = data.DType;
            _precision = Precision;
            _expSize = -1;
            var finite = new List<double>();
            bool anyNonFinite = false, negInf = false;
            foreach (var i in data.Visible(summarize))
            {
                double v = _values[i];
                if (double.IsFinite(v)) finite.Add(v);
                else { anyNonFinite = true; negInf |= double.IsNegativeInfinity(v); }
            }
            double max = 0, min = double.MaxValue;
            bool anyNonZero = false;
            foreach (var v in finite)
            {
                if (v == 0) continue;
                anyNonZero = true;
                max = Math.Max(max, Math.Abs(v));
                min = Math.Min(min, Math.Abs(v));
            }
            _exp = anyNonZero && (max >= 1e8 || min < 1e-4 || max / min > 1000.0);
            if (finite.Count == 0)
            {
                _padLeft = 0; _padRight = 0;
            }
            else if (_exp)
            {
                int maxFrac = 0, maxInt = 0, maxExp = 0;
                foreach (var v in finite)
                {
                    var (sign, d, e) = Scientific(v, _type, Precision);
                    maxInt = Math.Max(maxInt, sign.Length + 1);
                    maxFrac = Math.Max(maxFrac, d.Length - 1);
                    maxExp = Math.Max(maxExp, Math.Max(2, Math.Abs(e).ToString(CultureInfo.InvariantCulture).Length));
                }
                _expSize = maxExp;
                _precision = maxFrac;
                _padLeft = maxInt;
                _padRight = _expSize + 2 + _precision;
            }
            else
            {
                foreach (var v in finite)
                {
                    var (ip, fp) = Positional(v, _type, Precision);
                    _padLeft = Math.Max(_padLeft, ip.Length);
                    _padRight = Math.Max(_padRight, fp.Length);
                }
            }
            if (anyNonFinite)
            {
                int offset = _padRight + 1;
                _padLeft = Math.Max(_padLeft, Math.Max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
            }
        }

        public string Format(long flat)
        {
            double v = _values[flat];
            if (!double.IsFinite(v))
            {
                string r = double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
                return r.PadLeft(_padLeft + _padRight + 1);
            }
            if (_exp)
            {
                var (sign, d, e) = Scientific(v, _type, _precision);
                string frac = d.Length > 1 ? d[1..] : "";
                string mant = (sign + d[0]).PadLeft(_padLeft) + "." + frac.PadRight(_precision, '0');
                return mant + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture).PadLeft(_expSize, '0');
            }
            var (ipart, fpart) = Positional(v, _type, _precision);
            return ipart.PadLeft(_padLeft) + "." + fpart.PadRight(_padRight);
        }
    }

    /// <summary>Dragon4 positional, unique digits cut at <paramref name="precision"/> fractional digits, trailing zeros trimmed.</summary>
    internal static (string IntPart, string FracPart) Positional(double v, ScalarType type, int precision)
    {
        string sign = double.IsNegative(v) ? "-" : "";
        if (v == 0) return (sign + "0", "");
        var (d, p) = FloatDigits.Shortest(v, type);
        if (d.Length - p > precision) (d, p) = FloatDigits.RoundFractional(v, precision);
        if (d.Length == 0) return (sign + "0", "");
        string ip = p <= 0 ? "0" : d.Length >= p ? d[..p] : d + new string('0', p - d.Length);
        string fp = p < 0 ? new string('0', -p) + d : d.Length > p ? d[p..] : "";
        return (sign + ip, fp);
    }

    /// <summary>Dragon4 scientific, unique digits cut at <paramref name="precision"/> digits after the first: (sign, digits, exponent).</summary>
    internal static (string Sign, string Digits, int Exponent) Scientific(double v, ScalarType type, int precision)
    {
        string sign = double.IsNegative(v) ? "-" : "";
        if (v == 0) return (sign, "0", 0);
        var (d, p) = FloatDigits.Shortest(v, type);
        if (d.Length - 1 > precision) (d, p) = FloatDigits.RoundSignificant(v, precision + 1, p);
        return (sign, d, p - 1);
    }
}
