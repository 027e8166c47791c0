import Foundation

/// A record to produce.
public struct ProducerRecord: Sendable {
    /// Destination topic.
    public var topic: String
    /// Destination partition; `nil` lets the partitioner choose (by key hash when there is a key).
    public var partition: Int32?
    /// Record key; `nil` for none.
    public var key: [UInt8]?
    /// Record value. An empty value may be read back as `nil` by consumers.
    public var value: [UInt8]
    /// Record headers, in order.
    public var headers: [KafkaHeader]
    /// Create time to set on the record; `nil` uses the current time.
    public var timestamp: Date?

    /// Creates a record.
    /// - Parameters:
    ///   - topic: Destination topic.
    ///   - partition: Destination partition. Default: `nil` (partitioner's choice).
    ///   - key: Record key. Default: `nil`.
    ///   - value: Record value.
    ///   - headers: Record headers. Default: none.
    ///   - timestamp: Create time. Default: `nil` (now).
    public init(
        topic: String,
        partition: Int32? = nil,
        key: [UInt8]? = nil,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        timestamp: Date? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }
}
