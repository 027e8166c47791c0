import Logging

/// What librdkafka's callbacks need on the Swift side. A retained reference to it is the
/// handle's `opaque` pointer; ``RDKafkaClient`` releases it after `rd_kafka_destroy` returns, when
/// no callback can run any more.
final class CallbackContext: Sendable {
    let logger: Logger
    let handlers: KafkaEventHandlers
    /// Pending deliveries of a producer; `nil` for consumers and the mock cluster's dummy handle.
    let deliveries: DeliveryTable?

    init(logger: Logger, handlers: KafkaEventHandlers, deliveries: DeliveryTable? = nil) {
        self.logger = logger
        self.handlers = handlers
        self.deliveries = deliveries
    }

    /// The context behind a handle's opaque pointer.
    static func from(_ opaque: UnsafeMutableRawPointer?) -> CallbackContext? {
        guard let opaque else { return nil }
        return Unmanaged<CallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}
