using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Exceptions in ring 3 (usertest's exception scenarios): the conformance suite with its
/// exception checks, CPU faults caught as exceptions, first throws in four threads at once,
/// and the report of an unhandled one.
/// The kernel runs the same suite in its self-test (BootAndSelfTestTests).
/// </summary>
public class ExceptionTests : BootTestBase
{
    private const int UnhandledExceptionStatus = 134;

    private void BootToShell()
    {
        Boot("");
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");
    }

    [Test]
    public void RingThreeCatchesExceptionsAndFaults()
    {
        BootToShell();

        Machine.SendLine("run usertest catch-faults");
        ExpectOutput("catch-faults: caught NullReferenceException: Object reference not set to an instance of an object.");
        ExpectOutput("catch-faults: caught DivideByZeroException: Attempted to divide by zero.");
        ExpectOutput("catch-faults: went on after 2 faults");
        ExpectOutput("exited with status 0");

        // A program's first throws in four threads at once (they race to build the unwind index).
        int from = Machine.SerialLog.Length;
        Machine.SendLine("run usertest throw-threads 200");
        from = WaitFrom(from, "throw-threads: 4 threads x 200, caught 800 (expected 800), traces naming the thrower 4");
        WaitFrom(from, "exited with status 0");

        Machine.SendLine("run usertest conformance");
        var summary = ExpectMatch(@"conformance: (\d+) cases, (\d+) assertions passed, (\d+) failed");
        Assert.That(summary.Groups[3].Value, Is.EqualTo("0"), "failed conformance checks in ring 3");
        Assert.That(int.Parse(summary.Groups[2].Value), Is.GreaterThan(400));
        Assert.That(Machine.SerialLog, Does.Not.Contain("conformance: FAIL"));
    }

    [Test]
    public void UnhandledExceptionsReportTheirStackTrace()
    {
        BootToShell();

        Machine.SendLine("run usertest unhandled-trace");
        ExpectOutput("*** unhandled exception System.InvalidOperationException: usertest: nobody catches this");
        ExpectOutput("exited with status " + UnhandledExceptionStatus);
        string log = Machine.SerialLog;
        int innermost = log.IndexOf("at CosmosHybrid.Services.UserTest.ExceptionScenarios.Innermost");
        int middle = log.IndexOf("at CosmosHybrid.Services.UserTest.ExceptionScenarios.Middle");
        int outer = log.IndexOf("at CosmosHybrid.Services.UserTest.ExceptionScenarios.Outer");
        Assert.That(innermost, Is.GreaterThan(0), "the throwing method is named");
        Assert.That(middle, Is.GreaterThan(innermost), "then its caller");
        Assert.That(outer, Is.GreaterThan(middle), "then the caller's caller");

        // A fault nobody catches ends the program the same way, named as .NET names it.
        int from = Machine.SerialLog.Length;
        Machine.SendLine("run usertest divide");
        from = WaitFrom(from, "*** unhandled exception System.DivideByZeroException: Attempted to divide by zero.");
        from = WaitFrom(from, "exited with status " + UnhandledExceptionStatus);
        Machine.SendLine("run usertest null");
        from = WaitFrom(from + 1, "*** unhandled exception System.NullReferenceException: Object reference not set to an instance of an object.");
        from = WaitFrom(from, "exited with status " + UnhandledExceptionStatus);

        // A fault while the dispatcher runs (here: in the Message it reads for the report) is not dispatched again.
        Machine.SendLine("run usertest dispatcher-fault");
        from = WaitFrom(from + 1, "*** exception inside the exception dispatcher: a null dereference (NullReferenceException)");
        WaitFrom(from, "exited with status " + UnhandledExceptionStatus);
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }
}
