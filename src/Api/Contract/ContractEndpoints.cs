namespace Broadcart.Api.Contract;

public static class ContractEndpoints
{
    public const string AsyncApiPath = "/asyncapi/v1.json";

    /// <summary>The hub's AsyncAPI document, beside the REST API's OpenAPI document; public, as that one is.</summary>
    public static IEndpointRouteBuilder MapContract(this IEndpointRouteBuilder app)
    {
        var document = AsyncApiDocument.Build().ToJsonString();
        app.MapGet(AsyncApiPath, () => Results.Text(document, "application/json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
