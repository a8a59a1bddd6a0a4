using System.Runtime.CompilerServices;

// ILGPU's CPU accelerator emits the kernel launchers into a dynamic assembly named
// "ILGPURuntime"; they touch this assembly's internal argument structs (Dims, Strided, ...).
[assembly: InternalsVisibleTo("ILGPURuntime")]
