namespace Broadcart.Api.Creators;

public sealed record PayoutMethodRequest(string? Rail, string? Country, string? Currency, string? AccountRef);

public sealed record PayoutRequest(string? IdempotencyKey);
