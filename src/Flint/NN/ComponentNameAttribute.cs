namespace Flint;

/// <summary>
/// Gives a module field the name it is registered under by <c>RegisterComponents()</c> when that
/// differs from the field's name (TorchSharp's attribute, e.g. <c>[ComponentName(Name = "weight")] private Parameter _weight;</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ComponentNameAttribute : Attribute
{
    /// <summary>The component name.</summary>
    public string? Name { get; set; }
}
