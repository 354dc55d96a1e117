using System.Collections.Immutable;
using Broadcart.Grains.Metrics;
using Microsoft.Extensions.Logging;

namespace Broadcart.Grains.Rooms;

/// <summary>The viewer counts a room publishes when its nodes' counts changed.</summary>
internal sealed record ViewerCountChange(int? Total, ImmutableArray<MetricsDelta> ByRegion);

/// <summary>
/// The API nodes subscribed to the room, each with its relay and its viewers. In memory only:
/// nodes renew themselves by reporting, and subscribe again when the room forgets them.
/// </summary>
internal sealed class NodeSubscriptions
{
    private readonly Dictionary<string, SubscribedNode> _nodes = new(StringComparer.Ordinal);
    private bool _viewersChanged;
    private int _lastTotalSent = -1;
    private Dictionary<string, int> _lastByRegion = new(StringComparer.Ordinal);

    public int Count => _nodes.Count;

    /// <summary>Sends a batch to every subscribed node, one-way: it returns at once, whatever the nodes do with it.</summary>
    public void Send(RoomEventBatch batch, ILogger log)
    {
        foreach (var (nodeId, node) in _nodes)
        {
            try
            {
                _ = node.Relay.OnEvents(batch);
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "Could not send a batch of room {RoomId} to node {NodeId}", batch.RoomId, nodeId);
            }
        }
    }

    public void Subscribe(NodeSubscription subscription, DateTimeOffset now)
    {
        if (!_nodes.TryGetValue(subscription.NodeId, out var node))
        {
            node = new SubscribedNode(subscription.Relay);
            _nodes[subscription.NodeId] = node;
            _viewersChanged = true;
        }

        node.Relay = subscription.Relay;
        node.HeartbeatInterval = subscription.HeartbeatInterval;
        node.LastSeen = now;
        SetViewers(node, subscription.ViewerCount);
    }

    /// <summary>
    /// False for a node the room does not send to: its counts would be counted again after it
    /// subscribes, so the node keeps them and reports them once subscribed.
    /// </summary>
    public bool Report(NodeReport report, DateTimeOffset now)
    {
        if (!_nodes.TryGetValue(report.NodeId, out var node))
        {
            return false;
        }

        node.LastSeen = now;
        SetViewers(node, report.ViewerCount);
        if (report.ViewersByRegion is { } byRegion)
        {
            node.ViewersByRegion = byRegion;
        }

        if (!report.Languages.IsDefault)
        {
            node.Languages = report.Languages;
        }

        return true;
    }

    public void Unsubscribe(string nodeId)
    {
        if (_nodes.Remove(nodeId))
        {
            _viewersChanged = true;
        }
    }

    /// <summary>Drops the nodes that missed this many of their own heartbeats; returns them with when they were last seen.</summary>
    public IReadOnlyList<(string NodeId, DateTimeOffset LastSeen)> DropSilent(DateTimeOffset now, int missedHeartbeats)
    {
        List<(string, DateTimeOffset)> dropped = [];
        foreach (var (nodeId, node) in _nodes)
        {
            if (node.LastSeen + (node.HeartbeatInterval * missedHeartbeats) < now)
            {
                dropped.Add((nodeId, node.LastSeen));
            }
        }

        foreach (var (nodeId, _) in dropped)
        {
            _nodes.Remove(nodeId);
            _viewersChanged = true;
        }

        return dropped;
    }

    /// <summary>The chat languages the viewers on any subscribed node use.</summary>
    public IEnumerable<string> Languages() => _nodes.Values.SelectMany(n => n.Languages).Distinct(StringComparer.Ordinal);

    public int ViewerTotal()
    {
        var total = 0;
        foreach (var node in _nodes.Values)
        {
            total += node.ViewerCount;
        }

        return total;
    }

    /// <summary>
    /// What changed since the last call, once counts moved: the total when it differs from the
    /// one last published, and the regions whose counts differ (a region no node reports any more
    /// goes to zero).
    /// </summary>
    public ViewerCountChange? TakeChange()
    {
        if (!_viewersChanged)
        {
            return null;
        }

        _viewersChanged = false;
        var total = ViewerTotal();
        int? newTotal = total != _lastTotalSent ? total : null;
        _lastTotalSent = total;

        var byRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in _nodes.Values)
        {
            foreach (var (region, count) in node.ViewersByRegion)
            {
                byRegion[region] = byRegion.GetValueOrDefault(region) + count;
            }
        }

        foreach (var region in _lastByRegion.Keys.Except(byRegion.Keys).ToList())
        {
            byRegion[region] = 0;
        }

        ImmutableArray<MetricsDelta> regions =
            [.. byRegion.Where(r => _lastByRegion.GetValueOrDefault(r.Key, -1) != r.Value).Select(r => new MetricsDelta(r.Key, ViewersNow: r.Value))];
        _lastByRegion = byRegion;
        return new ViewerCountChange(newTotal, regions);
    }

    private void SetViewers(SubscribedNode node, int viewers)
    {
        viewers = Math.Max(0, viewers);
        if (node.ViewerCount != viewers)
        {
            node.ViewerCount = viewers;
            _viewersChanged = true;
        }
    }
}
