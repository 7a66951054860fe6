using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Ring3Host;
using CosmosHybrid.Services.Echo;
using NUnit.Framework;

namespace CosmosHybrid.HarnessTests;

/// <summary>The echo service, unchanged from its ring-3 sources, driven through the harness.</summary>
public unsafe class EchoServiceTests : HarnessTest
{
    private const int Page = 4096;

    private EchoServer _echo;
    private HostProcess _client;

    [SetUp]
    public void StartEcho()
    {
        _echo = EchoServer.Start(Kernel, Patience);
        _client = Kernel.CreateProcess("client");
    }

    [Test]
    public void EchoAndAddAnswerShortCalls()
    {
        long echo = _client.Lookup(EchoService.ShortPortName);
        Assert.That(echo, Is.Positive);

        var echoed = new ShortMessage(EchoService.TagEcho, 1, 2, 3, 4);
        var added = new ShortMessage(EchoService.TagAdd, 40, 2, 7, 7);
        Assert.That(Within(_client.StartThread(p => p.Call(echo, ref echoed)), "echo call"), Is.Zero);
        Assert.That(Within(_client.StartThread(p => p.Call(echo, ref added)), "add call"), Is.Zero);

        Assert.That(echoed, Is.EqualTo(new ShortMessage(EchoService.TagEcho, 1, 2, 3, 4)));
        Assert.That(added, Is.EqualTo(new ShortMessage(EchoService.TagAdd, 42)));
    }

    [Test]
    public void TenThousandCallsFromFourThreadsLoseNothing()
    {
        const int Threads = 4;
        const int CallsPerThread = 2500;
        long echo = _client.Lookup(EchoService.ShortPortName);
        int clientHandles = _client.HandleCount;
        int serverHandles = _echo.Process.HandleCount;
        int answered = 0;

        Task<long>[] callers = Enumerable.Range(0, Threads).Select(index => _client.StartThread(p =>
        {
            for (ulong i = 0; i < CallsPerThread; i++)
            {
                ulong tag = i % 2 == 0 ? EchoService.TagAdd : EchoService.TagEcho;
                var message = new ShortMessage(tag, i, (ulong)index << 32, (ulong)index, i);
                long result = p.Call(echo, ref message);
                ShortMessage expected = tag == EchoService.TagAdd
                    ? new ShortMessage(tag, i + ((ulong)index << 32))
                    : new ShortMessage(tag, i, (ulong)index << 32, (ulong)index, i);
                if (result != 0 || !message.Equals(expected))
                    return -1 - (long)i; // which call went wrong
                Interlocked.Increment(ref answered);
            }
            return 0;
        })).ToArray();

        foreach (Task<long> caller in callers)
            Assert.That(Within(caller, "a calling thread"), Is.Zero, "a reply differed from its request");
        Assert.That(answered, Is.EqualTo(Threads * CallsPerThread));
        Assert.That(_client.HandleCount, Is.EqualTo(clientHandles), "client handles leaked");
        Assert.That(_echo.Process.HandleCount, Is.EqualTo(serverHandles), "server handles leaked");
        Assert.That(_echo.Process.State, Is.EqualTo(ProcessState.Running));
    }

    [Test]
    public void BulkCallEchoesAndChecksumsFourKilobytes()
    {
        long bulk = _client.Lookup(EchoService.BulkPortName);
        byte[] sent = Pattern(Page, seed: 1);
        byte[] received = new byte[Page];
        IpcMessage reply = default;
        long result;
        fixed (byte* source = sent)
        fixed (byte* destination = received)
        {
            var request = new IpcMessage { Tag = EchoService.TagBulk, BufferAddress = (ulong)source, BufferLength = Page };
            reply.BufferAddress = (ulong)destination;
            reply.BufferLength = Page;
            result = Within(_client.StartThread(p => p.CallEx(bulk, ref request, ref reply)), "bulk call");
            Assert.That(reply.Word0, Is.EqualTo(EchoService.Checksum(source, Page)));
            Assert.That(reply.BufferAddress, Is.EqualTo((ulong)destination));
        }
        Assert.That(result, Is.Zero);
        Assert.That(reply.Tag, Is.EqualTo(EchoService.TagBulk));
        Assert.That(reply.BufferLength, Is.EqualTo((ulong)Page));
        Assert.That(received, Is.EqualTo(sent));
        Assert.That(reply.Word1 | reply.Word2 | reply.Word3, Is.Zero, "no grant, no handle");
        Assert.That(reply.Handle, Is.Zero);
    }

    [Test]
    public void ReplyLongerThanTheCallersBufferIsTruncated()
    {
        long bulk = _client.Lookup(EchoService.BulkPortName);
        byte[] sent = Pattern(1000, seed: 2);
        byte[] received = new byte[100];
        IpcMessage reply = default;
        fixed (byte* source = sent)
        fixed (byte* destination = received)
        {
            var request = new IpcMessage { Tag = EchoService.TagBulk, BufferAddress = (ulong)source, BufferLength = 1000 };
            reply.BufferAddress = (ulong)destination;
            reply.BufferLength = 100;
            Assert.That(Within(_client.StartThread(p => p.CallEx(bulk, ref request, ref reply))), Is.Zero);
        }
        Assert.That(reply.BufferLength, Is.EqualTo(100UL));
        Assert.That(received, Is.EqualTo(sent.Take(100).ToArray()));
    }

    [Test]
    public void BufferOverOnePageIsRefused()
    {
        long bulk = _client.Lookup(EchoService.BulkPortName);
        byte[] big = new byte[Page + 1];
        fixed (byte* source = big)
        {
            var request = new IpcMessage { Tag = EchoService.TagBulk, BufferAddress = (ulong)source, BufferLength = Page + 1 };
            var reply = default(IpcMessage);
            Assert.That(_client.CallEx(bulk, ref request, ref reply), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
            Assert.That(_client.Send(bulk, ref request, 0), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        }
    }

    [Test]
    public void GrantedPagesAreChecksummedByTheServer()
    {
        const int Pages = 4;
        long bulk = _client.Lookup(EchoService.BulkPortName);
        ulong memory = _client.MapMemory(Pages);
        new ReadOnlySpan<byte>(Pattern(Pages * Page, seed: 3)).CopyTo(new Span<byte>((void*)memory, Pages * Page));

        var request = new IpcMessage
        {
            Tag = EchoService.TagBulk,
            Word0 = Pages * Page, // EchoService: how many granted bytes to checksum
            GrantAddress = memory,
            GrantLength = Pages * Page,
        };
        var reply = default(IpcMessage);
        Assert.That(Within(_client.StartThread(p => p.CallEx(bulk, ref request, ref reply)), "grant call"), Is.Zero);
        Assert.That(reply.Word1, Is.EqualTo(EchoService.Checksum((byte*)memory, Pages * Page)));
        Assert.That(reply.Word1, Is.Not.Zero);
        Assert.That(reply.Word0, Is.Zero, "no bytes were copied");
    }

    [Test]
    public void GrantsMustBePageAlignedBoundedAndInACall()
    {
        long bulk = _client.Lookup(EchoService.BulkPortName);
        ulong memory = _client.MapMemory(1);
        var reply = default(IpcMessage);

        var misaligned = new IpcMessage { GrantAddress = memory + 8, GrantLength = Page };
        var ragged = new IpcMessage { GrantAddress = memory, GrantLength = 100 };
        var huge = new IpcMessage { GrantAddress = memory, GrantLength = 16 * 1024 * 1024 + Page };
        var sent = new IpcMessage { GrantAddress = memory, GrantLength = Page };
        var nowhere = new IpcMessage { GrantAddress = 0, GrantLength = Page };

        Assert.That(_client.CallEx(bulk, ref misaligned, ref reply), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        Assert.That(_client.CallEx(bulk, ref ragged, ref reply), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        Assert.That(_client.CallEx(bulk, ref huge, ref reply), Is.EqualTo(Failed(SyscallError.InvalidArgument)));
        Assert.That(_client.Send(bulk, ref sent, 0), Is.EqualTo(Failed(SyscallError.InvalidArgument)), "grants travel with calls only");
        Assert.That(_client.CallEx(bulk, ref nowhere, ref reply), Is.EqualTo(Failed(SyscallError.BadAddress)));
    }

    [Test]
    public void HandlePassedInABulkCallWorksInTheReceiverUntilItClosesIt()
    {
        long bulk = _client.Lookup(EchoService.BulkPortName);
        long inbox = _client.CreatePort();
        long passed = _client.Duplicate(inbox, HandleRights.Send | HandleRights.Transfer);

        var request = new IpcMessage { Tag = EchoService.TagBulk, Handle = passed };
        var reply = default(IpcMessage);
        Assert.That(Within(_client.StartThread(p => p.CallEx(bulk, ref request, ref reply)), "call with a handle"), Is.Zero);

        // EchoService: Word2 = sending on the handle it got, Word3 = sending again after closing it.
        Assert.That((long)reply.Word2, Is.Zero, "the handle works in the receiver");
        Assert.That((long)reply.Word3, Is.EqualTo(Failed(SyscallError.BadHandle)), "and not after it closed it");
        Assert.That(_client.Close(passed), Is.EqualTo(Failed(SyscallError.BadHandle)), "the handle moved out of the sender");

        var probe = default(IpcMessage);
        Assert.That(_client.Receive(inbox, ref probe, 0), Is.Zero, "the receiver's message arrived");
        Assert.That(probe.Tag, Is.EqualTo(EchoService.TagEcho));
        Assert.That(_client.Receive(inbox, ref probe, 0), Is.EqualTo(Failed(SyscallError.TimedOut)));
    }

    [Test]
    public void StopEndsTheServiceAndItsPortsClose()
    {
        long echo = _client.Lookup(EchoService.ShortPortName);
        long bulk = _client.Lookup(EchoService.BulkPortName);

        var stop = new ShortMessage(EchoService.TagStop);
        Assert.That(Within(_client.StartThread(p => p.Call(echo, ref stop)), "stop call"), Is.Zero);
        Assert.That(stop.Tag, Is.EqualTo(EchoService.TagStop), "the stop call is answered");

        // ServeShort answers the stop with ReplyEx and returns at once: Main ends with 0.
        Assert.That(Within(_echo.Process.Exited, "the echo process"), Is.Zero, "Main returned 0");
        Assert.That(_echo.Process.State, Is.EqualTo(ProcessState.Exited));
        AssertCanceledWithin(_echo.BulkThread, "the bulk thread");

        var again = new ShortMessage(EchoService.TagEcho);
        Assert.That(_client.Call(echo, ref again), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        var request = default(IpcMessage);
        var reply = default(IpcMessage);
        Assert.That(_client.CallEx(bulk, ref request, ref reply), Is.EqualTo(Failed(SyscallError.PeerClosed)));
        Assert.That(_client.Lookup(EchoService.ShortPortName), Is.EqualTo(Failed(SyscallError.NotFound)));
    }

    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
