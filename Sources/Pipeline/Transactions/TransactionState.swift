import KafkaBridge

/// The bookkeeping of exactly-once consume-transform-produce: which consumed inputs are
/// processed, which of them go into the next transaction, the offsets that transaction
/// commits, and where to rewind the consumer when it aborts.
///
/// A value-type state machine without I/O: the worker keeps it behind a lock and performs
/// the Kafka calls it implies outside the lock. The cycle is
/// ``track(_:offset:)`` → ``complete(_:outputs:deadLettered:)`` → ``beginBatch(maxInputs:)``
/// → the transaction (produce ``Batch/outputs``, send ``Batch/offsets``, commit) →
/// ``commit(_:)`` or ``abort(_:)``. At most one batch is open at a time.
///
/// Per partition, a batch takes the contiguous prefix of processed inputs, so a transaction
/// never commits an offset past an input whose outputs are not in it. Outputs that are not in
/// a committed transaction were never produced, so dropping them (on revocation or abort) and
/// reading their inputs again loses and duplicates nothing.
public struct TransactionState<Output: Sendable>: Sendable {
    /// Identifies one tracked input; hand it back to ``complete(_:outputs:deadLettered:)``.
    public struct Ticket: Sendable, Hashable {
        public let partition: TopicPartition
        public let offset: Int64
        let generation: UInt64
    }

    /// The inputs and outputs of one transaction.
    public struct Batch: Sendable {
        /// The outputs to produce, per partition in input offset order.
        public let outputs: [Output]
        /// The consumer's next-to-read offsets to send to the transaction: per partition, the
        /// last input's offset + 1.
        public let offsets: [TopicPartition: Int64]
        /// Inputs in the batch.
        public let inputs: Int
        /// Inputs in the batch whose output is a dead letter.
        public let deadLettered: Int
        fileprivate let counts: [TopicPartition: Int]
        fileprivate let generations: [TopicPartition: UInt64]
        fileprivate let id: UInt64
    }

    /// Totals of committed inputs.
    public struct Totals: Sendable, Equatable {
        /// Committed inputs whose outputs are enriched and stance events.
        public var processed = 0
        /// Committed inputs whose output is a dead letter.
        public var deadLettered = 0

        /// Creates totals. Default: zero.
        public init(processed: Int = 0, deadLettered: Int = 0) {
            self.processed = processed
            self.deadLettered = deadLettered
        }
    }

    private struct Entry {
        var offset: Int64
        var outputs: [Output]?
        var deadLettered = false
    }

    private struct PartitionState {
        var generation: UInt64
        /// Tracked inputs in offset order; `entries[head...]` are not yet committed.
        var entries: [Entry] = []
        var head = 0
        /// Highest offset handed out, to refuse redeliveries of tracked offsets.
        var lastTracked: Int64 = -1
        /// Where reading resumes after an abort: the offsets of the last committed transaction,
        /// or the first offset tracked since the partition was assigned.
        var rewindTo: Int64?

        var uncommitted: Int { entries.count - head }

        mutating func compact() {
            if head > 1024, head * 2 > entries.count {
                entries.removeFirst(head)
                head = 0
            }
        }
    }

    private var partitions: [TopicPartition: PartitionState] = [:]
    private var nextGeneration: UInt64 = 1
    private var nextBatchID: UInt64 = 1
    private var openBatch: UInt64?
    /// Inputs tracked and not yet committed (or dropped), over all partitions.
    public private(set) var inFlight = 0
    /// Inputs tracked and not yet processed, over all partitions.
    public private(set) var unprocessed = 0
    /// Processed inputs not yet in a transaction (some may wait behind unprocessed ones).
    public private(set) var ready = 0
    /// Inputs committed since start.
    public private(set) var totals = Totals()

    public init() {}

    /// Whether a batch is open (between ``beginBatch(maxInputs:)`` and its commit or abort).
    public var isBatchOpen: Bool { openBatch != nil }

    /// The partitions currently owned, sorted.
    public var assigned: [TopicPartition] { partitions.keys.sorted() }

    /// Partitions now owned by this consumer. Re-assigning an owned partition keeps its state.
    public mutating func assign(_ assigned: [TopicPartition]) {
        for tp in assigned where partitions[tp] == nil {
            partitions[tp] = PartitionState(generation: nextGeneration)
            nextGeneration += 1
        }
    }

    /// Forgets partitions and their uncommitted inputs; their outputs were never produced, so
    /// the next owner processes those inputs again from the last committed offsets.
    /// - Returns: The number of uncommitted inputs dropped.
    @discardableResult
    public mutating func revoke(_ revoked: [TopicPartition]) -> Int {
        var dropped = 0
        for tp in revoked {
            guard let state = partitions.removeValue(forKey: tp) else { continue }
            dropped += forget(state)
        }
        return dropped
    }

    /// Starts tracking a consumed input. Returns `nil` when the partition is not owned or the
    /// offset was already handed out (a redelivery): such a message must be skipped.
    public mutating func track(_ tp: TopicPartition, offset: Int64) -> Ticket? {
        guard var state = partitions[tp], offset > state.lastTracked else { return nil }
        state.entries.append(Entry(offset: offset))
        state.lastTracked = offset
        if state.rewindTo == nil { state.rewindTo = offset }
        partitions[tp] = state
        inFlight += 1
        unprocessed += 1
        return Ticket(partition: tp, offset: offset, generation: state.generation)
    }

    /// Stores the outputs of a processed input. Returns `false` for a stale ticket (its
    /// partition was revoked or rewound since): drop the outputs.
    @discardableResult
    public mutating func complete(_ ticket: Ticket, outputs: [Output], deadLettered: Bool) -> Bool {
        guard var state = partitions[ticket.partition], state.generation == ticket.generation,
            let index = Self.index(of: ticket.offset, in: state),
            state.entries[index].outputs == nil
        else { return false }
        state.entries[index].outputs = outputs
        state.entries[index].deadLettered = deadLettered
        partitions[ticket.partition] = state
        unprocessed -= 1
        ready += 1
        return true
    }

    /// Opens a batch of at most `maxInputs` processed inputs: per partition, the contiguous
    /// prefix of processed inputs. Returns `nil` when a batch is already open or nothing is
    /// ready.
    public mutating func beginBatch(maxInputs: Int) -> Batch? {
        guard openBatch == nil, ready > 0, maxInputs > 0 else { return nil }
        var outputs: [Output] = []
        var offsets: [TopicPartition: Int64] = [:]
        var counts: [TopicPartition: Int] = [:]
        var generations: [TopicPartition: UInt64] = [:]
        var inputs = 0
        var deadLettered = 0
        for tp in partitions.keys.sorted() {
            guard inputs < maxInputs, let state = partitions[tp] else { break }
            var index = state.head
            while index < state.entries.count, inputs < maxInputs, let produced = state.entries[index].outputs {
                outputs.append(contentsOf: produced)
                if state.entries[index].deadLettered { deadLettered += 1 }
                inputs += 1
                index += 1
            }
            let count = index - state.head
            guard count > 0 else { continue }
            offsets[tp] = state.entries[index - 1].offset + 1
            counts[tp] = count
            generations[tp] = state.generation
        }
        guard inputs > 0 else { return nil }
        let id = nextBatchID
        nextBatchID += 1
        openBatch = id
        return Batch(
            outputs: outputs, offsets: offsets, inputs: inputs, deadLettered: deadLettered,
            counts: counts, generations: generations, id: id
        )
    }

    /// Records that `batch`'s transaction committed: its inputs are done and its offsets are
    /// where a rewind goes from now on. Partitions revoked meanwhile are skipped.
    public mutating func commit(_ batch: Batch) {
        guard openBatch == batch.id else { return }
        openBatch = nil
        for (tp, count) in batch.counts {
            guard var state = partitions[tp], state.generation == batch.generations[tp] else { continue }
            for index in state.head..<(state.head + count) {
                if state.entries[index].deadLettered {
                    totals.deadLettered += 1
                } else {
                    totals.processed += 1
                }
            }
            state.head += count
            state.rewindTo = batch.offsets[tp]
            state.compact()
            partitions[tp] = state
            inFlight -= count
            ready -= count
        }
    }

    /// Records that `batch`'s transaction aborted: every uncommitted input of its partitions is
    /// dropped (outputs of inputs still being processed will be refused) and those partitions
    /// must be read again from the returned positions.
    /// - Returns: Next-to-read offsets to seek the consumer to, per partition of the batch that
    ///   is still owned.
    public mutating func abort(_ batch: Batch) -> [TopicPartition: Int64] {
        guard openBatch == batch.id else { return [:] }
        openBatch = nil
        var rewind: [TopicPartition: Int64] = [:]
        for tp in batch.counts.keys {
            guard var state = partitions[tp], state.generation == batch.generations[tp],
                let position = state.rewindTo
            else { continue }
            _ = forget(state)
            state.entries = []
            state.head = 0
            state.generation = nextGeneration
            nextGeneration += 1
            state.lastTracked = position - 1
            partitions[tp] = state
            rewind[tp] = position
        }
        return rewind
    }

    /// Uncommitted inputs of some partitions.
    public func inFlight(of tps: [TopicPartition]) -> Int {
        tps.reduce(0) { $0 + (partitions[$1]?.uncommitted ?? 0) }
    }

    /// Removes `state`'s uncommitted inputs from the totals; returns how many there were.
    private mutating func forget(_ state: PartitionState) -> Int {
        var processed = 0
        for index in state.head..<state.entries.count where state.entries[index].outputs != nil {
            processed += 1
        }
        inFlight -= state.uncommitted
        ready -= processed
        unprocessed -= state.uncommitted - processed
        return state.uncommitted
    }

    private static func index(of offset: Int64, in state: PartitionState) -> Int? {
        var low = state.head
        var high = state.entries.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let value = state.entries[mid].offset
            if value == offset { return mid }
            if value < offset { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}
