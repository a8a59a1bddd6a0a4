namespace Flint;

public static partial class torch
{
    /// <summary>
    /// <c>torch.utils</c>: helpers around the core. Optional assemblies add to it with C# extension members
    /// (Flint.TensorBoard adds <c>torch.utils.tensorboard</c>), so the core needs none of their dependencies.
    /// </summary>
    public static partial class utils
    {
    }
}
