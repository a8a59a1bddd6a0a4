using Flint.Tests.OpInfo;

namespace Flint.Tests.Generic;

/// <summary>
/// Runs every case of tests/golden/ops.json (PyTorch 1.13, tools/golden/gen_ops.py) through
/// <see cref="OpTable"/> and checks dtype, shape and values (with the op's
/// <see cref="Tolerance"/>), or that Flint throws an ArgumentException,
/// IndexOutOfRangeException or InvalidOperationException whose message contains PyTorch's.
/// </summary>
public class GoldenOpTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var c in GoldenCase.Cases) data.Add(c.Index, c.Label());
        return data;
    }

    [Fact]
    public void EveryGoldenOpIsInTheTable()
    {
        var missing = GoldenCase.Cases.Select(c => c.Op).Distinct().Where(op => !OpTable.Ops.ContainsKey(op)).ToArray();
        Assert.Empty(missing);
        Assert.True(GoldenCase.Cases.Length > 2000, "the golden file lost its cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(int index, string label)
    {
        var c = GoldenCase.Cases[index];
        var entry = OpTable.Ops[c.Op];
        if (c.Error is not null)
        {
            var ex = Record.Exception(() => entry.Run(c.Decode()));
            Assert.True(ex is not null, $"{label}: expected PyTorch's error \"{c.Error}\", but Flint returned a result");
            GoldenAssert.PyTorchError(ex!, c.Error, label);
            return;
        }
        var actual = entry.Run(c.Decode());
        GoldenAssert.Matches(c.Out!.Value, actual, entry.Tolerance, label);
    }
}
