/// <summary>Entry point of true: exits at once with status 0, as POSIX true does.</summary>
internal static class Program
{
    public static int Main(string arguments) => 0;
}
