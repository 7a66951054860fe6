using System;
using System.Collections.Generic;
using CosmosHybrid.Services.Abi;
using CosmosHybrid.Services.Input.Protocol;
using CosmosHybrid.Services.UserRuntime;

namespace CosmosHybrid.Services.Shell;

/// <summary>
/// `keymap [us|uk|de|fr]`: asks the input driver (the port `input`) to type with another keyboard
/// layout, or, without a name, which one it uses.
/// </summary>
internal static class KeymapCommand
{
    public static int Run(List<string> arguments)
    {
        if (arguments.Count > 2)
        {
            Console.WriteLine("usage: keymap [us|uk|de|fr]");
            return CommandStatus.Usage;
        }
        ulong packed = 0;
        if (arguments.Count == 2 && !KeymapName.TryPack(arguments[1], out packed))
        {
            Console.WriteLine("keymap: '" + arguments[1] + "' is not a layout name (us, uk, de, fr)");
            return CommandStatus.Usage;
        }

        SyscallPorts ports = SyscallPorts.Instance;
        long input = ports.Lookup(InputProtocol.PortName);
        if (input < 0)
        {
            Console.WriteLine("keymap: no input driver (" + ProcessCalls.ErrorText(input) + ")");
            return CommandStatus.Failure;
        }
        var request = default(IpcMessage);
        request.Tag = (ulong)InputMessageTag.SetKeymap;
        request.Word0 = packed;
        var reply = default(IpcMessage);
        long result = ports.CallEx(input, ref request, ref reply);
        ports.Close(input);
        if (result >= 0)
            result = (long)reply.Word0;
        if (result == SyscallResult.Error(SyscallError.NotFound))
        {
            Console.WriteLine("keymap: no layout '" + arguments[1] + "' (us, uk, de, fr)");
            return CommandStatus.Failure;
        }
        if (result < 0)
        {
            Console.WriteLine("keymap: " + ProcessCalls.ErrorText(result));
            return CommandStatus.Failure;
        }
        Console.WriteLine("keymap: " + (KeymapName.Unpack(reply.Word1) ?? "?"));
        return CommandStatus.Success;
    }
}
