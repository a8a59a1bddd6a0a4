using System.Globalization;
using System.Text;

namespace Flint.IO.Npy;

/// <summary>
/// The header dict of a .npy file, e.g. <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>.
/// Parsed by a small literal reader (strings, True/False, tuples of ints), never evaluated.
/// </summary>
internal readonly record struct NpyHeader(ScalarType DType, bool BigEndian, bool FortranOrder, long[] Shape)
{
    public static string Descr(ScalarType t) => t switch
    {
        ScalarType.Bool => "|b1",
        ScalarType.Byte => "|u1",
        ScalarType.Int8 => "|i1",
        ScalarType.Int16 => "<i2",
        ScalarType.Int32 => "<i4",
        ScalarType.Int64 => "<i8",
        ScalarType.Float16 => "<f2",
        ScalarType.Float32 => "<f4",
        ScalarType.Float64 => "<f8",
        // NumPy has no bfloat16; PyTorch's .numpy() refuses it with this message.
        ScalarType.BFloat16 => throw new ArgumentException("Got unsupported ScalarType BFloat16"),
        _ => throw new ArgumentException($"Got unsupported ScalarType {t}"),
    };

    /// <summary>The header text, padded with spaces and a newline so the data starts 64-byte aligned (as NumPy does).</summary>
    public string Format(int prefixLength)
    {
        var sb = new StringBuilder();
        sb.Append("{'descr': '").Append(Descr(DType)).Append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < Shape.Length; i++)
        {
            sb.Append(Shape[i].ToString(CultureInfo.InvariantCulture));
            if (i < Shape.Length - 1 || Shape.Length == 1) sb.Append(',');
            if (i < Shape.Length - 1) sb.Append(' ');
        }
        sb.Append("), }");
        int total = prefixLength + sb.Length + 1;
        sb.Append(' ', (64 - total % 64) % 64).Append('\n');
        return sb.ToString();
    }

    public static NpyHeader Parse(string text, string source)
    {
        var p = new LiteralReader(text, source);
        string? descr = null;
        bool? fortran = null;
        long[]? shape = null;
        p.Expect('{');
        while (!p.TryConsume('}'))
        {
            string key = p.ReadString();
            p.Expect(':');
            switch (key)
            {
                case "descr": descr = p.ReadString(); break;
                case "fortran_order": fortran = p.ReadBool(); break;
                case "shape": shape = p.ReadIntTuple(); break;
                default: throw new InvalidDataException($"{source}: unexpected key '{key}' in the .npy header.");
            }
            if (!p.TryConsume(',')) { p.Expect('}'); break; }
        }
        if (descr is null || fortran is null || shape is null)
            throw new InvalidDataException($"{source}: the .npy header lacks 'descr', 'fortran_order' or 'shape'.");
        var (dtype, big) = ParseDescr(descr, source);
        return new NpyHeader(dtype, big, fortran.Value, shape);
    }

    private static (ScalarType, bool) ParseDescr(string d, string source)
    {
        if (d.Length < 3) throw new InvalidDataException($"{source}: unsupported .npy dtype '{d}'.");
        char order = d[0];
        bool big = order == '>' || (order == '=' && !BitConverter.IsLittleEndian);
        if (order is not ('<' or '>' or '|' or '=')) throw new InvalidDataException($"{source}: unsupported .npy dtype '{d}'.");
        ScalarType? t = d[1..] switch
        {
            "b1" => ScalarType.Bool,
            "u1" => ScalarType.Byte,
            "i1" => ScalarType.Int8,
            "i2" => ScalarType.Int16,
            "i4" => ScalarType.Int32,
            "i8" => ScalarType.Int64,
            "f2" => ScalarType.Float16,
            "f4" => ScalarType.Float32,
            "f8" => ScalarType.Float64,
            _ => null,
        };
        return t is ScalarType s ? (s, big) : throw new InvalidDataException($"{source}: the .npy dtype '{d}' has no Flint equivalent.");
    }

    /// <summary>Reads the few Python literals a .npy header uses.</summary>
    private ref struct LiteralReader(string text, string source)
    {
        private int _i;

        private void SkipSpace() { while (_i < text.Length && char.IsWhiteSpace(text[_i])) _i++; }

        public bool TryConsume(char c)
        {
            SkipSpace();
            if (_i < text.Length && text[_i] == c) { _i++; return true; }
            return false;
        }

        public void Expect(char c)
        {
            if (!TryConsume(c)) throw Error($"expected '{c}'");
        }

        public string ReadString()
        {
            SkipSpace();
            if (_i >= text.Length || text[_i] is not ('\'' or '"')) throw Error("expected a string");
            char quote = text[_i++];
            int end = text.IndexOf(quote, _i);
            if (end < 0) throw Error("unterminated string");
            string s = text[_i..end];
            _i = end + 1;
            return s;
        }

        public bool ReadBool()
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _i, "True", 0, 4) == 0) { _i += 4; return true; }
            if (string.CompareOrdinal(text, _i, "False", 0, 5) == 0) { _i += 5; return false; }
            throw Error("expected True or False");
        }

        public long[] ReadIntTuple()
        {
            Expect('(');
            var dims = new List<long>();
            while (!TryConsume(')'))
            {
                SkipSpace();
                int start = _i;
                while (_i < text.Length && char.IsAsciiDigit(text[_i])) _i++;
                if (start == _i || !long.TryParse(text.AsSpan(start, _i - start), NumberStyles.None, CultureInfo.InvariantCulture, out long d))
                    throw Error("expected a non-negative integer in the shape");
                dims.Add(d);
                if (!TryConsume(',')) { Expect(')'); break; }
            }
            return dims.ToArray();
        }

        private readonly InvalidDataException Error(string what) =>
            new($"{source}: malformed .npy header ({what} at character {_i}): {text.Trim()}");
    }
}
