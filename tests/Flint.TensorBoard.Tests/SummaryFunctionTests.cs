using System.Text.Json;
using Flint.Modules;
using Flint.TensorBoard.Proto;

namespace Flint.TensorBoard.Tests;

/// <summary>
/// torch.utils.tensorboard.Summary (TorchSharp's names): histogram protos equal PyTorch 1.13's make_histogram for the
/// same data (tests/golden/tensorboard_summary.json, tools/golden/gen_tensorboard_summary.py), images and videos laid
/// out as convert_to_HWC/make_grid and _prepare_video lay them out, PNGs and GIFs that decode.
/// </summary>
public sealed class SummaryFunctionTests : IDisposable
{
    private static readonly JsonElement Golden =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "tensorboard_summary.json"))).RootElement;
    private readonly string _dir = Directory.CreateTempSubdirectory("flint-tb-summary-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static JsonElement Case(string name) =>
        Golden.GetProperty("histograms").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [InlineData("normal_tensorflow")]
    [InlineData("normal_tensorflow_max50")]
    [InlineData("normal_count10")]
    [InlineData("normal_count30_max7")]
    [InlineData("small_edges")]
    [InlineData("small_tensorflow")]
    [InlineData("constant_count5")]
    public void HistogramMatchesPyTorch(string name)
    {
        var g = Case(name);
        var values = torch.tensor(Doubles(g.GetProperty("values")), torch.float64);
        long? maxBins = g.GetProperty("max_bins").ValueKind == JsonValueKind.Null ? null : g.GetProperty("max_bins").GetInt64();
        var bins = g.GetProperty("bins");
        var summary = bins.ValueKind switch
        {
            JsonValueKind.String => torch.utils.tensorboard.Summary.histogram("h/" + name, values, bins.GetString()!, maxBins),
            JsonValueKind.Number => torch.utils.tensorboard.Summary.histogram("h/" + name, values, bins.GetInt64(), maxBins),
            _ => torch.utils.tensorboard.Summary.histogram("h/" + name, values, torch.tensor(Doubles(bins), torch.float64), maxBins),
        };
        var v = Assert.Single(summary.Value);
        Assert.Equal("h/" + name, v.Tag);
        var h = v.Histo;
        Assert.Equal(g.GetProperty("min").GetDouble(), h.Min);
        Assert.Equal(g.GetProperty("max").GetDouble(), h.Max);
        Assert.Equal(g.GetProperty("num").GetDouble(), h.Num);
        // NumPy sums pairwise and dots through BLAS: the last bits may differ.
        Assert.Equal(g.GetProperty("sum").GetDouble(), h.Sum, 1e-12 * Math.Max(1, Math.Abs(h.Sum)) * 100);
        Assert.Equal(g.GetProperty("sum_squares").GetDouble(), h.SumSquares, 1e-12 * h.SumSquares);
        Assert.Equal(Doubles(g.GetProperty("bucket_limit")), h.BucketLimit.ToArray());
        Assert.Equal(Doubles(g.GetProperty("bucket")), h.Bucket.ToArray());
    }

    [Fact]
    public void MakeHistogramTakesFloat32AndAnyShape()
    {
        var g = Case("normal_count10");
        var values = torch.tensor(Doubles(g.GetProperty("values")), torch.float64).reshape(10, 100);
        var h = torch.utils.tensorboard.Summary.make_histogram(values, 10);
        Assert.Equal(1000, h.Num);
        Assert.Equal(Doubles(g.GetProperty("bucket")), h.Bucket.ToArray());
        // float32 values are widened to float64 (PyTorch's values.astype(float)).
        var f = torch.tensor(new float[] { 0.1f, 0.2f, 0.3f });
        var hf = torch.utils.tensorboard.Summary.make_histogram(f, 2);
        Assert.Equal((double)0.1f, hf.Min);
        Assert.Equal((double)0.3f, hf.Max);
        Assert.Equal(new double[] { 0, 2, 1 }, hf.Bucket.ToArray()); // 0.2f lies below the float64 middle edge
    }

    [Fact]
    public void HistogramErrorsUsePyTorchsWords()
    {
        var summary = torch.utils.tensorboard.Summary;
        Assert.Equal("The input has no element.", Assert.Throws<ArgumentException>(() => summary.make_histogram(torch.zeros(0), 10)).Message);
        Assert.Equal("The input has no element.", Assert.Throws<ArgumentException>(() => summary.make_histogram(torch.zeros(0))).Message);
        Assert.Equal("`bins` must increase monotonically, when an array",
            Assert.Throws<ArgumentException>(() => summary.make_histogram(torch.ones(3), torch.tensor(new[] { 0.0, 2.0, 1.0 }))).Message);
        Assert.Contains("must be positive", Assert.Throws<ArgumentException>(() => summary.make_histogram(torch.ones(3), 0)).Message);
    }

    [Fact]
    public void ImageTilesABatchAsMakeGridAndScalesAsPyTorch()
    {
        var g = Golden.GetProperty("image");
        var shape = g.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var img = torch.tensor(Doubles(g.GetProperty("input")).Select(d => (float)d).ToArray(), shape);
        var summary = torch.utils.tensorboard.Summary.image("batch", img);
        var v = Assert.Single(summary.Value);
        Assert.Equal("batch", v.Tag);
        var hwcShape = g.GetProperty("hwc_shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        Assert.Equal((hwcShape[0], hwcShape[1], 3), (v.Image.Height, v.Image.Width, v.Image.Colorspace));
        var (w, h, colorType, pixels) = SummaryWriterTests.DecodePng(v.Image.EncodedImageString.ToByteArray());
        Assert.Equal((hwcShape[1], hwcShape[0], 2), (w, h, colorType));
        Assert.Equal(g.GetProperty("hwc").EnumerateArray().Select(x => (byte)x.GetInt32()).ToArray(), pixels);
    }

    [Fact]
    public void MakeImageKeepsChannelsAndRescalesThePngOnly()
    {
        // A 4x6 RGBA image of one colour: Lanczos keeps a constant image constant.
        var hwc = torch.tensor(Enumerable.Range(0, 24).SelectMany(_ => new byte[] { 10, 200, 30, 255 }).ToArray(), new long[] { 4, 6, 4 });
        var image = torch.utils.tensorboard.Summary.make_image(hwc, rescale: 0.5);
        Assert.Equal((4, 6, 4), (image.Height, image.Width, image.Colorspace)); // PyTorch reports the size before rescaling
        var (w, h, colorType, pixels) = SummaryWriterTests.DecodePng(image.EncodedImageString.ToByteArray());
        Assert.Equal((3, 2, 6), (w, h, colorType));
        Assert.Equal(Enumerable.Range(0, 6).SelectMany(_ => new byte[] { 10, 200, 30, 255 }).ToArray(), pixels);

        var same = torch.utils.tensorboard.Summary.make_image(hwc);
        Assert.Equal((6, 4), SummaryWriterTests.DecodePng(same.EncodedImageString.ToByteArray()) is var (w1, h1, _, _) ? (w1, h1) : default);
        Assert.Throws<ArgumentException>(() => torch.utils.tensorboard.Summary.make_image(torch.zeros(2, 2)));
        Assert.Throws<ArgumentException>(() => torch.utils.tensorboard.Summary.make_image(hwc, rescale: 0.1));
    }

    [Fact]
    public void ImageTakesOtherDataformats()
    {
        var chw = torch.tensor(new float[] { 0f, 0.5f, 1f, 0.25f, 0.1f, 0.2f, 0.3f, 0.4f, 0f, 0f, 1f, 1f }, new long[] { 3, 2, 2 });
        var v = torch.utils.tensorboard.Summary.image("chw", chw, dataformats: "CHW").Value[0];
        var (_, _, _, pixels) = SummaryWriterTests.DecodePng(v.Image.EncodedImageString.ToByteArray());
        Assert.Equal(new byte[] { 0, 25, 0, 127, 51, 0, 255, 76, 255, 63, 102, 255 }, pixels);
        var e = Assert.Throws<ArgumentException>(() => torch.utils.tensorboard.Summary.image("x", chw));
        Assert.Contains("size of input tensor and input format are different", e.Message);
    }

    [Fact]
    public void VideoIsAGifOfThePreparedFrames()
    {
        var g = Golden.GetProperty("video");
        var shape = g.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var vid = torch.tensor(g.GetProperty("input").EnumerateArray().Select(x => (byte)x.GetInt32()).ToArray(), shape);
        var fshape = g.GetProperty("frames_shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        var expected = g.GetProperty("frames").EnumerateArray().Select(x => (byte)x.GetInt32()).ToArray();

        var summary = torch.utils.tensorboard.Summary.video("clip", vid, fps: 5);
        var v = Assert.Single(summary.Value);
        Assert.Equal("clip", v.Tag);
        Assert.Equal((fshape[1], fshape[2], fshape[3]), (v.Image.Height, v.Image.Width, v.Image.Colorspace));
        var (width, height, loops, frames) = GifReader.Decode(v.Image.EncodedImageString.ToByteArray());
        Assert.Equal((fshape[2], fshape[1]), (width, height));
        Assert.Equal(0, loops);
        Assert.Equal(fshape[0], frames.Count);
        int frameBytes = fshape[1] * fshape[2] * 3;
        for (int t = 0; t < frames.Count; t++)
        {
            Assert.Equal(20, frames[t].DelayCs); // 1/5 s
            Assert.Equal(expected[(t * frameBytes)..((t + 1) * frameBytes)], frames[t].Rgb);
        }
    }

    [Fact]
    public void MakeVideoEncodesManyColoursAndLongFrames()
    {
        // 3 frames of 40x50 with 2,000 distinct colours: beyond 256, the 3-3-2 palette; then a frame of 4 colours, exact.
        var frames = new byte[3 * 40 * 50 * 3];
        for (int t = 0; t < 2; t++)
            for (int p = 0; p < 2000; p++)
            {
                frames[(t * 2000 + p) * 3] = (byte)(p % 256);
                frames[(t * 2000 + p) * 3 + 1] = (byte)(p / 8);
                frames[(t * 2000 + p) * 3 + 2] = (byte)(255 - p % 256);
            }
        byte[][] four = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [9, 99, 199]];
        for (int p = 0; p < 2000; p++) four[p * 7 % 4].CopyTo(frames, (2 * 2000 + p) * 3);
        var image = torch.utils.tensorboard.Summary.make_video(torch.tensor(frames, new long[] { 3, 40, 50, 3 }), fps: 4);
        Assert.Equal((40, 50, 3), (image.Height, image.Width, image.Colorspace));
        var (width, height, _, decoded) = GifReader.Decode(image.EncodedImageString.ToByteArray());
        Assert.Equal((50, 40, 3), (width, height, decoded.Count));
        Assert.All(decoded, f => Assert.Equal(25, f.DelayCs));
        // Quantised frames: every channel within half a palette step of the original.
        for (int t = 0; t < 2; t++)
            for (int i = 0; i < 2000 * 3; i++)
                Assert.InRange(Math.Abs(decoded[t].Rgb[i] - frames[t * 6000 + i]), 0, i % 3 == 2 ? 43 : 19);
        Assert.Equal(frames[12000..], decoded[2].Rgb);
    }

    [Fact]
    public void GifLzwRoundTripsPastTheFullTable()
    {
        // Random indices over 256 colours fill the 4,096-entry table several times, so the encoder must emit clear codes.
        var rng = new Random(5);
        var pixels = new byte[300 * 200 * 3];
        for (int i = 0; i < 300 * 200; i++)
        {
            int c = rng.Next(256);
            pixels[i * 3] = (byte)c;
            pixels[i * 3 + 1] = (byte)(c * 7);
            pixels[i * 3 + 2] = (byte)(c * 13);
        }
        var gif = GifEncoder.Encode(pixels, 1, 300, 200, 3, 10);
        var (_, _, _, frames) = GifReader.Decode(gif);
        Assert.Equal(pixels, Assert.Single(frames).Rgb);
    }

    [Fact]
    public void VideoRefusesBadShapes()
    {
        var summary = torch.utils.tensorboard.Summary;
        Assert.Contains("5-D", Assert.Throws<ArgumentException>(() => summary.video("v", torch.zeros(new long[] { 2, 3, 4, 4 }))).Message);
        Assert.Contains("channels", Assert.Throws<ArgumentException>(() => summary.video("v", torch.zeros(new long[] { 1, 2, 2, 4, 4 }))).Message);
        Assert.Contains("fps", Assert.Throws<ArgumentException>(() => summary.video("v", torch.zeros(new long[] { 1, 2, 3, 4, 4 }), fps: 0)).Message);
    }

    [Fact]
    public void TextIsTheTextPluginsSummary()
    {
        var v = Assert.Single(torch.utils.tensorboard.Summary.text("notes", "**hello**").Value);
        Assert.Equal("notes/text_summary", v.Tag);
        Assert.Equal("text", v.Metadata.PluginData.PluginName);
        Assert.Equal(DataType.DtString, v.Tensor.Dtype);
        Assert.Equal("**hello**", v.Tensor.StringVal[0].ToStringUtf8());
        Assert.Equal(1, v.Tensor.TensorShape.Dim[0].Size);
    }

    [Fact]
    public void AddVideoWritesTheGifToTheEventFile()
    {
        var vid = torch.rand(new long[] { 2, 3, 3, 8, 8 });
        using (var writer = new SummaryWriter(_dir))
            writer.add_video("vid", vid, global_step: 7, fps: 2);
        var e = EventFileReader.Events(EventFileReader.OnlyFile(_dir))[1];
        Assert.Equal(7, e.Step);
        var v = Assert.Single(e.Summary.Value);
        Assert.Equal("vid", v.Tag);
        Assert.Equal((8, 16, 3), (v.Image.Height, v.Image.Width, v.Image.Colorspace)); // 2 clips side by side
        var (_, _, _, frames) = GifReader.Decode(v.Image.EncodedImageString.ToByteArray());
        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.Equal(50, f.DelayCs));
        // First pixel: clip 0, frame 0, (0, 0), scaled by 255 in float32 and truncated.
        var px = vid.select(0, 0).select(0, 0).select(1, 0).select(1, 0).to(torch.float32).data<float>().Select(f => (byte)Math.Clamp(f * 255f, 0f, 255f)).ToArray();
        Assert.Equal(px, frames[0].Rgb[..3]);
    }
}
