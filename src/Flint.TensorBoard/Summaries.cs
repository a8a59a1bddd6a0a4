using System.Text;
using Flint.TensorBoard.Proto;
using Flint.TensorBoard.Proto.HParams;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Flint.TensorBoard;

/// <summary>
/// The <see cref="Summary"/> protos PyTorch's <c>torch.utils.tensorboard.summary</c> functions build, value
/// for value: <c>scalar</c>, <c>histogram</c>, <c>image</c>, <c>text</c> and <c>hparams</c>.
/// </summary>
public static class Summaries
{
    /// <summary>The hparams plugin's tags and schema version (<c>tensorboard.plugins.hparams.metadata</c>).</summary>
    public const string HParamsPluginName = "hparams", ExperimentTag = "_hparams_/experiment",
        SessionStartInfoTag = "_hparams_/session_start_info", SessionEndInfoTag = "_hparams_/session_end_info";

    /// <summary>A scalar as <c>simple_value</c> (PyTorch's default, <c>new_style=False</c>).</summary>
    public static Summary Scalar(string tag, double value) =>
        new() { Value = { new Summary.Types.Value { Tag = CheckTag(tag), SimpleValue = (float)value } } };

    /// <summary>A histogram of <paramref name="values"/> (see <see cref="TensorBoard.Histogram.Make(ReadOnlySpan{double}, string, long?)"/>).</summary>
    public static Summary Histogram(string tag, ReadOnlySpan<double> values, string bins = "tensorflow") =>
        new() { Value = { new Summary.Types.Value { Tag = CheckTag(tag), Histo = TensorBoard.Histogram.Make(values, bins) } } };

    /// <summary>An image: HWC bytes encoded as PNG, colorspace = channel count.</summary>
    public static Summary Image(string tag, ReadOnlySpan<byte> hwc, int height, int width, int channels) =>
        new()
        {
            Value =
            {
                new Summary.Types.Value
                {
                    Tag = CheckTag(tag),
                    Image = new Summary.Types.Image
                    {
                        Height = height, Width = width, Colorspace = channels,
                        EncodedImageString = ByteString.CopyFrom(PngEncoder.Encode(hwc, height, width, channels)),
                    },
                },
            },
        };

    /// <summary>Text for the text plugin: tag <c>TAG/text_summary</c>, a 1-element DT_STRING tensor.</summary>
    public static Summary Text(string tag, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tensor = new TensorProto
        {
            Dtype = Proto.DataType.DtString,
            StringVal = { ByteString.CopyFromUtf8(text) },
            TensorShape = new TensorShapeProto { Dim = { new TensorShapeProto.Types.Dim { Size = 1 } } },
        };
        return new Summary
        {
            Value =
            {
                new Summary.Types.Value
                {
                    Tag = CheckTag(tag) + "/text_summary",
                    // TextPluginData(version=0) serialises to no bytes.
                    Metadata = new SummaryMetadata { PluginData = new SummaryMetadata.Types.PluginData { PluginName = "text", Content = ByteString.Empty } },
                    Tensor = tensor,
                },
            },
        };
    }

    /// <summary>
    /// PyTorch's <c>hparams(hparam_dict, metric_dict, hparam_domain_discrete)</c>: the experiment, session
    /// start and session end summaries. Values are numbers (double, float, int, long; bool counts as a
    /// number, as Python's bool is an int), strings, or 1-element tensors.
    /// </summary>
    public static (Summary experiment, Summary sessionStart, Summary sessionEnd) HParams(
        IReadOnlyDictionary<string, object?> hparam_dict, IReadOnlyDictionary<string, double> metric_dict,
        IReadOnlyDictionary<string, object[]>? hparam_domain_discrete = null)
    {
        ArgumentNullException.ThrowIfNull(hparam_dict);
        ArgumentNullException.ThrowIfNull(metric_dict);
        if (hparam_domain_discrete is not null)
            foreach (var (k, domain) in hparam_domain_discrete)
            {
                if (!hparam_dict.ContainsKey(k)) throw new ArgumentException($"parameter: hparam_domain_discrete[{k}] should be in hparam_dict");
                if (domain is null || domain.Length == 0) throw new ArgumentException($"parameter: hparam_domain_discrete[{k}] should be a list of same type as hparam_dict[{k}].");
            }
        var infos = new List<HParamInfo>();
        var start = new SessionStartInfo();
        foreach (var (name, raw) in hparam_dict)
        {
            if (raw is null) continue;
            var info = new HParamInfo { Name = name };
            switch (raw)
            {
                case string s:
                    start.Hparams[name] = Value.ForString(s);
                    info.Type = Proto.HParams.DataType.String;
                    break;
                case Tensor t:
                    start.Hparams[name] = Value.ForNumber(t.detach().cpu().to(torch.float64).data<double>()[0]);
                    info.Type = Proto.HParams.DataType.Float64;
                    break;
                default:
                    start.Hparams[name] = Value.ForNumber(ToNumber(raw, name));
                    info.Type = Proto.HParams.DataType.Float64;
                    break;
            }
            if (hparam_domain_discrete is not null && hparam_domain_discrete.TryGetValue(name, out var domain) && raw is not Tensor)
            {
                var list = new ListValue();
                foreach (var d in domain)
                    list.Values.Add(info.Type == Proto.HParams.DataType.String
                        ? Value.ForString(d as string ?? throw new ArgumentException($"parameter: hparam_domain_discrete[{name}] should be a list of same type as hparam_dict[{name}]."))
                        : Value.ForNumber(ToNumber(d, name)));
                info.DomainDiscrete = list;
            }
            infos.Add(info);
        }
        var experiment = new Experiment();
        experiment.HparamInfos.AddRange(infos);
        foreach (var metric in metric_dict.Keys) experiment.MetricInfos.Add(new MetricInfo { Name = new MetricName { Tag = metric } });
        return (
            PluginSummary(ExperimentTag, new HParamsPluginData { Version = 0, Experiment = experiment }),
            PluginSummary(SessionStartInfoTag, new HParamsPluginData { Version = 0, SessionStartInfo = start }),
            PluginSummary(SessionEndInfoTag, new HParamsPluginData { Version = 0, SessionEndInfo = new SessionEndInfo { Status = Status.Success } }));
    }

    private static double ToNumber(object value, string name) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        bool b => b ? 1 : 0,
        decimal m => (double)m,
        _ => throw new ArgumentException($"value should be one of int, float, str, bool, or torch.Tensor (hparam '{name}' is {value.GetType().Name})"),
    };

    private static Summary PluginSummary(string tag, HParamsPluginData content) =>
        new()
        {
            Value =
            {
                new Summary.Types.Value
                {
                    Tag = tag,
                    Metadata = new SummaryMetadata
                    {
                        PluginData = new SummaryMetadata.Types.PluginData { PluginName = HParamsPluginName, Content = content.ToByteString() },
                    },
                },
            },
        };

    private static string CheckTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Length == 0) throw new ArgumentException("tag must not be empty", nameof(tag));
        return tag;
    }

    internal static string Utf8(ByteString s) => Encoding.UTF8.GetString(s.Span);
}
