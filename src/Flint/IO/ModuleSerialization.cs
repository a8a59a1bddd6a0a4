namespace Flint;

/// <summary>
/// <c>model.save(path)</c> / <c>model.load(path)</c>: a module's <c>state_dict()</c> in a safetensors file
/// (readable by Python's <c>safetensors.torch.load_file</c>, and then PyTorch's <c>load_state_dict</c>).
/// For PyTorch's own format use <c>torch.save(model.state_dict(), path)</c> and
/// <c>model.load_state_dict(torch.load_state_dict(path))</c>.
/// </summary>
public static class ModuleSerializationExtensions
{
    /// <summary>Saves the module's parameters and persistent buffers to a safetensors file, atomically; returns the module.</summary>
    public static T save<T>(this T module, string path, IDictionary<string, string>? metadata = null) where T : torch.nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        safetensors.save_file(module.state_dict(), path, metadata ?? new Dictionary<string, string> { ["format"] = "pt" });
        return module;
    }

    /// <summary>
    /// Loads a safetensors file written by <see cref="save{T}"/> (or Python's <c>safetensors.torch.save_file</c>) into the
    /// module with <c>load_state_dict</c>; with <paramref name="strict"/>, missing or unexpected names are an error.
    /// Returns the module.
    /// </summary>
    public static T load<T>(this T module, string path, bool strict = true) where T : torch.nn.Module
    {
        ArgumentNullException.ThrowIfNull(module);
        module.load_state_dict(safetensors.load_file(path), strict);
        return module;
    }
}
