using Flint.Vision;

namespace Flint.Tests.Vision;

[Collection(GlobalRandomCollection.Name)]
public class TransformTests
{
    private static Tensor Image() => torch.tensor(Enumerable.Range(0, 12).Select(i => (byte)(i * 20)).ToArray(), [3, 4]);

    [Fact]
    public void ToTensorAndNormalize()
    {
        var t = torchvision.transforms.Compose(torchvision.transforms.ToTensor(), torchvision.transforms.Normalize([0.5], [0.25])).call(Image());
        Assert.Equal(new long[] { 1, 3, 4 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        var expected = Enumerable.Range(0, 12).Select(i => (float)((i * 20 / 255.0 - 0.5) / 0.25)).ToArray();
        var actual = t.data<float>().ToArray();
        for (int i = 0; i < 12; i++) Assert.Equal(expected[i], actual[i], 5);

        var rgb = torchvision.transforms.Normalize([0.0, 1.0, 2.0], [1.0, 2.0, 4.0]).call(torch.ones(3, 1, 2));
        Assert.Equal(new float[] { 1, 1, 0, 0, -0.25f, -0.25f }, rgb.data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => torchvision.transforms.Normalize([0.0, 1.0], [1.0, 1.0]).call(torch.ones(3, 1, 2)));
        Assert.Throws<ArgumentException>(() => torchvision.transforms.Normalize([0.0], [1.0]).call(Image()));
        Assert.Equal(9.0f, torchvision.transforms.Lambda(x => x * 3).call(torch.tensor(3.0f)).item<float>());
    }

    [Fact]
    public void FlipAndCrops()
    {
        var img = torchvision.transforms.ToTensor().call(Image());      // 1 x 3 x 4
        var flipped = torchvision.transforms.RandomHorizontalFlip(1.0).call(img);
        Assert.Equal(img[0, 1, 3].item<float>(), flipped[0, 1, 0].item<float>());
        Assert.Same(img, torchvision.transforms.RandomHorizontalFlip(0.0).call(img));

        var center = torchvision.transforms.CenterCrop(1, 2).call(img);
        Assert.Equal(new long[] { 1, 1, 2 }, center.shape);
        Assert.Equal(new[] { img[0, 1, 1].item<float>(), img[0, 1, 2].item<float>() }, center.data<float>().ToArray());

        // RandomCrop draws its offsets with torch.randint, as torchvision does.
        torch.manual_seed(3);
        long i = torch.randint(0, 3 + 2 - 3 + 1, [1]).item<long>();
        long j = torch.randint(0, 4 + 2 - 3 + 1, [1]).item<long>();
        torch.manual_seed(3);
        var crop = torchvision.transforms.RandomCrop(3, padding: 1).call(img);
        Assert.Equal(new long[] { 1, 3, 3 }, crop.shape);
        var padded = torch.zeros(1, 5, 6);
        padded.narrow(-2, 1, 3).narrow(-1, 1, 4).copy_(img);
        Assert.Equal(padded.narrow(-2, i, 3).narrow(-1, j, 3).contiguous().data<float>().ToArray(), crop.contiguous().data<float>().ToArray());
        Assert.Contains("larger then input image size", Assert.Throws<ArgumentException>(() => torchvision.transforms.RandomCrop(5).call(img)).Message);
    }
}
