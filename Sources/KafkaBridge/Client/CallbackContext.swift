import Logging
import Synchronization

/// What librdkafka's callbacks need on the Swift side. A retained reference to it is the
/// handle's `opaque` pointer; ``RDKafkaClient`` releases it after `rd_kafka_destroy` returns, when
/// no callback can run any more.
final class CallbackContext: Sendable {
    let logger: Logger
    let handlers: KafkaEventHandlers
    /// Pending deliveries of a producer; `nil` for consumers and the mock cluster's dummy handle.
    let deliveries: DeliveryTable?

    /// Set for cooperative-sticky consumers on librdkafka older than 2.1.0; see ``mustLeakHandle``.
    let guardsStickyAssignorDestroy: Bool
    private let joinedWithoutAssignment = Atomic<Bool>(false)
    private let sawAssignment = Atomic<Bool>(false)

    init(
        logger: Logger,
        handlers: KafkaEventHandlers,
        deliveries: DeliveryTable? = nil,
        guardsStickyAssignorDestroy: Bool = false
    ) {
        self.logger = logger
        self.handlers = handlers
        self.deliveries = deliveries
        self.guardsStickyAssignorDestroy = guardsStickyAssignorDestroy
    }

    /// The consumer subscribed, so it may join a group.
    func noteSubscribed() {
        joinedWithoutAssignment.store(true, ordering: .relaxed)
    }

    /// The rebalance callback delivered an assignment (after which the sticky assignor has state).
    func noteAssignment() {
        sawAssignment.store(true, ordering: .relaxed)
    }

    /// Whether `rd_kafka_destroy` would abort the process.
    ///
    /// librdkafka 2.0.x asserts in `rd_kafka_sticky_assignor_state_destroy` when a
    /// cooperative-sticky consumer that joined a group but never received an assignment is
    /// destroyed (later releases check for the missing state). In that case the handle and this
    /// context are deliberately leaked instead: a few idle threads, once per such consumer.
    var mustLeakHandle: Bool {
        guardsStickyAssignorDestroy && joinedWithoutAssignment.load(ordering: .relaxed)
            && !sawAssignment.load(ordering: .relaxed)
    }

    /// The context behind a handle's opaque pointer.
    static func from(_ opaque: UnsafeMutableRawPointer?) -> CallbackContext? {
        guard let opaque else { return nil }
        return Unmanaged<CallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}
