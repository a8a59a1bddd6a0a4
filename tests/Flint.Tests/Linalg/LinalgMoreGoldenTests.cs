namespace Flint.Tests.Linalg;

/// <summary>The functions of tests/golden/linalg-more.json against PyTorch 1.13 on the CPU.</summary>
public class LinalgMoreGoldenTests
{
    public static TheoryData<string> Cases() => new(LinalgMoreGoldenSuite.CaseNames());
    public static TheoryData<string> Errors() => new(LinalgMoreGoldenSuite.ErrorNames());

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => LinalgMoreGoldenSuite.Check(name, torch.CPU);

    [Theory]
    [MemberData(nameof(Errors))]
    public void ErrorsMatchPyTorch(string name) => LinalgMoreGoldenSuite.CheckError(name);
}
