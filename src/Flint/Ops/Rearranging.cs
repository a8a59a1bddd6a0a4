namespace Flint.Ops;

/// <summary>
/// Rearranging ops: flip/fliplr/flipud, roll, rot90, movedim, broadcast_to/broadcast_tensors, meshgrid,
/// cartesian_prod. flip and roll are copies (as in PyTorch): the source position of every output element
/// is computed on the host per dim and one Take runs on the tensor's device; the rest are views or
/// compositions of recorded ops. Checks use PyTorch 1.13's wording.
/// </summary>
internal static class Rearranging
{
    /// <summary>
    /// A contiguous copy whose element at (i0, i1, ...) is self's element at (maps[0][i0], maps[1][i1], ...):
    /// the offsets are summed per dim on the host (one add per element), then one Take on the device.
    /// </summary>
    internal static Tensor Remap(this Tensor self, long[][] maps)
    {
        var shape = maps.Select(m => (long)m.Length).ToArray();
        var r = Tensor.Empty(shape, self.dtype, self.device, clear: false);
        long n = r.numel();
        if (n == 0) return r;
        var offsets = new long[n];
        int rank = shape.Length;
        if (rank == 0) offsets[0] = self.Offset;
        else
        {
            var contrib = new long[rank][];
            for (int d = 0; d < rank; d++)
            {
                contrib[d] = new long[shape[d]];
                for (long i = 0; i < shape[d]; i++) contrib[d][i] = maps[d][i] * self.Strides[d];
            }
            var inner = contrib[rank - 1];
            var counter = new long[rank];
            long baseOff = self.Offset;
            for (int d = 0; d < rank - 1; d++) baseOff += contrib[d][0];
            long k = 0;
            for (long o = 0, outer = n / inner.Length; o < outer; o++)
            {
                for (int j = 0; j < inner.Length; j++) offsets[k++] = baseOff + inner[j];
                for (int d = rank - 2; d >= 0; d--)
                {
                    baseOff -= contrib[d][counter[d]];
                    if (++counter[d] < shape[d]) { baseOff += contrib[d][counter[d]]; break; }
                    counter[d] = 0;
                    baseOff += contrib[d][0];
                }
            }
        }
        Dispatcher.Take(self, offsets, r);
        return r;
    }

    private static long[] Identity(long n)
    {
        var m = new long[n];
        for (long i = 0; i < n; i++) m[i] = i;
        return m;
    }

    /// <summary>Wraps dims against the rank, refusing repeats with PyTorch's wording.</summary>
    internal static bool[] DimSet(long[] dims, int rank)
    {
        var set = new bool[Math.Max(rank, 1)];
        foreach (var dim in dims)
        {
            int d = Shapes.WrapDim(dim, rank);
            if (set[d]) throw new ArgumentException($"dim {d} appears multiple times in the list of dims");
            set[d] = true;
        }
        return set;
    }

    /// <summary>A copy with the order of elements reversed along each of <paramref name="dims"/>.</summary>
    public static Tensor Flip(this Tensor self, long[] dims)
    {
        self.ThrowIfDisposed();
        var flip = DimSet(dims, self.Shape.Length);
        var maps = new long[self.Shape.Length][];
        for (int d = 0; d < maps.Length; d++)
        {
            long n = self.Shape[d];
            maps[d] = Identity(n);
            if (flip[d]) Array.Reverse(maps[d]);
        }
        var r = self.Remap(maps);
        var flipped = (long[])dims.Clone();
        return Recorder.Record(r, "FlipBackward0", [self], [], (g, _) => [g.flip(flipped)]);
    }

    /// <summary>flip(1): left and right swapped.</summary>
    public static Tensor FlipLR(this Tensor self) =>
        self.Shape.Length < 2 ? throw new ArgumentException("Input must be >= 2-d.") : self.Flip([1]);

    /// <summary>flip(0): up and down swapped.</summary>
    public static Tensor FlipUD(this Tensor self) =>
        self.Shape.Length < 1 ? throw new ArgumentException("Input must be >= 1-d.") : self.Flip([0]);

    /// <summary>
    /// Rolls the elements along <paramref name="dims"/> by <paramref name="shifts"/> (wrapping around); with no
    /// dims the flattened tensor rolls and is restored to its shape.
    /// </summary>
    public static Tensor Roll(this Tensor self, long[] shifts, long[] dims)
    {
        self.ThrowIfDisposed();
        if (shifts.Length == 0) throw new ArgumentException("`shifts` required");
        if (dims.Length == 0 && shifts.Length == 1)
        {
            var flat = self.flatten();
            Tensor rolled;
            using (torch.no_grad()) rolled = flat.Roll(shifts, [0]).view(self.Shape);
            var s0 = shifts;
            return Recorder.Record(rolled, "RollBackward0", [self], [], (g, _) => [g.roll(s0.Select(s => -s).ToArray())]);
        }
        if (shifts.Length != dims.Length)
            throw new ArgumentException($"shifts and dimensions must align. shifts: {shifts.Length}, dims:{dims.Length}");
        int rank = self.Shape.Length;
        var total = new long[Math.Max(rank, 1)];
        for (int i = 0; i < dims.Length; i++) total[Shapes.WrapDim(dims[i], rank)] += shifts[i];
        var maps = new long[rank][];
        for (int d = 0; d < rank; d++)
        {
            long n = self.Shape[d];
            maps[d] = new long[n];
            long s = n == 0 ? 0 : ((total[d] % n) + n) % n;
            for (long i = 0; i < n; i++) maps[d][i] = (i - s + n) % n;
        }
        var r = self.Remap(maps);
        var back = shifts.Select(s => -s).ToArray();
        var backDims = (long[])dims.Clone();
        return Recorder.Record(r, "RollBackward0", [self], [], (g, _) => [g.roll(back, backDims)]);
    }

    /// <summary>Rotates by 90° <paramref name="k"/> times in the plane of <paramref name="dims"/> (from the first towards the second).</summary>
    public static Tensor Rot90(this Tensor self, long k, long[] dims)
    {
        int rank = self.Shape.Length;
        if (dims.Length != 2) throw new ArgumentException($"expected total rotation dims == 2, but got dims = {dims.Length}");
        if (rank < 2) throw new ArgumentException($"expected total dims >= 2, but got total dims = {rank}");
        if (dims[0] == dims[1] || Math.Abs(dims[0] - dims[1]) == rank)
            throw new ArgumentException($"expected rotation dims to be different, but got dim0 = {dims[0]} and dim1 = {dims[1]}");
        if (dims[0] >= rank || dims[0] < -rank) throw new ArgumentException($"Rotation dim0 out of range, dim0 = {dims[0]}");
        if (dims[1] >= rank || dims[1] < -rank) throw new ArgumentException($"Rotation dim1 out of range, dim1 = {dims[1]}");
        k = ((k % 4) + 4) % 4;
        return k switch
        {
            1 => self.Flip([dims[1]]).transpose(dims[0], dims[1]),
            2 => self.Flip([dims[0], dims[1]]),
            3 => self.Flip([dims[0]]).transpose(dims[0], dims[1]),
            _ => self.clone(),
        };
    }

    /// <summary>Moves the dims at <paramref name="source"/> to <paramref name="destination"/>, the others keeping their order (a view).</summary>
    public static Tensor MoveDim(this Tensor self, long[] source, long[] destination)
    {
        if (source.Length != destination.Length)
            throw new ArgumentException($"movedim: Invalid source or destination dims: source ({Shapes.Str(source)} dims) should contain the same number of dims as destination ({Shapes.Str(destination)} dims)");
        int rank = self.Shape.Length;
        var src = source.Select(s => Shapes.WrapDim(s, rank)).ToArray();
        var dst = destination.Select(s => Shapes.WrapDim(s, rank)).ToArray();
        if (src.Distinct().Count() != src.Length) throw new ArgumentException($"movedim: repeated dim in `source` ({Shapes.Str(source)})");
        if (dst.Distinct().Count() != dst.Length) throw new ArgumentException($"movedim: repeated dim in `destination` ({Shapes.Str(destination)})");
        if (rank <= 1) return self.MakeViewAlias();
        var order = Enumerable.Repeat(-1L, rank).ToArray();
        for (int i = 0; i < src.Length; i++) order[dst[i]] = src[i];
        var rest = Enumerable.Range(0, rank).Where(d => !src.Contains(d)).GetEnumerator();
        for (int d = 0; d < rank; d++)
            if (order[d] < 0) { rest.MoveNext(); order[d] = rest.Current; }
        return self.permute(order);
    }

    /// <summary>The same tensor as a new view (PyTorch's alias: movedim of a 0-D or 1-D tensor).</summary>
    private static Tensor MakeViewAlias(this Tensor self) => self.MakeView(self.Shape, self.Strides, self.Offset, "AliasBackward0", g => g);

    /// <summary>The shape all <paramref name="tensors"/> broadcast to.</summary>
    internal static long[] BroadcastShape(IList<Tensor> tensors)
    {
        long[] shape = [];
        foreach (var t in tensors) shape = Shapes.Broadcast(shape, t.Shape);
        return shape;
    }

    /// <summary>Each tensor expanded to the shape they all broadcast to (views).</summary>
    public static Tensor[] BroadcastTensors(IList<Tensor> tensors)
    {
        var shape = BroadcastShape(tensors);
        return [.. tensors.Select(t => t.expand(shape))];
    }

    /// <summary>Coordinate grids from 0-D or 1-D tensors (expanded views), "ij" (matrix) or "xy" (Cartesian) indexing.</summary>
    public static Tensor[] Meshgrid(IList<Tensor> tensors, string indexing)
    {
        if (tensors.Count == 0) throw new ArgumentException("meshgrid expects a non-empty TensorList");
        for (int i = 1; i < tensors.Count; i++)
        {
            if (tensors[i].dtype != tensors[i - 1].dtype) throw new ArgumentException("meshgrid expects all tensors to have the same dtype");
            if (tensors[i].device != tensors[i - 1].device) throw new ArgumentException("meshgrid expects all tensors to have the same device");
        }
        if (indexing != "ij" && indexing != "xy")
            throw new ArgumentException($"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {indexing}");
        foreach (var t in tensors)
            if (t.Shape.Length > 1) throw new ArgumentException($"torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: {t.cpu()}");
        bool swap = indexing == "xy" && tensors.Count >= 2;
        var inputs = tensors.ToList();
        if (swap) (inputs[0], inputs[1]) = (inputs[1], inputs[0]);
        var shape = inputs.Select(t => t.numel()).ToArray();
        var grids = new Tensor[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var viewShape = Enumerable.Repeat(1L, inputs.Count).ToArray();
            viewShape[i] = -1;
            grids[i] = inputs[i].view(viewShape).expand(shape);
        }
        // "xy" builds the grids of the swapped inputs and swaps the outputs back: the first two dims stay swapped.
        if (swap) (grids[0], grids[1]) = (grids[1], grids[0]);
        return grids;
    }

    /// <summary>The Cartesian product of 1-D tensors: one row per combination (a single tensor is returned as is).</summary>
    public static Tensor CartesianProd(IList<Tensor> tensors)
    {
        foreach (var t in tensors)
            if (t.Shape.Length != 1) throw new ArgumentException($"Expect a 1D vector, but got shape {Shapes.Str(t.Shape)}");
        if (tensors.Count == 1) return tensors[0];
        var grids = Meshgrid(tensors, "ij");
        return Joining.Stack([.. grids.Select(g => g.flatten())], 1);
    }
}
