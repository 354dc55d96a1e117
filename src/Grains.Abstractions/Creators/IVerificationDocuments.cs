namespace Broadcart.Grains.Creators;

/// <summary>Where verification documents live (a private blob container): the silo deletes them after retention.</summary>
public interface IVerificationDocuments
{
    Task DeleteAsync(string creatorId, string mediaId);
}
