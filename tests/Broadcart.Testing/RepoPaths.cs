namespace Broadcart.Testing;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ApiContentRoot => Path.Combine(Root, "src", "Api");

    /// <summary>Debug or Release: the servers a harness starts are the ones built beside it.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The built assembly of a project in this repository, e.g. <c>Built("src/Silo", "Broadcart.Silo")</c>.</summary>
    public static string Built(string projectFolder, string assembly) =>
        Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", assembly + ".dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Broadcart.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Broadcart.slnx not found above " + AppContext.BaseDirectory);
    }
}
