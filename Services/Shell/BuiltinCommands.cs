namespace CosmosHybrid.Services.Shell;

/// <summary>The names of the commands the shell runs itself (for Tab completion; `help` describes them).</summary>
internal static class BuiltinCommands
{
    public static readonly string[] Names =
    {
        "help", "ps", "spawn", "run", "wait", "kill", "mem", "lspci", "devices", "uptime", "bench", "echo", "true", "false",
        "poweroff", "exit", "ls", "cat", "write", "append", "mkdir", "rm", "mv", "df", "mounts", "sync", "cd", "pwd", "keymap", "prof",
    };
}
