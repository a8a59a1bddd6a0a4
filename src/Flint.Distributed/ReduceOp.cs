namespace Flint.Distributed;

/// <summary>PyTorch's <c>torch.distributed.ReduceOp</c>: how collectives combine the ranks' values.</summary>
public enum ReduceOp
{
    /// <summary>Elementwise sum (on bool: logical or).</summary>
    SUM,
    /// <summary>Elementwise product (on bool: logical and).</summary>
    PRODUCT,
    /// <summary>Elementwise minimum (on bool: logical and).</summary>
    MIN,
    /// <summary>Elementwise maximum (on bool: logical or).</summary>
    MAX,
    /// <summary>The sum divided by the group size (integer dtypes truncate toward zero, as NCCL's average; not for bool).</summary>
    AVG,
}
