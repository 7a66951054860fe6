using System;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Keyboard;
using CosmosHybrid.Services.Input.Mouse;
using CosmosHybrid.Services.Input.Protocol;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.UserTest;

/// <summary>
/// `input-events`: a subscriber of the input driver, as a window server will be. It subscribes a
/// port to `input`, prints every key and mouse event it receives, and ends after Escape is pressed
/// (closing its port, which ends the subscription: keys go back to the console).
/// </summary>
internal static unsafe class InputScenarios
{
    public static int Events()
    {
        SyscallPorts ports = SyscallPorts.Instance;
        long input = ports.Lookup(InputProtocol.PortName);
        long port = ports.CreatePort();
        long send = port < 0 ? port : ports.Duplicate(port, HandleRights.Send | HandleRights.Transfer);
        if (input < 0 || send < 0)
        {
            Console.WriteLine("input-events: no input driver (" + ProcessCalls.ErrorText(input < 0 ? input : send) + ")");
            return 1;
        }
        var request = default(IpcMessage);
        request.Tag = (ulong)InputMessageTag.Subscribe;
        request.Handle = send;
        var reply = default(IpcMessage);
        long result = ports.CallEx(input, ref request, ref reply);
        if (result >= 0)
            result = (long)reply.Word0;
        if (result < 0)
        {
            Console.WriteLine("input-events: subscribe: " + ProcessCalls.ErrorText(result));
            return 1;
        }
        Console.WriteLine("input-events: subscribed");

        byte* text = stackalloc byte[KeyEventMessage.MaxTextBytes];
        while (true)
        {
            var message = default(IpcMessage);
            if (ports.Receive(port, ref message, -1) < 0)
                return 1;
            if (MouseEventMessage.TryRead(message, out MouseEvent mouse))
            {
                Console.WriteLine("input-events: mouse " + mouse.ToString());
            }
            else if (KeyEventMessage.TryRead(message, out KeyEventMessage key))
            {
                int length = key.CopyText(new Span<byte>(text, KeyEventMessage.MaxTextBytes));
                string typed = "";
                for (int i = 0; i < length; i++)
                    typed += text[i] >= 0x20 && text[i] < 0x7F ? ((char)text[i]).ToString() : "\\x" + ((uint)text[i]).ToString("x2");
                // The key as its scan code value (the ring-3 runtime has no enum names).
                Console.WriteLine("input-events: key 0x" + ((uint)key.Key).ToString("x2") + (key.Pressed ? " down" : " up")
                    + (length > 0 ? " text '" + typed + "'" : ""));
                if (key.Key == Key.Escape && key.Pressed)
                {
                    Console.WriteLine("input-events: done");
                    return 0;
                }
            }
            else
            {
                Console.WriteLine("input-events: malformed message, tag " + message.Tag.ToString());
            }
        }
    }
}
