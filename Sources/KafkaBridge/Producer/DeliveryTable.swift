import Synchronization

/// Records waiting for their delivery report (a continuation or a callback), keyed by the
/// per-message id passed to librdkafka as `msg_opaque`.
final class DeliveryTable: Sendable {
    enum Outcome: Sendable {
        /// The broker acknowledged the record.
        case delivered(DeliveryReport)
        /// librdkafka reported a delivery failure.
        case failed(KafkaError)
        /// `rd_kafka_produceva` refused the record; no delivery report will come.
        case notEnqueued(KafkaError)
    }

    private struct State {
        var nextID: UInt = 1
        var pending: [UInt: @Sendable (Outcome) -> Void] = [:]
        var isClosed = false
    }

    private let state = Mutex(State())

    /// A fresh id, never 0 (so it is a non-null `msg_opaque`).
    func makeID() -> UInt {
        state.withLock { state in
            defer { state.nextID = state.nextID == UInt.max ? 1 : state.nextID + 1 }
            return state.nextID
        }
    }

    /// Stores `continuation` under `id`; `false` once the table is closed.
    func register(_ id: UInt, _ continuation: CheckedContinuation<Outcome, Never>) -> Bool {
        register(id) { continuation.resume(returning: $0) }
    }

    /// Registers `callback` under a fresh id (never 0), taking the lock once; `nil` once the
    /// table is closed. The callback runs on the thread that completes the delivery (the
    /// producer's poll thread).
    func register(_ callback: @escaping @Sendable (Outcome) -> Void) -> UInt? {
        state.withLock { state in
            guard !state.isClosed else { return nil }
            let id = state.nextID
            state.nextID = state.nextID == UInt.max ? 1 : state.nextID + 1
            state.pending[id] = callback
            return id
        }
    }

    /// Stores `callback` under `id`; `false` once the table is closed. The callback runs on
    /// the thread that completes the delivery (the producer's poll thread).
    func register(_ id: UInt, _ callback: @escaping @Sendable (Outcome) -> Void) -> Bool {
        state.withLock { state in
            guard !state.isClosed else { return false }
            state.pending[id] = callback
            return true
        }
    }

    /// Resumes (or calls) and forgets the waiter stored under `id`, if any.
    func complete(_ id: UInt, with outcome: Outcome) {
        let waiter = state.withLock { $0.pending.removeValue(forKey: id) }
        waiter?(outcome)
    }

    /// Number of records still waiting.
    var pendingCount: Int {
        state.withLock { $0.pending.count }
    }

    /// Refuses new registrations.
    func close() {
        state.withLock { $0.isClosed = true }
    }

    /// Fails every waiting record with `error`.
    func failAll(_ error: KafkaError) {
        let waiters = state.withLock { state in
            defer { state.pending.removeAll() }
            return Array(state.pending.values)
        }
        for waiter in waiters {
            waiter(.failed(error))
        }
    }
}
