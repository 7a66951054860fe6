using System;
using System.Collections.Generic;
using System.Text;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Input.Mouse;
using CosmosHybrid.Services.Input.Protocol;
using CosmosHybrid.Services.Input.Service;
using CosmosHybrid.Services.Ipc;
using NUnit.Framework;

namespace CosmosHybrid.UnitTests.Input.Service;

public class InputServerTests
{
    /// <summary>Ports as far as the server uses them: sends are recorded per handle, closes too.</summary>
    private sealed class RecordingPorts : IMessagePorts
    {
        public readonly Dictionary<long, List<IpcMessage>> Sent = new();
        public readonly List<long> Closed = new();
        public readonly Dictionary<long, long> Failures = new();

        public long Send(long handle, ref IpcMessage message, long timeoutMs)
        {
            if (Failures.TryGetValue(handle, out long error))
                return error;
            if (!Sent.TryGetValue(handle, out List<IpcMessage> list))
                Sent[handle] = list = new List<IpcMessage>();
            list.Add(message);
            return 0;
        }

        public long Close(long handle)
        {
            Closed.Add(handle);
            return 0;
        }

        public long CreatePort() => throw new NotSupportedException();
        public long Duplicate(long handle, HandleRights rights) => throw new NotSupportedException();
        public long Receive(long handle, ref IpcMessage message, long timeoutMs) => throw new NotSupportedException();
        public long Call(long handle, ref ShortMessage message) => throw new NotSupportedException();
        public long ReplyWait(long handle, ref ShortMessage message) => throw new NotSupportedException();
        public long CallEx(long handle, ref IpcMessage request, ref IpcMessage reply) => throw new NotSupportedException();
        public long ReplyEx(ref IpcMessage reply) => throw new NotSupportedException();
        public long CallerProcess() => throw new NotSupportedException();
        public long Notify(long handle, ulong bits) => throw new NotSupportedException();
        public long Register(string name, long handle) => throw new NotSupportedException();
        public long Lookup(string name) => throw new NotSupportedException();
    }

    private sealed class RecordingConsole : IConsoleTyping
    {
        public readonly List<byte> Bytes = new();

        public string Text => Encoding.UTF8.GetString(Bytes.ToArray());

        public void Type(ReadOnlySpan<byte> utf8) => Bytes.AddRange(utf8.ToArray());
    }

    private RecordingPorts _ports;
    private RecordingConsole _console;
    private InputServer _server;

    [SetUp]
    public void CreateServer()
    {
        _ports = new RecordingPorts();
        _console = new RecordingConsole();
        _server = new InputServer(_ports, _console, KeyboardLayouts.UnitedStates());
    }

    private void Feed(params byte[] scanCodes)
    {
        foreach (byte code in scanCodes)
            _server.OnKeyboardByte(code, out _);
    }

    private IpcMessage Request(InputMessageTag tag, ulong word0 = 0, long handle = 0)
    {
        var request = new IpcMessage { Tag = (ulong)tag, Word0 = word0, Handle = handle };
        return _server.HandleRequest(request);
    }

    private static ulong Packed(string name)
    {
        Assert.That(KeymapName.TryPack(name, out ulong packed), Is.True);
        return packed;
    }

    [Test]
    public void WithoutSubscribersTypedTextGoesToTheConsoleAsUtf8()
    {
        // e c h o space h i Enter, then Up (an xterm sequence).
        Feed(0x12, 0x92, 0x2E, 0xAE, 0x23, 0xA3, 0x18, 0x98, 0x39, 0xB9, 0x23, 0xA3, 0x17, 0x97, 0x1C, 0x9C, 0xE0, 0x48, 0xE0, 0xC8);
        Assert.That(_console.Text, Is.EqualTo("echo hi\r\u001b[A"));
    }

    [Test]
    public void ShiftAndCapsLockMakeCapitalsAndCapsLockChangesTheLedState()
    {
        int generation = _server.LockGeneration;
        Feed(0x2A, 0x1E, 0x9E, 0xAA, 0x3A, 0xBA, 0x1E, 0x9E, 0x02, 0x82);   // Shift+a, Caps, a, 1
        Assert.That(_console.Text, Is.EqualTo("AA1"));
        Assert.That(_server.LockGeneration, Is.Not.EqualTo(generation));
        Assert.That(_server.Translator.State.LedBits, Is.EqualTo(4));
    }

    [Test]
    public void SetKeymapSwitchesTheLayoutAndRepliesWithIt()
    {
        IpcMessage reply = Request(InputMessageTag.SetKeymap, Packed("de"));
        Assert.That((long)reply.Word0, Is.EqualTo(0));
        Assert.That(KeymapName.Unpack(reply.Word1), Is.EqualTo("de"));
        Feed(0x15, 0x95);   // the key labelled Y on a US keyboard types z on a German one
        Assert.That(_console.Text, Is.EqualTo("z"));

        IpcMessage query = Request(InputMessageTag.SetKeymap);
        Assert.That((long)query.Word0, Is.EqualTo(0));
        Assert.That(KeymapName.Unpack(query.Word1), Is.EqualTo("de"));
    }

    [Test]
    public void BadRequestsGetErrorsAndChangeNothing()
    {
        Assert.That((long)Request(InputMessageTag.SetKeymap, Packed("xx")).Word0, Is.EqualTo(SyscallResult.Error(SyscallError.NotFound)));
        Assert.That((long)Request(InputMessageTag.SetKeymap, 0xFFFF).Word0, Is.EqualTo(SyscallResult.Error(SyscallError.InvalidArgument)));
        Assert.That((long)Request(InputMessageTag.Subscribe).Word0, Is.EqualTo(SyscallResult.Error(SyscallError.InvalidArgument)));
        Assert.That((long)Request((InputMessageTag)999, handle: 77).Word0, Is.EqualTo(SyscallResult.Error(SyscallError.InvalidArgument)));
        Assert.That((long)Request(InputMessageTag.KeyEvent).Word0, Is.EqualTo(SyscallResult.Error(SyscallError.InvalidArgument)));
        Assert.That(_ports.Closed, Is.EqualTo(new long[] { 77 }), "a handle sent with a bad request is closed, not kept");
        Assert.That(_server.Translator.Layout.Name, Is.EqualTo("us"));
        Assert.That(_server.Subscribers.Count, Is.EqualTo(0));
    }

    [Test]
    public void SubscribersGetKeyAndMouseEventsInsteadOfTheConsole()
    {
        Assert.That((long)Request(InputMessageTag.Subscribe, handle: 40).Word0, Is.EqualTo(0));
        Feed(0x1E, 0x9E);   // a down, a up
        _server.Mouse.HasWheel = true;
        foreach (byte b in new byte[] { 0x29, 10, 0xFB, 0xFF })
            _server.OnMouseByte(b, out _);

        Assert.That(_console.Bytes, Is.Empty);
        List<IpcMessage> sent = _ports.Sent[40];
        Assert.That(sent, Has.Count.EqualTo(3));
        Assert.That(KeyEventMessage.TryRead(sent[0], out KeyEventMessage down), Is.True);
        Assert.That((down.Key, down.Pressed, down.TextLength), Is.EqualTo((Key.A, true, 1)));
        Assert.That(KeyEventMessage.TryRead(sent[1], out KeyEventMessage up), Is.True);
        Assert.That((up.Key, up.Pressed, up.TextLength), Is.EqualTo((Key.A, false, 0)));
        Assert.That(MouseEventMessage.TryRead(sent[2], out MouseEvent mouse), Is.True);
        Assert.That((mouse.DeltaX, mouse.DeltaY, mouse.Wheel, mouse.Buttons), Is.EqualTo((10, 5, 1, MouseButtons.Left)));
    }

    [Test]
    public void ADeadSubscriberIsDroppedAndKeysGoBackToTheConsole()
    {
        Request(InputMessageTag.Subscribe, handle: 40);
        _ports.Failures[40] = SyscallResult.Error(SyscallError.PeerClosed);
        Feed(0x1E, 0x9E);
        Assert.That(_server.Subscribers.Count, Is.EqualTo(0));
        Assert.That(_ports.Closed, Does.Contain(40L));
        Feed(0x30, 0xB0);
        Assert.That(_console.Text, Is.EqualTo("ab"), "the key that found the subscriber gone is not lost");
    }

    [Test]
    public void AFullSubscriberLosesEventsButStays()
    {
        Request(InputMessageTag.Subscribe, handle: 40);
        _ports.Failures[40] = SyscallResult.Error(SyscallError.QueueFull);
        Feed(0x1E, 0x9E);
        Assert.That(_server.Subscribers.Count, Is.EqualTo(1));
        Assert.That(_server.Subscribers.Lost, Is.EqualTo(2));
    }

    [Test]
    public void SubscribersAreLimited()
    {
        for (int i = 0; i < InputProtocol.MaxSubscribers; i++)
            Assert.That((long)Request(InputMessageTag.Subscribe, handle: 100 + i).Word0, Is.EqualTo(0));
        Assert.That((long)Request(InputMessageTag.Subscribe, handle: 999).Word0, Is.EqualTo(SyscallResult.Error(SyscallError.TooManyHandles)));
        Assert.That(_ports.Closed, Is.EqualTo(new long[] { 999 }));
    }
}
