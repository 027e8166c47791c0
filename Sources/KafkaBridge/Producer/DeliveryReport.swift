/// Where the broker stored a produced record.
public struct DeliveryReport: Sendable, Hashable {
    /// Topic the record was written to.
    public var topic: String
    /// Partition the record was written to.
    public var partition: Int32
    /// Offset of the record in its partition.
    public var offset: Int64

    /// Creates a report.
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    /// The record's topic and partition.
    public var topicPartition: TopicPartition {
        TopicPartition(topic: topic, partition: partition)
    }
}
