using Flint.TensorBoard;
using Flint.TensorBoard.Proto;

namespace Flint.Modules;

/// <summary>
/// PyTorch's <c>torch.utils.tensorboard.SummaryWriter</c> (TorchSharp's <c>Modules.SummaryWriter</c>):
/// writes scalars, histograms, images, text and hyperparameters to TensorBoard event files in
/// <see cref="log_dir"/>. Create it with <c>torch.utils.tensorboard.SummaryWriter("runs/exp1")</c> and view
/// the results with <c>tensorboard --logdir runs</c>.
/// </summary>
public sealed class SummaryWriter : IDisposable
{
    private readonly EventFileWriter _writer;
    private readonly Dictionary<string, EventFileWriter> _scalarsWriters = [];
    private readonly int _maxQueue;
    private readonly double _flushSecs;
    private readonly string _filenameSuffix;

    /// <summary>
    /// Starts an event file in <paramref name="log_dir"/>; without one, in
    /// <c>runs/MonDD_HH-MM-SS_HOSTNAME{comment}</c>, as PyTorch names it.
    /// </summary>
    /// <param name="log_dir">The run's directory (created if needed).</param>
    /// <param name="comment">Appended to the default directory name (ignored with <paramref name="log_dir"/>).</param>
    /// <param name="max_queue">Events held in memory before they are written.</param>
    /// <param name="flush_secs">Seconds after which queued events are written at the next add.</param>
    /// <param name="filename_suffix">Appended to every event file's name.</param>
    public SummaryWriter(string? log_dir = null, string comment = "", int max_queue = 10, double flush_secs = 120, string filename_suffix = "")
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(filename_suffix);
        if (string.IsNullOrEmpty(log_dir))
        {
            string now = DateTime.Now.ToString("MMMdd_HH-mm-ss", System.Globalization.CultureInfo.InvariantCulture);
            log_dir = Path.Combine("runs", $"{now}_{Environment.MachineName}{comment}");
        }
        (_maxQueue, _flushSecs, _filenameSuffix) = (max_queue, flush_secs, filename_suffix);
        _writer = new EventFileWriter(log_dir, max_queue, flush_secs, filename_suffix);
    }

    /// <summary>The run's directory.</summary>
    public string log_dir => _writer.LogDir;

    /// <summary>The run's directory (PyTorch's <c>get_logdir()</c>).</summary>
    public string get_logdir() => log_dir;

    /// <summary>The path of the event file this writer writes (not a PyTorch member; handy in tests and logs).</summary>
    public string EventFilePath => _writer.FilePath;

    /// <summary>Logs a scalar (shown in TensorBoard's Scalars tab) at <paramref name="global_step"/>.</summary>
    public void add_scalar(string tag, double scalar_value, long? global_step = null, double? walltime = null) =>
        _writer.AddSummary(Summaries.Scalar(tag, scalar_value), global_step, walltime);

    /// <summary>Logs a one-element tensor (a loss, say) as a scalar.</summary>
    public void add_scalar(string tag, Tensor scalar_value, long? global_step = null, double? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(scalar_value);
        add_scalar(tag, ToDoubles(scalar_value) is [var v] ? v : throw new ArgumentException($"add_scalar needs a tensor with one element, got {scalar_value.numel()}"), global_step, walltime);
    }

    /// <summary>
    /// Logs several scalars in one chart: each goes to its own run, <c>log_dir/MAIN_TAG_TAG</c>, under
    /// the tag <paramref name="main_tag"/> (as PyTorch does).
    /// </summary>
    public void add_scalars(string main_tag, IReadOnlyDictionary<string, double> tag_scalar_dict, long? global_step = null, double? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(main_tag);
        ArgumentNullException.ThrowIfNull(tag_scalar_dict);
        double time = walltime ?? EventFileWriter.WallTime();
        foreach (var (tag, value) in tag_scalar_dict)
        {
            string dir = Path.Combine(log_dir, main_tag.Replace('/', '_') + "_" + tag);
            if (!_scalarsWriters.TryGetValue(dir, out var w))
                _scalarsWriters[dir] = w = new EventFileWriter(dir, _maxQueue, _flushSecs, _filenameSuffix);
            w.AddSummary(Summaries.Scalar(main_tag, value), global_step, time);
        }
    }

    /// <summary>
    /// Logs a histogram of <paramref name="values"/>; <paramref name="bins"/> is <c>"tensorflow"</c>
    /// (TensorFlow's exponential buckets, PyTorch's default) or a number of equal-width bins.
    /// </summary>
    public void add_histogram(string tag, Tensor values, long? global_step = null, string bins = "tensorflow", double? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        add_histogram(tag, ToDoubles(values), global_step, bins, walltime);
    }

    /// <summary>Logs a histogram of plain numbers.</summary>
    public void add_histogram(string tag, ReadOnlySpan<double> values, long? global_step = null, string bins = "tensorflow", double? walltime = null) =>
        _writer.AddSummary(Summaries.Histogram(tag, values, bins), global_step, walltime);

    /// <summary>
    /// Logs an image. <paramref name="dataformats"/> is <c>"CHW"</c> (default), <c>"HWC"</c> or <c>"HW"</c>;
    /// float tensors hold values in [0, 1] (scaled by 255), uint8 tensors values in [0, 255]; one channel
    /// is shown as gray RGB, as PyTorch does.
    /// </summary>
    public void add_image(string tag, Tensor img_tensor, long? global_step = null, double? walltime = null, string dataformats = "CHW")
    {
        var (hwc, h, w, c) = ImageData.ToHwcBytes(img_tensor, dataformats);
        _writer.AddSummary(Summaries.Image(tag, hwc, h, w, c), global_step, walltime);
    }

    /// <summary>
    /// Logs a video (PyTorch's <c>add_video(tag, vid_tensor, global_step=None, fps=4, walltime=None)</c>): a
    /// [B, T, C, H, W] tensor, float in [0, 1] or uint8, shown as an animated GIF of T frames, each a grid of the B clips.
    /// </summary>
    public void add_video(string tag, Tensor vid_tensor, long? global_step = null, int fps = 4, double? walltime = null) =>
        _writer.AddSummary(TensorBoardSummaryModule.Instance.video(tag, vid_tensor, fps), global_step, walltime);

    /// <summary>Logs text (Markdown) for the Text tab, under <c>TAG/text_summary</c>.</summary>
    public void add_text(string tag, string text_string, long? global_step = null, double? walltime = null) =>
        _writer.AddSummary(Summaries.Text(tag, text_string), global_step, walltime);

    /// <summary>
    /// Logs a set of hyperparameters with their final metrics for the HParams tab: the experiment and
    /// session summaries and each metric as a scalar go to <c>log_dir/RUN_NAME</c>
    /// (<paramref name="run_name"/> defaults to the current time in seconds, as in PyTorch).
    /// </summary>
    public void add_hparams(IReadOnlyDictionary<string, object?> hparam_dict, IReadOnlyDictionary<string, double> metric_dict,
        IReadOnlyDictionary<string, object[]>? hparam_domain_discrete = null, string? run_name = null)
    {
        var (exp, start, end) = Summaries.HParams(hparam_dict, metric_dict, hparam_domain_discrete);
        if (string.IsNullOrEmpty(run_name)) run_name = EventFileWriter.WallTime().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        using var run = new EventFileWriter(Path.Combine(log_dir, run_name), _maxQueue, _flushSecs, _filenameSuffix);
        run.AddSummary(exp);
        run.AddSummary(start);
        run.AddSummary(end);
        foreach (var (k, v) in metric_dict) run.AddSummary(Summaries.Scalar(k, v));
    }

    /// <summary>Writes every queued event to disk.</summary>
    public void flush()
    {
        _writer.Flush();
        foreach (var w in _scalarsWriters.Values) w.Flush();
    }

    /// <summary>Flushes and closes every event file.</summary>
    public void close()
    {
        _writer.Dispose();
        foreach (var w in _scalarsWriters.Values) w.Dispose();
    }

    /// <summary>Same as <see cref="close"/>.</summary>
    public void Dispose() => close();

    internal static double[] ToDoubles(Tensor t)
    {
        var d = t.detach().cpu().to(torch.float64).contiguous().data<double>();
        long n = t.numel();
        return d.Length == n ? d : d[..(int)n];
    }
}
