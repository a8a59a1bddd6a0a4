using Flint.Tests.OpInfo;

namespace Flint.Tests.Generic;

/// <summary>
/// Invariants every op in <see cref="OpTable"/> must keep, checked on the golden inputs:
/// elementwise ops do not care about memory layout, in-place ops equal their out-of-place
/// twins and return self, and an in-place op that fails leaves its operands untouched.
/// One test body per device: <see cref="OpInvariantTests"/> runs it on the CPU, and
/// tests/Flint.Cuda.Tests links this file to run it on cuda:0.
/// </summary>
public abstract class OpInvariantSuite
{
    /// <summary>The device the golden inputs are decoded onto (null: the CPU).</summary>
    protected abstract Device? Device { get; }

    public static TheoryData<string> ElementwiseOps()
    {
        var data = new TheoryData<string>();
        foreach (var (name, e) in OpTable.Ops)
            if (e.Elementwise && !e.InPlace) data.Add(name);
        return data;
    }

    public static TheoryData<string> InPlaceOps()
    {
        var data = new TheoryData<string>();
        foreach (var (name, e) in OpTable.Ops)
            if (e.InPlace && name != "index_put_") data.Add(name);
        return data;
    }

    private static IEnumerable<GoldenCase> CasesOf(string op, bool errors) =>
        GoldenCase.Cases.Where(c => c.Op == op && (c.Error is not null) == errors);

    /// <summary>The same values in a non-contiguous layout: transposed storage, or every other element of a wider buffer.</summary>
    private static Tensor Relayout(Tensor t, bool transposed)
    {
        if (t.dim() < 1 || t.numel() < 2) return t;
        Tensor v;
        if (transposed && t.dim() >= 2)
            v = t.transpose(0, 1).contiguous().transpose(0, 1);
        else
        {
            var wide = t.shape;
            wide[^1] *= 2;
            v = torch.zeros(wide, t.dtype, t.device)[TensorIndex.Ellipsis, TensorIndex.Slice(null, null, 2)];
            v.copy_(t);
        }
        return v;
    }

    [Theory]
    [MemberData(nameof(ElementwiseOps))]
    public void NonContiguousInputsGiveTheSameResult(string op)
    {
        var entry = OpTable.Ops[op];
        int checkedCases = 0;
        foreach (var c in CasesOf(op, errors: false))
        {
            var expected = (Tensor)entry.Run(c.Decode(Device))!;
            foreach (bool transposed in new[] { true, false })
            {
                var a = c.Decode(Device);
                var relaid = new OpArgs(
                    [.. Enumerable.Range(0, a.Count).Select(i => a[i] is Tensor t ? Relayout(t, transposed) : a[i])],
                    KeywordsOf(c));
                var actual = (Tensor)entry.Run(relaid)!;
                GoldenAssert.Tensors(expected, actual, Tolerance.Exact, $"{c.Label()} relaid out ({(transposed ? "transposed" : "strided")})");
                if (Enumerable.Range(0, relaid.Count).Any(i => relaid.IsTensor(i) && !relaid.T(i).is_contiguous())) checkedCases++;
            }
        }
        Assert.True(checkedCases > 0, $"no non-contiguous golden cases for {op}");
    }

    private static Dictionary<string, object?> KeywordsOf(GoldenCase c) => c.Kwargs.ToDictionary(kv => kv.Key, kv => GoldenCase.DecodeValue(kv.Value));

    [Theory]
    [MemberData(nameof(InPlaceOps))]
    public void InPlaceEqualsOutOfPlaceAndReturnsSelf(string op)
    {
        var inPlace = OpTable.Ops[op];
        var outOfPlace = OpTable.Ops[op.TrimEnd('_')];
        int checkedCases = 0;
        foreach (var c in CasesOf(op, errors: false))
        {
            var a = c.Decode(Device);
            var self = a.T(0);
            var storageBefore = self.Storage;
            var result = (Tensor)inPlace.Run(a)!;
            Assert.Same(self, result);
            Assert.Same(storageBefore, self.Storage);
            var expected = (Tensor)outOfPlace.Run(c.Decode(Device))!;
            // Out of place promotes (int tensor * 2.5 is float); in place casts back to self's dtype.
            GoldenAssert.Tensors(expected.to(self.dtype), self, Tolerance.Exact, c.Label());
            checkedCases++;
        }
        Assert.True(checkedCases > 0, $"no golden cases for {op}");
    }

    public static TheoryData<int, string> FailingInPlaceCases()
    {
        var data = new TheoryData<int, string>();
        foreach (var c in GoldenCase.Cases)
            if (c.Error is not null && OpTable.Ops[c.Op].InPlace) data.Add(c.Index, c.Label());
        return data;
    }

    [Theory]
    [MemberData(nameof(FailingInPlaceCases))]
    public void FailedInPlaceOpLeavesOperandsUnchanged(int index, string label)
    {
        var c = GoldenCase.Cases[index];
        var a = c.Decode(Device);
        var tensors = Enumerable.Range(0, a.Count).Where(a.IsTensor).Select(a.T).ToArray();
        var before = tensors.Select(t => t.clone()).ToArray();
        var versions = tensors.Select(t => t.Storage.Version).ToArray();
        var ex = Record.Exception(() => OpTable.Ops[c.Op].Run(a));
        Assert.NotNull(ex);
        GoldenAssert.PyTorchError(ex, c.Error!, label);
        for (int i = 0; i < tensors.Length; i++)
        {
            GoldenAssert.Tensors(before[i], tensors[i], Tolerance.Exact, $"{label}: operand {i} after the failed op");
            Assert.Equal(versions[i], tensors[i].Storage.Version);
        }
    }
}
