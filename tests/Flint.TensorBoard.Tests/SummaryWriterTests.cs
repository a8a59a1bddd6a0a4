using System.IO.Compression;
using System.Text;
using Flint.Modules;
using Flint.TensorBoard.Proto;
using Flint.TensorBoard.Proto.HParams;
using Google.Protobuf;

namespace Flint.TensorBoard.Tests;

public sealed class SummaryWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "flint-tb-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Crc32CMatchesTheStandardCheckValue()
    {
        // CRC-32C("123456789") = 0xE3069283 (RFC 3720's check value), in both implementations.
        var check = "123456789"u8;
        Assert.Equal(0xE3069283u, TFRecordWriter.Crc32C(check));
        Assert.Equal(0xE3069283u, EventFileReader.Crc32C(check));
        var random = new byte[1000];
        new Random(1).NextBytes(random);
        for (int n = 0; n <= random.Length; n += 37)
            Assert.Equal(EventFileReader.Masked(random.AsSpan(0, n)), TFRecordWriter.MaskedCrc32C(random.AsSpan(0, n)));
    }

    [Fact]
    public void ScalarsComeBackWithTheirStepsAndValues()
    {
        double before = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
        var losses = Enumerable.Range(0, 500).Select(t => 29428666.0 * Math.Exp(-t / 20.0) + 1e-5).ToArray();
        using (var writer = torch.utils.tensorboard.SummaryWriter(_dir))
            for (int t = 0; t < losses.Length; t++) writer.add_scalar("loss", losses[t], t);
        double after = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;

        var events = EventFileReader.Events(EventFileReader.OnlyFile(_dir));
        Assert.Equal(501, events.Count);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        for (int t = 0; t < losses.Length; t++)
        {
            var e = events[t + 1];
            Assert.Equal(t, e.Step);
            Assert.InRange(e.WallTime, before - 1, after + 1);
            var v = Assert.Single(e.Summary.Value);
            Assert.Equal("loss", v.Tag);
            Assert.Equal((float)losses[t], v.SimpleValue);
        }
    }

    [Fact]
    public void ScalarEventHasTensorBoardsFieldNumbersOnTheWire()
    {
        using (var writer = new SummaryWriter(_dir))
            writer.add_scalar("train/loss", torch.tensor(2.5f), global_step: 7, walltime: 1700000000.25);
        var record = EventFileReader.Records(EventFileReader.OnlyFile(_dir))[1];
        // Event: wall_time = 1 (double), step = 2 (varint), summary = 5; Summary.value = 1;
        // Value: tag = 1 (string), simple_value = 2 (float), per the published event.proto / summary.proto.
        var input = new CodedInputStream(record);
        Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.Fixed64), input.ReadTag());
        Assert.Equal(1700000000.25, input.ReadDouble());
        Assert.Equal(WireFormat.MakeTag(2, WireFormat.WireType.Varint), input.ReadTag());
        Assert.Equal(7, input.ReadInt64());
        Assert.Equal(WireFormat.MakeTag(5, WireFormat.WireType.LengthDelimited), input.ReadTag());
        var summary = new CodedInputStream(input.ReadBytes().ToByteArray());
        Assert.True(input.IsAtEnd);
        Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited), summary.ReadTag());
        var value = new CodedInputStream(summary.ReadBytes().ToByteArray());
        Assert.Equal(WireFormat.MakeTag(1, WireFormat.WireType.LengthDelimited), value.ReadTag());
        Assert.Equal("train/loss", value.ReadString());
        Assert.Equal(WireFormat.MakeTag(2, WireFormat.WireType.Fixed32), value.ReadTag());
        Assert.Equal(2.5f, value.ReadFloat());
        Assert.True(value.IsAtEnd);
    }

    [Fact]
    public void AddScalarsWritesOneRunPerTagUnderTheMainTag()
    {
        using (var writer = new SummaryWriter(_dir))
            for (int step = 0; step < 3; step++)
                writer.add_scalars("run/loss", new Dictionary<string, double> { ["train"] = 1.0 / (step + 1), ["val"] = 2.0 / (step + 1) }, step);
        foreach (var (tag, scale) in new[] { ("train", 1.0), ("val", 2.0) })
        {
            var events = EventFileReader.Events(EventFileReader.OnlyFile(Path.Combine(_dir, "run_loss_" + tag)));
            Assert.Equal(4, events.Count);
            for (int step = 0; step < 3; step++)
            {
                Assert.Equal(step, events[step + 1].Step);
                var v = Assert.Single(events[step + 1].Summary.Value);
                Assert.Equal("run/loss", v.Tag);
                Assert.Equal((float)(scale / (step + 1)), v.SimpleValue);
            }
        }
        // The main writer's own file holds only its header.
        Assert.Single(EventFileReader.Events(EventFileReader.OnlyFile(_dir)));
    }

    [Fact]
    public void HistogramWithEqualBinsMatchesNumPy()
    {
        using (var writer = new SummaryWriter(_dir))
            writer.add_histogram("w", torch.tensor(new[] { 0.5, 1.5, 1.5, 2.5 }, dtype: torch.float64), 3, bins: "3");
        var h = EventFileReader.Events(EventFileReader.OnlyFile(_dir))[1].Summary.Value[0].Histo;
        // np.histogram([0.5, 1.5, 1.5, 2.5], bins=3) -> counts [1, 2, 1], edges [0.5, 7/6, 11/6, 2.5];
        // PyTorch keeps all edges and puts an empty bucket first.
        Assert.Equal(0.5, h.Min);
        Assert.Equal(2.5, h.Max);
        Assert.Equal(4, h.Num);
        Assert.Equal(6, h.Sum);
        Assert.Equal(11, h.SumSquares);
        Assert.Equal(new[] { 0.0, 1, 2, 1 }, h.Bucket);
        Assert.Equal(4, h.BucketLimit.Count);
        Assert.Equal(0.5, h.BucketLimit[0]);
        Assert.Equal(0.5 + 2.0 / 3, h.BucketLimit[1], 1e-15);
        Assert.Equal(0.5 + 4.0 / 3, h.BucketLimit[2], 1e-15);
        Assert.Equal(2.5, h.BucketLimit[3]);
    }

    [Fact]
    public void TensorflowBinsCountEveryValueInItsBucket()
    {
        torch.manual_seed(0);
        var values = torch.randn(1000);
        using (var writer = new SummaryWriter(_dir))
            writer.add_histogram("randn", values, 0);
        var h = EventFileReader.Events(EventFileReader.OnlyFile(_dir))[1].Summary.Value[0].Histo;
        var xs = values.to(torch.float64).data<double>();

        // TensorFlow's buckets, rebuilt here: ±1e-12 * 1.1^k below 1e20, and 0.
        var positive = new List<double>();
        for (double v = 1e-12; v < 1e20; v *= 1.1) positive.Add(v);
        var edges = positive.Select(v => -v).Reverse().Append(0.0).Concat(positive).ToArray();
        Assert.Equal(1549, edges.Length);
        foreach (var limit in h.BucketLimit) Assert.Contains(limit, edges);

        Assert.Equal(xs.Min(), h.Min);
        Assert.Equal(xs.Max(), h.Max);
        Assert.Equal(1000, h.Num);
        Assert.Equal(xs.Sum(), h.Sum, 1e-9);
        Assert.Equal(xs.Sum(v => v * v), h.SumSquares, 1e-9);
        Assert.Equal(h.BucketLimit.Count, h.Bucket.Count);
        Assert.Equal(1000, h.Bucket.Sum());
        // Bucket i (i >= 1) holds limit[i-1] <= v < limit[i]; bucket 0 is the empty one PyTorch adds.
        Assert.Equal(0, h.Bucket[0]);
        Assert.True(h.Bucket[1] > 0 && h.Bucket[^1] > 0);
        for (int i = 1; i < h.Bucket.Count; i++)
        {
            double lo = h.BucketLimit[i - 1], hi = h.BucketLimit[i];
            Assert.Equal(xs.Count(v => v >= lo && v < hi), (int)h.Bucket[i]);
        }
    }

    [Fact]
    public void ImageIsAPngOfTheScaledPixels()
    {
        // CHW float in [0, 1]: 3 channels, 2 rows, 2 columns; values scaled by 255 in float32, clipped, truncated.
        var img = torch.tensor(new float[] { 0f, 0.5f, 1f, 2f, 0.1f, 0.2f, 0.3f, 0.4f, -1f, 0.999f, 0.25f, 0.75f }, new long[] { 3, 2, 2 });
        using (var writer = new SummaryWriter(_dir))
            writer.add_image("img", img, 1);
        var v = EventFileReader.Events(EventFileReader.OnlyFile(_dir))[1].Summary.Value[0];
        Assert.Equal("img", v.Tag);
        Assert.Equal(2, v.Image.Height);
        Assert.Equal(2, v.Image.Width);
        Assert.Equal(3, v.Image.Colorspace);
        var (w, h, colorType, pixels) = DecodePng(v.Image.EncodedImageString.ToByteArray());
        Assert.Equal((2, 2, 2), (w, h, colorType));
        byte Px(float f) => (byte)Math.Clamp(f * 255f, 0f, 255f);
        var chw = new float[] { 0f, 0.5f, 1f, 2f, 0.1f, 0.2f, 0.3f, 0.4f, -1f, 0.999f, 0.25f, 0.75f };
        var expected = new byte[12];
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 2; x++)
                for (int c = 0; c < 3; c++)
                    expected[(y * 2 + x) * 3 + c] = Px(chw[c * 4 + y * 2 + x]);
        Assert.Equal(expected, pixels);
        Assert.Equal(new byte[] { 0, 25, 0, 127, 51, 254, 255, 76, 63, 255, 102, 191 }, pixels);
    }

    [Fact]
    public void GrayscaleHwUint8ImageBecomesGrayRgb()
    {
        var img = torch.tensor(new byte[] { 0, 10, 200, 255, 7, 8 }, new long[] { 2, 3 });
        using (var writer = new SummaryWriter(_dir))
            writer.add_image("gray", img, dataformats: "HW");
        var v = EventFileReader.Events(EventFileReader.OnlyFile(_dir))[1].Summary.Value[0];
        Assert.Equal((2, 3, 3), (v.Image.Height, v.Image.Width, v.Image.Colorspace));
        var (_, _, _, pixels) = DecodePng(v.Image.EncodedImageString.ToByteArray());
        Assert.Equal(new byte[] { 0, 0, 0, 10, 10, 10, 200, 200, 200, 255, 255, 255, 7, 7, 7, 8, 8, 8 }, pixels);
    }

    [Fact]
    public void BadImageShapesAreRefused()
    {
        using var writer = new SummaryWriter(_dir);
        var e = Assert.Throws<ArgumentException>(() => writer.add_image("x", torch.zeros(3, 4), dataformats: "CHW"));
        Assert.Contains("input format are different", e.Message);
        Assert.Throws<ArgumentException>(() => writer.add_image("x", torch.zeros(5, 4, 4)));
    }

    [Fact]
    public void TextGoesToTheTextPlugin()
    {
        using (var writer = new SummaryWriter(_dir))
            writer.add_text("notes", "**lr** = 1e-4, ünïcode", 2);
        var e = EventFileReader.Events(EventFileReader.OnlyFile(_dir))[1];
        Assert.Equal(2, e.Step);
        var v = Assert.Single(e.Summary.Value);
        Assert.Equal("notes/text_summary", v.Tag);
        Assert.Equal("text", v.Metadata.PluginData.PluginName);
        Assert.True(v.Metadata.PluginData.Content.IsEmpty);
        Assert.Equal(Proto.DataType.DtString, v.Tensor.Dtype);
        Assert.Equal(1, Assert.Single(v.Tensor.TensorShape.Dim).Size);
        Assert.Equal("**lr** = 1e-4, ünïcode", Encoding.UTF8.GetString(Assert.Single(v.Tensor.StringVal).Span));
    }

    [Fact]
    public void HParamsWriteExperimentSessionAndMetrics()
    {
        using (var writer = new SummaryWriter(_dir))
            writer.add_hparams(
                new Dictionary<string, object?> { ["lr"] = 1e-4, ["optimizer"] = "Adam", ["hidden"] = 100, ["nesterov"] = true },
                new Dictionary<string, double> { ["hparam/loss"] = 6.66e-7 },
                new Dictionary<string, object[]> { ["optimizer"] = ["Adam", "SGD"] },
                run_name: "trial1");
        var events = EventFileReader.Events(EventFileReader.OnlyFile(Path.Combine(_dir, "trial1")));
        Assert.Equal(5, events.Count);
        HParamsPluginData Data(int i, string tag)
        {
            var v = Assert.Single(events[i].Summary.Value);
            Assert.Equal(tag, v.Tag);
            Assert.Equal("hparams", v.Metadata.PluginData.PluginName);
            return HParamsPluginData.Parser.ParseFrom(v.Metadata.PluginData.Content);
        }
        var exp = Data(1, "_hparams_/experiment").Experiment;
        Assert.Equal(new[] { "lr", "optimizer", "hidden", "nesterov" }, exp.HparamInfos.Select(h => h.Name));
        Assert.Equal(new[] { Proto.HParams.DataType.Float64, Proto.HParams.DataType.String, Proto.HParams.DataType.Float64, Proto.HParams.DataType.Float64 },
            exp.HparamInfos.Select(h => h.Type));
        Assert.Equal(new[] { "Adam", "SGD" }, exp.HparamInfos[1].DomainDiscrete.Values.Select(v => v.StringValue));
        Assert.Equal("hparam/loss", Assert.Single(exp.MetricInfos).Name.Tag);
        var start = Data(2, "_hparams_/session_start_info").SessionStartInfo;
        Assert.Equal(1e-4, start.Hparams["lr"].NumberValue);
        Assert.Equal("Adam", start.Hparams["optimizer"].StringValue);
        Assert.Equal(100, start.Hparams["hidden"].NumberValue);
        Assert.Equal(1, start.Hparams["nesterov"].NumberValue);
        Assert.Equal(Status.Success, Data(3, "_hparams_/session_end_info").SessionEndInfo.Status);
        var metric = Assert.Single(events[4].Summary.Value);
        Assert.Equal(("hparam/loss", 6.66e-7f), (metric.Tag, metric.SimpleValue));
    }

    [Fact]
    public void EventsReachTheFileOnFlushOrWhenTheQueueFills()
    {
        var writer = new SummaryWriter(_dir, max_queue: 3);
        var file = writer.EventFilePath;
        writer.add_scalar("a", 1, 0);
        writer.add_scalar("a", 2, 1);
        Assert.Single(EventFileReader.Records(file));           // header only: two events queued
        writer.add_scalar("a", 3, 2);
        Assert.Equal(4, EventFileReader.Records(file).Count);   // the third fills the queue
        writer.add_scalar("a", 4, 3);
        writer.flush();
        Assert.Equal(5, EventFileReader.Records(file).Count);
        writer.close();
        Assert.Throws<ObjectDisposedException>(() => writer.add_scalar("a", 5, 4));
    }

    [Fact]
    public void DefaultLogDirIsRunsDateHostComment()
    {
        var cwd = Environment.CurrentDirectory;
        Directory.CreateDirectory(_dir);
        try
        {
            Environment.CurrentDirectory = _dir;
            using var writer = new SummaryWriter(comment: "_lr0.1");
            var name = Path.GetFileName(writer.log_dir);
            Assert.Equal("runs", Path.GetDirectoryName(writer.log_dir));
            Assert.Matches(@"^[A-Z][a-z]{2}\d{2}_\d{2}-\d{2}-\d{2}_.+_lr0\.1$", name);
            Assert.Matches(@"events\.out\.tfevents\.\d{10}\..+\.\d+\.\d+$", Path.GetFileName(writer.EventFilePath));
        }
        finally { Environment.CurrentDirectory = cwd; }
    }

    /// <summary>An independent PNG reader: chunk CRC-32s checked bitwise, IDAT inflated, filter-0 rows.</summary>
    internal static (int width, int height, int colorType, byte[] pixels) DecodePng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int pos = 8, width = 0, height = 0, colorType = -1;
        var idat = new MemoryStream();
        while (pos < png.Length)
        {
            int len = (png[pos] << 24) | (png[pos + 1] << 16) | (png[pos + 2] << 8) | png[pos + 3];
            string type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var body = png.AsSpan(pos + 8, len);
            uint crc = (uint)((png[pos + 8 + len] << 24) | (png[pos + 9 + len] << 16) | (png[pos + 10 + len] << 8) | png[pos + 11 + len]);
            Assert.Equal(Crc32(png.AsSpan(pos + 4, len + 4)), crc);
            if (type == "IHDR")
            {
                width = (body[0] << 24) | (body[1] << 16) | (body[2] << 8) | body[3];
                height = (body[4] << 24) | (body[5] << 16) | (body[6] << 8) | body[7];
                Assert.Equal(8, body[8]);
                colorType = body[9];
            }
            else if (type == "IDAT") idat.Write(body);
            pos += 12 + len;
        }
        int channels = colorType switch { 0 => 1, 4 => 2, 2 => 3, 6 => 4, _ => throw new InvalidDataException() };
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var rows = raw.ToArray();
        int stride = width * channels;
        Assert.Equal(height * (stride + 1), rows.Length);
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, rows[y * (stride + 1)]);
            Array.Copy(rows, y * (stride + 1) + 1, pixels, y * stride, stride);
        }
        return (width, height, colorType, pixels);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return ~c;
    }
}
