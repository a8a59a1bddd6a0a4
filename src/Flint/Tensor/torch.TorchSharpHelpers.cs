namespace Flint;

public static partial class torch
{
    /// <summary>
    /// TorchSharp's <c>NormalizeNuGetVersion</c>: "major.minor[.patch[.revision]]" with a zero revision dropped and any
    /// pre-release label kept ("1.2.3.0-beta+sha" → "1.2.3-beta"); anything else throws.
    /// </summary>
    public static string NormalizeNuGetVersion(string versionString)
    {
        if (string.IsNullOrWhiteSpace(versionString))
            throw new ArgumentException($"Invalid NuGet version: {versionString}. Version string is null, empty or only contains whitespaces");
        string[] parts = versionString.Split('-', '+');
        string[] versionParts = parts[0].Split('.');
        if (versionParts.Length < 2 || versionParts.Length > 4 || !versionParts.All(v => int.TryParse(v, out _)))
            throw new ArgumentException($"Invalid NuGet version: {versionString}. Please check: https://learn.microsoft.com/en-us/nuget/concepts/package-versioning");
        string normalized = versionParts[0] + "." + versionParts[1];
        if (versionParts.Length > 2) normalized += "." + versionParts[2];
        if (versionParts.Length > 3 && int.Parse(versionParts[3]) != 0) normalized += "." + versionParts[3];
        if (parts.Length > 1) normalized += "-" + parts[1];
        return normalized;
    }

    /// <summary>
    /// TorchSharp's <c>WrappedTensorDisposeScope(expr)</c>: evaluates <paramref name="expr"/> inside a new dispose scope, so
    /// its temporaries are disposed at once, and returns the result moved to the enclosing scope.
    /// </summary>
    public static Tensor WrappedTensorDisposeScope(Func<Tensor> expr)
    {
        ArgumentNullException.ThrowIfNull(expr);
        using var scope = NewDisposeScope();
        return expr().MoveToOuterDisposeScope();
    }

    /// <summary><c>torch.mvlgamma_(input, p)</c>: the multivariate log-gamma of order <paramref name="p"/>, in place.</summary>
    public static Tensor mvlgamma_(Tensor input, long p) => input.mvlgamma_(p);

    /// <summary><c>torch.polygamma_(input, n)</c> (TorchSharp's argument order): the n-th derivative of digamma, in place.</summary>
    public static Tensor polygamma_(Tensor input, long n) => input.polygamma_(n);

    /// <summary><c>torch.orgqr(input, tau)</c>: the first n columns of the product of Householder reflectors (<c>torch.linalg.householder_product</c>).</summary>
    public static Tensor orgqr(Tensor input, Tensor tau) => linalg.householder_product(input, tau);
}
