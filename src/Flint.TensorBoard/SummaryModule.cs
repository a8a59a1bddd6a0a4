using Flint.TensorBoard;
using Google.Protobuf;
using Proto = Flint.TensorBoard.Proto;

namespace Flint;

/// <summary>
/// <c>torch.utils.tensorboard.Summary</c>, as TorchSharp 0.107 spells it: the functions of PyTorch's
/// <c>torch.utils.tensorboard.summary</c> that build TensorBoard <c>Summary</c> protobufs (<c>histogram</c>,
/// <c>make_histogram</c>, <c>image</c>, <c>make_image</c>, <c>video</c>, <c>make_video</c>, <c>text</c>). Write them with
/// <see cref="Modules.SummaryWriter"/>, or serialise them yourself (<c>ToByteArray()</c>).
/// </summary>
public sealed class TensorBoardSummaryModule
{
    internal static readonly TensorBoardSummaryModule Instance = new();

    private TensorBoardSummaryModule() { }

    /// <summary>
    /// A <c>Summary</c> with one value, tagged <paramref name="name"/>, holding the histogram of <paramref name="values"/>
    /// over the bucket edges <paramref name="bins"/> (a 1-D increasing tensor, as NumPy's <c>np.histogram(values, bins=edges)</c>).
    /// </summary>
    /// <param name="name">The tag, the series name in TensorBoard.</param>
    /// <param name="values">A real tensor of any shape, on any device.</param>
    /// <param name="bins">The bucket edges.</param>
    /// <param name="max_bins">At most this many buckets: neighbouring buckets are summed, as PyTorch subsamples.</param>
    public Proto.Summary histogram(string name, Tensor values, Tensor bins, long? max_bins = null) =>
        HistogramSummary(name, make_histogram(values, bins, max_bins));

    /// <summary>The histogram <c>Summary</c> of <paramref name="values"/> in <paramref name="bins"/> equal-width buckets over [min, max].</summary>
    /// <param name="name">The tag, the series name in TensorBoard.</param>
    /// <param name="values">A real tensor of any shape, on any device.</param>
    /// <param name="bins">The number of buckets (NumPy's <c>bins=int</c>).</param>
    /// <param name="max_bins">At most this many buckets: neighbouring buckets are summed, as PyTorch subsamples.</param>
    public Proto.Summary histogram(string name, Tensor values, long bins, long? max_bins = null) =>
        HistogramSummary(name, make_histogram(values, bins, max_bins));

    /// <summary>
    /// The histogram <c>Summary</c> of <paramref name="values"/>, <paramref name="bins"/> <c>"tensorflow"</c> (TensorFlow's
    /// exponential buckets, <c>SummaryWriter.add_histogram</c>'s default) or a number of equal-width buckets as text.
    /// </summary>
    /// <param name="name">The tag, the series name in TensorBoard.</param>
    /// <param name="values">A real tensor of any shape, on any device.</param>
    /// <param name="bins"><c>"tensorflow"</c> or a bucket count such as <c>"10"</c>.</param>
    /// <param name="max_bins">At most this many buckets: neighbouring buckets are summed, as PyTorch subsamples.</param>
    public Proto.Summary histogram(string name, Tensor values, string bins = "tensorflow", long? max_bins = null) =>
        HistogramSummary(name, make_histogram(values, bins, max_bins));

    /// <summary>
    /// PyTorch's <c>make_histogram(values, bins, max_bins)</c> over the bucket edges <paramref name="bins"/>: NumPy's counts,
    /// trimmed to the buckets from the first to the last non-empty one plus an empty one on the left (TensorBoard keeps
    /// right edges only); min, max, num, sum and sum_squares of all the values, in float64.
    /// </summary>
    /// <param name="values">A real tensor of any shape, on any device.</param>
    /// <param name="bins">The bucket edges, a 1-D increasing tensor.</param>
    /// <param name="max_bins">At most this many buckets.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> has no element (PyTorch's "The input has no element.").</exception>
    public Proto.HistogramProto make_histogram(Tensor values, Tensor bins, long? max_bins = null)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (bins.dim() != 1) throw new ArgumentException($"bins must be 1d, when an array (got {bins.dim()} dimensions)");
        return Histogram.Make(Doubles(values), Doubles(bins), max_bins);
    }

    /// <summary>PyTorch's <c>make_histogram</c> with <paramref name="bins"/> equal-width buckets over [min, max].</summary>
    /// <param name="values">A real tensor of any shape, on any device.</param>
    /// <param name="bins">The number of buckets.</param>
    /// <param name="max_bins">At most this many buckets.</param>
    public Proto.HistogramProto make_histogram(Tensor values, long bins, long? max_bins = null)
    {
        if (bins < 1) throw new ArgumentException($"`bins` must be positive, when an integer, got {bins}");
        var xs = Doubles(values);
        if (xs.Length == 0) throw new ArgumentException("The input has no element.");
        return Histogram.Make(xs, Histogram.EqualWidth(xs, checked((int)bins)), max_bins);
    }

    /// <summary>PyTorch's <c>make_histogram</c> with <paramref name="bins"/> <c>"tensorflow"</c> or a bucket count as text.</summary>
    /// <param name="values">A real tensor of any shape, on any device.</param>
    /// <param name="bins"><c>"tensorflow"</c> or a bucket count such as <c>"10"</c>.</param>
    /// <param name="max_bins">At most this many buckets.</param>
    public Proto.HistogramProto make_histogram(Tensor values, string bins = "tensorflow", long? max_bins = null) =>
        Histogram.Make(Doubles(values), bins, max_bins);

    /// <summary>
    /// PyTorch's <c>image(tag, tensor, rescale=1, dataformats="NCHW")</c>: the tensor becomes HWC (a batch is tiled into
    /// a grid, 8 images to a row, as <c>make_grid</c>; one channel becomes gray RGB), float values in [0, 1] are scaled by
    /// 255, uint8 ones kept, then clipped and encoded as PNG.
    /// </summary>
    /// <param name="tag">The tag, the series name in TensorBoard.</param>
    /// <param name="tensor">The image(s), laid out as <paramref name="dataformats"/> says.</param>
    /// <param name="rescale">Scales the PNG's width and height (Lanczos); the proto keeps the original size, as PyTorch's.</param>
    /// <param name="dataformats"><c>NCHW</c>, <c>CHW</c>, <c>HWC</c>, <c>HW</c> or another order of those letters.</param>
    public Proto.Summary image(string tag, Tensor tensor, double rescale = 1, string dataformats = "NCHW")
    {
        var (hwc, h, w, c) = ImageData.ToHwcBytes(tensor, dataformats);
        return ImageSummary(tag, MakeImage(hwc, h, w, c, rescale));
    }

    /// <summary>
    /// PyTorch's <c>make_image(tensor, rescale=1)</c>: an HWC image of bytes (values are clipped to [0, 255] and
    /// truncated) as an <c>Image</c> proto with a PNG, colorspace the channel count (1 gray, 3 RGB, 4 RGBA).
    /// </summary>
    /// <param name="tensor">An [H, W, C] tensor, C 1, 3 or 4, values in [0, 255].</param>
    /// <param name="rescale">Scales the PNG's width and height (Lanczos); the proto keeps the original size, as PyTorch's.</param>
    public Proto.Summary.Types.Image make_image(Tensor tensor, double rescale = 1)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 3 || tensor.shape[2] is not (1 or 3 or 4))
            throw new ArgumentException($"make_image takes an HWC image with 1, 3 or 4 channels, got shape ({string.Join(", ", tensor.shape)})");
        var bytes = ImageData.ToBytes(tensor.detach().cpu(), 1f);
        return MakeImage(bytes, checked((int)tensor.shape[0]), checked((int)tensor.shape[1]), (int)tensor.shape[2], rescale);
    }

    /// <summary>
    /// PyTorch's <c>video(tag, tensor, fps=4)</c>: a [B, T, C, H, W] video (float in [0, 1] or uint8) becomes T frames,
    /// each a grid of the B clips, encoded as an animated GIF.
    /// </summary>
    /// <param name="tag">The tag, the series name in TensorBoard.</param>
    /// <param name="tensor">The video, [batch, time, channel, height, width], 1, 3 or 4 channels.</param>
    /// <param name="fps">Frames per second.</param>
    public Proto.Summary video(string tag, Tensor tensor, int fps = 4)
    {
        var (thwc, t, h, w, c) = ImageData.VideoToThwcBytes(tensor);
        return ImageSummary(tag, MakeVideo(thwc, t, h, w, c, fps));
    }

    /// <summary>
    /// PyTorch's <c>make_video(tensor, fps)</c>: [T, H, W, C] bytes (values clipped to [0, 255] and truncated) as an
    /// <c>Image</c> proto holding an animated GIF that loops, height H, width W, colorspace C.
    /// </summary>
    /// <param name="tensor">The frames, [time, height, width, channel], 1, 3 or 4 channels.</param>
    /// <param name="fps">Frames per second.</param>
    public Proto.Summary.Types.Image make_video(Tensor tensor, int fps = 4)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 4)
            throw new ArgumentException($"make_video takes [T, H, W, C] frames, got shape ({string.Join(", ", tensor.shape)})");
        var bytes = ImageData.ToBytes(tensor.detach().cpu(), 1f);
        return MakeVideo(bytes, checked((int)tensor.shape[0]), checked((int)tensor.shape[1]), checked((int)tensor.shape[2]), checked((int)tensor.shape[3]), fps);
    }

    /// <summary>PyTorch's <c>text(tag, text)</c>: tag <c>TAG/text_summary</c>, the text plugin, a one-string DT_STRING tensor.</summary>
    /// <param name="tag">The tag; the value's tag is <c>tag + "/text_summary"</c>.</param>
    /// <param name="text">The text (Markdown).</param>
    public Proto.Summary text(string tag, string text) => Summaries.Text(tag, text);

    private static Proto.Summary.Types.Image MakeImage(byte[] hwc, int h, int w, int c, double rescale)
    {
        if (!(rescale > 0) || double.IsInfinity(rescale)) throw new ArgumentException($"rescale must be positive, got {rescale}");
        int sh = (int)(h * rescale), sw = (int)(w * rescale);
        var pixels = Resample.Lanczos(hwc, h, w, c, sh, sw);
        return new Proto.Summary.Types.Image
        {
            Height = h, Width = w, Colorspace = c,
            EncodedImageString = ByteString.CopyFrom(PngEncoder.Encode(pixels, sh, sw, c)),
        };
    }

    internal static Proto.Summary.Types.Image MakeVideo(byte[] thwc, int t, int h, int w, int c, int fps) =>
        new()
        {
            Height = h, Width = w, Colorspace = c,
            EncodedImageString = ByteString.CopyFrom(GifEncoder.Encode(thwc, t, h, w, c, fps)),
        };

    private static Proto.Summary HistogramSummary(string name, Proto.HistogramProto histo)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new() { Value = { new Proto.Summary.Types.Value { Tag = name, Histo = histo } } };
    }

    private static Proto.Summary ImageSummary(string tag, Proto.Summary.Types.Image image)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return new() { Value = { new Proto.Summary.Types.Value { Tag = tag, Image = image } } };
    }

    private static double[] Doubles(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Flint.Modules.SummaryWriter.ToDoubles(t);
    }
}
