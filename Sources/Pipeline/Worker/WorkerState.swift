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
        /// The poll loop waiting for room: resumed once at most `limit` inputs are in flight.
        var roomWaiter: (limit: Int, continuation: CheckedContinuation<Void, Never>)?

        /// Takes the room waiter when its wait is over (room, or a stop).
        mutating func takeRoomWaiter() -> CheckedContinuation<Void, Never>? {
            guard let waiter = roomWaiter, tracker.inFlight <= waiter.limit || stopRequested else { return nil }
            roomWaiter = nil
            return waiter.continuation
        }
    }

    private let state = Mutex(State())

    var inFlight: Int { state.withLock { $0.tracker.inFlight } }
    var stopRequested: Bool { state.withLock { $0.stopRequested } }
    var fetchPaused: Bool { state.withLock { $0.fetch.paused } }
    var fatal: KafkaError? { state.withLock { $0.fatal } }
    var assigned: [TopicPartition] { state.withLock { $0.tracker.assigned } }

    func requestStop() {
        state.withLock {
            $0.stopRequested = true
            return $0.takeRoomWaiter()
        }?.resume()
    }

    /// Whether outputs not yet handed to the producer are given up (shutdown is past its
    /// drain); their inputs stay uncommitted.
    var sendsAbandoned: Bool { state.withLock { $0.sendsAbandoned } }

    /// Gives up outputs not yet handed to the producer, at the end of a shutdown's drain.
    func abandonSends() { state.withLock { $0.sendsAbandoned = true } }

    func fail(_ error: KafkaError) {
        state.withLock {
            if $0.fatal == nil { $0.fatal = error }
            $0.stopRequested = true
            return $0.takeRoomWaiter()
        }?.resume()
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
        let (commits, waiter) = state.withLock { s in
            let commits = s.tracker.revoke(tps)
            return (commits, s.takeRoomWaiter())
        }
        waiter?.resume()
        return commits
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
            return $0.takeRoomWaiter()
        }?.resume()
    }

    /// Returns once at most `limit` inputs are in flight, a stop is requested, `deadline`
    /// passes or the task is cancelled.
    ///
    /// The input that frees the room resumes the wait, so a saturated poll loop wakes once per
    /// batch it takes, not once per timer tick (on a 2-core machine the 1 ms ticks it replaced
    /// cost thousands of thread switches a second). One wait at a time: the poll loop's.
    func waitForRoom(limit: Int, deadline: ContinuousClock.Instant) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                // Past the deadline, or cancelled: end the wait if it is still on.
                self.state.withLock { s -> CheckedContinuation<Void, Never>? in
                    defer { s.roomWaiter = nil }
                    return s.roomWaiter?.continuation
                }?.resume()
            }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { s -> Bool in
                    // The timer ends only a registered wait: past its time (or cancelled) there
                    // is nothing to register.
                    if s.tracker.inFlight <= limit || s.stopRequested || Task.isCancelled || .now >= deadline { return true }
                    s.roomWaiter = (limit, continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
            group.cancelAll()
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
