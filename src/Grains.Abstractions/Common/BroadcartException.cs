namespace Broadcart.Grains.Common;

/// <summary>
/// A refusal with a stable machine-readable code (see <see cref="ErrorCodes"/>). It crosses grain
/// boundaries intact so that the API can turn it into problem details or a coded HubException.
/// </summary>
[GenerateSerializer, Alias("Broadcart.BroadcartException")]
public sealed class BroadcartException : Exception
{
    public BroadcartException(string code, string message) : base(message) => Code = code;

    [Id(0)]
    public string Code { get; private set; }
}
