namespace Broadcart.Grains.Storage;

/// <summary>The <c>Blob</c> configuration section (Azure Blob Storage, or Azurite locally).</summary>
public sealed class BlobStorageOptions
{
    /// <summary>A full connection string; Azurite needs its explicit <c>BlobEndpoint</c> form.</summary>
    public string? ConnectionString { get; set; }

    public string StateContainer { get; set; } = "grain-state";

    public string ArchiveContainer { get; set; } = "archive";

    public string MediaContainer { get; set; } = "media";

    /// <summary>Ended rooms' reports (<c>{roomId}/report.json</c>).</summary>
    public string ReportContainer { get; set; } = "reports";

    /// <summary>Per-request timeout: a storage outage must fail calls fast, not hang them.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int MaxRetries { get; set; } = 2;
}
