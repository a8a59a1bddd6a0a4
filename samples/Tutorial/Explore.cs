namespace Flint.Tutorial;

/// <summary>
/// The notebook's exploration cells: transposes and the <c>mm</c> shape error, what <c>backward</c>
/// does to <c>x.grad</c>, <c>new_tensor</c> and dtypes, the nn model's parameters. Each cell prints its code, then what the
/// notebook shows; errors are caught and printed as PyTorch names them.
/// </summary>
public sealed class Explore : TutorialProgram
{
    /// <inheritdoc/>
    public override string Name => "explore";

    /// <inheritdoc/>
    public override string Title => "Exploring tensors";

    private void Cell(string code, Func<object?> run)
    {
        print($">>> {code}");
        try
        {
            var shown = run();
            if (shown is not null) print(shown);
        }
        catch (ArgumentException e) { print($"RuntimeError: {e.Message}"); }
        catch (IndexOutOfRangeException e) { print($"IndexError: {e.Message}"); }
        catch (InvalidOperationException e) { print($"RuntimeError: {e.Message}"); }
    }

    private static string Name_(ScalarType t) => "torch." + t.ToString().ToLowerInvariant();

    /// <inheritdoc/>
    protected override void Main()
    {
        torch.manual_seed(0);
        long N = 3, D_in = 4;
        var x = torch.randn(N, D_in);
        Cell("x = torch.randn(N, D_in); x", () => x);

        var ts1 = torch.tensor(new[,] { { -0.4191, 0.7407, -0.1794, -0.2367 }, { 0.3248, -0.2662, -0.2573, -0.0398 } });
        Cell("ts1", () => ts1);
        Cell("ts1.size()", () => ts1.size());
        var ts1t = ts1.transpose(1, 0);
        var a1 = torch.mm(x, ts1t);
        Cell("a1 = torch.mm(x, ts1.transpose(1, 0)); a1", () => a1);
        var ts2 = torch.tensor(new[] { 0.5273, 0.4526 });
        Cell("ts2", () => ts2);
        Cell("ts2.size()", () => ts2.size());
        Cell("ts2.transpose(-1, 0)", () => ts2.transpose(-1, 0));
        Cell("torch.mm(a1, ts2)", () => torch.mm(a1, ts2));

        // what exactly does backward do?
        var w = torch.tensor(new[,] { { 1.0, -1.0 }, { 1.0, 1.0 } }, requires_grad: true);
        var @out = w.pow(2).sum();
        @out.backward();
        Cell("x = torch.tensor([[1., -1.], [1., 1.]], requires_grad=True); out = x.pow(2).sum(); out.backward(); x.grad", () => w.grad);
        Cell("x.size()", () => w.size());
        Cell("out", () => @out);
        Cell("out.backward()", () => { @out.backward(); return null; });
        var a = w.grad!.transpose(0, 1);
        Cell("a = x.grad.transpose(0, 1); a", () => a);
        Cell("torch.mm(x, a)", () => torch.mm(w, a));

        var tensor = torch.ones(new long[] { 2, 3 }, dtype: torch.int8);
        var data = new[,] { { 0, 1 }, { 2, 3 } };
        Cell("tensor = torch.ones((2, 3), dtype=torch.int8); tensor.new_tensor(data)", () => tensor.new_tensor(data));
        Cell("torch.tensor(data).dtype", () => Name_(torch.tensor(data).dtype));
        Cell("tensor", () => tensor);
        Cell("tensor.size()", () => tensor.size());

        // what are these parameters? (the nn cell's model, freshly initialised from seed 0)
        torch.manual_seed(0);
        var model = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1));
        Cell("torch.manual_seed(0); model = torch.nn.Sequential(torch.nn.Linear(4, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1))", () => null);
        Cell("for param in model.parameters(): print(param)", () => string.Join("\n", model.parameters()));
    }
}
