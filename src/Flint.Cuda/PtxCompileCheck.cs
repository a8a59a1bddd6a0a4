using System.Reflection;
using Flint.Backends;
using Flint.Cuda.Kernels;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Flint.Cuda;

/// <summary>
/// Compiles every kernel instantiation the backend launches to PTX with ILGPU's PTX backend,
/// without a GPU or driver: the proof, on machines without one, that the kernels build for NVIDIA.
/// </summary>
internal static class PtxCompileCheck
{
    /// <summary>One kernel instantiation's outcome: its name, the PTX size, the error (null when it compiled) and, when asked for, the PTX.</summary>
    public readonly record struct Result(string Kernel, int PtxChars, string? Error, string? Ptx = null);

    private static readonly Type[] Numeric = [typeof(float), typeof(double), typeof(long), typeof(int), typeof(short), typeof(sbyte), typeof(byte)];
    private static readonly Type[] Floats = [typeof(float), typeof(double)];
    private static readonly Type[] BitTypes = [typeof(byte), typeof(ushort), typeof(uint), typeof(ulong)];

    private static readonly Type[] BinaryOps =
    [
        typeof(AddOp), typeof(SubOp), typeof(MulOp), typeof(DivOp), typeof(MaximumOp), typeof(MinimumOp),
        typeof(FmodOp), typeof(RemainderOp), typeof(TruncDivOp), typeof(FloorDivOp),
    ];
    private static readonly Type[] CompareOps = [typeof(EqOp), typeof(NeOp), typeof(LtOp), typeof(LeOp), typeof(GtOp), typeof(GeOp)];
    private static readonly Type[] UnaryOps = [typeof(NegOp), typeof(AbsOp), typeof(SignOp), typeof(ReluOp)];
    private static readonly Type[] FloatUnaryOps =
    [
        typeof(ExpOp), typeof(LogOp), typeof(Log1pOp), typeof(SqrtOp), typeof(RsqrtOp), typeof(SinOp), typeof(CosOp),
        typeof(TanhOp), typeof(SigmoidOp), typeof(FloorOp), typeof(CeilOp), typeof(RoundOp),
        typeof(AcosOp), typeof(AsinOp), typeof(AtanOp), typeof(AcoshOp), typeof(AsinhOp), typeof(AtanhOp), typeof(CoshOp),
        typeof(SinhOp), typeof(TanOp), typeof(Log2Op), typeof(Log10Op), typeof(Expm1Op), typeof(ReciprocalOp), typeof(TruncOp),
    ];

    // Integer-only ops (bitwise, shifts, gcd, lcm): the op layer never sends floats.
    private static readonly Type[] IntegerOps = [typeof(BitwiseAndOp), typeof(BitwiseOrOp), typeof(BitwiseXorOp), typeof(LeftShiftOp), typeof(RightShiftOp), typeof(GcdOp), typeof(LcmOp)];

    private static readonly Type[] DeviceMathOps = [typeof(DeviceSin), typeof(DeviceCos), typeof(DeviceRound), typeof(DeviceExp), typeof(DeviceTanh), typeof(DeviceErf), typeof(DeviceErfinv)];

    /// <summary>Every (kernel, generic arguments) pair the backend can launch, with whether it is explicitly grouped.</summary>
    public static IEnumerable<(MethodInfo Kernel, bool Grouped)> Instantiations()
    {
        static MethodInfo M(Type host, string name, params Type[] args)
        {
            var m = host.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(host.Name, name);
            return args.Length == 0 ? m : m.MakeGenericMethod(args);
        }
        var ew = typeof(Kernels.ElementwiseKernels);
        foreach (var t in Numeric)
        {
            foreach (var op in BinaryOps) yield return (M(ew, "Binary", t, op), false);
            foreach (var op in BinaryOps) yield return (M(typeof(DenseKernels), "Binary", t, op), false);
            foreach (var op in UnaryOps) yield return (M(typeof(DenseKernels), "Unary", t, op), false);
            if (!Floats.Contains(t)) yield return (M(typeof(DenseKernels), "Binary", t, typeof(IntPowOp)), false);
            // Integral pow stays integral (the op layer sends floats to FloatPow).
            if (!Floats.Contains(t)) yield return (M(ew, "Binary", t, typeof(IntPowOp)), false);
            if (!Floats.Contains(t))
                foreach (var op in IntegerOps)
                {
                    yield return (M(ew, "Binary", t, op), false);
                    yield return (M(typeof(DenseKernels), "Binary", t, op), false);
                }
            foreach (var op in CompareOps) yield return (M(ew, "Compare", t, op), false);
            foreach (var op in UnaryOps) yield return (M(ew, "Unary", t, op), false);
            yield return (M(ew, "Clamp", t), false);
            yield return (M(typeof(MatMulKernel), "Gemm", t), true);
        }
        foreach (var t in Floats)
        {
            yield return (M(ew, "FloatPow", t), false);
            yield return (M(ew, "Atan2", t), false);
            yield return (M(ew, "ClampBackward", t), false);
            foreach (var op in FloatUnaryOps) yield return (M(ew, "FloatUnary", t, op), false);
            foreach (var op in FloatUnaryOps) yield return (M(typeof(DenseKernels), "FloatUnary", t, op), false);
        }
        foreach (var op in DeviceMathOps)
        {
            yield return (M(typeof(DeviceMathKernels), "Float32", op), false);
            yield return (M(typeof(DeviceMathKernels), "Float64", op), false);
        }
        foreach (var tb in BitTypes)
        {
            foreach (var name in new[] { "Fill", "Copy", "Where", "Take", "Put" })
                yield return (M(typeof(MoveKernels), name, tb), false);
            yield return (M(typeof(DenseKernels), "Fill", tb), false);
            yield return (M(typeof(DenseKernels), "Copy", tb), false);
        }
        foreach (var name in new[] { "PutAddF32", "PutAddF64", "PutAddI32", "PutAddI64" }) yield return (M(typeof(MoveKernels), name), false);
        foreach (var t in new[] { typeof(short), typeof(sbyte), typeof(byte) }) yield return (M(typeof(MoveKernels), "PutAddSerial", t), false);
        yield return (M(typeof(CastKernel), "Cast"), false);
        foreach (var (t, r) in new[] {
            (typeof(float), typeof(SumReduce)), (typeof(double), typeof(SumReduce)), (typeof(long), typeof(SumReduce)),
            (typeof(float), typeof(ProdReduce)), (typeof(double), typeof(ProdReduce)), (typeof(long), typeof(ProdReduce)),
            (typeof(byte), typeof(ProdReduce)), (typeof(byte), typeof(MaxReduce)) })
        {
            yield return (M(typeof(ReduceKernels), "RowsPerThread", t, r), false);
            yield return (M(typeof(ReduceKernels), "RowsPerGroup", t, r), true);
        }
        foreach (var t in new[] { typeof(float), typeof(double), typeof(long) })
        {
            yield return (M(typeof(ReduceKernels), "ExtremePerThread", t), false);
            yield return (M(typeof(ReduceKernels), "ExtremePerGroup", t), true);
        }
        yield return (M(typeof(PhiloxKernel), "Float32"), false);
        yield return (M(typeof(PhiloxKernel), "Float64"), false);
        foreach (var (t, w) in new[] { (typeof(float), typeof(WideF32)), (typeof(double), typeof(WideF64)) })
            foreach (var name in new[] { "LayerNormRows", "LayerNormInputGrad", "LayerNormParamGrads", "Gelu", "GeluBackward" })
                yield return (M(typeof(NormalizationKernels), name, t, w), false);
    }

    /// <summary>
    /// Compiles <paramref name="kernels"/> (default: <see cref="Instantiations"/>) for an architecture
    /// (default sm_70 with PTX ISA 7.0; the H100 is sm_90) and reports each.
    /// </summary>
    public static List<Result> Run(IEnumerable<(MethodInfo Kernel, bool Grouped)>? kernels = null, CudaArchitecture? architecture = null, CudaInstructionSet? instructionSet = null, bool keepPtx = false)
    {
        var arch = architecture ?? CudaArchitecture.SM_70;
        var isa = instructionSet ?? CudaInstructionSet.ISA_70;
        using var ctx = Context.Create(b => b.Cuda().EnableAlgorithms().Optimize(OptimizationLevel.O2));
        using var backend = new PTXBackend(ctx, new CudaCapabilityContext(arch), arch, isa, null);
        var results = new List<Result>();
        foreach (var (kernel, grouped) in kernels ?? Instantiations())
        {
            string name = Describe(kernel);
            try
            {
                var entry = grouped ? EntryPointDescription.FromExplicitlyGroupedKernel(kernel) : EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
                var compiled = (PTXCompiledKernel)backend.Compile(entry, new KernelSpecialization());
                results.Add(new Result(name, compiled.PTXAssembly.Length, null, keepPtx ? compiled.PTXAssembly : null));
            }
            catch (Exception e)
            {
                results.Add(new Result(name, 0, e.GetBaseException().Message));
            }
        }
        return results;
    }

    public static string Describe(MethodInfo m) =>
        $"{m.DeclaringType!.Name}.{m.Name}" + (m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "");
}
