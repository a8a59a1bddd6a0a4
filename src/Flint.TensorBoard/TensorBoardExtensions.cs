using Flint.Modules;

namespace Flint;

/// <summary>Adds <c>torch.utils.tensorboard</c> to Flint's <c>torch</c> (this assembly brings Google.Protobuf, the core does not).</summary>
public static class TensorBoardExtensions
{
    extension(torch.utils)
    {
        /// <summary><c>torch.utils.tensorboard</c>: <c>torch.utils.tensorboard.SummaryWriter(log_dir)</c>.</summary>
        public static TensorBoardModule tensorboard => TensorBoardModule.Instance;
    }
}

/// <summary>The <c>torch.utils.tensorboard</c> namespace object.</summary>
public sealed class TensorBoardModule
{
    internal static readonly TensorBoardModule Instance = new();

    private TensorBoardModule() { }

    /// <summary><c>torch.utils.tensorboard.Summary</c>: the functions that build <c>Summary</c> protobufs (TorchSharp's static class).</summary>
    public TensorBoardSummaryModule Summary => TensorBoardSummaryModule.Instance;

    /// <summary>PyTorch's <c>SummaryWriter(log_dir=None, comment='', max_queue=10, flush_secs=120, filename_suffix='')</c>.</summary>
    public SummaryWriter SummaryWriter(string? log_dir = null, string comment = "", int max_queue = 10, double flush_secs = 120, string filename_suffix = "") =>
        new(log_dir, comment, max_queue, flush_secs, filename_suffix);
}
