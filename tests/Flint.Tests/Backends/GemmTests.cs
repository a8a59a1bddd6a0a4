using Flint.Backends.Cpu;

namespace Flint.Tests.Backends;

/// <summary>Checks the packed GEMM kernels against a naive triple loop over awkward shapes and layouts.</summary>
/// <remarks>Some checks set <see cref="Gemm"/>'s process-wide thread and threshold knobs, so the class runs alone.</remarks>
[Collection(GemmGlobalsCollection.Name)]
public class GemmTests
{
    /// <summary>How an operand is laid out in memory: row-major, transposed (column-major), or a general strided view.</summary>
    public enum Layout { RowMajor, Transposed, Strided }

    // Shapes chosen to hit: empty dims, a single element, sizes below/at/above the 6x16 and 6x8 micro-tiles,
    // odd remainders, and sizes crossing the KC=256, MC=96/144 and NC blocks.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 0, 0, 0 }, { 0, 5, 3 }, { 4, 0, 3 }, { 4, 5, 0 },
        { 1, 1, 1 }, { 1, 17, 1 }, { 6, 16, 8 }, { 7, 13, 5 }, { 5, 9, 7 },
        { 12, 32, 3 }, { 65, 33, 129 }, { 200, 300, 17 }, { 13, 1, 300 }, { 1, 37, 513 },
        { 145, 50, 257 }, { 97, 2050, 11 }, { 64, 100, 10 }, { 64, 10, 100 },
    };

    public static TheoryData<Layout, Layout> Layouts => new()
    {
        { Layout.RowMajor, Layout.RowMajor }, { Layout.RowMajor, Layout.Transposed },
        { Layout.Transposed, Layout.RowMajor }, { Layout.Transposed, Layout.Transposed },
        { Layout.Strided, Layout.Strided },
    };

    public static IEnumerable<TheoryDataRow<int, int, int, Layout, Layout>> ShapeLayouts()
    {
        foreach (var s in Shapes)
            foreach (var l in Layouts)
                yield return new(s.Data.Item1, s.Data.Item2, s.Data.Item3, l.Data.Item1, l.Data.Item2);
    }

    [Theory]
    [MemberData(nameof(ShapeLayouts))]
    public void Sgemm_MatchesNaive(int m, int n, int k, Layout la, Layout lb)
    {
        foreach (bool accumulate in new[] { false, true })
            CheckF32(m, n, k, la, lb, ldcExtra: 0, offset: 0, accumulate, seed: m * 31 + n * 7 + k);
    }

    [Theory]
    [MemberData(nameof(ShapeLayouts))]
    public void Dgemm_MatchesNaive(int m, int n, int k, Layout la, Layout lb)
    {
        foreach (bool accumulate in new[] { false, true })
            CheckF64(m, n, k, la, lb, ldcExtra: 0, offset: 0, accumulate, seed: m * 31 + n * 7 + k);
    }

    /// <summary>Which GEMM path a check pins (<see cref="Gemm.ForcePath"/>): the shape rule, packed, or unpacked.</summary>
    public enum PathChoice { Auto, Packed, Direct }

    // Around the unpacked path's edges: 6-row tiles and 12-row narrow tiles, one- and two-vector panels
    // (8/16 floats, 4/8 doubles), K blocks of 256, and the tutorial's shapes.
    public static TheoryData<int, int, int> DirectShapes => new()
    {
        { 1, 1, 1 }, { 5, 3, 2 }, { 6, 16, 7 }, { 7, 17, 9 }, { 11, 4, 33 }, { 12, 8, 64 }, { 13, 9, 65 },
        { 17, 15, 1 }, { 23, 24, 256 }, { 25, 31, 257 }, { 64, 100, 1000 }, { 64, 10, 100 }, { 100, 10, 64 },
        { 1000, 100, 64 }, { 64, 100, 10 }, { 30, 33, 513 },
    };

    public static IEnumerable<TheoryDataRow<int, int, int, Layout, Layout>> DirectShapeLayouts()
    {
        foreach (var s in DirectShapes)
            foreach (var l in Layouts)
                yield return new(s.Data.Item1, s.Data.Item2, s.Data.Item3, l.Data.Item1, l.Data.Item2);
    }

    [Theory]
    [MemberData(nameof(DirectShapeLayouts))]
    public void EachPath_MatchesNaive(int m, int n, int k, Layout la, Layout lb)
    {
        foreach (var path in new[] { PathChoice.Packed, PathChoice.Direct })
            foreach (bool accumulate in new[] { false, true })
            {
                WithPath(path, () =>
                {
                    CheckF32(m, n, k, la, lb, ldcExtra: 0, offset: 0, accumulate, seed: m * 13 + n * 5 + k);
                    CheckF64(m, n, k, la, lb, ldcExtra: 0, offset: 0, accumulate, seed: m * 13 + n * 5 + k);
                });
            }
    }

    [Theory]
    [MemberData(nameof(DirectShapeLayouts))]
    public void DirectAndPacked_AreBitIdentical(int m, int n, int k, Layout la, Layout lb)
    {
        // Same K blocking and per-element FMA order on both paths, so a shape rule change never changes results.
        var rng = new Random(m + 7 * n + 31 * k);
        (float[] af, int ars, int acs) = MakeOperand(rng, m, k, la, 0, RandomF32);
        (float[] bf, int brs, int bcs) = MakeOperand(rng, k, n, lb, 0, RandomF32);
        (double[] ad, _, _) = MakeOperand(rng, m, k, la, 0, RandomF64);
        (double[] bd, _, _) = MakeOperand(rng, k, n, lb, 0, RandomF64);
        foreach (bool accumulate in new[] { false, true })
        {
            float[] c0 = RandomF32(rng, m * n);
            double[] d0 = RandomF64(rng, m * n);
            float[] cp = (float[])c0.Clone(), cd = (float[])c0.Clone();
            double[] dp = (double[])d0.Clone(), dd = (double[])d0.Clone();
            WithPath(PathChoice.Packed, () =>
            {
                Gemm.Sgemm(m, n, k, af, ars, acs, bf, brs, bcs, cp, n, accumulate);
                Gemm.Dgemm(m, n, k, ad, ars, acs, bd, brs, bcs, dp, n, accumulate);
            });
            WithPath(PathChoice.Direct, () =>
            {
                Gemm.Sgemm(m, n, k, af, ars, acs, bf, brs, bcs, cd, n, accumulate);
                Gemm.Dgemm(m, n, k, ad, ars, acs, bd, brs, bcs, dd, n, accumulate);
            });
            Assert.True(cp.AsSpan().SequenceEqual(cd), $"float32 paths differ (accumulate={accumulate})");
            Assert.True(dp.AsSpan().SequenceEqual(dd), $"float64 paths differ (accumulate={accumulate})");
        }
    }

    [Theory]
    [InlineData(7, 13, 5, 3, 5)]
    [InlineData(65, 33, 129, 1, 1)]
    [InlineData(200, 300, 17, 7, 11)]
    [InlineData(100, 40, 300, 16, 2)]
    public void LeadingDimensionAndOffset(int m, int n, int k, int ldcExtra, int offset)
    {
        foreach (bool accumulate in new[] { false, true })
        {
            CheckF32(m, n, k, Layout.RowMajor, Layout.Transposed, ldcExtra, offset, accumulate, seed: 5);
            CheckF32(m, n, k, Layout.Transposed, Layout.RowMajor, ldcExtra, offset, accumulate, seed: 6);
            CheckF64(m, n, k, Layout.RowMajor, Layout.RowMajor, ldcExtra, offset, accumulate, seed: 7);
            CheckF64(m, n, k, Layout.Transposed, Layout.Transposed, ldcExtra, offset, accumulate, seed: 8);
        }
    }

    [Fact]
    public void KZero_ZeroesOrKeepsC()
    {
        var c = new float[] { 1, 2, 3, 4, 5, 6 };
        Gemm.Sgemm(2, 2, 0, [], 0, 0, [], 0, 0, c, 3, accumulate: true);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, c);
        Gemm.Sgemm(2, 2, 0, [], 0, 0, [], 0, 0, c, 3, accumulate: false);
        Assert.Equal(new float[] { 0, 0, 3, 0, 0, 6 }, c); // padding between rows (ldc > N) untouched
    }

    [Fact]
    public void ZeroStride_BroadcastsOperand()
    {
        // A has a zero row stride: every row of A is the same vector.
        var a = new double[] { 1, 2, 3 };
        var b = new double[] { 1, 0, 0, 1, 1, 1 }; // 3x2
        var c = new double[4 * 2];
        Gemm.Dgemm(4, 2, 3, a, 0, 1, b, 2, 1, c, 2, accumulate: false);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(4.0, c[i * 2]);
            Assert.Equal(5.0, c[i * 2 + 1]);
        }
    }

    [Fact]
    public void ShortSpans_Throw()
    {
        var a = new float[6]; var b = new float[6]; var c = new float[4];
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(2, 2, 3, a.AsSpan(1), 3, 1, b, 2, 1, c, 2, false));
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(2, 2, 3, a, 3, 1, b.AsSpan(1), 2, 1, c, 2, false));
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(2, 2, 3, a, 3, 1, b, 2, 1, c.AsSpan(1), 2, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(2, 2, 3, a, 3, 1, b, 2, 1, c, 1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(2, 2, 3, a, -3, 1, b, 2, 1, c, 2, false));
    }

    [Fact]
    public void LargeProblem_IsCorrectAndDeterministic()
    {
        const int m = 300, n = 400, k = 500;
        var rng = new Random(42);
        float[] a = RandomF32(rng, m * k), b = RandomF32(rng, k * n);
        var c1 = new float[m * n];
        var c2 = new float[m * n];
        Gemm.Sgemm(m, n, k, a, k, 1, b, n, 1, c1, n, accumulate: false);
        Gemm.Sgemm(m, n, k, a, k, 1, b, n, 1, c2, n, accumulate: false);
        Assert.True(c1.AsSpan().SequenceEqual(c2));

        double[] expected = Naive(m, n, k, i => a[i], k, 1, i => b[i], n, 1);
        AssertClose(expected, c1, n, m, n, 0, k);
    }

    [Theory]
    [InlineData(300, 400, 500, false, false)]
    [InlineData(1000, 100, 64, true, false)] // x.t().mm(grad): M-split candidate
    [InlineData(64, 1000, 100, false, true)] // grad.mm(w.t()) style: N-split candidate
    [InlineData(263, 77, 301, true, true)]
    [InlineData(64, 100, 1000, false, false)] // x.mm(w1): unpacked, column strips
    [InlineData(100, 10, 64, true, false)] // h.t().mm(g): unpacked, one panel so row strips
    [InlineData(1000, 8, 64, true, false)] // narrow 12-row tail kernel in row strips
    [InlineData(61, 9, 300, false, false)]
    public void ParallelAndSerial_AreBitIdentical(int m, int n, int k, bool ta, bool tb)
    {
        var rng = new Random(m + n + k);
        float[] af = RandomF32(rng, m * k), bf = RandomF32(rng, k * n);
        double[] ad = RandomF64(rng, m * k), bd = RandomF64(rng, k * n);
        int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;

        float[] serialF = new float[m * n], parallelF = new float[m * n];
        double[] serialD = new double[m * n], parallelD = new double[m * n];
        int savedThreads = Gemm.MaxThreads;
        long savedThreshold = Gemm.ParallelThreshold;
        try
        {
            Gemm.MaxThreads = 1;
            Gemm.Sgemm(m, n, k, af, ars, acs, bf, brs, bcs, serialF, n, false);
            Gemm.Dgemm(m, n, k, ad, ars, acs, bd, brs, bcs, serialD, n, false);
            Gemm.MaxThreads = 3; // odd worker count: strip boundaries differ from the 2-core split
            Gemm.ParallelThreshold = 1;
            Gemm.Sgemm(m, n, k, af, ars, acs, bf, brs, bcs, parallelF, n, false);
            Gemm.Dgemm(m, n, k, ad, ars, acs, bd, brs, bcs, parallelD, n, false);
        }
        finally
        {
            Gemm.MaxThreads = savedThreads;
            Gemm.ParallelThreshold = savedThreshold;
        }
        Assert.True(serialF.AsSpan().SequenceEqual(parallelF));
        Assert.True(serialD.AsSpan().SequenceEqual(parallelD));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PowerOfTwoLdc_MultipleKBlocks_MatchesNaive(bool accumulate)
    {
        // 4 KiB (float) / 8 KiB (double) rows of C and three K blocks: the kernels' accumulate epilogue,
        // which loads the whole C tile before storing it, runs on rows whose addresses alias mod 4 KiB.
        WithPath(PathChoice.Packed, () =>
        {
            CheckF32(13, 40, 600, Layout.RowMajor, Layout.RowMajor, ldcExtra: 1024 - 40, offset: 0, accumulate, seed: 5);
            CheckF64(13, 40, 600, Layout.RowMajor, Layout.RowMajor, ldcExtra: 1024 - 40, offset: 0, accumulate, seed: 6);
        });
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Square128_SplitsOverTwoThreadsByDefault_BitIdenticalToSerial(bool ta, bool tb)
    {
        const int n = 128;
        var rng = new Random(128);
        float[] a = RandomF32(rng, n * n), b = RandomF32(rng, n * n);
        int ars = ta ? 1 : n, acs = ta ? n : 1, brs = tb ? 1 : n, bcs = tb ? n : 1;
        float[] serial = new float[n * n], parallel = new float[n * n];
        int savedThreads = Gemm.MaxThreads;
        try
        {
            Gemm.MaxThreads = 1;
            Gemm.Sgemm(n, n, n, a, ars, acs, b, brs, bcs, serial, n, false);
            Gemm.MaxThreads = 2;
            Assert.Equal(2, Gemm.ThreadCount((long)n * n * n)); // default threshold: 128^3 is worth a second core
            Gemm.Sgemm(n, n, n, a, ars, acs, b, brs, bcs, parallel, n, false);
        }
        finally
        {
            Gemm.MaxThreads = savedThreads;
        }
        Assert.True(serial.AsSpan().SequenceEqual(parallel));
        AssertClose(Naive(n, n, n, i => a[i], ars, acs, i => b[i], brs, bcs), serial, n, n, n, 0, n);
    }

    private static void WithPath(PathChoice path, Action body)
    {
        int saved = Gemm.ForcePath;
        Gemm.ForcePath = path switch { PathChoice.Packed => -1, PathChoice.Direct => 1, _ => 0 };
        try
        {
            body();
        }
        finally
        {
            Gemm.ForcePath = saved;
        }
    }

    private static void CheckF32(int m, int n, int k, Layout la, Layout lb, int ldcExtra, int offset, bool accumulate, int seed)
    {
        var rng = new Random(seed);
        (float[] a, int ars, int acs) = MakeOperand(rng, m, k, la, offset, RandomF32);
        (float[] b, int brs, int bcs) = MakeOperand(rng, k, n, lb, offset, RandomF32);
        int ldc = n + ldcExtra;
        float[] c = RandomF32(rng, offset + Math.Max(0, (m - 1) * ldc + n) + 3);
        float[] c0 = (float[])c.Clone();

        Gemm.Sgemm(m, n, k, a.AsSpan(offset), ars, acs, b.AsSpan(offset), brs, bcs, c.AsSpan(offset), ldc, accumulate);

        double[] expected = Naive(m, n, k, i => a[offset + i], ars, acs, i => b[offset + i], brs, bcs);
        if (accumulate)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    expected[i * n + j] += c0[offset + i * ldc + j];
        AssertClose(expected, c, n, m, n, offset, k, ldc);
        AssertUntouchedOutsideC(c0, c, m, n, ldc, offset);
    }

    private static void CheckF64(int m, int n, int k, Layout la, Layout lb, int ldcExtra, int offset, bool accumulate, int seed)
    {
        var rng = new Random(seed);
        (double[] a, int ars, int acs) = MakeOperand(rng, m, k, la, offset, RandomF64);
        (double[] b, int brs, int bcs) = MakeOperand(rng, k, n, lb, offset, RandomF64);
        int ldc = n + ldcExtra;
        double[] c = RandomF64(rng, offset + Math.Max(0, (m - 1) * ldc + n) + 3);
        double[] c0 = (double[])c.Clone();

        Gemm.Dgemm(m, n, k, a.AsSpan(offset), ars, acs, b.AsSpan(offset), brs, bcs, c.AsSpan(offset), ldc, accumulate);

        double[] expected = Naive(m, n, k, i => a[offset + i], ars, acs, i => b[offset + i], brs, bcs);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double want = expected[i * n + j] + (accumulate ? c0[offset + i * ldc + j] : 0);
                double got = c[offset + i * ldc + j];
                Assert.True(Math.Abs(want - got) <= 1e-12 * Math.Max(1, Math.Abs(want)) * Math.Max(1, k),
                            $"C[{i},{j}] = {got}, expected {want} (M={m} N={n} K={k})");
            }
        }
        AssertUntouchedOutsideC(c0, c, m, n, ldc, offset);
    }

    /// <summary>Builds an r x c operand in the given layout, preceded by <paramref name="offset"/> junk elements.</summary>
    private static (T[] Data, int RowStride, int ColStride) MakeOperand<T>(Random rng, int rows, int cols, Layout layout, int offset,
                                                                           Func<Random, int, T[]> fill)
    {
        (int rs, int cs, int span) = layout switch
        {
            Layout.RowMajor => (cols, 1, rows * cols),
            Layout.Transposed => (1, rows, rows * cols),
            // Neither stride is 1, with a gap between rows: exercises the general gather paths.
            _ => (2 * cols + 3, 2, Math.Max(0, (rows - 1) * (2 * cols + 3) + 2 * (cols - 1) + 1)),
        };
        return (fill(rng, offset + span + 1), rs, cs);
    }

    private static double[] Naive(int m, int n, int k, Func<int, double> a, int ars, int acs, Func<int, double> b, int brs, int bcs)
    {
        var r = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += a(i * ars + p * acs) * b(p * brs + j * bcs);
                r[i * n + j] = s;
            }
        return r;
    }

    private static void AssertClose(double[] expected, float[] c, int n, int m, int nCols, int offset, int k, int ldc = -1)
    {
        if (ldc < 0) ldc = n;
        double tol = 1e-5 * Math.Sqrt(Math.Max(1, k));
        for (int i = 0; i < m; i++)
            for (int j = 0; j < nCols; j++)
            {
                double want = expected[i * n + j];
                double got = c[offset + i * ldc + j];
                Assert.True(Math.Abs(want - got) <= tol * Math.Max(1, Math.Abs(want)),
                            $"C[{i},{j}] = {got}, expected {want} (M={m} N={n} K={k})");
            }
    }

    private static void AssertUntouchedOutsideC<T>(T[] before, T[] after, int m, int n, int ldc, int offset)
    {
        for (int idx = 0; idx < after.Length; idx++)
        {
            int rel = idx - offset;
            bool inside = rel >= 0 && m > 0 && n > 0 && rel / ldc < m && rel % ldc < n;
            if (!inside)
                Assert.True(EqualityComparer<T>.Default.Equals(before[idx], after[idx]), $"element {idx} outside C was modified");
        }
    }

    private static float[] RandomF32(Random rng, int length)
    {
        var r = new float[length];
        for (int i = 0; i < r.Length; i++) r[i] = (float)(rng.NextDouble() * 2 - 1);
        return r;
    }

    private static double[] RandomF64(Random rng, int length)
    {
        var r = new double[length];
        for (int i = 0; i < r.Length; i++) r[i] = rng.NextDouble() * 2 - 1;
        return r;
    }
}

/// <summary>Tests that change <see cref="Gemm"/>'s static knobs run with no other test in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GemmGlobalsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Gemm globals";
}
