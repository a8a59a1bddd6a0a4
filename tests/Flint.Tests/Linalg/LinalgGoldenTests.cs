namespace Flint.Tests.Linalg;

/// <summary>torch.linalg against PyTorch 1.13 (tests/golden/linalg.json) on the CPU.</summary>
public class LinalgGoldenTests
{
    public static TheoryData<string> Cases() => new(LinalgGoldenSuite.CaseNames());
    public static TheoryData<string> Errors() => new(LinalgGoldenSuite.ErrorNames());

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => LinalgGoldenSuite.Check(name, torch.CPU);

    [Theory]
    [MemberData(nameof(Errors))]
    public void ErrorsMatchPyTorch(string name) => LinalgGoldenSuite.CheckError(name);
}
