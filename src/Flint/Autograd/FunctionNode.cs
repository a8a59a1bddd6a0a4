namespace Flint.Autograd;

/// <summary>
/// The backward node of a built-in op: a name, the tensors it saved (version-checked) and
/// its derivative formula written with tensor ops. After a non-retaining backward the
/// saved tensors and formula are dropped, which both frees memory and lets a second
/// backward report PyTorch's error instead of computing with stale values.
/// </summary>
internal sealed class FunctionNode : GradNode
{
    /// <summary>Computes input gradients from (output gradients, unpacked saved tensors).</summary>
    public delegate Tensor?[] Backward(Tensor?[] gradOutputs, Tensor[] saved);

    private readonly string _name;
    private Backward? _backward;
    /// <summary>The single-output form, kept as given (wrapping it in a <see cref="Backward"/> would cost two objects per recorded op).</summary>
    private Func<Tensor, Tensor[], Tensor?[]>? _single;
    private SavedTensor[]? _saved;
    private readonly bool _hasSaved;

    public FunctionNode(string name, Backward backward, Tensor[] saved, int numOutputs = 1) : this(name, saved, numOutputs)
    {
        _backward = backward;
    }

    /// <summary>A single-output node: <paramref name="backward"/> gets the output gradient and the saved tensors.</summary>
    public static FunctionNode SingleOutput(string name, Func<Tensor, Tensor[], Tensor?[]> backward, Tensor[] saved) =>
        new(name, saved, 1) { _single = backward };

    private FunctionNode(string name, Tensor[] saved, int numOutputs)
    {
        _name = name;
        NumOutputs = numOutputs;
        _hasSaved = saved.Length > 0;
        if (_hasSaved)
        {
            _saved = new SavedTensor[saved.Length];
            for (int i = 0; i < saved.Length; i++) _saved[i] = new SavedTensor(saved[i]);
        }
    }

    public override string name() => _name;

    internal override Tensor?[] Apply(Tensor?[] gradOutputs)
    {
        if ((_backward is null && _single is null) || (_hasSaved && _saved is null))
            throw new InvalidOperationException(AutogradErrors.SecondBackward);
        Tensor[] saved = [];
        if (_saved is not null)
        {
            saved = new Tensor[_saved.Length];
            for (int i = 0; i < saved.Length; i++) saved[i] = _saved[i].Unpack(this);
        }
        return ValidateGradients(_single is not null ? _single(gradOutputs[0]!, saved) : _backward!(gradOutputs, saved));
    }

    internal override void Release()
    {
        if (_saved is not null)
            foreach (var s in _saved) s.Release();
        _saved = null;
        if (_hasSaved) { _backward = null; _single = null; }
    }
}
