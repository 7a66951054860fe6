using System.Runtime.InteropServices;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Input.Mouse;
using CosmosHybrid.Services.Input.Protocol;
using CosmosHybrid.Services.Input.Service;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Input.Driver;

/// <summary>
/// The input driver's main loop. One port receives both interrupts (IRQ 1 as bit 0, IRQ 12 as
/// bit 1, bound through the i8042 device handle) and the requests of clients (the name
/// `input`). On an interrupt it drains the controller, the status byte telling keyboard bytes
/// from mouse bytes, feeds them to the <see cref="InputServer"/>, sets the LEDs when a lock key
/// changed, and acknowledges the lines, which the kernel keeps masked until then.
/// </summary>
internal sealed class InputDriver
{
    private const int KeyboardIrq = 1;
    private const int MouseIrq = 12;
    private const ulong KeyboardBit = 1;
    private const ulong MouseBit = 2;

    /// <summary>A pause this long inside a mouse packet means a byte was lost: start over.</summary>
    private const long MousePacketGapMs = 100;

    private readonly SyscallPorts _ports = SyscallPorts.Instance;
    private readonly long _device;
    private readonly InputServer _server;
    private readonly I8042Controller _controller = new I8042Controller();
    private readonly Ps2Setup _setup;
    private readonly bool _debug;
    private long _port;
    private int _ledGeneration;
    private long _lastMouseByte;

    public InputDriver(long device, IConsoleTyping console, KeyboardLayout layout, bool debug)
    {
        _device = device;
        _debug = debug;
        _server = new InputServer(_ports, console, layout);
        _setup = new Ps2Setup(_controller);
    }

    /// <summary>Sets everything up; an error text, or null when the driver can serve.</summary>
    public string Start(long reservation)
    {
        long result = DeviceCalls.EnablePorts(_device);
        if (result < 0)
            return "cannot use the i8042's ports (" + ProcessCalls.ErrorText(result) + ")";
        if (!_setup.Run())
            return "no working keyboard or mouse (" + _setup.Problems + ")";
        _server.Mouse.HasWheel = PointingDeviceId.HasWheel(_setup.MouseId);

        _port = _ports.CreatePort();
        if (_port < 0)
            return "cannot create a port";
        if (_setup.HasKeyboard && (result = DeviceCalls.BindIrq(_device, KeyboardIrq, _port, 0)) < 0)
            return "cannot bind IRQ 1 (" + ProcessCalls.ErrorText(result) + ")";
        if (_setup.HasMouse && (result = DeviceCalls.BindIrq(_device, MouseIrq, _port, 1)) < 0)
            return "cannot bind IRQ 12 (" + ProcessCalls.ErrorText(result) + ")";
        _controller.Command(I8042Controller.WriteConfiguration, _setup.RunningConfiguration());

        long send = _ports.Duplicate(_port, HandleRights.Send | HandleRights.Transfer);
        long registered = send < 0 ? send : _ports.Register(InputProtocol.PortName, send, reservation);
        string name = registered < 0 ? "port '" + InputProtocol.PortName + "' not registered (" + ProcessCalls.ErrorText(registered) + ")"
            : "port '" + InputProtocol.PortName + "'";

        System.Console.WriteLine("input: i8042 " + (_setup.ControllerPassed ? "passed its self-test" : "did not pass its self-test")
            + "; keyboard " + (_setup.HasKeyboard ? "on IRQ 1 (scan code set 2 translated to 1, keymap " + _server.Translator.Layout.Name + ")" : "missing")
            + "; mouse " + (_setup.HasMouse ? PointingDeviceId.Describe(_setup.MouseId) + " on IRQ 12" : "missing")
            + "; " + name
            + (_setup.Problems.Length > 0 ? "; " + _setup.Problems : ""));
        Drain();
        return null;
    }

    /// <summary>Serves interrupts and requests until the port fails.</summary>
    public int Serve()
    {
        var message = default(IpcMessage);
        while (true)
        {
            message = default;
            long result = _ports.Receive(_port, ref message, -1);
            if (result < 0)
                return 1;
            if (message.Tag == IpcMessage.NotificationTag)
            {
                Drain();
                if ((message.Word0 & KeyboardBit) != 0)
                    DeviceCalls.AcknowledgeIrq(_device, KeyboardIrq);
                if ((message.Word0 & MouseBit) != 0)
                    DeviceCalls.AcknowledgeIrq(_device, MouseIrq);
                continue;
            }
            IpcMessage reply = _server.HandleRequest(message);
            _ports.ReplyEx(ref reply);   // fails harmlessly for a message that was sent, not a call
        }
    }

    // Everything the controller has, then anything kept while a command waited (the LED update).
    private void Drain()
    {
        while (_controller.TryRead(out byte value, out bool fromMouse) || _controller.TryTakeStray(out value, out fromMouse))
        {
            if (fromMouse)
                OnMouseByte(value);
            else
                OnKeyboardByte(value);
        }
    }

    [DllImport("*", EntryPoint = "RhpReadTimestamp"), SuppressGCTransition]
    private static extern ulong ReadTimestamp();

    private void OnKeyboardByte(byte value)
    {
        if (!_server.OnKeyboardByte(value, out KeyEvent keyEvent))
            return;
        if (_debug)
        {
            // From the interrupt's entry into the kernel to the key's text in the console input
            // (the shell woken), in time-stamp ticks: the latency a typist sees before the echo.
            ulong ticks = ReadTimestamp() - (ulong)DeviceCalls.IrqTimestamp(_device, KeyboardIrq);
            System.Console.WriteLine("input: key " + keyEvent.ToString() + " (IRQ 1 to console input: " + ticks.ToString() + " ticks)");
        }
        if (_server.LockGeneration != _ledGeneration)
        {
            _ledGeneration = _server.LockGeneration;
            _setup.SetKeyboardLeds(_server.Translator.State.LedBits);
        }
    }

    private void OnMouseByte(byte value)
    {
        long now = ProcessCalls.UptimeMilliseconds;
        if (now - _lastMouseByte > MousePacketGapMs)
            _server.Mouse.Resynchronise();
        _lastMouseByte = now;
        if (_server.OnMouseByte(value, out MouseEvent mouseEvent) && _debug)
            System.Console.WriteLine("input: mouse " + mouseEvent.ToString());
    }
}
