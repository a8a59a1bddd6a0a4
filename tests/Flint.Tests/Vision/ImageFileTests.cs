using Flint.Vision;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Flint.Tests.Vision;

/// <summary>ImageFolder, make_grid and save_image on images written here.</summary>
public sealed class ImageFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("flint-images-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MakeGridPlacesImagesWithPadding()
    {
        var batch = torch.stack([torch.full([1, 2, 2], 0.25), torch.full([1, 2, 2], 0.5), torch.full([1, 2, 2], 0.75)]);
        var grid = torchvision.utils.make_grid(batch, nrow: 2, padding: 1, pad_value: 1.0);
        // 2 columns, 2 rows of 2x2 images, 1 pixel of padding around each; grey images become 3 channels.
        Assert.Equal(new long[] { 3, 7, 7 }, grid.shape);
        Assert.Equal(1.0f, grid[0, 0, 0].item<float>());
        Assert.Equal(0.25f, grid[2, 1, 1].item<float>());
        Assert.Equal(0.5f, grid[0, 2, 5].item<float>());
        Assert.Equal(0.75f, grid[1, 4, 1].item<float>());
        Assert.Equal(1.0f, grid[1, 5, 5].item<float>());   // the empty fourth cell keeps pad_value
        Assert.Equal(new long[] { 3, 2, 2 }, torchvision.utils.make_grid(batch[0]).shape);
    }

    [Fact]
    public void SaveImageWritesAPngAndImageFolderReadsItBack()
    {
        foreach (var (cls, value) in new[] { ("cat", 0.2), ("dog", 0.6) })
        {
            Directory.CreateDirectory(Path.Combine(_dir, cls));
            var image = torch.full([3, 4, 5], value);
            image[0, 0, 0] = torch.tensor(1.0f);
            torchvision.utils.save_image(image, Path.Combine(_dir, cls, "a.png"));
        }
        File.WriteAllText(Path.Combine(_dir, "dog", "notes.txt"), "not an image");
        using (var png = Image.Load<Rgb24>(Path.Combine(_dir, "cat", "a.png")))
        {
            Assert.Equal(5, png.Width);
            Assert.Equal(4, png.Height);
            Assert.Equal(new Rgb24(255, 51, 51), png[0, 0]);    // 1.0 and 0.2 * 255 + 0.5 -> 51
            Assert.Equal(new Rgb24(51, 51, 51), png[1, 0]);
        }

        var folder = torchvision.datasets.ImageFolder(_dir, transform: torchvision.transforms.ToTensor());
        Assert.Equal(["cat", "dog"], folder.classes);
        Assert.Equal(2, folder.Count);
        var (x, y) = folder[1];
        Assert.Equal(1L, y);
        Assert.Equal(new long[] { 3, 4, 5 }, x.shape);
        Assert.Equal(153 / 255f, x[1, 2, 3].item<float>(), 6);

        File.WriteAllBytes(Path.Combine(_dir, "dog", "b.png"), [1, 2, 3]);
        Assert.Contains("cannot decode", Assert.Throws<InvalidDataException>(() => torchvision.datasets.ImageFolder(_dir)[2]).Message);
        var empty = Directory.CreateTempSubdirectory("flint-empty-").FullName;
        try { Assert.Contains("Couldn't find any class folder", Assert.Throws<FileNotFoundException>(() => torchvision.datasets.ImageFolder(empty)).Message); }
        finally { Directory.Delete(empty); }
    }
}
