using System.Text.Json;
using Broadcart.Api.Tests.Infrastructure;
using Broadcart.Grains.Translation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcart.Api.Tests.Translation;

/// <summary>
/// DeepL cannot run here: a Kestrel stub answers as its documented <c>POST /v2/translate</c> does,
/// and the test checks what our client sends it and how it reads the answers.
/// </summary>
public sealed class DeepLTranslatorTests
{
    [Fact]
    public async Task It_sends_the_documented_request_and_reads_the_translation_a_missing_pair_and_a_failure()
    {
        var seen = new List<(string? Auth, JsonElement Body)>();
        await using var deepl = await StubServer.StartAsync(app => app.MapPost("/v2/translate", async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            lock (seen)
            {
                seen.Add((context.Request.Headers.Authorization.ToString(), body.RootElement.Clone()));
            }

            return body.RootElement.GetProperty("target_lang").GetString() switch
            {
                "XX" => Results.Json(new { message = "Value for 'target_lang' not supported." }, statusCode: 400),
                "DE" => Results.Json(new { message = "Quota exceeded" }, statusCode: 456),
                _ => Results.Json(new { translations = new[] { new { detected_source_language = "EN", text = "¿Cuánto cuesta?" } } }),
            };
        }));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Translation:Provider"] = "deepl",
            ["Translation:DeepLUrl"] = deepl.BaseUrl.ToString(),
            ["Translation:DeepLKey"] = "test-key:fx",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddMetrics().AddChatTranslation(configuration).BuildServiceProvider();
        var translator = services.GetRequiredService<ITranslator>();

        Assert.Equal("¿Cuánto cuesta?", await translator.TranslateAsync("How much?", "en", "es", CancellationToken.None));
        Assert.Null(await translator.TranslateAsync("How much?", "en", "xx", CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => translator.TranslateAsync("How much?", "en", "de", CancellationToken.None));

        var (auth, request) = seen[0];
        Assert.Equal("DeepL-Auth-Key test-key:fx", auth);
        Assert.Equal(["How much?"], request.GetProperty("text").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("EN", request.GetProperty("source_lang").GetString());
        Assert.Equal("ES", request.GetProperty("target_lang").GetString());
    }
}
