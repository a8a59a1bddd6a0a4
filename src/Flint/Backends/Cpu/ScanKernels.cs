using System.Numerics;

namespace Flint.Backends.Cpu;

/// <summary>Inclusive running sums and products along each row of a dense [rows, n] block.</summary>
internal static class ScanKernels
{
    public static void Scan<T>(T[] x, int rows, int n, T[] o, ScanKind kind, bool reverse) where T : struct, INumber<T>
    {
        bool sum = kind == ScanKind.Sum;
        for (int r = 0; r < rows; r++)
        {
            int start = r * n;
            T acc = sum ? T.Zero : T.One;
            for (int j = 0; j < n; j++)
            {
                int i = start + (reverse ? n - 1 - j : j);
                acc = sum ? acc + x[i] : acc * x[i];
                o[i] = acc;
            }
        }
    }
}
