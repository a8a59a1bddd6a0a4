namespace Flint.Ops;

/// <summary>one_hot: int64 class indices to int64 indicator vectors along a new last dim (a comparison with arange, on any device).</summary>
internal static class OneHot
{
    public static Tensor Encode(Tensor self, long numClasses)
    {
        if (self.dtype != ScalarType.Int64) throw new ArgumentException("one_hot is only applicable to index tensor.");
        if (self.numel() == 0)
        {
            if (numClasses == -1) throw new ArgumentException("Can not infer total number of classes from empty tensor.");
            return torch.empty([.. self.Shape, numClasses], ScalarType.Int64, self.device);
        }
        long min, max;
        using (torch.no_grad()) { min = self.min().item<long>(); max = self.max().item<long>(); }
        if (min < 0) throw new ArgumentException("Class values must be non-negative.");
        if (numClasses == -1) numClasses = max + 1;
        else if (max >= numClasses) throw new ArgumentException("Class values must be smaller than num_classes.");
        using (torch.no_grad())
            return self.unsqueeze(-1).eq(torch.arange(numClasses, ScalarType.Int64, self.device)).to(ScalarType.Int64);
    }
}
