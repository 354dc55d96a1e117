using System.Collections.Concurrent;

namespace Broadcart.Bench;

/// <summary>
/// Latency (from each operation's scheduled time) and errors per named operation, taken and
/// reset once per reporting interval; the first few distinct error messages are kept to print.
/// </summary>
public sealed class OperationStats(IReadOnlyList<string> operations)
{
    private const int KeptMessages = 20;

    private readonly Dictionary<string, Latency> _latency = operations.ToDictionary(o => o, _ => new Latency(), StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _messages = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Operations { get; } = operations;

    public void Succeeded(string operation, long scheduledTicks) => _latency[operation].RecordSince(scheduledTicks);

    public void Failed(string operation, string why, long count = 1)
    {
        _errors.AddOrUpdate(operation, count, (_, n) => n + count);
        var key = $"{operation}: {why}";
        if (_messages.Count < KeptMessages || _messages.ContainsKey(key))
        {
            _messages.AddOrUpdate(key, count, (_, n) => n + count);
        }
    }

    /// <summary>Distinct error messages seen so far (capped), with how often each was seen.</summary>
    public IReadOnlyDictionary<string, long> Messages => _messages;

    public sealed record Sample(long Count, double P50, double P99, double Max, long Errors);

    /// <summary>Each operation's figures since the last take; errors of operations outside the list (e.g. a dropped connection) are included by name.</summary>
    public IReadOnlyDictionary<string, Sample> Take()
    {
        var samples = new Dictionary<string, Sample>(StringComparer.Ordinal);
        foreach (var operation in Operations)
        {
            var (count, p50, p99, max) = _latency[operation].Take();
            samples[operation] = new Sample(count, p50, p99, max, TakeErrors(operation));
        }

        foreach (var other in _errors.Keys.Where(k => !_latency.ContainsKey(k)))
        {
            samples[other] = new Sample(0, 0, 0, 0, TakeErrors(other));
        }

        return samples;
    }

    private long TakeErrors(string operation) => _errors.TryRemove(operation, out var n) ? n : 0;
}
