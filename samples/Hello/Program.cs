// The tensor cells of the specification, in C#.
using Flint;
using static Flint.torch;

manual_seed(0);
var x = torch.randn(3, 4);
Console.WriteLine(x);
Console.WriteLine(x.size());

var ts1 = torch.tensor(new[,] { { -0.4191, 0.7407, -0.1794, -0.2367 }, { 0.3248, -0.2662, -0.2573, -0.0398 } });
Console.WriteLine(ts1.size());
var a1 = torch.mm(x, ts1.transpose(1, 0));
Console.WriteLine(a1);

var ts2 = torch.tensor(new[] { 0.5273, 0.4526 });
Console.WriteLine(ts2.transpose(-1, 0));
try { torch.mm(a1, ts2); }
catch (ArgumentException e) { Console.WriteLine($"RuntimeError: {e.Message}"); }

var w = torch.tensor(new[,] { { 1.0, -1.0 }, { 1.0, 1.0 } }, requires_grad: true);
var @out = w.pow(2).sum();
@out.backward();
Console.WriteLine(w.grad);

var tensor = torch.ones(new long[] { 2, 3 }, dtype: torch.int8);
Console.WriteLine(tensor.new_tensor(new[,] { { 0, 1 }, { 2, 3 } }));
Console.WriteLine(DTypeName(torch.tensor(new[,] { { 0, 1 }, { 2, 3 } }).dtype));

static string DTypeName(ScalarType t) => "torch." + t.ToString().ToLowerInvariant();
