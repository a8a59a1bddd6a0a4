using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace Flint.IO.Pickle;

/// <summary>
/// Writes Python values as a protocol-2 pickle, the protocol <c>torch.save</c> uses. C# values map to
/// Python ones: null → None, bool, integers → int, float/double/Half → float, string → str,
/// <c>object?[]</c> and <see cref="ITuple"/> → tuple, other lists and arrays → list, dictionaries →
/// dict. Tensors are written by the <see cref="WriteTensor"/> callback. Objects are memoized by
/// reference (strings and globals by value), so shared and cyclic structures pickle as Python would.
/// </summary>
internal sealed class PickleWriter
{
    private readonly MemoryStream _out = new();
    private readonly Dictionary<object, int> _memoByReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _memoStrings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _memoGlobals = new(StringComparer.Ordinal);
    private int _nextMemo;
    private int _depth;
    private readonly HashSet<object> _tuplesInProgress = new(ReferenceEqualityComparer.Instance);
    private const int BatchSize = 1000; // CPython's SETITEMS/APPENDS batch

    /// <summary>Writes a tensor (the torch layer decides how); called for every <see cref="Tensor"/> value.</summary>
    public required Action<PickleWriter, Tensor> WriteTensor { get; init; }

    /// <summary>Pickles one value with its PROTO header and STOP, and returns the bytes.</summary>
    public byte[] Dump(object? value)
    {
        _out.WriteByte(Opcodes.Proto);
        _out.WriteByte(2);
        WriteValue(value);
        _out.WriteByte(Opcodes.Stop);
        return _out.ToArray();
    }

    /// <summary>
    /// Writes one value. Nesting is bounded (the writer recurses, and a .NET stack overflow ends the process)
    /// and a tuple that contains itself is refused: a pickle can only build a cycle through a list or dict.
    /// </summary>
    public void WriteValue(object? value)
    {
        if (++_depth > RestrictedUnpickler.MaxNesting)
            throw new ArgumentException($"torch.save: the value nests containers deeper than {RestrictedUnpickler.MaxNesting} levels, which Flint's loader refuses.");
        try { WriteValueCore(value); }
        finally { _depth--; }
    }

    private void WriteValueCore(object? value)
    {
        switch (value)
        {
            case null: Op(Opcodes.None); return;
            case bool b: Op(b ? Opcodes.NewTrue : Opcodes.NewFalse); return;
            case string s: WriteString(s); return;
            case long l: WriteInt(l); return;
            case int i: WriteInt(i); return;
            case short i: WriteInt(i); return;
            case sbyte i: WriteInt(i); return;
            case byte i: WriteInt(i); return;
            case ushort i: WriteInt(i); return;
            case uint i: WriteInt(i); return;
            case ulong u when u <= long.MaxValue: WriteInt((long)u); return;
            case double d: WriteFloat(d); return;
            case float f: WriteFloat(f); return;
            case Half h: WriteFloat((double)h); return;
            case Tensor t:
                if (TryGetMemo(t)) return;
                WriteTensor(this, t);
                Memoize(t);
                return;
            case object?[] tuple:
                if (TryGetMemo(tuple)) return; // shared tuples are written once, as CPython does (a DAG stays small)
                if (!_tuplesInProgress.Add(tuple))
                    throw new ArgumentException("torch.save: an object?[] (a tuple) contains itself; a pickle can only express cycles through lists and dictionaries.");
                try { WriteTuple(tuple); }
                finally { _tuplesInProgress.Remove(tuple); }
                if (tuple.Length > 0) _memoByReference[tuple] = _nextMemo - 1; // WriteTuple's last act is PUT
                return;
            case Flint.Modules.StateDictionary sd: WriteValue(OptimizerStateDicts.ToPython(sd)); return;
            case ITuple tuple:
                var items = new object?[tuple.Length];
                for (int i = 0; i < items.Length; i++) items[i] = tuple[i];
                WriteTuple(items);
                return;
            case IDictionary dict: WriteDict(dict); return;
            case IEnumerable<KeyValuePair<string, Tensor>> pairs: WriteDict(pairs.ToDictionary(p => p.Key, p => p.Value)); return;
            case IList list: WriteList(list); return;
            case torch.nn.Module:
                throw new ArgumentException(
                    $"torch.save: cannot save a whole module ({value.GetType().Name}); save its state_dict() and load it with " +
                    "load_state_dict, as PyTorch recommends (or use model.save(path)).");
            default:
                throw new ArgumentException(
                    $"torch.save: cannot save a value of type {value.GetType()}; Flint saves tensors, strings, numbers, bools, null, " +
                    "and arrays, lists, tuples and dictionaries of those.");
        }
    }

    public void Op(byte opcode) => _out.WriteByte(opcode);

    public void WriteInt(long v)
    {
        if (v >= 0 && v <= 0xFF) { Op(Opcodes.BinInt1); _out.WriteByte((byte)v); }
        else if (v >= 0 && v <= 0xFFFF) { Op(Opcodes.BinInt2); WriteLittle((ushort)v, 2); }
        else if (v >= int.MinValue && v <= int.MaxValue) { Op(Opcodes.BinInt); WriteLittle((uint)(int)v, 4); }
        else
        {
            // LONG1: the shortest two's-complement little-endian encoding.
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, v);
            int n = 8;
            while (n > 1 && ((bytes[n - 1] == 0 && bytes[n - 2] < 0x80) || (bytes[n - 1] == 0xFF && bytes[n - 2] >= 0x80))) n--;
            Op(Opcodes.Long1);
            _out.WriteByte((byte)n);
            _out.Write(bytes[..n]);
        }
    }

    public void WriteFloat(double v)
    {
        Op(Opcodes.BinFloat);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, v);
        _out.Write(bytes);
    }

    public void WriteString(string s)
    {
        if (_memoStrings.TryGetValue(s, out int index)) { Get(index); return; }
        byte[] utf8 = Encoding.UTF8.GetBytes(s);
        Op(Opcodes.BinUnicode);
        WriteLittle((uint)utf8.Length, 4);
        _out.Write(utf8);
        _memoStrings[s] = Put();
    }

    /// <summary>GLOBAL 'module name', memoized like CPython's pickler does.</summary>
    public void WriteGlobal(string module, string name)
    {
        string key = module + "\n" + name;
        if (_memoGlobals.TryGetValue(key, out int index)) { Get(index); return; }
        Op(Opcodes.Global);
        _out.Write(Encoding.ASCII.GetBytes(key + "\n"));
        _memoGlobals[key] = Put();
    }

    /// <summary><c>collections.OrderedDict()</c>: the empty ordered dict PyTorch uses for backward hooks.</summary>
    public void WriteEmptyOrderedDict()
    {
        WriteGlobal("collections", "OrderedDict");
        Op(Opcodes.EmptyTuple);
        Op(Opcodes.Reduce);
        Put();
    }

    public void WriteTuple(IReadOnlyList<object?> items)
    {
        switch (items.Count)
        {
            case 0: Op(Opcodes.EmptyTuple); return;
            case 1: WriteValue(items[0]); Op(Opcodes.Tuple1); break;
            case 2: WriteValue(items[0]); WriteValue(items[1]); Op(Opcodes.Tuple2); break;
            case 3: WriteValue(items[0]); WriteValue(items[1]); WriteValue(items[2]); Op(Opcodes.Tuple3); break;
            default:
                Op(Opcodes.Mark);
                foreach (var item in items) WriteValue(item);
                Op(Opcodes.Tuple);
                break;
        }
        Put();
    }

    public void WriteTuple(long[] ints)
    {
        var boxed = new object?[ints.Length];
        for (int i = 0; i < ints.Length; i++) boxed[i] = ints[i];
        WriteTuple(boxed);
    }

    private void WriteList(IList list)
    {
        if (TryGetMemo(list)) return;
        Op(Opcodes.EmptyList);
        Memoize(list);
        for (int start = 0; start < list.Count; start += BatchSize)
        {
            Op(Opcodes.Mark);
            for (int i = start; i < Math.Min(list.Count, start + BatchSize); i++) WriteValue(list[i]);
            Op(Opcodes.Appends);
        }
    }

    private void WriteDict(IDictionary dict)
    {
        if (TryGetMemo(dict)) return;
        // A string → tensor mapping is a state dict: PyTorch's are OrderedDicts, so write one.
        if (IsStateDict(dict)) WriteEmptyOrderedDictHead();
        else Op(Opcodes.EmptyDict);
        Memoize(dict);
        var entries = new List<DictionaryEntry>(dict.Count);
        foreach (DictionaryEntry e in dict) entries.Add(e);
        for (int start = 0; start < entries.Count; start += BatchSize)
        {
            Op(Opcodes.Mark);
            for (int i = start; i < Math.Min(entries.Count, start + BatchSize); i++)
            {
                WriteValue(entries[i].Key);
                WriteValue(entries[i].Value);
            }
            Op(Opcodes.SetItems);
        }
    }

    private void WriteEmptyOrderedDictHead()
    {
        WriteGlobal("collections", "OrderedDict");
        Op(Opcodes.EmptyTuple);
        Op(Opcodes.Reduce);
    }

    private static bool IsStateDict(IDictionary dict)
    {
        if (dict.Count == 0) return false;
        foreach (DictionaryEntry e in dict)
            if (e.Key is not string || e.Value is not Tensor) return false;
        return true;
    }

    private bool TryGetMemo(object o)
    {
        if (!_memoByReference.TryGetValue(o, out int index)) return false;
        Get(index);
        return true;
    }

    private void Memoize(object o) => _memoByReference[o] = Put();

    private int Put()
    {
        int index = _nextMemo++;
        if (index < 256) { Op(Opcodes.BinPut); _out.WriteByte((byte)index); }
        else { Op(Opcodes.LongBinPut); WriteLittle((uint)index, 4); }
        return index;
    }

    private void Get(int index)
    {
        if (index < 256) { Op(Opcodes.BinGet); _out.WriteByte((byte)index); }
        else { Op(Opcodes.LongBinGet); WriteLittle((uint)index, 4); }
    }

    private void WriteLittle(uint v, int bytes)
    {
        for (int i = 0; i < bytes; i++) _out.WriteByte((byte)(v >> (8 * i)));
    }
}
