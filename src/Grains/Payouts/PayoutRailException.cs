namespace Broadcart.Grains.Payouts;

/// <summary>A rail did not take a transfer: transient (unreachable, timed out, overloaded) or refused for good.</summary>
public sealed class PayoutRailException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the same submission may succeed later; false when the rail refused it.</summary>
    public bool Transient { get; } = transient;
}
