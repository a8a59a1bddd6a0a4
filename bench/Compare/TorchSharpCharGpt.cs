// (t) on TorchSharp: one training step of samples/CharGpt's model, as TorchSharp's documentation writes it.
using Flint.Workloads;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using TS = TorchSharp.torch;

/// <summary>Forward, cross-entropy, backward, clip_grad_norm_(1.0), AdamW (decay on matrices); a DisposeScope per step.</summary>
internal sealed class TsCharGptStep : IPreparedWorkload
{
    private readonly TsGpt _model;
    private readonly AdamW _optimizer;
    private readonly Tensor _x, _y;

    public TsCharGptStep(WorkloadSpec spec)
    {
        long layers = spec.Args[0], heads = spec.Args[1], width = spec.Args[2], context = spec.Args[3], batch = spec.Args[4], vocab = spec.Args[5];
        TS.manual_seed(0);
        _model = new TsGpt(vocab, context, layers, heads, width);
        _optimizer = TS.optim.AdamW(
        [
            new AdamW.ParamGroup(_model.parameters().Where(p => p.dim() >= 2), lr: 1e-3, beta2: 0.99, weight_decay: 0.1),
            new AdamW.ParamGroup(_model.parameters().Where(p => p.dim() < 2), lr: 1e-3, beta2: 0.99, weight_decay: 0.0),
        ], lr: 1e-3, beta2: 0.99);
        _x = TS.randint(0, vocab, [batch, context]);
        _y = TS.randint(0, vocab, [batch, context]);
    }

    public double Run(int count)
    {
        double last = double.NaN;
        for (int i = 0; i < count; i++)
        {
            using var scope = TS.NewDisposeScope();
            var logits = _model.call(_x);
            var loss = nn.functional.cross_entropy(logits.view(-1, logits.size(-1)), _y.view(-1));
            _optimizer.zero_grad();
            loss.backward();
            nn.utils.clip_grad_norm_(_model.parameters(), 1.0);
            _optimizer.step();
            last = loss.item<float>();
        }
        return last;
    }

    public void Dispose()
    {
        _model.Dispose();
        _optimizer.Dispose();
    }

    private sealed class TsGpt : nn.Module<Tensor, Tensor>
    {
        private readonly Embedding wte, wpe;
        private readonly ModuleList<TsBlock> h;
        private readonly LayerNorm ln_f;
        private readonly Linear lm_head;

        public TsGpt(long vocab, long context, long layers, long heads, long width) : base("GPT")
        {
            wte = nn.Embedding(vocab, width);
            wpe = nn.Embedding(context, width);
            h = new ModuleList<TsBlock>();
            for (long i = 0; i < layers; i++) h.append(new TsBlock(heads, width));
            ln_f = nn.LayerNorm(width);
            lm_head = nn.Linear(width, vocab, hasBias: false);
            RegisterComponents();
        }

        public override Tensor forward(Tensor idx)
        {
            var x = wte.call(idx) + wpe.call(TS.arange(idx.size(1)));
            foreach (var block in h) x = block.call(x);
            return lm_head.call(ln_f.call(x));
        }
    }

    private sealed class TsBlock : nn.Module<Tensor, Tensor>
    {
        private readonly LayerNorm ln_1, ln_2;
        private readonly Linear c_attn, c_proj, c_fc, mlp_proj;
        private readonly GELU gelu;
        private readonly long _heads;

        public TsBlock(long heads, long width) : base("Block")
        {
            _heads = heads;
            ln_1 = nn.LayerNorm(width);
            c_attn = nn.Linear(width, 3 * width);
            c_proj = nn.Linear(width, width);
            ln_2 = nn.LayerNorm(width);
            c_fc = nn.Linear(width, 4 * width);
            gelu = nn.GELU();
            mlp_proj = nn.Linear(4 * width, width);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            long b = x.size(0), t = x.size(1), c = x.size(2);
            var qkv = c_attn.call(ln_1.call(x)).split(c, 2);
            var q = qkv[0].view(b, t, _heads, c / _heads).transpose(1, 2);
            var k = qkv[1].view(b, t, _heads, c / _heads).transpose(1, 2);
            var v = qkv[2].view(b, t, _heads, c / _heads).transpose(1, 2);
            var y = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true).transpose(1, 2).contiguous().view(b, t, c);
            x = x + c_proj.call(y);
            return x + mlp_proj.call(gelu.call(c_fc.call(ln_2.call(x))));
        }
    }
}
