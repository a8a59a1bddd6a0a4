using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Flint;

/// <summary>
/// Bit-exact scalar emulation of the single-precision <c>log256_ps</c> and <c>sincos256_ps</c> from PyTorch's
/// <c>aten/src/ATen/native/cpu/avx_mathfun.h</c> (Cephes polynomials, after Julien Pommier's sse_mathfun),
/// <b>as compiled</b> into PyTorch 1.13's AVX2 kernels, which is what <c>normal_fill_AVX2</c> uses for
/// float32 <c>randn</c>/<c>normal_</c>.
/// </summary>
/// <remarks>
/// PyTorch's AVX2 kernels are built by GCC with <c>-mavx2 -mfma</c> and the default <c>-ffp-contract=fast</c>,
/// so many <c>_mm256_mul_ps</c>/<c>_mm256_add_ps</c> pairs of the source were fused into FMAs. The fusions below
/// were read off the disassembly of Debian's <c>libtorch_cpu.so.1.13.0</c> (both inlined copies of
/// <c>normal_fill_16_AVX2</c> agree) and confirmed against <c>torch.randn</c>; each lane is computed with
/// IEEE single-precision operations and <see cref="MathF.FusedMultiplyAdd"/>, so the result is the same on
/// every platform .NET runs on. Where AVX2 and FMA are available the same operation sequence runs on
/// <see cref="Vector256{T}"/> (eight lanes at once, identical bits).
/// </remarks>
internal static class AvxMathFun
{
    private const float One = 1.0f;
    private const float PointFive = 0.5f;
    private const float CephesSqrtHf = 0.707106781186547524f;
    private const float LogP0 = 7.0376836292E-2f;
    private const float LogP1 = -1.1514610310E-1f;
    private const float LogP2 = 1.1676998740E-1f;
    private const float LogP3 = -1.2420140846E-1f;
    private const float LogP4 = +1.4249322787E-1f;
    private const float LogP5 = -1.6668057665E-1f;
    private const float LogP6 = +2.0000714765E-1f;
    private const float LogP7 = -2.4999993993E-1f;
    private const float LogP8 = +3.3333331174E-1f;
    private const float LogQ1 = -2.12194440e-4f;
    private const float LogQ2 = 0.693359375f;

    private const float MinusDp1 = -0.78515625f;
    private const float MinusDp2 = -2.4187564849853515625e-4f;
    private const float MinusDp3 = -3.77489497744594108e-8f;
    private const float SincofP0 = -1.9515295891E-4f;
    private const float SincofP1 = 8.3321608736E-3f;
    private const float SincofP2 = -1.6666654611E-1f;
    private const float CoscofP0 = 2.443315711809948E-005f;
    private const float CoscofP1 = -1.388731625493765E-003f;
    private const float CoscofP2 = 4.166664568298827E-002f;
    private const float Fopi = 1.27323954473516f; // 4 / pi

    private static float Bits(int b) => BitConverter.Int32BitsToSingle(b);

    private static int Bits(float f) => BitConverter.SingleToInt32Bits(f);

    /// <summary><c>log256_ps</c> for one lane (NaN for x &lt;= 0).</summary>
    public static float Log(float x)
    {
        bool invalid = x <= 0f;                                   // _CMP_LE_OS
        x = MaxPs(x, Bits(0x00800000));                           // cut off denormals
        int imm0 = (int)((uint)Bits(x) >> 23);
        x = Bits((Bits(x) & ~0x7f800000) | Bits(PointFive));           // keep the mantissa, exponent of 0.5
        imm0 -= 0x7f;
        float e = imm0;
        e += One;
        bool mask = x < CephesSqrtHf;                             // _CMP_LT_OS
        float tmp = mask ? x : 0f;
        x += -One;                                                // x - 1 (compiled as x + (-1))
        e -= mask ? One : 0f;
        x = tmp + x;
        float z = x * x;
        float y = LogP0;
        y = MathF.FusedMultiplyAdd(y, x, LogP1);
        y = MathF.FusedMultiplyAdd(y, x, LogP2);
        y = MathF.FusedMultiplyAdd(y, x, LogP3);
        y = MathF.FusedMultiplyAdd(y, x, LogP4);
        y = MathF.FusedMultiplyAdd(y, x, LogP5);
        y = MathF.FusedMultiplyAdd(y, x, LogP6);
        y = MathF.FusedMultiplyAdd(y, x, LogP7);
        y = MathF.FusedMultiplyAdd(y, x, LogP8);
        y *= x;
        y = MathF.FusedMultiplyAdd(y, z, e * LogQ1);              // y*z + e*q1, e*q1 rounded first
        y = MathF.FusedMultiplyAdd(-z, PointFive, y);                  // y - z*0.5 (vfnmadd)
        x += y;
        x = MathF.FusedMultiplyAdd(e, LogQ2, x);                  // x + e*q2
        return invalid ? Bits(Bits(x) | unchecked((int)0xffffffff)) : x;
    }

    /// <summary><c>sincos256_ps</c> for one lane.</summary>
    public static void SinCos(float x, out float sin, out float cos)
    {
        int signBitSin = Bits(x) & unchecked((int)0x80000000);
        x = Bits(Bits(x) & 0x7fffffff);
        float y = x * Fopi;
        int imm2 = CvttPs(y);
        imm2 = (imm2 + 1) & ~1;
        y = imm2;
        int imm4 = imm2;
        int swapSignBitSin = (imm2 & 4) << 29;
        bool polyMask = (imm2 & 2) == 0;

        // Extended precision modular arithmetic, each step one FMA in the compiled code.
        x = MathF.FusedMultiplyAdd(y, MinusDp1, x);
        x = MathF.FusedMultiplyAdd(y, MinusDp2, x);
        x = MathF.FusedMultiplyAdd(y, MinusDp3, x);

        imm4 -= 2;
        imm4 = ~imm4 & 4;
        int signBitCos = imm4 << 29;
        signBitSin ^= swapSignBitSin;

        float z = x * x;
        // cosine polynomial
        float yc = MathF.FusedMultiplyAdd(CoscofP0, z, CoscofP1);
        yc = MathF.FusedMultiplyAdd(yc, z, CoscofP2);
        float halfZ = z * PointFive;
        yc = MathF.FusedMultiplyAdd(z * yc, z, -halfZ);           // (y*z)*z - z*0.5 (vfmsub)
        yc += One;
        // sine polynomial
        float ys = MathF.FusedMultiplyAdd(SincofP0, z, SincofP1);
        ys = MathF.FusedMultiplyAdd(ys, z, SincofP2);
        ys = MathF.FusedMultiplyAdd(z * ys, x, x);                // (y2*z)*x + x

        // select the correct result from the two polynomials (literally, to keep signed zeros right)
        float ysin2 = polyMask ? ys : 0f;
        float ysin1 = polyMask ? 0f : yc;
        float y2 = ys - ysin2;
        float y1 = yc - ysin1;
        float s = ysin1 + ysin2;
        float c = y1 + y2;
        sin = Bits(Bits(s) ^ signBitSin);
        cos = Bits(Bits(c) ^ signBitCos);
    }

    /// <summary>
    /// <c>normal_fill_16_AVX2</c>: Box-Muller on 16 uniforms in <c>[0, 1)</c>, lanes <c>j</c> and <c>j + 8</c> paired.
    /// </summary>
    public static void NormalFill16(Span<float> data, float mean, float std)
    {
        if (Avx2.IsSupported && Fma.IsSupported)
            NormalFill16Vector(data, mean, std);
        else
            NormalFill16Scalar(data, mean, std);
    }

    /// <summary>Lane-by-lane version of <see cref="NormalFill16"/> (portable reference).</summary>
    internal static void NormalFill16Scalar(Span<float> data, float mean, float std)
    {
        data = data[..16];
        for (int j = 0; j < 8; j++)
        {
            float u1 = One - data[j];
            float u2 = data[j + 8];
            float radius = MathF.Sqrt(-2.0f * Log(u1));
            float theta = TwoPi * u2;
            SinCos(theta, out float sinTheta, out float cosTheta);
            data[j] = MathF.FusedMultiplyAdd(radius * cosTheta, std, mean);
            data[j + 8] = MathF.FusedMultiplyAdd(radius * sinTheta, std, mean);
        }
    }

    private const float TwoPi = (float)(2.0 * Math.PI);

    /// <summary>AVX2+FMA version of <see cref="NormalFill16"/>: the compiled PyTorch instruction sequence.</summary>
    internal static void NormalFill16Vector(Span<float> data, float mean, float std)
    {
        if (!(Avx2.IsSupported && Fma.IsSupported))
            throw new PlatformNotSupportedException();
        data = data[..16];
        ref float d = ref MemoryMarshal.GetReference(data);
        Vector256<float> u1 = Vector256.Create(One) - Vector256.LoadUnsafe(ref d);
        Vector256<float> theta = Vector256.Create(TwoPi) * Vector256.LoadUnsafe(ref d, 8);
        Vector256<float> radius = Avx.Sqrt(Vector256.Create(-2.0f) * Log(u1));
        SinCos(theta, out Vector256<float> sinTheta, out Vector256<float> cosTheta);
        Vector256<float> m = Vector256.Create(mean), s = Vector256.Create(std);
        Fma.MultiplyAdd(radius * cosTheta, s, m).StoreUnsafe(ref d);
        Fma.MultiplyAdd(radius * sinTheta, s, m).StoreUnsafe(ref d, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Log(Vector256<float> x)
    {
        Vector256<float> one = Vector256.Create(One);
        Vector256<float> invalid = Avx.Compare(x, Vector256<float>.Zero, FloatComparisonMode.OrderedLessThanOrEqualSignaling);
        x = Avx.Max(x, Vector256.Create(0x00800000).AsSingle());
        Vector256<int> imm0 = Avx2.ShiftRightLogical(x.AsInt32(), 23);
        x = Avx.Or(Avx.And(x, Vector256.Create(~0x7f800000).AsSingle()), Vector256.Create(PointFive));
        imm0 = Avx2.Subtract(imm0, Vector256.Create(0x7f));
        Vector256<float> e = Avx.ConvertToVector256Single(imm0) + one;
        Vector256<float> mask = Avx.Compare(x, Vector256.Create(CephesSqrtHf), FloatComparisonMode.OrderedLessThanSignaling);
        Vector256<float> tmp = Avx.And(x, mask);
        x += Vector256.Create(-One);
        e -= Avx.And(one, mask);
        x = tmp + x;
        Vector256<float> z = x * x;
        Vector256<float> y = Vector256.Create(LogP0);
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP1));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP2));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP3));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP4));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP5));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP6));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP7));
        y = Fma.MultiplyAdd(y, x, Vector256.Create(LogP8));
        y *= x;
        y = Fma.MultiplyAdd(y, z, e * Vector256.Create(LogQ1));
        y = Fma.MultiplyAddNegated(z, Vector256.Create(PointFive), y);
        x += y;
        x = Fma.MultiplyAdd(e, Vector256.Create(LogQ2), x);
        return Avx.Or(x, invalid);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SinCos(Vector256<float> x, out Vector256<float> sin, out Vector256<float> cos)
    {
        Vector256<float> signBitSin = Avx.And(x, Vector256.Create(unchecked((int)0x80000000)).AsSingle());
        x = Avx.And(x, Vector256.Create(0x7fffffff).AsSingle());
        Vector256<int> imm2 = Avx.ConvertToVector256Int32WithTruncation(x * Vector256.Create(Fopi));
        imm2 = Avx2.And(Avx2.Add(imm2, Vector256.Create(1)), Vector256.Create(~1));
        Vector256<float> y = Avx.ConvertToVector256Single(imm2);
        Vector256<int> four = Vector256.Create(4);
        Vector256<int> swapSignBitSin = Avx2.ShiftLeftLogical(Avx2.And(imm2, four), 29);
        Vector256<float> polyMask = Avx2.CompareEqual(Avx2.And(imm2, Vector256.Create(2)), Vector256<int>.Zero).AsSingle();
        x = Fma.MultiplyAdd(y, Vector256.Create(MinusDp1), x);
        x = Fma.MultiplyAdd(y, Vector256.Create(MinusDp2), x);
        x = Fma.MultiplyAdd(y, Vector256.Create(MinusDp3), x);
        Vector256<int> imm4 = Avx2.AndNot(Avx2.Subtract(imm2, Vector256.Create(2)), four);
        Vector256<float> signBitCos = Avx2.ShiftLeftLogical(imm4, 29).AsSingle();
        signBitSin = Avx.Xor(signBitSin, swapSignBitSin.AsSingle());

        Vector256<float> z = x * x;
        Vector256<float> yc = Fma.MultiplyAdd(Vector256.Create(CoscofP0), z, Vector256.Create(CoscofP1));
        yc = Fma.MultiplyAdd(yc, z, Vector256.Create(CoscofP2));
        yc = Fma.MultiplySubtract(z * yc, z, z * Vector256.Create(PointFive));
        yc += Vector256.Create(One);
        Vector256<float> ys = Fma.MultiplyAdd(Vector256.Create(SincofP0), z, Vector256.Create(SincofP1));
        ys = Fma.MultiplyAdd(ys, z, Vector256.Create(SincofP2));
        ys = Fma.MultiplyAdd(z * ys, x, x);

        Vector256<float> ysin2 = Avx.And(polyMask, ys);
        Vector256<float> ysin1 = Avx.AndNot(polyMask, yc);
        Vector256<float> y2 = ys - ysin2;
        Vector256<float> y1 = yc - ysin1;
        sin = Avx.Xor(ysin1 + ysin2, signBitSin);
        cos = Avx.Xor(y1 + y2, signBitCos);
    }

    // vmaxps(a, b): returns b when either is NaN or both are zero.
    private static float MaxPs(float a, float b) => a > b ? a : b;

    // vcvttps2dq: truncation, 0x80000000 for NaN/out of range.
    private static int CvttPs(float v) =>
        v is >= -2147483648f and < 2147483648f ? (int)v : int.MinValue;
}
