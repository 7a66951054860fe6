using System;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace CosmosHybrid.BootTests;

/// <summary>
/// Standard I/O handles from the ring-3 shell: pipes between builtins and programs, files
/// written by <c>&gt;</c> and <c>&gt;&gt;</c> and read back, <c>&lt;</c> feeding a program, UTF-8 through a
/// pipe, a writer whose reader dies, the stream system calls' errors, and the shell's errors.
/// One boot serves every check: each is a command line and what it printed.
/// </summary>
public class StandardIoTests : BootTestBase
{

    [Test]
    public void PipesAndRedirectionsFromTheShell()
    {
        Boot("");
        ExpectOutput(ShellBanner);
        ExpectOutput("$ ");

        // Pipes: builtin to builtin, program to builtin, three stages, builtin to program.
        Assert.That(Shell("echo hi | cat"), Is.EqualTo("hi"));
        Assert.That(Shell("usertest count 2 piped | cat | cat"), Is.EqualTo("piped 1\r\npiped 2\r\npiped done"));
        Assert.That(Shell("echo one two three | usertest wc"), Is.EqualTo("wc: 1 lines, 3 words, 14 bytes, 14 characters"));
        Assert.That(Shell("ls /bin | cat"), Does.Contain("usertest.elf").And.Contain("shell.elf"));

        // > writes a file that cat reads back; >> appends; < feeds a builtin and a program.
        Assert.That(Shell("echo first > /io.txt"), Is.Empty);
        Assert.That(Shell("cat /io.txt"), Is.EqualTo("first"));
        Assert.That(Shell("echo second >> /io.txt"), Is.Empty);
        Assert.That(Shell("cat < /io.txt"), Is.EqualTo("first\r\nsecond"));
        Assert.That(Shell("usertest wc < /io.txt"), Is.EqualTo("wc: 2 lines, 2 words, 13 bytes, 13 characters"));
        Assert.That(Shell("echo replaced > /io.txt; cat /io.txt"), Is.EqualTo("replaced"), "> truncates");
        Assert.That(Shell("ls /bin > /listing.txt"), Is.Empty);
        Assert.That(Shell("cat /listing.txt"), Does.Contain("usertest.elf"));
        Assert.That(Shell("usertest count 2 saved > /count.txt"), Is.Empty, "a program's standard output went to the file");
        Assert.That(Shell("cat /count.txt"), Is.EqualTo("saved 1\r\nsaved 2\r\nsaved done"));
        Assert.That(Shell("cat < /io.txt | usertest wc > /wc.txt; cat /wc.txt"), Is.EqualTo("wc: 1 lines, 1 words, 9 bytes, 9 characters"));

        // UTF-8 end to end: through a pipe, into a file and back.
        Assert.That(Shell("echo γεια σου κόσμε | cat"), Is.EqualTo("γεια σου κόσμε"));
        Assert.That(Shell("echo Привет 日本語 😀 | usertest wc"), Is.EqualTo("wc: 1 lines, 3 words, 28 bytes, 13 characters"));
        Assert.That(Shell("echo 'Über café' > /ünï.txt; cat < /ünï.txt"), Is.EqualTo("Über café"));

        // A writer blocked on a full pipe whose reader dies (an unhandled null dereference) is woken with an error, not left hanging.
        string flood = Shell("usertest flood | usertest null");
        Assert.That(flood, Does.Contain("unhandled exception System.NullReferenceException"));
        Assert.That(flood, Does.Match(@"flood: stopped after \d+ bytes: the other end is closed \(broken pipe\)"));
        Assert.That(Shell("usertest flood | usertest exit 0; echo $?"), Does.EndWith("0"));

        // The stream system calls refuse bad handles, directions and pointers with errors.
        Assert.That(Shell("usertest stream-calls"), Is.EqualTo("stream-calls: 0 failures"));

        // The shell's own errors.
        Assert.That(Shell("cat < /missing.txt; echo $?"), Is.EqualTo("shell: /missing.txt: not found\r\n1"));
        Assert.That(Shell("echo x > /no/such/dir/f"), Is.EqualTo("shell: /no/such/dir/f: not found"));
        Assert.That(Shell("echo a |"), Is.EqualTo("shell: syntax error: a command must follow '|'"));
        Assert.That(Shell("| cat"), Is.EqualTo("shell: syntax error: a command must come before '|'"));
        Assert.That(Shell("echo a >"), Is.EqualTo("shell: syntax error: '>' needs a file name"));
        Assert.That(Shell("echo a | frobnicate; echo $?"), Is.EqualTo("frobnicate: unknown command (try 'help')\r\n127"));

        // Nothing is left behind: the shell holds its standard I/O and the authority only.
        Assert.That(Shell("ps"), Does.Match(@"\s+" + ShellProcessId + @" shell\s+running\s+4\s+1\s+4\s"));
        Assert.That(Machine.SerialLog, Does.Not.Contain("KERNEL PANIC"));
    }
}
