using static Flint.torch;

namespace Flint.CharGpt;

/// <summary>
/// A word list as one character stream: the words are shuffled (seeded), split 90/10 into training and validation
/// words, and each part is joined with newlines, so every word ends with '\n'. Tokens are the distinct characters.
/// </summary>
public sealed class CharData
{
    private CharData(char[] vocab, long[] train, long[] val)
    {
        Vocab = vocab;
        TrainTokens = train;
        ValTokens = val;
        Train = tensor(train);
        Val = tensor(val);
    }

    /// <summary>The characters, sorted; a token is an index into it.</summary>
    public char[] Vocab { get; }
    /// <summary>The training stream's tokens.</summary>
    public long[] TrainTokens { get; }
    /// <summary>The validation stream's tokens.</summary>
    public long[] ValTokens { get; }
    /// <summary>The training stream as an int64 tensor.</summary>
    public Tensor Train { get; }
    /// <summary>The validation stream as an int64 tensor.</summary>
    public Tensor Val { get; }

    /// <summary>Reads one word per line from <paramref name="path"/>.</summary>
    public static CharData FromFile(string path, int seed = 1337, double trainFraction = 0.9) =>
        FromWords(File.ReadAllLines(path), seed, trainFraction);

    /// <summary>Builds the streams from <paramref name="words"/> (empty ones are dropped).</summary>
    public static CharData FromWords(IEnumerable<string> words, int seed = 1337, double trainFraction = 0.9)
    {
        var list = words.Select(w => w.Trim()).Where(w => w.Length > 0).ToArray();
        new Random(seed).Shuffle(list);
        int nTrain = (int)(list.Length * trainFraction);
        string trainText = string.Join('\n', list[..nTrain]) + "\n", valText = string.Join('\n', list[nTrain..]) + "\n";
        var vocab = (trainText + valText).Distinct().Order().ToArray();
        var index = vocab.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => (long)p.i);
        return new CharData(vocab, trainText.Select(c => index[c]).ToArray(), valText.Select(c => index[c]).ToArray());
    }

    /// <summary>The token of character <paramref name="c"/>.</summary>
    public long Encode(char c) => Array.BinarySearch(Vocab, c);

    /// <summary>The text of <paramref name="tokens"/>.</summary>
    public string Decode(IEnumerable<long> tokens) => new(tokens.Select(t => Vocab[t]).ToArray());

    /// <summary>
    /// <paramref name="batch"/> random windows of <paramref name="block"/> tokens from <paramref name="stream"/> and the
    /// same windows shifted by one (the targets), on <paramref name="device"/>.
    /// </summary>
    public static (Tensor x, Tensor y) GetBatch(Tensor stream, long batch, long block, Device device)
    {
        var starts = randint(0, stream.numel() - block - 1, [batch]);
        var windows = stream[starts.unsqueeze(1) + arange(block + 1)];
        var x = windows[.., ..^1].contiguous();
        var y = windows[.., 1..].contiguous();
        return device.type == DeviceType.CPU ? (x, y) : (x.to(device), y.to(device));
    }

    /// <summary>
    /// The validation loss (mean negative log-likelihood per character, in nats) of a bigram model counted on the
    /// training stream with add-one smoothing: the baseline a model with context has to beat.
    /// </summary>
    public double BigramValidationLoss()
    {
        int v = Vocab.Length;
        var counts = new double[v, v];
        for (int i = 0; i + 1 < TrainTokens.Length; i++) counts[TrainTokens[i], TrainTokens[i + 1]]++;
        var rowTotals = new double[v];
        for (int a = 0; a < v; a++)
            for (int b = 0; b < v; b++) rowTotals[a] += counts[a, b] + 1;
        double nll = 0;
        for (int i = 0; i + 1 < ValTokens.Length; i++)
        {
            long a = ValTokens[i], b = ValTokens[i + 1];
            nll -= Math.Log((counts[a, b] + 1) / rowTotals[a]);
        }
        return nll / (ValTokens.Length - 1);
    }
}
