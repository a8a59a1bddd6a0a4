namespace Flint.Autograd;

/// <summary>PyTorch's wording for autograd errors, written once.</summary>
internal static class AutogradErrors
{
    public const string SecondBackward =
        "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
        "Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). " +
        "Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.";

    public const string ImplicitGradScalarOnly = "grad can be implicitly created only for scalar outputs";
}
