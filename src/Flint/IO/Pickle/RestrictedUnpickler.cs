using System.Buffers.Binary;
using System.Text;

using Flint.IO.ZipCheckpoint;

namespace Flint.IO.Pickle;

/// <summary>
/// Reads a pickle without ever running code from it: a stack machine over the opcodes a state dict
/// needs, in the spirit of PyTorch's <c>torch.load(weights_only=True)</c>. Globals are names checked
/// against <see cref="AllowedGlobals"/> the moment they are read; only those are ever "called", and
/// each call is Flint code that builds a tensor or an empty ordered dict. Object construction
/// opcodes (NEWOBJ, INST, OBJ) and every opcode not listed are rejected. All errors are
/// <see cref="InvalidDataException"/> naming the offending global or opcode and its byte position.
/// </summary>
internal sealed class RestrictedUnpickler
{
    /// <summary>Loads a storage named by a persistent id: dtype, record key, location, element count.</summary>
    public delegate Storage StorageLoader(ScalarType dtype, string key, string location, long numel);

    private const string Collections = "collections", Utils = "torch._utils";

    /// <summary>Everything a PyTorch state dict (or optimizer state) may name.</summary>
    public static readonly IReadOnlySet<string> AllowedGlobals = new HashSet<string>(StringComparer.Ordinal)
    {
        "collections.OrderedDict",
        "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_parameter",
        "torch.FloatStorage", "torch.DoubleStorage", "torch.HalfStorage", "torch.BFloat16Storage",
        "torch.LongStorage", "torch.IntStorage", "torch.ShortStorage", "torch.CharStorage",
        "torch.ByteStorage", "torch.BoolStorage",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Deepest MARK nesting (and, in <see cref="PyToClr"/>, container nesting) a file may use; real checkpoints nest a handful of levels.</summary>
    public const int MaxNesting = 1000;

    /// <summary>Most values one tuple used as a dict key may hold, counted with repeats (so a shared-subtuple DAG cannot hide a huge tree).</summary>
    public const int MaxKeyNodes = 1000;
    private static readonly object MarkObject = new();

    private readonly ReadOnlyMemory<byte> _data;
    private readonly StorageLoader _loadStorage;
    private readonly string _source;
    private readonly Dictionary<long, object?> _memo = new();
    private readonly Dictionary<string, Storage> _storages = new(StringComparer.Ordinal);
    private List<object?> _stack = new();
    private readonly Stack<List<object?>> _metaStack = new();
    private int _pos;
    private int _opStart;
    private long _keyWork; // values visited checking dict keys: bounded by a multiple of the pickle's size

    public RestrictedUnpickler(ReadOnlyMemory<byte> data, StorageLoader loadStorage, string source)
    {
        _data = data;
        _loadStorage = loadStorage;
        _source = source;
    }

    /// <summary>Runs the pickle and returns its value (Python dicts, lists and tuples still in pickle form).</summary>
    public object? Load()
    {
        while (true)
        {
            _opStart = _pos;
            byte op = ReadByte();
            switch (op)
            {
                case Opcodes.Proto:
                    byte proto = ReadByte();
                    if (proto > 5) throw Corrupt($"unsupported pickle protocol {proto}");
                    break;
                case Opcodes.Frame: ReadBytes(8); break;
                case Opcodes.Stop:
                    var result = Pop();
                    if (_metaStack.Count != 0 || _stack.Count != 0) throw Corrupt("STOP with values left on the stack");
                    return result;

                // Atoms.
                case Opcodes.None: Push(null); break;
                case Opcodes.NewTrue: Push(true); break;
                case Opcodes.NewFalse: Push(false); break;
                case Opcodes.BinInt1: Push((long)ReadByte()); break;
                case Opcodes.BinInt2: Push((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2))); break;
                case Opcodes.BinInt: Push((long)BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4))); break;
                case Opcodes.Long1: Push(ReadLong(ReadByte())); break;
                case Opcodes.Long4: Push(ReadLong(ReadLength(4))); break;
                case Opcodes.BinFloat: Push(BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8))); break;
                case Opcodes.BinUnicode: Push(ReadUtf8(ReadLength(4))); break;
                case Opcodes.ShortBinUnicode: Push(ReadUtf8(ReadByte())); break;
                case Opcodes.BinUnicode8: Push(ReadUtf8(ReadLength(8))); break;
                case Opcodes.ShortBinString: Push(Encoding.Latin1.GetString(ReadBytes(ReadByte()))); break;
                case Opcodes.BinString: Push(Encoding.Latin1.GetString(ReadBytes(ReadLength(4)))); break;
                case Opcodes.ShortBinBytes: Push(ReadBytes(ReadByte()).ToArray()); break;
                case Opcodes.BinBytes: Push(ReadBytes(ReadLength(4)).ToArray()); break;
                case Opcodes.BinBytes8: Push(ReadBytes(ReadLength(8)).ToArray()); break;

                // Containers.
                case Opcodes.Mark:
                    if (_metaStack.Count >= MaxNesting) throw Corrupt($"MARKs nest deeper than {MaxNesting} levels");
                    _metaStack.Push(_stack);
                    _stack = new List<object?>();
                    break;
                case Opcodes.EmptyTuple: Push(Array.Empty<object?>()); break;
                case Opcodes.Tuple: Push(PopMark().ToArray()); break;
                case Opcodes.Tuple1: { var a = Pop(); Push(new[] { a }); break; }
                case Opcodes.Tuple2: { var b = Pop(); var a = Pop(); Push(new[] { a, b }); break; }
                case Opcodes.Tuple3: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new[] { a, b, c }); break; }
                case Opcodes.EmptyList: Push(new List<object?>()); break;
                case Opcodes.List: Push(PopMark()); break;
                case Opcodes.Append: { var item = Pop(); TopList().Add(item); break; }
                case Opcodes.Appends: { var items = PopMark(); TopList().AddRange(items); break; }
                case Opcodes.EmptyDict: Push(new PyDict()); break;
                case Opcodes.Dict:
                {
                    var items = PopMark();
                    var dict = new PyDict();
                    SetItems(dict, items);
                    Push(dict);
                    break;
                }
                case Opcodes.SetItem: { var v = Pop(); var k = Pop(); SetItem(TopDict(), k, v); break; }
                case Opcodes.SetItems: { var items = PopMark(); SetItems(TopDict(), items); break; }
                case Opcodes.Pop:
                    if (_stack.Count > 0) Pop();
                    else PopMark();
                    break;
                case Opcodes.PopMark: PopMark(); break;
                case Opcodes.Dup: Push(Peek()); break;

                // Memo.
                case Opcodes.BinPut: _memo[ReadByte()] = Peek(); break;
                case Opcodes.LongBinPut: _memo[BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))] = Peek(); break;
                case Opcodes.Memoize: _memo[_memo.Count] = Peek(); break;
                case Opcodes.BinGet: Push(MemoGet(ReadByte())); break;
                case Opcodes.LongBinGet: Push(MemoGet(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))); break;

                // The risky ones: names and calls, each checked.
                case Opcodes.Global:
                {
                    string module = ReadLine(), name = ReadLine();
                    Push(CheckGlobal(module, name));
                    break;
                }
                case Opcodes.StackGlobal:
                {
                    var name = Pop() as string ?? throw Corrupt("STACK_GLOBAL needs two strings");
                    var module = Pop() as string ?? throw Corrupt("STACK_GLOBAL needs two strings");
                    Push(CheckGlobal(module, name));
                    break;
                }
                case Opcodes.Reduce:
                {
                    var args = Pop() as object?[] ?? throw Corrupt("REDUCE arguments are not a tuple");
                    var func = Pop();
                    Push(Call(func, args));
                    break;
                }
                case Opcodes.Build:
                {
                    var state = Pop();
                    // PyTorch stores a state dict's `_metadata` (per-module versions) as OrderedDict attributes.
                    if (Peek() is not PyDict || state is not PyDict)
                        throw Corrupt($"BUILD is only allowed to set attributes of an OrderedDict, not of {Describe(Peek())}");
                    break;
                }
                case Opcodes.BinPersId: Push(PersistentLoad(Pop())); break;
                case Opcodes.NewObj or Opcodes.NewObjEx or Opcodes.Inst or Opcodes.Obj:
                    throw Corrupt($"object construction (opcode {OpName(op)}) is not allowed; Flint never instantiates classes from a file");
                default:
                    throw Corrupt($"unsupported pickle opcode {OpName(op)}");
            }
        }
    }

    private PyGlobal CheckGlobal(string module, string name)
    {
        string full = module + "." + name;
        if (!AllowedGlobals.Contains(full))
            throw new InvalidDataException(
                $"{_source}: refusing to load the global '{full}' (byte {_opStart} of the pickle). Flint's restricted unpickler, like " +
                "torch.load(weights_only=True), only accepts tensors, state dicts and plain containers, and never runs code from a file; " +
                $"allowed globals: {string.Join(", ", AllowedGlobals)}.");
        return new PyGlobal(module, name);
    }

    private object? Call(object? func, object?[] args)
    {
        if (func is not PyGlobal g)
            throw Corrupt($"REDUCE on {Describe(func)}, which is not a callable global");
        switch (g.Module, g.Name)
        {
            case (Collections, "OrderedDict"):
                if (args.Length != 0) throw Corrupt("OrderedDict() with arguments is not supported");
                return new PyDict();
            case (Utils, "_rebuild_tensor_v2"):
                // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
                if (args.Length is not (6 or 7)) throw Corrupt($"_rebuild_tensor_v2 takes 6 or 7 arguments, got {args.Length}");
                if (args[5] is not PyDict) throw Corrupt("_rebuild_tensor_v2: backward_hooks is not a dict");
                if (args.Length == 7 && args[6] is not (PyDict or null)) throw Corrupt("_rebuild_tensor_v2: metadata is not a dict");
                return RebuildTensor(args[0], args[1], args[2], args[3], args[4] as bool? ?? throw Corrupt("_rebuild_tensor_v2: requires_grad is not a bool"));
            case (Utils, "_rebuild_tensor"):
                if (args.Length != 4) throw Corrupt($"_rebuild_tensor takes 4 arguments, got {args.Length}");
                return RebuildTensor(args[0], args[1], args[2], args[3], false);
            case (Utils, "_rebuild_parameter"):
                // (data, requires_grad, backward_hooks)
                if (args.Length != 3) throw Corrupt($"_rebuild_parameter takes 3 arguments, got {args.Length}");
                var data = args[0] as Tensor ?? throw Corrupt("_rebuild_parameter: data is not a tensor");
                var requiresGrad = args[1] as bool? ?? throw Corrupt("_rebuild_parameter: requires_grad is not a bool");
                if (requiresGrad && !data.is_floating_point())
                    throw Corrupt($"_rebuild_parameter: a {DTypes.Name(data.dtype)} parameter cannot require gradients (only tensors of floating point dtype can)");
                return torch.nn.Parameter(data, requiresGrad);
            default:
                throw new InvalidDataException($"{_source}: refusing to call '{g}' (byte {_opStart} of the pickle): it is not a function Flint's restricted unpickler runs.");
        }
    }

    private Tensor RebuildTensor(object? storageObj, object? offsetObj, object? sizeObj, object? strideObj, bool requiresGrad)
    {
        var storage = storageObj as Storage ?? throw Corrupt("tensor rebuild: the first argument is not a storage");
        long offset = offsetObj as long? ?? throw Corrupt("tensor rebuild: storage_offset is not an int");
        long[] size = IntTuple(sizeObj, "size");
        long[] stride = IntTuple(strideObj, "stride");
        if (size.Length != stride.Length) throw Corrupt($"tensor rebuild: size {Shapes.Str(size)} and stride {Shapes.Str(stride)} differ in length");
        if (size.Length > ShapeMath.MaxRank) throw Corrupt($"tensor rebuild: {size.Length} dimensions exceed PyTorch's limit of {ShapeMath.MaxRank}");
        if (offset < 0) throw Corrupt($"tensor rebuild: negative storage offset {offset}");
        foreach (var (d, st) in size.Zip(stride))
            if (d < 0 || st < 0) throw Corrupt($"tensor rebuild: negative size or stride in {Shapes.Str(size)} / {Shapes.Str(stride)}");
        if (!ShapeMath.TryNumel(size, out _)) throw Corrupt($"tensor rebuild: the element count of size {Shapes.Str(size)} overflows");
        if (!ShapeMath.TryViewExtent(size, stride, offset, out long extent) || extent > storage.Length)
            throw Corrupt($"tensor rebuild: a view of size {Shapes.Str(size)}, stride {Shapes.Str(stride)} and offset {offset} " +
                          $"reaches past its storage of {storage.Length} elements");
        if (requiresGrad && !DTypes.IsFloatingPoint(storage.DType))
            throw Corrupt($"tensor rebuild: a {DTypes.Name(storage.DType)} tensor cannot require gradients (only tensors of floating point dtype can)");
        var tensor = new Tensor(storage, size, stride, offset);
        if (requiresGrad) tensor.requires_grad = true;
        return tensor;
    }

    private Storage PersistentLoad(object? pid)
    {
        // ('storage', torch.FloatStorage, key, location, numel)
        if (pid is not object?[] { Length: 5 } t || t[0] is not string kind)
            throw Corrupt($"persistent id {Describe(pid)} is not a storage reference");
        if (kind != "storage") throw Corrupt($"only persistent ids of storages are allowed, got '{kind}'");
        if (t[1] is not PyGlobal type || StorageTypes.FromPickleName(type) is not ScalarType dtype)
            throw Corrupt($"persistent id names {Describe(t[1])}, not a storage type");
        if (t[2] is not string key || key.Length == 0 || key.Contains('/') || key.Contains('\\') || key.Contains(".."))
            throw Corrupt($"invalid storage key {Describe(t[2])}");
        string location = t[3] as string ?? throw Corrupt("storage location is not a string");
        long numel = t[4] as long? ?? throw Corrupt("storage size is not an int");
        if (numel < 0) throw Corrupt($"storage '{key}' has a negative element count {numel}");
        if (_storages.TryGetValue(key, out var known))
        {
            if (known.DType != dtype) throw Corrupt($"storage '{key}' is used as both {DTypes.Name(known.DType)} and {DTypes.Name(dtype)}");
            return known;
        }
        var storage = _loadStorage(dtype, key, location, numel);
        _storages[key] = storage;
        return storage;
    }

    private long[] IntTuple(object? o, string what)
    {
        if (o is not object?[] items) throw Corrupt($"tensor rebuild: {what} is not a tuple");
        var result = new long[items.Length];
        for (int i = 0; i < items.Length; i++) result[i] = items[i] as long? ?? throw Corrupt($"tensor rebuild: {what} holds a non-int");
        return result;
    }

    private void SetItems(PyDict dict, List<object?> items)
    {
        if (items.Count % 2 != 0) throw Corrupt("SETITEMS with an odd number of values");
        for (int i = 0; i < items.Count; i += 2) SetItem(dict, items[i], items[i + 1]);
    }

    private void SetItem(PyDict dict, object? key, object? value)
    {
        if (key is not (string or long or bool or double or object?[])) throw Corrupt($"unsupported dict key {Describe(key)}");
        if (key is object?[] tuple) CheckTupleKey(tuple);
        dict.Items[key] = value;
    }

    /// <summary>
    /// A tuple key must be hashable as in Python (only None, bools, ints, floats, strings and tuples of those)
    /// and small: hashing and comparing it walks every value it holds, counting shared subtuples each time
    /// they appear, so both the size of one key and the total work over the file are bounded.
    /// </summary>
    private void CheckTupleKey(object?[] key)
    {
        var pending = new Stack<object?[]>();
        pending.Push(key);
        int nodes = 0;
        while (pending.Count > 0)
        {
            foreach (var item in pending.Pop())
            {
                if (++nodes > MaxKeyNodes) throw Corrupt($"a tuple used as a dict key holds more than {MaxKeyNodes} values");
                if (item is object?[] inner) pending.Push(inner);
                else if (item is not (null or string or long or bool or double))
                    throw Corrupt($"a tuple used as a dict key holds {Describe(item)}, which is not hashable");
            }
        }
        _keyWork += nodes;
        if (_keyWork > 16L * _data.Length + 100_000)
            throw Corrupt("the tuples used as dict keys hold more values in total than a file of this size can describe honestly");
    }

    private PyDict TopDict() => Peek() as PyDict ?? throw Corrupt($"SETITEM(S) on {Describe(Peek())}, not a dict");
    private List<object?> TopList() => Peek() as List<object?> ?? throw Corrupt($"APPEND(S) on {Describe(Peek())}, not a list");

    private object? MemoGet(long index) =>
        _memo.TryGetValue(index, out var value) ? value : throw Corrupt($"memo key {index} was never stored");

    private void Push(object? o) => _stack.Add(o);

    private object? Peek() => _stack.Count > 0 ? _stack[^1] : throw Corrupt("stack underflow");

    private object? Pop()
    {
        if (_stack.Count == 0) throw Corrupt("stack underflow");
        var o = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return o;
    }

    private List<object?> PopMark()
    {
        if (_metaStack.Count == 0) throw Corrupt("no MARK on the stack");
        var items = _stack;
        _stack = _metaStack.Pop();
        return items;
    }

    private byte ReadByte()
    {
        if (_pos >= _data.Length) throw Corrupt("the pickle ends before STOP (truncated file?)");
        return _data.Span[_pos++];
    }

    private ReadOnlySpan<byte> ReadBytes(int n)
    {
        if (n < 0 || _pos + (long)n > _data.Length) throw Corrupt("the pickle ends inside a value (truncated file?)");
        var span = _data.Span.Slice(_pos, n);
        _pos += n;
        return span;
    }

    private int ReadLength(int bytes)
    {
        ulong n = bytes == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)) : BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));
        if (n > (ulong)(_data.Length - _pos)) throw Corrupt($"a length of {n} bytes runs past the end of the pickle");
        return (int)n;
    }

    private long ReadLong(int n)
    {
        var bytes = ReadBytes(n);
        if (n == 0) return 0;
        if (n > 8) throw Corrupt($"an integer of {n} bytes does not fit in 64 bits");
        Span<byte> buffer = stackalloc byte[8];
        buffer.Fill((bytes[n - 1] & 0x80) != 0 ? (byte)0xFF : (byte)0);
        bytes.CopyTo(buffer);
        return BinaryPrimitives.ReadInt64LittleEndian(buffer);
    }

    private string ReadUtf8(int n)
    {
        try { return StrictUtf8.GetString(ReadBytes(n)); }
        catch (DecoderFallbackException) { throw Corrupt("a string is not valid UTF-8"); }
    }

    private string ReadLine()
    {
        var rest = _data.Span[_pos..];
        int nl = rest.IndexOf((byte)'\n');
        if (nl < 0 || nl > 256) throw Corrupt("GLOBAL without a newline-terminated name");
        _pos += nl + 1;
        return Encoding.ASCII.GetString(rest[..nl]);
    }

    private static string OpName(byte op) =>
        op is >= 0x20 and < 0x7F ? $"'{(char)op}' (0x{op:x2})" : $"0x{op:x2}";

    private static string Describe(object? o) => o switch
    {
        null => "None",
        PyGlobal g => $"'{g}'",
        string s => $"'{s}'",
        PyDict => "a dict",
        List<object?> => "a list",
        object?[] => "a tuple",
        Tensor => "a tensor",
        Storage => "a storage",
        _ => o.GetType().Name,
    };

    private InvalidDataException Corrupt(string message) =>
        new($"{_source}: corrupt or unsupported pickle at byte {_opStart}: {message}.");
}
