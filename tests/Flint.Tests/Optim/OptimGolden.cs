using System.Text.Json;
using Flint.Modules;
using static Flint.torch;
using static Flint.torch.nn;

namespace Flint.Tests.Optim;

/// <summary>Reads tests/golden/optim.json (tools/golden/gen_optim.py, PyTorch 1.13) and rebuilds its optimizers.</summary>
internal static class OptimGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "optim.json"))));

    public static JsonElement Root => Doc.Value.RootElement;

    public static JsonElement Case(string name) =>
        Root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static float[] Floats(JsonElement e) => e.EnumerateArray().Select(v => (float)v.GetDouble()).ToArray();

    public static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Fresh copies of the golden starting parameters and the fixed inputs x (3, 4) and y (4,).</summary>
    public static (Parameter p1, Parameter p2, Tensor x, Tensor y) Initial()
    {
        var init = Root.GetProperty("init");
        var p1 = new Parameter(torch.tensor(Floats(init.GetProperty("p1")), [3, 4]));
        var p2 = new Parameter(torch.tensor(Floats(init.GetProperty("p2")), [4]));
        var x = torch.tensor(Floats(init.GetProperty("x")), [3, 4]);
        var y = torch.tensor(Floats(init.GetProperty("y")), [4]);
        return (p1, p2, x, y);
    }

    /// <summary>The golden loss: ((p1 * x + 0.25) ** 2).sum() + ((p2 * y - 0.5) ** 2).sum(), without the p2 term when p2 sits out.</summary>
    public static Tensor Loss(Parameter p1, Parameter p2, Tensor x, Tensor y, bool withP2 = true)
    {
        var loss = (p1 * x + 0.25).pow(2).sum();
        return withP2 ? loss + (p2 * y - 0.5).pow(2).sum() : loss;
    }

    /// <summary>One golden step: fresh grads (set to none), backward, optimizer step. Returns the loss.</summary>
    public static float Step(optim.Optimizer opt, JsonElement c, int t, Parameter p1, Parameter p2, Tensor x, Tensor y)
    {
        bool skip = c.TryGetProperty("skip_p2_odd", out var s) && s.GetBoolean() && t % 2 == 1;
        opt.zero_grad();
        var loss = Loss(p1, p2, x, y, withP2: !skip);
        loss.backward();
        opt.step();
        return loss.item<float>();
    }

    /// <summary>Builds the case's optimizer over p1 and p2 from the same keyword arguments PyTorch got.</summary>
    public static optim.Optimizer Build(JsonElement c, Parameter p1, Parameter p2)
    {
        var k = c.GetProperty("kwargs");
        JsonElement? g1 = null, g2 = null;
        if (c.TryGetProperty("groups", out var gs)) { g1 = gs[0]; g2 = gs[1]; }
        Parameter[] ps1 = [p1], ps2 = [p2], both = [p1, p2];
        switch (c.GetProperty("optimizer").GetString())
        {
            case "SGD":
            {
                double lr = D(k, "lr")!.Value, momentum = D(k, "momentum") ?? 0, dampening = D(k, "dampening") ?? 0, wd = D(k, "weight_decay") ?? 0;
                bool nesterov = B(k, "nesterov") ?? false, maximize = B(k, "maximize") ?? false;
                if (g1 is null) return torch.optim.SGD(both, lr, momentum, dampening, wd, nesterov, maximize);
                SGD.ParamGroup G(Parameter[] ps, JsonElement g) =>
                    new(ps, lr: D(g, "lr"), momentum: D(g, "momentum"), dampening: D(g, "dampening"), weight_decay: D(g, "weight_decay"), nesterov: B(g, "nesterov"), maximize: B(g, "maximize"));
                return torch.optim.SGD([G(ps1, g1.Value), G(ps2, g2!.Value)], lr, momentum, dampening, wd, nesterov, maximize);
            }
            case "Adam":
            case "AdamW":
            {
                bool w = c.GetProperty("optimizer").GetString() == "AdamW";
                double lr = D(k, "lr") ?? 1e-3, eps = D(k, "eps") ?? 1e-8, wd = D(k, "weight_decay") ?? (w ? 0.01 : 0);
                var (b1, b2) = Betas(k) ?? (0.9, 0.999);
                bool ams = B(k, "amsgrad") ?? false, maximize = B(k, "maximize") ?? false;
                if (w)
                {
                    if (g1 is null) return torch.optim.AdamW(both, lr, b1, b2, eps, wd, ams, maximize);
                    AdamW.ParamGroup GW(Parameter[] ps, JsonElement g) => new(ps, lr: D(g, "lr"), beta1: Betas(g)?.Item1, beta2: Betas(g)?.Item2,
                        eps: D(g, "eps"), weight_decay: D(g, "weight_decay"), amsgrad: B(g, "amsgrad"), maximize: B(g, "maximize"));
                    return torch.optim.AdamW([GW(ps1, g1.Value), GW(ps2, g2!.Value)], lr, b1, b2, eps, wd, ams, maximize);
                }
                if (g1 is null) return torch.optim.Adam(both, lr, b1, b2, eps, wd, ams, maximize);
                Adam.ParamGroup GA(Parameter[] ps, JsonElement g) => new(ps, lr: D(g, "lr"), beta1: Betas(g)?.Item1, beta2: Betas(g)?.Item2,
                    eps: D(g, "eps"), weight_decay: D(g, "weight_decay"), amsgrad: B(g, "amsgrad"), maximize: B(g, "maximize"));
                return torch.optim.Adam([GA(ps1, g1.Value), GA(ps2, g2!.Value)], lr, b1, b2, eps, wd, ams, maximize);
            }
            case "RMSprop":
            {
                if (g1 is not null) throw new NotSupportedException("no grouped RMSprop case");
                return torch.optim.RMSprop(both, D(k, "lr") ?? 0.01, D(k, "alpha") ?? 0.99, D(k, "eps") ?? 1e-8, D(k, "weight_decay") ?? 0,
                    D(k, "momentum") ?? 0, B(k, "centered") ?? false, B(k, "maximize") ?? false);
            }
            case "Adagrad":
            {
                if (g1 is not null) throw new NotSupportedException("no grouped Adagrad case");
                return torch.optim.Adagrad(both, D(k, "lr") ?? 0.01, D(k, "lr_decay") ?? 0, D(k, "weight_decay") ?? 0,
                    D(k, "initial_accumulator_value") ?? 0, D(k, "eps") ?? 1e-10, B(k, "maximize") ?? false);
            }
            case "Adadelta":
            {
                if (g1 is not null) throw new NotSupportedException("no grouped Adadelta case");
                return torch.optim.Adadelta(both, D(k, "lr") ?? 1.0, D(k, "rho") ?? 0.9, D(k, "eps") ?? 1e-6, D(k, "weight_decay") ?? 0, B(k, "maximize") ?? false);
            }
            default: throw new ArgumentException("unknown optimizer in golden file");
        }
    }

    private static double? D(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetDouble() : null;

    private static bool? B(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetBoolean() : null;

    private static (double, double)? Betas(JsonElement e) =>
        e.TryGetProperty("betas", out var v) ? (v[0].GetDouble(), v[1].GetDouble()) : null;

    /// <summary>
    /// Asserts every element agrees to <paramref name="rtol"/> relative to the larger of itself and the tensor's
    /// largest magnitude: elements that cancel to near zero keep the absolute error of their neighbours (a few ulps).
    /// </summary>
    public static void AssertClose(float[] expected, float[] actual, double rtol, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = expected.Length == 0 ? 0 : expected.Max(v => Math.Abs((double)v));
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            double tol = rtol * Math.Max(Math.Abs(e), scale);
            Assert.True(Math.Abs(e - a) <= tol, $"{context}[{i}]: expected {e:R}, got {a:R} (|diff| {Math.Abs(e - a):E3} > {tol:E3})");
        }
    }
}
