namespace Broadcart.Grains.Common;

public static class StorageNames
{
    /// <summary>The grain storage every Broadcart grain keeps its state in.</summary>
    public const string Default = "broadcart";
}
