namespace Broadcart.Grains.Translation;

/// <summary>Translation switched off (<c>Translation:Provider=none</c>): rooms do not ask, and this answers nothing if they do.</summary>
public sealed class NoTranslator : ITranslator
{
    public Task<string?> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
