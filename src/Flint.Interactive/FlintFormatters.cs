using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace Flint.Interactive;

/// <summary>
/// Registers how Flint's objects look in a notebook: tensors as PyTorch prints them (plain text, and HTML
/// <c>&lt;pre&gt;</c>), large tensors as a one-line summary (shape, dtype, device, min/mean/max) that opens
/// onto PyTorch's print, modules as their parameter table, NumPy arrays as NumPy prints them, and
/// <see cref="LossCurve"/> as an inline SVG chart. The package's <c>extension.dib</c> calls
/// <see cref="Register"/> when <c>#r "nuget: Flint.Interactive"</c> loads it.
/// </summary>
public static class FlintFormatters
{
    /// <summary>Tensors with more elements than this get the compact view.</summary>
    public const int CompactAbove = 100;

    /// <summary>Registers the formatters (idempotent: later registrations replace earlier ones).</summary>
    public static void Register()
    {
        Formatter.Register<Tensor>((t, w) => w.Write(t.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<Tensor>((t, w) => w.Write(TensorHtml(t)), HtmlFormatter.MimeType);
        Formatter.Register<Size>((s, w) => w.Write(s.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<Size>((s, w) => w.Write(Pre(s.ToString())), HtmlFormatter.MimeType);
        Formatter.Register<NDArray>((a, w) => w.Write(a.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<NDArray>((a, w) => w.Write(Pre(a.ToString())), HtmlFormatter.MimeType);
        Formatter.Register<torch.nn.Module>((m, w) => w.Write(m.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<torch.nn.Module>((m, w) => w.Write(ModuleHtml(m)), HtmlFormatter.MimeType);
        Formatter.Register<ScalarType>((t, w) => w.Write(DTypeName(t)), PlainTextFormatter.MimeType);
        Formatter.Register<ScalarType>((t, w) => w.Write(Pre(DTypeName(t))), HtmlFormatter.MimeType);
        Formatter.Register<LossCurve>((c, w) => w.Write(c.ToSvg()), HtmlFormatter.MimeType);
        Formatter.Register<LossCurve>((c, w) => w.Write(c.ToString()), PlainTextFormatter.MimeType);
    }

    /// <summary>A tensor's HTML: PyTorch's print in a <c>&lt;pre&gt;</c>, or the compact view above <see cref="CompactAbove"/> elements.</summary>
    public static string TensorHtml(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.numel() <= CompactAbove) return Pre(t.ToString());
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"<b>tensor</b> {Encode(t.size().ToString())} · {DTypeName(t.dtype)} · {t.device}");
        if (t.requires_grad) summary.Append(" · requires_grad");
        if (t.dtype is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64)
        {
            var d = t.detach().to(torch.float64);
            summary.Append(CultureInfo.InvariantCulture,
                $" · min {Number(d.min().item<double>())} · mean {Number(d.mean().item<double>())} · max {Number(d.max().item<double>())}");
        }
        return $"<details class=\"flint-tensor\"><summary>{summary}</summary>{Pre(t.ToString())}</details>";
    }

    /// <summary>A module's HTML: its class, parameter count and a table of named parameters, opening onto PyTorch's print.</summary>
    public static string ModuleHtml(torch.nn.Module m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var rows = new StringBuilder();
        long total = 0;
        foreach (var (name, p) in m.named_parameters())
        {
            total += p.numel();
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{Encode(name)}</code></td><td>{Encode(p.size().ToString())}</td><td>{DTypeName(p.dtype)}</td><td style=\"text-align:right\">{p.numel():N0}</td></tr>");
        }
        string kind = m.GetType().Name;
        return $"<details class=\"flint-module\" open><summary><b>{Encode(kind)}</b> · {total.ToString("N0", CultureInfo.InvariantCulture)} parameters</summary>"
            + "<table><thead><tr><th>name</th><th>shape</th><th>dtype</th><th>numel</th></tr></thead><tbody>"
            + rows + "</tbody></table>" + Pre(m.ToString()) + "</details>";
    }

    private static string Pre(string text) => $"<pre>{Encode(text)}</pre>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>PyTorch's spelling of a dtype (<c>torch.float32</c>).</summary>
    public static string DTypeName(ScalarType t) => "torch." + t switch
    {
        ScalarType.Byte => "uint8",
        _ => t.ToString().ToLowerInvariant(),
    };

    private static string Number(double v) => v.ToString("G5", CultureInfo.InvariantCulture);
}
