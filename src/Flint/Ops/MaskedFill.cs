namespace Flint.Ops;

/// <summary>masked_fill with a 0-dim tensor value: the value may require grad (it collects the masked positions' gradient).</summary>
internal static class MaskedFill
{
    public static Tensor WithTensor(Tensor self, Tensor mask, Tensor value)
    {
        if (value.Shape.Length != 0)
            throw new ArgumentException($"masked_fill_ only supports a 0-dimensional value tensor, but got tensor with {value.Shape.Length} dimension(s).");
        if (mask.dtype != ScalarType.Bool && mask.dtype != ScalarType.Byte)
            throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {DTypes.Name(mask.dtype)[6..]}");
        if (mask.device != self.device)
            throw new ArgumentException(DeviceErrors.MaskedFill(self.device, mask.device));
        var m = mask.dtype == ScalarType.Bool ? mask : mask.ne(0.0);
        Tensor v;
        using (torch.no_grad()) v = value.detach().to(self.dtype).to(self.device);
        var r = Dispatcher.Cast(Dispatcher.Where(m, v, self.detach()), self.dtype);
        return Recorder.Record(r, "MaskedFillBackward1", [self, value], [], (g, _) =>
        {
            var zero = torch.zeros([], g.dtype, g.device);
            return [torch.where(m, zero, g), torch.where(m, g, zero).sum()];
        });
    }
}
