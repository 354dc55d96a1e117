namespace Broadcart.Testing;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ApiContentRoot => Path.Combine(Root, "src", "Api");

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
