import CRdKafka

/// Owns one `rd_kafka_topic_partition_list_t`, destroyed in `deinit`.
///
/// Not `Sendable`: create, use and drop it inside one call.
final class TopicPartitionList {
    private let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    /// An empty list with room for `capacity` entries.
    init(capacity: Int = 1) {
        pointer = rd_kafka_topic_partition_list_new(Int32(clamping: max(1, capacity)))
    }

    /// Takes ownership of a list that librdkafka returned to us.
    init(owning pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        self.pointer = pointer
    }

    convenience init(_ partitions: [TopicPartition]) {
        self.init(capacity: partitions.count)
        for tp in partitions {
            add(tp, offset: nil)
        }
    }

    convenience init(offsets: [TopicPartition: Int64]) {
        self.init(capacity: offsets.count)
        for (tp, offset) in offsets.sorted(by: { $0.key < $1.key }) {
            add(tp, offset: offset)
        }
    }

    deinit {
        rd_kafka_topic_partition_list_destroy(pointer)
    }

    /// Adds an entry; `offset == nil` leaves librdkafka's default (`RD_KAFKA_OFFSET_INVALID`).
    func add(_ tp: TopicPartition, offset: Int64?) {
        let element = rd_kafka_topic_partition_list_add(pointer, tp.topic, tp.partition)!
        if let offset {
            element.pointee.offset = offset
        }
    }

    /// Calls `body` with the raw list; the pointer must not escape.
    func withPointer<T, E: Error>(
        _ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) throws(E) -> T
    ) throws(E) -> T {
        try body(pointer)
    }

    /// The entries of a list owned by someone else (e.g. a callback argument), copied to Swift.
    static func entries(
        of list: UnsafePointer<rd_kafka_topic_partition_list_t>
    ) -> [(partition: TopicPartition, offset: Int64, error: rd_kafka_resp_err_t)] {
        let count = Int(list.pointee.cnt)
        guard count > 0, let elements = list.pointee.elems else { return [] }
        return (0..<count).map { index in
            let element = elements[index]
            return (
                TopicPartition(topic: String(cString: element.topic), partition: element.partition),
                element.offset,
                element.err
            )
        }
    }

    /// The entries of this list.
    var entries: [(partition: TopicPartition, offset: Int64, error: rd_kafka_resp_err_t)] {
        TopicPartitionList.entries(of: pointer)
    }

    /// The first per-partition error, if any.
    func firstError(file: String = #fileID, line: Int = #line) -> KafkaError? {
        for entry in entries where entry.error != RD_KAFKA_RESP_ERR_NO_ERROR {
            return KafkaError(
                code: KafkaError.Code(entry.error),
                reason: "\(entry.partition): \(KafkaError.Code(entry.error).text)",
                file: file,
                line: line
            )
        }
        return nil
    }
}
