import Foundation

/// A consumed record, copied out of librdkafka: safe to keep and send anywhere.
public struct KafkaMessage: Sendable {
    /// Topic the record was read from.
    public var topic: String
    /// Partition the record was read from.
    public var partition: Int32
    /// Offset of the record; commit `offset + 1` once it is done.
    public var offset: Int64
    /// Record key; `nil` when the record has none.
    public var key: [UInt8]?
    /// Record value; `nil` for a tombstone (null value).
    public var value: [UInt8]?
    /// Record headers, in order.
    public var headers: [KafkaHeader]
    /// Record timestamp (create time or log-append time, as the topic says); `nil` if none.
    public var timestamp: Date?

    /// Creates a message (useful in tests of code that consumes messages).
    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]? = nil,
        value: [UInt8]?,
        headers: [KafkaHeader] = [],
        timestamp: Date? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// The record's topic and partition.
    public var topicPartition: TopicPartition {
        TopicPartition(topic: topic, partition: partition)
    }
}
