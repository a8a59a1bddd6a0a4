using Flint.Modules;
using static Flint.torch;
using F = Flint.torch.nn.functional;

namespace Flint.CharGpt;

/// <summary>The model's shape: a small GPT (nanoGPT's names).</summary>
public sealed record GptConfig(long VocabSize, long BlockSize = 64, long NLayer = 4, long NHead = 4, long NEmbd = 128, double Dropout = 0.0);

/// <summary>
/// Multi-head causal self-attention: one Linear makes queries, keys and values for all heads, the heads attend with
/// <c>F.scaled_dot_product_attention(is_causal: true)</c>, and a Linear projects their concatenation.
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_attn;
    private readonly Linear c_proj;
    private readonly Dropout resid_dropout;
    private readonly long _nHead;
    private readonly double _dropout;

    public CausalSelfAttention(GptConfig config) : base(nameof(CausalSelfAttention))
    {
        c_attn = nn.Linear(config.NEmbd, 3 * config.NEmbd);
        c_proj = nn.Linear(config.NEmbd, config.NEmbd);
        resid_dropout = nn.Dropout(config.Dropout);
        _nHead = config.NHead;
        _dropout = config.Dropout;
        RegisterComponents();
    }

    /// <summary>The output projection (its init is scaled by depth, as GPT-2's).</summary>
    public Linear Projection => c_proj;

    public override Tensor forward(Tensor x)
    {
        long b = x.size(0), t = x.size(1), c = x.size(2);
        var qkv = c_attn.call(x).split(c, 2);
        // (B, T, C) → (B, nh, T, hs)
        var q = qkv[0].view(b, t, _nHead, c / _nHead).transpose(1, 2);
        var k = qkv[1].view(b, t, _nHead, c / _nHead).transpose(1, 2);
        var v = qkv[2].view(b, t, _nHead, c / _nHead).transpose(1, 2);
        var y = F.scaled_dot_product_attention(q, k, v, dropout_p: training ? _dropout : 0, is_causal: true);
        y = y.transpose(1, 2).contiguous().view(b, t, c);
        return resid_dropout.call(c_proj.call(y));
    }
}

/// <summary>The feed-forward network: Linear, GELU, Linear (4× wide inside).</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_fc;
    private readonly GELU gelu;
    private readonly Linear c_proj;
    private readonly Dropout dropout;

    public Mlp(GptConfig config) : base("MLP")
    {
        c_fc = nn.Linear(config.NEmbd, 4 * config.NEmbd);
        gelu = nn.GELU();
        c_proj = nn.Linear(4 * config.NEmbd, config.NEmbd);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    /// <summary>The output projection (its init is scaled by depth, as GPT-2's).</summary>
    public Linear Projection => c_proj;

    public override Tensor forward(Tensor x) => dropout.call(c_proj.call(gelu.call(c_fc.call(x))));
}

/// <summary>A pre-norm transformer block: x + attn(ln(x)), then x + mlp(ln(x)).</summary>
public sealed class Block : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm ln_1;
    private readonly CausalSelfAttention attn;
    private readonly LayerNorm ln_2;
    private readonly Mlp mlp;

    public Block(GptConfig config) : base(nameof(Block))
    {
        ln_1 = nn.LayerNorm(config.NEmbd);
        attn = new CausalSelfAttention(config);
        ln_2 = nn.LayerNorm(config.NEmbd);
        mlp = new Mlp(config);
        RegisterComponents();
    }

    internal IEnumerable<Linear> Projections => [attn.Projection, mlp.Projection];

    public override Tensor forward(Tensor x)
    {
        x = x + attn.call(ln_1.call(x));
        return x + mlp.call(ln_2.call(x));
    }
}

/// <summary>
/// A character-level GPT: token and position embeddings, <see cref="GptConfig.NLayer"/> pre-norm blocks, a final
/// LayerNorm and a bias-free head onto the vocabulary. Initialised as nanoGPT: N(0, 0.02) weights, zero biases, the
/// residual projections N(0, 0.02/√(2·n_layer)).
/// </summary>
public sealed class Gpt : nn.Module<Tensor, Tensor>
{
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly Dropout drop;
    private readonly ModuleList<Block> h;
    private readonly LayerNorm ln_f;
    private readonly Linear lm_head;

    public Gpt(GptConfig config) : base("GPT")
    {
        Config = config;
        wte = nn.Embedding(config.VocabSize, config.NEmbd);
        wpe = nn.Embedding(config.BlockSize, config.NEmbd);
        drop = nn.Dropout(config.Dropout);
        h = new ModuleList<Block>();
        for (int i = 0; i < config.NLayer; i++) h.append(new Block(config));
        ln_f = nn.LayerNorm(config.NEmbd);
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();

        using (no_grad())
        {
            foreach (var m in modules())
            {
                if (m is Linear lin)
                {
                    nn.init.normal_(lin.weight, 0, 0.02);
                    if (lin.bias is not null) nn.init.zeros_(lin.bias);
                }
                else if (m is Embedding emb) nn.init.normal_(emb.weight, 0, 0.02);
            }
            foreach (var block in h)
                foreach (var proj in block.Projections) nn.init.normal_(proj.weight, 0, 0.02 / Math.Sqrt(2 * config.NLayer));
        }
    }

    public GptConfig Config { get; }

    /// <summary>Logits (B, T, vocab) for token indices (B, T), T ≤ block size.</summary>
    public override Tensor forward(Tensor idx)
    {
        long t = idx.size(1);
        if (t > Config.BlockSize) throw new ArgumentException($"Cannot forward sequence of length {t}, block size is only {Config.BlockSize}");
        var pos = arange(t, device: idx.device);
        var x = drop.call(wte.call(idx) + wpe.call(pos));
        foreach (var block in h) x = block.call(x);
        return lm_head.call(ln_f.call(x));
    }

    /// <summary>Mean cross-entropy of the next-token predictions.</summary>
    public Tensor Loss(Tensor idx, Tensor targets)
    {
        var logits = forward(idx);
        return F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1));
    }

    /// <summary>
    /// AdamW with weight decay on the matrices (Linear and Embedding weights) only; biases and LayerNorm weights
    /// form a second group without decay (nanoGPT's configure_optimizers).
    /// </summary>
    public Modules.AdamW ConfigureOptimizer(double lr, double weightDecay, double beta1 = 0.9, double beta2 = 0.99)
    {
        var decay = parameters().Where(p => p.dim() >= 2).ToList();
        var noDecay = parameters().Where(p => p.dim() < 2).ToList();
        return optim.AdamW(
        [
            new Modules.AdamW.ParamGroup(decay, weight_decay: weightDecay),
            new Modules.AdamW.ParamGroup(noDecay, weight_decay: 0.0),
        ], lr: lr, beta1: beta1, beta2: beta2);
    }

    /// <summary>
    /// Extends <paramref name="idx"/> (B, T) by <paramref name="maxNewTokens"/> tokens, each sampled from the softmax of
    /// the last logits divided by <paramref name="temperature"/>, keeping only the <paramref name="topK"/> most likely.
    /// </summary>
    public Tensor Generate(Tensor idx, int maxNewTokens, double temperature = 1.0, long? topK = null, Generator? generator = null)
    {
        using var _ = no_grad();
        for (int i = 0; i < maxNewTokens; i++)
        {
            var cond = idx.size(1) <= Config.BlockSize ? idx : idx[.., ^(int)Config.BlockSize..];
            var logits = forward(cond)[.., -1, ..] / temperature;
            if (topK is { } k)
            {
                var (v, _) = logits.topk(Math.Min(k, logits.size(-1)));
                logits = logits.masked_fill(logits.lt(v[.., ^1..]), double.NegativeInfinity);
            }
            var probs = F.softmax(logits, -1);
            // torch.multinomial samples on the CPU; the few probabilities travel there and the index back.
            idx = cat([idx, multinomial(probs.cpu(), 1, generator: generator).to(idx.device)], 1);
        }
        return idx;
    }
}
