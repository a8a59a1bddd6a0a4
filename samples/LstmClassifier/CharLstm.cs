using Flint.Modules;

namespace Flint.Samples.LstmClassifier;

/// <summary>One-hot letters → LSTM over the packed batch → the last hidden state of each word → two logits.</summary>
public sealed class CharLstm : torch.nn.Module<torch.nn.utils.rnn.PackedSequence, Tensor>
{
    private readonly LSTM lstm;
    private readonly Linear head;

    public CharLstm(long hidden)
    {
        lstm = torch.nn.LSTM(26, hidden);
        head = torch.nn.Linear(hidden, 2);
        RegisterComponents();
    }

    public override Tensor forward(torch.nn.utils.rnn.PackedSequence input)
    {
        // h_n is in the caller's batch order even though packing sorted the words by length.
        var (_, hN, _) = lstm.call(input);
        return head.call(hN.squeeze(0));
    }
}
