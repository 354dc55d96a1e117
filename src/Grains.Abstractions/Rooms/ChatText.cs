using Broadcart.Grains.Common;

namespace Broadcart.Grains.Rooms;

/// <summary>The one rule for chat text, applied at the node and again by the room.</summary>
public static class ChatText
{
    public const int MaxLength = 500;

    public static bool IsValid(string? text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the trimmed text or throws <c>validation_failed</c>.</summary>
    public static string Normalize(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, "chat text is empty");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new BroadcartException(ErrorCodes.ValidationFailed, $"chat text is {trimmed.Length} characters; the limit is {MaxLength}");
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c))
            {
                throw new BroadcartException(ErrorCodes.ValidationFailed, "chat text must not contain control characters");
            }
        }

        return trimmed;
    }
}
