import KafkaBridge
import Synchronization

/// The worker's shared mutable state behind one lock: offset tracking, flow control and
/// counters. Methods are short and never do I/O under the lock.
final class WorkerState: Sendable {
    private struct State {
        var tracker = OffsetTracker()
        var stopRequested = false
        var sendsAbandoned = false
        var fatal: KafkaError?
        var fetch = FetchControl()
        var processed = 0
        var deadLettered = 0
    }

    private let state = Mutex(State())

    var inFlight: Int { state.withLock { $0.tracker.inFlight } }
    var stopRequested: Bool { state.withLock { $0.stopRequested } }
    var fetchPaused: Bool { state.withLock { $0.fetch.paused } }
    var fatal: KafkaError? { state.withLock { $0.fatal } }
    var assigned: [TopicPartition] { state.withLock { $0.tracker.assigned } }

    func requestStop() { state.withLock { $0.stopRequested = true } }

    /// Whether outputs not yet handed to the producer are given up (shutdown is past its
    /// drain); their inputs stay uncommitted.
    var sendsAbandoned: Bool { state.withLock { $0.sendsAbandoned } }

    /// Gives up outputs not yet handed to the producer, at the end of a shutdown's drain.
    func abandonSends() { state.withLock { $0.sendsAbandoned = true } }

    func fail(_ error: KafkaError) {
        state.withLock {
            if $0.fatal == nil { $0.fatal = error }
            $0.stopRequested = true
        }
    }

    /// Starts tracking newly assigned partitions. `first` is `true` the first time the group is
    /// joined; `paused` says that fetching is paused, so the new partitions must be paused too.
    func assign(_ tps: [TopicPartition]) -> (first: Bool, paused: Bool) {
        state.withLock { s in
            s.tracker.assign(tps)
            return s.fetch.assigned()
        }
    }

    func revoke(_ tps: [TopicPartition]) -> [TopicPartition: Int64] {
        state.withLock { $0.tracker.revoke(tps) }
    }

    func inFlight(of tps: [TopicPartition]) -> Int {
        state.withLock { $0.tracker.inFlight(of: tps) }
    }

    func track(_ tp: TopicPartition, offset: Int64) -> OffsetTracker.Ticket? {
        state.withLock { $0.tracker.track(tp, offset: offset) }
    }

    func markDone(_ ticket: OffsetTracker.Ticket, deadLettered: Bool) {
        state.withLock {
            if $0.tracker.markDone(ticket) {
                if deadLettered { $0.deadLettered += 1 } else { $0.processed += 1 }
            }
        }
    }

    func pendingCommits() -> [TopicPartition: Int64] {
        state.withLock { $0.tracker.pendingCommits() }
    }

    func didCommit(_ offsets: [TopicPartition: Int64]) {
        state.withLock { $0.tracker.didCommit(offsets) }
    }

    /// Decides whether to pause or resume fetching; returns the change to make, if any.
    func flowDecision(maxInFlight: Int) -> Bool? {
        state.withLock { $0.fetch.decide(inFlight: $0.tracker.inFlight, maxInFlight: maxInFlight) }
    }

    func snapshot() -> WorkerStatistics {
        state.withLock {
            WorkerStatistics(processed: $0.processed, deadLettered: $0.deadLettered, inFlight: $0.tracker.inFlight)
        }
    }
}
