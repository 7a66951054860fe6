using CosmosHybrid.Boot;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Boot;

// BootOptions is static kernel state: these tests run one at a time and check only what they set.
[NonParallelizable]
public class BootOptionsTests
{
    [Test]
    public void RecognisesSwitchesAmongOtherWords()
    {
        BootOptions.Parse("quiet  selftest exit-on-panic root=/dev/ram0");

        Assert.That(BootOptions.SelfTest, Is.True);
        Assert.That(BootOptions.ExitOnPanic, Is.True);
    }

    [Test]
    public void PanicTestTakesAnOptionalKind()
    {
        BootOptions.Parse("panic-test=exception");

        Assert.That(BootOptions.PanicTest, Is.True);
        Assert.That(BootOptions.PanicTestKind, Is.EqualTo("exception"));
    }

    [Test]
    public void InitNamesTheFirstProgramWithCommaSeparatedArguments()
    {
        BootOptions.Parse("quiet init=usertest,device-e1000,fast");

        Assert.That(BootOptions.InitialProgram, Is.EqualTo("usertest device-e1000 fast"));
    }
}
