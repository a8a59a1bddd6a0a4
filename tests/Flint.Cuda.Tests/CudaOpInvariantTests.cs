using Flint.Tests.Generic;

namespace Flint.Cuda.Tests;

/// <summary>
/// The op invariants (<see cref="OpInvariantSuite"/>: strided == contiguous, in-place ==
/// out-of-place, a failed in-place op leaves its operands untouched) on cuda:0, with the golden
/// inputs decoded onto the device.
/// </summary>
public class CudaOpInvariantTests : OpInvariantSuite
{
    /// <inheritdoc/>
    protected override Device? Device => CudaDevice.Device;
}
