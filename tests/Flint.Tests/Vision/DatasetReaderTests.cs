using System.IO.Compression;
using Flint.Vision;

namespace Flint.Tests.Vision;

/// <summary>The IDX and CIFAR-10 readers on small files written here, and on Debian's real Fashion-MNIST.</summary>
public sealed class DatasetReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("flint-vision-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Idx(int magic, int[] dims, byte[] data)
    {
        var bytes = new List<byte> { (byte)(magic >> 24), (byte)(magic >> 16), (byte)(magic >> 8), (byte)magic };
        foreach (var d in dims) bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static void Write(string path, byte[] bytes, bool gzip)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!gzip) { File.WriteAllBytes(path, bytes); return; }
        using var file = File.Create(path + ".gz");
        using var z = new GZipStream(file, CompressionLevel.Fastest);
        z.Write(bytes);
    }

    // Three 2x3 images whose pixels are 10*image + position, labels 7, 1, 4.
    private void WriteSmallMnist(string folder, bool gzip, string prefix = "train")
    {
        var pixels = Enumerable.Range(0, 3).SelectMany(i => Enumerable.Range(0, 6).Select(p => (byte)(10 * i + p))).ToArray();
        Write(Path.Combine(folder, $"{prefix}-images-idx3-ubyte"), Idx(0x803, [3, 2, 3], pixels), gzip);
        Write(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte"), Idx(0x801, [3], [7, 1, 4]), gzip);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void ReadsIdxFilesInBothLayouts(bool gzip, bool pytorchLayout)
    {
        WriteSmallMnist(pytorchLayout ? Path.Combine(_dir, "MNIST", "raw") : _dir, gzip);
        var ds = torchvision.datasets.MNIST(_dir);
        Assert.Equal(3, ds.Count);
        var (image, label) = ds[1];
        Assert.Equal(1L, label);
        Assert.Equal(ScalarType.Byte, image.dtype);
        Assert.Equal(new long[] { 2, 3 }, image.shape);
        Assert.Equal(new byte[] { 10, 11, 12, 13, 14, 15 }, image.data<byte>().ToArray());
        Assert.Equal(new long[] { 7, 1, 4 }, ds.targets.data<long>().ToArray());
        Assert.Equal(4L, ds[-1].Item2);

        var tensors = torchvision.datasets.MNIST(_dir, transform: torchvision.transforms.ToTensor(), target_transform: y => y + 100);
        var (x, y) = tensors[2];
        Assert.Equal(new long[] { 1, 2, 3 }, x.shape);
        Assert.Equal(25 / 255f, x.data<float>()[5], 6);
        Assert.Equal(104L, y);
    }

    [Fact]
    public void BadIdxFilesGiveClearErrors()
    {
        WriteSmallMnist(_dir, gzip: false);
        var images = Path.Combine(_dir, "train-images-idx3-ubyte");
        var full = File.ReadAllBytes(images);

        File.WriteAllBytes(images, full[..^4]);
        var truncated = Assert.Throws<InvalidDataException>(() => torchvision.datasets.MNIST(_dir));
        Assert.Contains("truncated", truncated.Message);
        Assert.Contains(images, truncated.Message);

        File.WriteAllBytes(images, full[..10]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => torchvision.datasets.MNIST(_dir)).Message);

        var wrongMagic = (byte[])full.Clone();
        wrongMagic[3] = 0x01;
        File.WriteAllBytes(images, wrongMagic);
        Assert.Contains("magic number 0x00000801, expected 0x00000803", Assert.Throws<InvalidDataException>(() => torchvision.datasets.MNIST(_dir)).Message);

        File.WriteAllBytes(images, full);
        File.WriteAllBytes(Path.Combine(_dir, "train-labels-idx1-ubyte"), Idx(0x801, [2], [7, 1]));
        Assert.Contains("holds 3 images but", Assert.Throws<InvalidDataException>(() => torchvision.datasets.MNIST(_dir)).Message);

        File.WriteAllBytes(images + ".gz", [1, 2, 3]);
        File.Delete(images);
        Assert.Contains("not a valid gzip file", Assert.Throws<InvalidDataException>(() => torchvision.datasets.MNIST(_dir)).Message);
    }

    [Fact]
    public void MissingDataSaysWhereItLookedAndHowToGetIt()
    {
        var e = Assert.Throws<FileNotFoundException>(() => torchvision.datasets.FashionMNIST(_dir, train: false, download: true));
        Assert.Contains("t10k-images-idx3-ubyte[.gz] not found", e.Message);
        Assert.Contains(Path.Combine(_dir, "FashionMNIST", "raw"), e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("never downloads", e.Message);
        Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() => torchvision.datasets.CIFAR10(_dir)).Message);
    }

    [Fact]
    public void ReadsCifar10BinaryBatches()
    {
        var folder = Path.Combine(_dir, "cifar-10-batches-bin");
        Directory.CreateDirectory(folder);
        var record = new byte[3073];
        record[0] = 6;
        for (int c = 0; c < 3; c++) record[1 + c * 1024 + 33] = (byte)(100 + c);   // pixel (1, 1) of each channel
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), [.. record, .. record]);
        var ds = torchvision.datasets.CIFAR10(_dir, train: false);
        Assert.Equal(2, ds.Count);
        var (image, label) = ds[1];
        Assert.Equal(6L, label);
        Assert.Equal(new long[] { 32, 32, 3 }, image.shape);
        Assert.Equal(new byte[] { 100, 101, 102 }, image[1, 1].data<byte>().ToArray());
        var chw = torchvision.transforms.ToTensor().call(image);
        Assert.Equal(new long[] { 3, 32, 32 }, chw.shape);
        Assert.Equal(101 / 255f, chw[1, 1, 1].item<float>(), 6);

        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), [.. record, 1, 2]);
        Assert.Contains("not a whole number of CIFAR-10 records", Assert.Throws<InvalidDataException>(() => torchvision.datasets.CIFAR10(_dir, train: false)).Message);
        record[0] = 12;
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), record);
        Assert.Contains("label 12", Assert.Throws<InvalidDataException>(() => torchvision.datasets.CIFAR10(_dir, train: false)).Message);
    }

    [Fact]
    public void ReadsDebiansFashionMnist()
    {
        Assert.True(File.Exists(Path.Combine(FashionMNIST.DefaultRoot, "train-images-idx3-ubyte.gz")),
            "Debian's dataset-fashion-mnist is missing: .ci/run installs it (apt-get install -y dataset-fashion-mnist)");
        var train = torchvision.datasets.FashionMNIST();
        var test = torchvision.datasets.FashionMNIST(train: false);
        Assert.Equal(60000, train.Count);
        Assert.Equal(10000, test.Count);
        // Both splits are balanced: 6,000 and 1,000 of each class.
        Assert.All(train.targets.data<long>().ToArray().CountBy(y => y), c => Assert.Equal(6000, c.Value));
        Assert.All(test.targets.data<long>().ToArray().CountBy(y => y), c => Assert.Equal(1000, c.Value));
        Assert.Equal("Ankle boot", test.classes[(int)test[0].Item2]);   // the Quickstart's prediction example
        Assert.Equal(9L, train[0].Item2);
        Assert.Equal(new long[] { 28, 28 }, train[0].Item1.shape);
    }
}
