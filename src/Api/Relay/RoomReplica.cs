using System.Collections.Immutable;
using Broadcart.Grains.Rooms;

namespace Broadcart.Api.Relay;

/// <summary>
/// The node's copy of a room, kept current by the room's event batches, so that joins are
/// answered without calling the room. A gap in the batch sequence or a new epoch (the room was
/// reactivated) marks it for a fresh sync on the next report. It also remembers the last chat
/// sequence number the node has passed to its viewers, so that every message reaches them once:
/// through a batch, or, when the room lost track of the node for a while (a silo crash, a missed
/// heartbeat), through the sync that follows.
/// </summary>
public sealed class RoomReplica
{
    public const int RecentChatKept = 50;

    private readonly Lock _lock = new();
    private readonly List<ChatMessage> _recent = [];
    private RoomSnapshot? _room;
    private Guid _epoch;
    private long _batchSeq;

    /// <summary>The number of the last batch of the room's current activation this replica applied.</summary>
    public long BatchSeq => _batchSeq;
    private long _deliveredSeq;

    // From a batch gap to the sync that mends it: the last chat passed on before the gap, and what
    // was passed on after it. Without them a later batch's chat would raise the mark past the
    // messages the lost batch held, and the sync would think them delivered.
    private long? _gapFloor;
    private HashSet<long>? _sentSinceGap;
    private long _version;
    private ChatMessage[]? _recentCopy;

    public bool NeedsSync { get; set; }

    public RoomSnapshot? Room
    {
        get
        {
            lock (_lock)
            {
                return _room;
            }
        }
    }

    /// <summary>
    /// The room, its recent chat and the version of everything else a joiner is shown: the version
    /// moves on every change but chat, likes and the viewer count, which joiners read fresh.
    /// </summary>
    public (RoomSnapshot Room, ChatMessage[] RecentChat, long Version) Read()
    {
        lock (_lock)
        {
            return (_room ?? throw new InvalidOperationException("the replica has not been synced"), _recentCopy ??= [.. _recent], _version);
        }
    }

    /// <summary>
    /// Takes the room's state. Returns the chat the node's viewers have not been sent: empty on the
    /// first sync (joiners read recent chat from the replica), and after a lapse whatever the room
    /// posted while it was not sending to this node.
    /// </summary>
    public IReadOnlyList<ChatMessage> ApplySync(RoomSync sync)
    {
        lock (_lock)
        {
            var first = _room is null;
            var floor = _gapFloor ?? _deliveredSeq;
            var missed = first ? [] : sync.RecentChat
                .Where(m => m.Seq > floor && _sentSinceGap?.Contains(m.Seq) != true)
                .OrderBy(m => m.Seq)
                .ToList();
            _gapFloor = null;
            _sentSinceGap = null;

            // Batches that overtook the sync hold newer chat than the sync: keep it.
            var newer = _recent.Where(m => m.Seq > sync.Room.ChatSeq).ToList();
            _recent.Clear();
            _recent.AddRange(sync.RecentChat);
            _recent.AddRange(newer);
            Trim();
            _recentCopy = null;
            _version++;
            _room = sync.Room;
            _batchSeq = _epoch == sync.Epoch ? Math.Max(_batchSeq, sync.BatchSeq) : sync.BatchSeq;
            _epoch = sync.Epoch;
            _deliveredSeq = Math.Max(_deliveredSeq, sync.Room.ChatSeq);
            NeedsSync = false;
            return missed;
        }
    }

    /// <summary>Applies a batch; returns what of it the node's viewers still need (chat they were already sent is dropped).</summary>
    public RoomEventBatch Apply(RoomEventBatch batch)
    {
        lock (_lock)
        {
            if (_room is null)
            {
                // Not synced yet: the first joiner's snapshot is still on its way. Everything goes
                // out, and counts as sent.
                return Undelivered(batch);
            }

            if (batch.Epoch != _epoch || batch.BatchSeq > _batchSeq)
            {
                if (batch.Epoch != _epoch || batch.BatchSeq != _batchSeq + 1)
                {
                    NeedsSync = true;
                    if (_gapFloor is null)
                    {
                        _gapFloor = _deliveredSeq;
                        _sentSinceGap = [];
                    }
                }

                _epoch = batch.Epoch;
                _batchSeq = batch.BatchSeq;
                foreach (var e in batch.Events)
                {
                    ApplyOne(e);
                }
            }

            return Undelivered(batch);
        }
    }

    /// <summary>On the fan-out path: the common batch, with nothing sent before, is passed on as it is, without copying.</summary>
    private RoomEventBatch Undelivered(RoomEventBatch batch)
    {
        ImmutableArray<RoomEvent>.Builder? kept = null;
        for (var i = 0; i < batch.Events.Length; i++)
        {
            var e = batch.Events[i];
            if (e is ChatPosted { Message.Seq: var seq })
            {
                if (seq <= _deliveredSeq)
                {
                    if (kept is null)
                    {
                        kept = ImmutableArray.CreateBuilder<RoomEvent>(batch.Events.Length);
                        kept.AddRange(batch.Events, i);
                    }

                    continue;
                }

                _deliveredSeq = seq;
                _sentSinceGap?.Add(seq);
            }

            kept?.Add(e);
        }

        return kept is null ? batch : batch with { Events = kept.ToImmutable() };
    }

    private void ApplyOne(RoomEvent e)
    {
        if (e is ChatPosted or ChatRemoved)
        {
            _recentCopy = null;
        }
        else if (e is not (LikesChanged or ViewersChanged))
        {
            _version++;
        }

        switch (e)
        {
            case ChatPosted { Message: var m } when _recent.Count == 0 || m.Seq > _recent[^1].Seq:
                _recent.Add(m);
                Trim();
                _room = _room! with { ChatSeq = Math.Max(_room.ChatSeq, m.Seq) };
                break;
            case ChatRemoved { MessageId: var id }:
                _recent.RemoveAll(m => m.MessageId == id);
                break;
            case LikesChanged { Total: var total }:
                _room = _room! with { Likes = total };
                break;
            case ViewersChanged { Count: var count }:
                _room = _room! with { ViewerCount = count };
                break;
            case StatusChanged { Room: var room }:
                _room = room with { Likes = Math.Max(room.Likes, _room!.Likes), ViewerCount = _room.ViewerCount };
                break;
            case SlowModeChanged { Seconds: var seconds }:
                _room = _room! with { SlowModeSeconds = seconds };
                break;
            case ModeratorsChanged { Moderators: var moderators }:
                _room = _room! with { Moderators = moderators };
                break;
            case ShowcaseChanged { Showcase: var showcase }:
                _room = _room! with { Showcase = showcase };
                break;
            case ProductPinned { Product: var product }:
                _room = _room! with
                {
                    PinnedProductId = product.Id,
                    Showcase = _room.Showcase.Any(p => p.Id == product.Id) ? _room.Showcase : _room.Showcase.Add(product),
                };
                break;
            case FlashSaleChanged { Sale: var sale }:
                _room = _room! with { FlashSale = sale };
                break;
            case GeoChanged { Reach: var reach }:
                _room = _room! with { Reach = reach };
                break;
            case StockChanged { ProductId: var productId, Remaining: var remaining } when _room!.FlashSale?.ProductId == productId:
                _room = _room with { FlashSale = _room.FlashSale with { Remaining = remaining } };
                break;
        }
    }

    private void Trim()
    {
        if (_recent.Count > RecentChatKept)
        {
            _recent.RemoveRange(0, _recent.Count - RecentChatKept);
        }
    }
}
