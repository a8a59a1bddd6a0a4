namespace Flint.Tests.Autograd;

/// <summary>Every case of <see cref="GradCheckCases"/> on the CPU.</summary>
public class GradCheckTests
{
    public static TheoryData<string> Names() => GradCheckCases.Names();

    [Theory]
    [MemberData(nameof(Names))]
    public void AnalyticalMatchesNumerical(string name) => Assert.True(GradCheckCases.Check(name, torch.CPU));
}
