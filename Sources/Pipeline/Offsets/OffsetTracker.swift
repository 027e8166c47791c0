import KafkaBridge

/// Tracks, per assigned partition, which consumed offsets are done (every output
/// acknowledged) and what may be committed: the offset after the contiguous done prefix.
///
/// A value-type state machine without I/O: the worker keeps it behind a lock and performs
/// the commits it returns outside the lock. Each assignment of a partition gets a new
/// generation, so completions of work from before a revocation are recognised and ignored.
public struct OffsetTracker: Sendable {
    /// Identifies one tracked message; hand it back to ``markDone(_:)``.
    public struct Ticket: Sendable, Hashable {
        public let partition: TopicPartition
        public let offset: Int64
        let generation: UInt64
    }

    private struct Entry {
        var offset: Int64
        var done: Bool
    }

    private struct PartitionState {
        var generation: UInt64
        /// Consumed offsets in increasing order; `entries[head...]` are the live ones.
        var entries: [Entry] = []
        var head = 0
        /// Highest offset handed out, to refuse redeliveries of in-flight offsets.
        var lastTracked: Int64 = -1
        /// Next offset to read after the done prefix, once something is done.
        var committable: Int64?
        /// What was last committed (or known committed).
        var committed: Int64?

        var inFlight: Int { entries.count - head }

        mutating func compact() {
            if head > 1024, head * 2 > entries.count {
                entries.removeFirst(head)
                head = 0
            }
        }
    }

    private var partitions: [TopicPartition: PartitionState] = [:]
    private var nextGeneration: UInt64 = 1
    /// Messages tracked and not yet in a done prefix, over all partitions.
    public private(set) var inFlight = 0

    public init() {}

    /// Partitions now owned by this consumer. Re-assigning an owned partition keeps its state.
    public mutating func assign(_ assigned: [TopicPartition]) {
        for tp in assigned where partitions[tp] == nil {
            partitions[tp] = PartitionState(generation: nextGeneration)
            nextGeneration += 1
        }
    }

    /// Forgets partitions; returns the offsets that should be committed for them first.
    /// In-flight work of these partitions will be ignored when it completes.
    public mutating func revoke(_ revoked: [TopicPartition]) -> [TopicPartition: Int64] {
        var commits: [TopicPartition: Int64] = [:]
        for tp in revoked {
            guard let state = partitions.removeValue(forKey: tp) else { continue }
            inFlight -= state.inFlight
            if let next = state.committable, next != state.committed {
                commits[tp] = next
            }
        }
        return commits
    }

    /// The partitions currently owned.
    public var assigned: [TopicPartition] { Array(partitions.keys) }

    /// In-flight messages of some partitions.
    public func inFlight(of tps: [TopicPartition]) -> Int {
        tps.reduce(0) { $0 + (partitions[$1]?.inFlight ?? 0) }
    }

    /// Starts tracking a consumed message. Returns `nil` when the partition is not owned or
    /// the offset was already handed out (a redelivery): such a message must be skipped.
    public mutating func track(_ tp: TopicPartition, offset: Int64) -> Ticket? {
        guard var state = partitions[tp], offset > state.lastTracked else { return nil }
        state.entries.append(Entry(offset: offset, done: false))
        state.lastTracked = offset
        partitions[tp] = state
        inFlight += 1
        return Ticket(partition: tp, offset: offset, generation: state.generation)
    }

    /// Marks a message done. Returns `false` for a stale ticket (its partition was revoked).
    @discardableResult
    public mutating func markDone(_ ticket: Ticket) -> Bool {
        guard var state = partitions[ticket.partition], state.generation == ticket.generation else {
            return false
        }
        // Binary search among the live entries.
        var low = state.head
        var high = state.entries.count - 1
        var found: Int?
        while low <= high {
            let mid = (low + high) / 2
            let offset = state.entries[mid].offset
            if offset == ticket.offset {
                found = mid
                break
            } else if offset < ticket.offset {
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        guard let index = found, !state.entries[index].done else { return false }
        state.entries[index].done = true
        while state.head < state.entries.count, state.entries[state.head].done {
            state.committable = state.entries[state.head].offset + 1
            state.head += 1
            inFlight -= 1
        }
        state.compact()
        partitions[ticket.partition] = state
        return true
    }

    /// Offsets (next to read) that advanced since the last commit.
    public func pendingCommits() -> [TopicPartition: Int64] {
        var commits: [TopicPartition: Int64] = [:]
        for (tp, state) in partitions {
            if let next = state.committable, next != state.committed {
                commits[tp] = next
            }
        }
        return commits
    }

    /// Records a successful commit.
    public mutating func didCommit(_ offsets: [TopicPartition: Int64]) {
        for (tp, offset) in offsets {
            guard var state = partitions[tp] else { continue }
            if (state.committed ?? -1) < offset { state.committed = offset }
            partitions[tp] = state
        }
    }
}
