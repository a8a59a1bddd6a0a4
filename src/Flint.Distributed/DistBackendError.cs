namespace Flint.Distributed;

/// <summary>PyTorch's <c>DistBackendError</c>: an MPI call failed, or a collective was misused across ranks.</summary>
public sealed class DistBackendError : Exception
{
    /// <summary>Creates the error with its message.</summary>
    public DistBackendError(string message) : base(message) { }
}
