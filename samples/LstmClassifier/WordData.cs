namespace Flint.Samples.LstmClassifier;

/// <summary>
/// The task: tell real English words (Debian's wamerican list) from strings made of the same letters at the
/// same frequencies and with the same lengths, but in random order. Letter counts alone cannot separate the
/// classes; the order of the letters (which letters follow which) can, so the model has to read the sequence.
/// </summary>
public static class WordData
{
    /// <summary>Where Debian's <c>wamerican</c> package installs its list.</summary>
    public const string DefaultWordList = "/usr/share/dict/american-english";

    /// <summary>The distinct lower-case words of 3 to 12 letters a–z (no apostrophes, no capitals: no proper nouns).</summary>
    public static List<string> LoadWords(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"word list {path} not found: install Debian's wamerican package (apt-get install wamerican)", path);
        return File.ReadLines(path)
            .Where(w => w.Length is >= 3 and <= 12 && w.All(ch => ch is >= 'a' and <= 'z'))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// For each word, a string of the same length whose letters are drawn independently from the letter
    /// frequencies of all the words.
    /// </summary>
    public static List<string> Scrambles(IReadOnlyList<string> words, Random random)
    {
        var counts = new double[26];
        foreach (var w in words) foreach (var ch in w) counts[ch - 'a']++;
        var cumulative = new double[26];
        double total = counts.Sum(), running = 0;
        for (int i = 0; i < 26; i++) cumulative[i] = running += counts[i] / total;
        char Draw()
        {
            double u = random.NextDouble();
            int i = Array.FindIndex(cumulative, c => u < c);
            return (char)('a' + (i < 0 ? 25 : i));
        }
        return words.Select(w => new string(Enumerable.Range(0, w.Length).Select(_ => Draw()).ToArray())).ToList();
    }

    /// <summary>
    /// Labelled, shuffled examples: words (label 1) and as many scrambles (label 0), split into train and test sets.
    /// </summary>
    public static (List<(string text, long label)> train, List<(string text, long label)> test) Build(IReadOnlyList<string> words, int count, double testFraction, int seed)
    {
        var random = new Random(seed);
        var picked = words.OrderBy(_ => random.Next()).Take(count).ToList();
        var examples = picked.Select(w => (w, 1L)).Concat(Scrambles(picked, random).Select(s => (s, 0L))).OrderBy(_ => random.Next()).ToList();
        int testCount = (int)(examples.Count * testFraction);
        return (examples.Skip(testCount).ToList(), examples.Take(testCount).ToList());
    }

    /// <summary>
    /// A batch as a packed sequence of one-hot letters (the LSTM sees each word only up to its own length) and the labels.
    /// </summary>
    public static (torch.nn.utils.rnn.PackedSequence input, Tensor labels) Batch(IReadOnlyList<(string text, long label)> examples)
    {
        int batch = examples.Count, steps = examples.Max(e => e.text.Length);
        var oneHot = new float[batch * steps * 26];
        for (int b = 0; b < batch; b++)
            for (int t = 0; t < examples[b].text.Length; t++)
                oneHot[(b * steps + t) * 26 + examples[b].text[t] - 'a'] = 1;
        var padded = torch.tensor(oneHot).reshape(batch, steps, 26);
        var lengths = examples.Select(e => (long)e.text.Length).ToArray();
        var packed = torch.nn.utils.rnn.pack_padded_sequence(padded, lengths, batch_first: true, enforce_sorted: false);
        return (packed, torch.tensor(examples.Select(e => e.label).ToArray()));
    }
}
