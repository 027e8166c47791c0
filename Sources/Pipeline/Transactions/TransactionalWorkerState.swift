import KafkaBridge
import Synchronization

/// The exactly-once worker's shared mutable state behind one lock: the transaction
/// bookkeeping, flow control and the stop reason. Methods are short and never do I/O under
/// the lock.
final class TransactionalWorkerState: Sendable {
    typealias Ticket = TransactionState<ProducerRecord>.Ticket
    typealias Batch = TransactionState<ProducerRecord>.Batch

    private struct State {
        var transactions = TransactionState<ProducerRecord>()
        var stopRequested = false
        var fatal: TransactionError?
        var fetch = FetchControl()
    }

    private let state = Mutex(State())

    var inFlight: Int { state.withLock { $0.transactions.inFlight } }
    var unprocessed: Int { state.withLock { $0.transactions.unprocessed } }
    var ready: Int { state.withLock { $0.transactions.ready } }
    var stopRequested: Bool { state.withLock { $0.stopRequested } }
    var fetchPaused: Bool { state.withLock { $0.fetch.paused } }
    var fatal: TransactionError? { state.withLock { $0.fatal } }
    var assigned: [TopicPartition] { state.withLock { $0.transactions.assigned } }

    func requestStop() { state.withLock { $0.stopRequested = true } }

    /// Records the first fatal error and requests a stop.
    func fail(_ error: TransactionError) {
        state.withLock {
            if $0.fatal == nil { $0.fatal = error }
            $0.stopRequested = true
        }
    }

    /// Tracks newly assigned partitions; returns whether this is the first assignment and
    /// whether fetching is paused (the new partitions must get that state too).
    func assign(_ tps: [TopicPartition]) -> (first: Bool, paused: Bool) {
        state.withLock { s in
            s.transactions.assign(tps)
            return s.fetch.assigned()
        }
    }

    /// Drops the partitions' uncommitted inputs; returns how many.
    func revoke(_ tps: [TopicPartition]) -> Int {
        state.withLock { $0.transactions.revoke(tps) }
    }

    func track(_ tp: TopicPartition, offset: Int64) -> Ticket? {
        state.withLock { $0.transactions.track(tp, offset: offset) }
    }

    /// Returns `false` when the outputs are stale and were dropped.
    func complete(_ ticket: Ticket, outputs: [ProducerRecord], deadLettered: Bool) -> Bool {
        state.withLock { $0.transactions.complete(ticket, outputs: outputs, deadLettered: deadLettered) }
    }

    func beginBatch(maxInputs: Int) -> Batch? {
        state.withLock { $0.transactions.beginBatch(maxInputs: maxInputs) }
    }

    func commit(_ batch: Batch) {
        state.withLock { $0.transactions.commit(batch) }
    }

    /// Returns the positions to seek the consumer to.
    func abort(_ batch: Batch) -> [TopicPartition: Int64] {
        state.withLock { $0.transactions.abort(batch) }
    }

    /// Decides whether to pause or resume fetching; returns the change to make, if any.
    func flowDecision(maxInFlight: Int) -> Bool? {
        state.withLock { $0.fetch.decide(inFlight: $0.transactions.inFlight, maxInFlight: maxInFlight) }
    }

    func snapshot() -> WorkerStatistics {
        state.withLock {
            WorkerStatistics(
                processed: $0.transactions.totals.processed,
                deadLettered: $0.transactions.totals.deadLettered,
                inFlight: $0.transactions.inFlight
            )
        }
    }
}
