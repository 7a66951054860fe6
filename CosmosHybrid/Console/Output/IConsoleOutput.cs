namespace CosmosHybrid.Console.Output;

/// <summary>Something that shows characters: the serial line, a text screen, a framebuffer.</summary>
internal interface IConsoleOutput
{
    void Write(char c);
}
