namespace Broadcart.Grains.Translation;

/// <summary>A machine translator. Languages are primary BCP 47 subtags (<c>en</c>, <c>es</c>).</summary>
public interface ITranslator
{
    /// <summary>The text in <paramref name="to"/>; null when this translator does not have that pair.</summary>
    Task<string?> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken);
}
