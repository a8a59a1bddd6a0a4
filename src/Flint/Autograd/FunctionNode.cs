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
    private SavedTensor[]? _saved;
    private readonly bool _hasSaved;

    public FunctionNode(string name, Backward backward, Tensor[] saved, int numOutputs = 1)
    {
        _name = name;
        _backward = backward;
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
        if (_backward is null || (_hasSaved && _saved is null))
            throw new InvalidOperationException(AutogradErrors.SecondBackward);
        Tensor[] saved = [];
        if (_saved is not null)
        {
            saved = new Tensor[_saved.Length];
            for (int i = 0; i < saved.Length; i++) saved[i] = _saved[i].Unpack(this);
        }
        return ValidateGradients(_backward(gradOutputs, saved));
    }

    internal override void Release()
    {
        if (_saved is not null)
            foreach (var s in _saved) s.Release();
        _saved = null;
        if (_hasSaved) _backward = null;
    }
}
