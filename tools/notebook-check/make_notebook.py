"""Writes notebooks/tutorial.ipynb (cells only, no outputs): the specification's cells in C#.
Authoring aid; the notebook is the source of truth. Fill in outputs with: bash tools/notebook-check/run.sh --update"""
import json, pathlib

cells = []
def md(text): cells.append({"cell_type": "markdown", "metadata": {}, "source": text.strip("\n").splitlines(True)})
def cs(src): cells.append({"cell_type": "code", "execution_count": None,
    "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}},
    "outputs": [], "source": src.strip("\n").splitlines(True)})

md("""
# The tutorial, in C# with Flint

The specification (a PyTorch notebook) cell by cell, as a C# Polyglot Notebook. Each code cell is the
Python cell ported line for line; `In [N]` names the specification's cell. Flint loads from NuGet with
`#r "nuget: Flint.Interactive"` (which brings Flint). Until a public release, pack both into a local
feed and add it to your NuGet sources once:

```sh
dotnet pack src/Flint -c Release -o artifacts/feed
dotnet pack src/Flint.Interactive -c Release -o artifacts/feed
dotnet nuget add source "$PWD/artifacts/feed" -n flint-local
```

`bash tools/notebook-check/run.sh` does the same in a scratch home and runs this notebook headless.
""")
cs('''
#r "nuget: Flint.Interactive, 0.1.0"
''')
md("""
`In [88]`: `InteractiveShell.ast_node_interactivity = "all"` shows every expression. A C# cell shows its last
expression; `print` below is Python's (numbers as Python writes them, tensors as PyTorch prints them), and
`losses` keeps each program's curve for the plot at the end. Everything is seeded, so the numbers are
PyTorch's and NumPy's for those seeds.
""")
cs('''
using Flint;
using Flint.Interactive;

string repr(object? v) => v switch { double d => np.repr(d), float f => np.repr((double)f), null => "None", _ => v.ToString()! };
void print(params object?[] values) => Console.WriteLine(string.Join(" ", values.Select(repr)));
var curves = new LossCurve();
''')
md("## Numpy\n\n`In [60]`: a two-layer network in NumPy, forward and backward passes by hand.")
cs('''
// -*- coding: utf-8 -*-
np.random.seed(0);

// N is batch size; D_in is input dimension;
// H is hidden dimension; D_out is output dimension.
// N, D_in, H, D_out = 64, 1000, 100, 10
int N = 3, D_in = 4, H = 2, D_out = 2;

// Create random input and output data
var x = np.random.randn(N, D_in);
var y = np.random.randn(N, D_out);

// Randomly initialize weights
var w1 = np.random.randn(D_in, H);
var w2 = np.random.randn(H, D_out);
''')
md("`In [61]`"); cs("x.shape")
md("`In [62]`"); cs("x")
md("`In [63]`"); cs("w1")
md("`In [64]`"); cs("x.dot(w1)")
md("`In [66]`"); cs("w2")
md("`In [67]`"); cs("y")
md("`In [72]`")
cs('''
var learning_rate = 1e-3;
var losses = new List<double>();
for (int t = 0; t < 50; t++)
{
    // Forward pass: compute predicted y
    var h = x.dot(w1);
    var h_relu = np.maximum(h, 0);
    var y_pred = h_relu.dot(w2);

    // Compute and print loss
    var loss = np.square(y_pred - y).sum();
    print(t, (double)loss);
    losses.Add((double)loss);

    // Backprop to compute gradients of w1 and w2 with respect to loss
    var grad_y_pred = 2.0 * (y_pred - y);
    var grad_w2 = h_relu.T.dot(grad_y_pred);
    var grad_h_relu = grad_y_pred.dot(w2.T);
    var grad_h = grad_h_relu.copy();
    grad_h[h < 0] = 0;
    var grad_w1 = x.T.dot(grad_h);

    // Update weights
    w1 -= learning_rate * grad_w1;
    w2 -= learning_rate * grad_w2;
}
curves.Add("numpy", losses);
''')
md("""
## PyTorch: Tensors

`In [75]`: the same network with tensors (which can live on a GPU: `device = torch.device("cuda:0")` with
Flint.Cuda), backward pass still by hand.
""")
cs('''
// -*- coding: utf-8 -*-
torch.manual_seed(0);
var dtype = torch.@float;
var device = torch.device("cpu");
// var device = torch.device("cuda:0"); // Uncomment this to run on GPU (reference Flint.Cuda)

// N is batch size; D_in is input dimension;
// H is hidden dimension; D_out is output dimension.
long N = 64, D_in = 1000, H = 100, D_out = 10;

// Create random input and output data
var x = torch.randn(N, D_in, device: device, dtype: dtype);
var y = torch.randn(N, D_out, device: device, dtype: dtype);

// Randomly initialize weights
var w1 = torch.randn(D_in, H, device: device, dtype: dtype);
var w2 = torch.randn(H, D_out, device: device, dtype: dtype);

var learning_rate = 1e-6;
var losses = new List<double>();
for (int t = 0; t < 500; t++)
{
    // Forward pass: compute predicted y
    var h = x.mm(w1);
    var h_relu = h.clamp(min: 0);
    var y_pred = h_relu.mm(w2);

    // Compute and print loss
    var loss = (y_pred - y).pow(2).sum().item<float>();
    print(t, loss);
    losses.Add(loss);

    // Backprop to compute gradients of w1 and w2 with respect to loss
    var grad_y_pred = 2.0 * (y_pred - y);
    var grad_w2 = h_relu.t().mm(grad_y_pred);
    var grad_h_relu = grad_y_pred.mm(w2.t());
    var grad_h = grad_h_relu.clone();
    grad_h[h < 0] = 0;
    var grad_w1 = x.t().mm(grad_h);

    // Update weights using gradient descent
    w1 -= learning_rate * grad_w1;
    w2 -= learning_rate * grad_w2;
}
curves.Add("tensors", losses);
''')
md("The data of that cell, shown the notebook way: a large tensor opens onto PyTorch's print.")
cs("x")
md("""
## PyTorch: Tensors and autograd

`In [74]`: autograd computes the backward pass: `requires_grad: true` records the graph, `loss.backward()`
fills `.grad`.
""")
cs('''
// -*- coding: utf-8 -*-
torch.manual_seed(0);
var dtype = torch.@float;
var device = torch.device("cpu");

// N is batch size; D_in is input dimension;
// H is hidden dimension; D_out is output dimension.
long N = 64, D_in = 1000, H = 100, D_out = 10;

// Create random Tensors to hold input and outputs.
// requires_grad: false (the default) means no gradients for these during the backward pass.
var x = torch.randn(N, D_in, device: device, dtype: dtype);
var y = torch.randn(N, D_out, device: device, dtype: dtype);

// Create random Tensors for weights; requires_grad: true asks autograd for their gradients.
var w1 = torch.randn(D_in, H, device: device, dtype: dtype, requires_grad: true);
var w2 = torch.randn(H, D_out, device: device, dtype: dtype, requires_grad: true);

var learning_rate = 1e-6;
var losses = new List<double>();
for (int t = 0; t < 500; t++)
{
    // Forward pass: compute predicted y using operations on Tensors.
    var y_pred = x.mm(w1).clamp(min: 0).mm(w2);

    // Compute and print loss using operations on Tensors.
    // loss.item<float>() gets the scalar value held in the loss.
    var loss = (y_pred - y).pow(2).sum();
    print(t, loss.item<float>());
    losses.Add(loss.item<float>());

    // Use autograd to compute the backward pass: the gradient of loss with respect
    // to every Tensor with requires_grad: true lands in w1.grad and w2.grad.
    loss.backward();

    // Manually update weights using gradient descent, outside autograd's view.
    using (torch.no_grad())
    {
        w1 -= learning_rate * w1.grad!;
        w2 -= learning_rate * w2.grad!;

        // Manually zero the gradients after updating weights
        w1.grad!.zero_();
        w2.grad!.zero_();
    }
}
curves.Add("autograd", losses);
''')
md("""
## PyTorch: Defining new autograd functions

`In [76]`: `MyReLU` as a custom autograd Function, written as TorchSharp spells it.
""")
cs('''
// -*- coding: utf-8 -*-
/// We can implement our own custom autograd Functions by subclassing
/// torch.autograd.Function and implementing the forward and backward passes
/// which operate on Tensors.
class MyReLU : torch.autograd.SingleTensorFunction<MyReLU>
{
    public override string Name => "MyReLU";

    /// In the forward pass we receive a Tensor containing the input and return
    /// a Tensor containing the output. ctx is a context object that can be used
    /// to stash information for backward computation.
    public override Tensor forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        ctx.save_for_backward(input);
        return input.clamp(min: 0);
    }

    /// In the backward pass we receive a Tensor containing the gradient of the loss
    /// with respect to the output, and we need to compute the gradient of the loss
    /// with respect to the input.
    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, Tensor grad_output)
    {
        var input = ctx.saved_tensors[0];
        var grad_input = grad_output.clone();
        grad_input[input < 0] = 0;
        return [grad_input];
    }
}

torch.manual_seed(0);
var dtype = torch.@float;
var device = torch.device("cpu");

// N is batch size; D_in is input dimension;
// H is hidden dimension; D_out is output dimension.
long N = 64, D_in = 1000, H = 100, D_out = 10;

// Create random Tensors to hold input and outputs.
var x = torch.randn(N, D_in, device: device, dtype: dtype);
var y = torch.randn(N, D_out, device: device, dtype: dtype);

// Create random Tensors for weights.
var w1 = torch.randn(D_in, H, device: device, dtype: dtype, requires_grad: true);
var w2 = torch.randn(H, D_out, device: device, dtype: dtype, requires_grad: true);

var learning_rate = 1e-6;
var losses = new List<double>();
for (int t = 0; t < 500; t++)
{
    // To apply our Function, we use Function.apply method. We alias this as 'relu'.
    var relu = MyReLU.apply;

    // Forward pass: compute predicted y using operations; we compute
    // ReLU using our custom autograd operation.
    var y_pred = relu(x.mm(w1)).mm(w2);

    // Compute and print loss
    var loss = (y_pred - y).pow(2).sum();
    print(t, loss.item<float>());
    losses.Add(loss.item<float>());

    // Use autograd to compute the backward pass.
    loss.backward();

    // Update weights using gradient descent
    using (torch.no_grad())
    {
        w1 -= learning_rate * w1.grad!;
        w2 -= learning_rate * w2.grad!;

        // Manually zero the gradients after updating weights
        w1.grad!.zero_();
        w2.grad!.zero_();
    }
}
curves.Add("function", losses);
''')
md("## PyTorch: nn\n\n`In [209]`"); cs("// understand the backpropagation and weight")
md("`In [211]`")
cs('''
// -*- coding: utf-8 -*-
torch.manual_seed(0);

// N is batch size; D_in is input dimension;
// H is hidden dimension; D_out is output dimension.
long N = 3, D_in = 4, H = 2, D_out = 1;

// Create random Tensors to hold inputs and outputs
var x = torch.randn(N, D_in);
var y = torch.randn(N, D_out);
''')
md("`In [212]`")
cs('''
// Use the nn package to define our model as a sequence of layers. nn.Sequential
// is a Module which contains other Modules, and applies them in sequence to
// produce its output. Each Linear Module computes output from input using a
// linear function, and holds internal Tensors for its weight and bias.
var model = torch.nn.Sequential(
    torch.nn.Linear(D_in, H),
    torch.nn.ReLU(),
    torch.nn.Linear(H, D_out)
);
model
''')
md("`In [213]`")
cs('''
// The nn package also contains definitions of popular loss functions; in this
// case we will use Mean Squared Error (MSE) as our loss function.
var loss_fn = torch.nn.MSELoss(size_average: false);
''')
md("`In [214]`")
cs('''
var learning_rate = 1e-4;
var losses = new List<double>();
Tensor y_pred = null!;
for (int t = 0; t < 500; t++)
{
    // Forward pass: compute predicted y by passing x to the model. Modules are called
    // with call(), which runs their hooks and forward().
    y_pred = model.call(x);

    // Compute and print loss. We pass Tensors containing the predicted and true
    // values of y, and the loss function returns a Tensor containing the loss.
    var loss = loss_fn.call(y_pred, y);
    losses.Add(loss.item<float>());
    if (t == 499)
        print(t, loss.item<float>());

    // Zero the gradients before running the backward pass.
    model.zero_grad();

    // Backward pass: compute gradient of the loss with respect to all the learnable
    // parameters of the model.
    loss.backward();

    // Update the weights using gradient descent. Each parameter is a Tensor, so
    // we can access and gradients like we did before.
    using (torch.no_grad())
    {
        // what are these parameters?
        foreach (var param in model.parameters())
            param.sub_(learning_rate * param.grad!);   // param -= ...: C# can't assign a foreach variable
    }
}
curves.Add("nn (3, 4, 2, 1)", losses);
''')
md("`In [215]`"); cs("x")
md("`In [216]`"); cs("y_pred")
md("`In [217]`"); cs("y")
md("`In [218]`")
cs('''
foreach (var param in model.parameters())
    print(param);
''')
md("## Exploring tensors\n\n`In [130]`")
cs('''
var ts1 = torch.tensor(new[,] { { -0.4191, 0.7407, -0.1794, -0.2367 },
        { 0.3248, -0.2662, -0.2573, -0.0398 } });
''')
md("`In [146]`"); cs("ts1")
md("`In [144]`"); cs("ts1.size()")
md("`In [149]`"); cs("var ts1t = ts1.transpose(1, 0);")
md("`In [151]`"); cs("var a1 = torch.mm(x, ts1t);")
md("`In [160]`"); cs("a1")
md("`In [161]`"); cs("var ts2 = torch.tensor(new[] { 0.5273, 0.4526 }); //.transpose(1, 0)\nts2")
md("`In [155]`"); cs("ts2.size()")
md("`In [157]`"); cs("ts2.transpose(-1, 0)")
md("`In [158]`"); cs("ts2.size()")
md("`In [162]`: a matrix times a 1-D tensor is an error, as in PyTorch."); cs("torch.mm(a1, ts2)")
md("`In [203]`")
cs('''
// what exactly does backward do?
var x = torch.tensor(new[,] { { 1.0, -1.0 }, { 1.0, 1.0 } }, requires_grad: true);
var @out = x.pow(2).sum();
@out.backward();
x.grad
''')
md("`In [192]`"); cs("x")
md("`In [193]`"); cs("x.size()")
md("`In [194]`"); cs("@out")
md("`In [195]`: the graph was freed by the first `backward()`; PyTorch 1.13 and Flint refuse a second one."); cs("@out.backward();")
md("`In [196]`"); cs("x.grad")
md("`In [200]`"); cs("var a = x.grad!.transpose(0, 1);")
md("`In [202]`"); cs("a")
md("`In [201]`"); cs("torch.mm(x, a)")
md("`In [189]`")
cs('''
var tensor = torch.ones(new long[] { 2, 3 }, dtype: torch.int8);
var data = new[,] { { 0, 1 }, { 2, 3 } };
tensor.new_tensor(data)
''')
md("`In [188]`")
cs('''
var data = new[,] { { 0, 1 }, { 2, 3 } };
torch.tensor(data).dtype
''')
md("`In [190]`"); cs("tensor")
md("`In [181]`"); cs("tensor.size()")
md("## The loss curves\n\nEvery training cell's losses, on a log scale (the tutorial's `--plot` draws the same with ScottPlot).")
cs("curves")

nb = {"cells": cells,
      "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
                   "language_info": {"name": "polyglot-notebook"},
                   "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "name": "csharp"}]}}},
      "nbformat": 4, "nbformat_minor": 2}
out = pathlib.Path(__file__).resolve().parents[2] / "notebooks" / "tutorial.ipynb"
out.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {out} ({len(cells)} cells)")
