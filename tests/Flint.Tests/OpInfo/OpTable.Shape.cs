namespace Flint.Tests.OpInfo;

// The everyday shape and index ops of issue 15 (tools/golden/gen_ops_shape.py → tests/golden/ops-shape.json).
public static partial class OpTable
{
    private static long? KwLOpt(OpArgs a, string name) => a.Has(name) ? a.KwS(name).I : null;

    private static string Str(OpArgs a, int i) => (string)a[i]!;

    /// <summary>A list of tensors (an empty Python list decodes as empty ints).</summary>
    private static Tensor[] List(OpArgs a, int i) => a.IsInts(i) ? [] : a.Ts(i);

    /// <summary>A Python int or a tuple of ints as an array.</summary>
    private static long[] IntOrInts(OpArgs a, int i) => a.IsInts(i) ? a.Ints(i) : [a.L(i)];

    /// <summary>A value argument: an int (C# long), a float (C# double) or a 0-D tensor.</summary>
    private static Tensor IndexFill(Tensor x, long dim, Tensor index, OpArgs a, int i, bool inPlace) =>
        a.IsTensor(i) ? (inPlace ? x.index_fill_(dim, index, a.T(i)) : x.index_fill(dim, index, a.T(i)))
        : a.IsInt(i) ? (inPlace ? x.index_fill_(dim, index, a.L(i)) : x.index_fill(dim, index, a.L(i)))
        : inPlace ? x.index_fill_(dim, index, a.D(i)) : x.index_fill(dim, index, a.D(i));

    private static readonly Dictionary<string, Entry> ShapeIndexOps = new()
    {
        ["flip"] = new(a => a.T(0).flip(a.Ints(1))),
        ["fliplr"] = new(a => torch.fliplr(a.T(0))),
        ["flipud"] = new(a => a.T(0).flipud()),
        ["roll"] = new(a => a.Count == 2
            ? (a.IsInts(1) ? a.T(0).roll(a.Ints(1)) : torch.roll(a.T(0), a.L(1)))
            : a.IsInts(1) ? torch.roll(a.T(0), a.Ints(1), a.Ints(2)) : a.T(0).roll(a.L(1), a.L(2))),
        ["rot90"] = new(a => a.T(0).rot90(a.L(1), (a.Ints(2)[0], a.Ints(2)[1]))),
        ["diag"] = new(a => a.Count == 1 ? a.T(0).diag() : torch.diag(a.T(0), a.L(1))),
        ["diag_embed"] = new(a => torch.diag_embed(a.T(0), KwL(a, "offset", 0), KwL(a, "dim1", -2), KwL(a, "dim2", -1))),
        ["diagonal"] = new(a => a.T(0).diagonal(KwL(a, "offset", 0), KwL(a, "dim1", 0), KwL(a, "dim2", 1))),
        ["trace"] = new(a => a.T(0).trace(), Tolerance.Reduction),
        ["meshgrid"] = new(a => torch.meshgrid(a.Ts(0), a.Kw("indexing") as string ?? "ij")),
        ["cartesian_prod"] = new(a => torch.cartesian_prod(a.Ts(0))),
        ["broadcast_to"] = new(a => a.T(0).broadcast_to(a.Ints(1))),
        ["broadcast_tensors"] = new(a => torch.broadcast_tensors(a.Ts(0))),
        ["movedim"] = new(a => a.IsInts(1) ? a.T(0).movedim(a.Ints(1), a.Ints(2)) : torch.movedim(a.T(0), a.L(1), a.L(2))),
        ["moveaxis"] = new(a => a.IsInts(1) ? torch.moveaxis(a.T(0), a.Ints(1), a.Ints(2)) : a.T(0).moveaxis(a.L(1), a.L(2))),
        ["swapaxes"] = new(a => torch.swapaxes(a.T(0), a.L(1), a.L(2))),
        ["swapdims"] = new(a => a.T(0).swapdims(a.L(1), a.L(2))),
        ["tensor_split"] = new(a => a.IsTensor(1) ? a.T(0).tensor_split(a.T(1).cpu(), KwL(a, "dim", 0)) // PyTorch takes the sections tensor on the CPU only
            : a.IsInts(1) ? torch.tensor_split(a.T(0), a.Ints(1), KwL(a, "dim", 0)) : a.T(0).tensor_split(a.L(1), KwL(a, "dim", 0))),
        ["hsplit"] = new(a => a.IsInts(1) ? torch.hsplit(a.T(0), a.Ints(1)) : a.T(0).hsplit(a.L(1))),
        ["vsplit"] = new(a => a.IsInts(1) ? a.T(0).vsplit(a.Ints(1)) : torch.vsplit(a.T(0), a.L(1))),
        ["dsplit"] = new(a => a.IsInts(1) ? torch.dsplit(a.T(0), a.Ints(1)) : a.T(0).dsplit(a.L(1))),
        ["hstack"] = new(a => torch.hstack(List(a, 0))),
        ["vstack"] = new(a => torch.vstack(List(a, 0))),
        ["dstack"] = new(a => torch.dstack(List(a, 0))),
        ["column_stack"] = new(a => torch.column_stack(List(a, 0))),
        ["take_along_dim"] = new(a => KwLOpt(a, "dim") is { } d ? a.T(0).take_along_dim(a.T(1), d) : torch.take_along_dim(a.T(0), a.T(1))),
        ["index_copy"] = new(a => a.T(0).index_copy(a.L(1), a.T(2), a.T(3))),
        ["index_copy_"] = new(a => a.T(0).index_copy_(a.L(1), a.T(2), a.T(3)), InPlace: true),
        ["index_fill"] = new(a => IndexFill(a.T(0), a.L(1), a.T(2), a, 3, inPlace: false)),
        ["index_fill_"] = new(a => IndexFill(a.T(0), a.L(1), a.T(2), a, 3, inPlace: true), InPlace: true),
        ["index_add"] = new(a => a.Has("alpha") ? a.T(0).index_add(a.L(1), a.T(2), a.T(3), a.KwS("alpha").Value) : torch.index_add(a.T(0), a.L(1), a.T(2), a.T(3)), Tolerance.Reduction),
        ["index_add_"] = new(a => a.T(0).index_add_(a.L(1), a.T(2), a.T(3), a.KwD("alpha") ?? 1), Tolerance.Reduction, InPlace: true),
        ["index_reduce"] = new(a => a.T(0).index_reduce(a.L(1), a.T(2), a.T(3), Str(a, 4), KwB(a, "include_self", true)), Tolerance.Reduction),
        ["index_reduce_"] = new(a => a.T(0).index_reduce_(a.L(1), a.T(2), a.T(3), Str(a, 4), KwB(a, "include_self", true)), Tolerance.Reduction, InPlace: true),
        ["scatter_reduce"] = new(a => torch.scatter_reduce(a.T(0), a.L(1), a.T(2), a.T(3), Str(a, 4), KwB(a, "include_self", true)), Tolerance.Reduction),
        ["scatter_reduce_"] = new(a => a.T(0).scatter_reduce_(a.L(1), a.T(2), a.T(3), Str(a, 4), KwB(a, "include_self", true)), Tolerance.Reduction, InPlace: true),
        ["masked_scatter"] = new(a => a.T(0).masked_scatter(a.T(1), a.T(2))),
        ["masked_scatter_"] = new(a => a.T(0).masked_scatter_(a.T(1), a.T(2)), InPlace: true),
        ["nonzero_tuple"] = new(a => a.T(0).nonzero_as_list()),
        ["argwhere"] = new(a => torch.argwhere(a.T(0))),
        ["count_nonzero"] = new(a => a.Count == 1 ? torch.count_nonzero(a.T(0)) : a.IsInts(1) ? a.T(0).count_nonzero(a.Ints(1)) : torch.count_nonzero(a.T(0), a.L(1))),
    };
}
