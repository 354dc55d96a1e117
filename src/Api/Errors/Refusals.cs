using Broadcart.Grains.Common;

namespace Broadcart.Api.Errors;

public static class Refusals
{
    /// <summary>A refusal may arrive wrapped (Orleans wraps errors raised while activating a grain).</summary>
    public static BroadcartException? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BroadcartException refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
