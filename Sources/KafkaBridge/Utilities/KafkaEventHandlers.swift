/// Callbacks for events that librdkafka reports outside of any call.
public struct KafkaEventHandlers: Sendable {
    /// Rebalance events of a group consumer.
    ///
    /// - Important: Called synchronously on the consumer's polling thread, from inside
    ///   ``KafkaConsumer/poll(maxMessages:timeout:)`` or ``KafkaConsumer/close()``. For `.revoked`
    ///   and `.lost` it runs before the partitions are unassigned, so it may call
    ///   ``KafkaConsumer/commitSync(_:)``. Keep it short and never await in it.
    public var onRebalance: (@Sendable (RebalanceEvent) -> Void)?
    /// Client-level errors (librdkafka's `error_cb`), e.g. `_ALL_BROKERS_DOWN`, `_TRANSPORT`, and
    /// per-message consume errors. Most are informational: librdkafka recovers by itself unless
    /// ``KafkaError/isFatal`` is set.
    public var onError: (@Sendable (KafkaError) -> Void)?
    /// librdkafka statistics JSON, every `statistics.interval.ms` (off unless that is set).
    public var onStatistics: (@Sendable (String) -> Void)?

    /// Creates handlers; each defaults to none.
    public init(
        onRebalance: (@Sendable (RebalanceEvent) -> Void)? = nil,
        onError: (@Sendable (KafkaError) -> Void)? = nil,
        onStatistics: (@Sendable (String) -> Void)? = nil
    ) {
        self.onRebalance = onRebalance
        self.onError = onError
        self.onStatistics = onStatistics
    }
}
