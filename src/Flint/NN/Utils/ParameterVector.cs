namespace Flint;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class utils
        {
            /// <summary>All <paramref name="parameters"/> flattened and concatenated into one vector (differentiable, as PyTorch's).</summary>
            public static Tensor parameters_to_vector(IEnumerable<Tensor> parameters)
            {
                var flat = new List<Tensor>();
                Device? device = null;
                foreach (var p in parameters)
                {
                    device ??= p.device;
                    if (p.device != device) throw new ArgumentException("Found two parameters on different devices, this is currently not supported.");
                    flat.Add(p.reshape(-1));
                }
                return torch.cat(flat);
            }

            /// <summary>Copies consecutive slices of <paramref name="vec"/> into <paramref name="parameters"/> (their data, in place, without autograd).</summary>
            public static void vector_to_parameters(Tensor vec, IEnumerable<Tensor> parameters)
            {
                if (vec.dim() != 1) throw new ArgumentException($"expected torch.Tensor, but got: {vec.dim()}-D tensor");
                long offset = 0;
                using (torch.no_grad())
                    foreach (var p in parameters)
                    {
                        long n = p.numel();
                        p.copy_(vec.narrow(0, offset, n).view_as(p));
                        offset += n;
                    }
            }
        }
    }
}
