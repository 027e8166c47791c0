import Foundation
import KafkaBridge
import Logging

/// Produces and reads topics from the test process, as an independent Kafka client.
enum TopicIO {
    static let logger: Logger = {
        var l = Logger(label: "test")
        l.logLevel = .error
        return l
    }()

    static func produce(_ brokers: String, topic: String, records: [(key: String?, value: [UInt8])]) async throws {
        let producer = try KafkaProducer(configuration: ["bootstrap.servers": brokers], logger: logger)
        for record in records {
            _ = try await producer.send(
                ProducerRecord(topic: topic, partition: nil, key: record.key.map { Array($0.utf8) }, value: record.value, headers: [])
            )
        }
        await producer.close(timeout: .seconds(5))
    }

    /// A consumer in a new group of its own, subscribed to `topic`, reading from the beginning.
    /// It is `read_committed` (the librdkafka default, stated because the exactly-once tests rely
    /// on it).
    private static func reader(_ brokers: String, topic: String) throws -> KafkaConsumer {
        let consumer = try KafkaConsumer(
            configuration: [
                "bootstrap.servers": brokers,
                "group.id": "reader-\(UUID().uuidString)",
                "auto.offset.reset": "earliest",
                "isolation.level": "read_committed",
            ],
            logger: logger
        )
        try consumer.subscribe(topics: [topic])
        return consumer
    }

    /// Reads a topic from the beginning, as a new consumer group, until `isComplete` holds for
    /// what was read or `timeout` passed, then for `settle` more to catch late duplicates.
    static func read(
        _ brokers: String,
        topic: String,
        timeout: Duration,
        settle: Duration = .seconds(1),
        until isComplete: ([KafkaMessage]) -> Bool
    ) async throws -> [KafkaMessage] {
        let consumer = try reader(brokers, topic: topic)
        var messages: [KafkaMessage] = []
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var checked = -1
        while clock.now < deadline {
            messages += try await consumer.poll(maxMessages: 1000, timeout: .milliseconds(200))
            if messages.count != checked {
                checked = messages.count
                if isComplete(messages) { break }
            }
        }
        let settleEnd = clock.now + settle
        while clock.now < settleEnd {
            messages += try await consumer.poll(maxMessages: 1000, timeout: .milliseconds(100))
        }
        try await consumer.close()
        return messages
    }

    /// Reads a topic from the beginning until `count` messages arrived or `timeout` passed,
    /// then keeps reading for `settle` to catch extra (duplicate) messages.
    static func read(
        _ brokers: String,
        topic: String,
        atLeast count: Int,
        timeout: Duration = .seconds(30),
        settle: Duration = .milliseconds(500)
    ) async throws -> [KafkaMessage] {
        try await read(brokers, topic: topic, timeout: timeout, settle: settle) { $0.count >= count }
    }

    /// Everything in a topic that no one writes to any more (e.g. after its producers were
    /// killed): reads from the beginning until the reader owns all `partitions` and then
    /// `quiet` passes without a message.
    /// - Throws: ``TestFailure`` when the reader gets no full assignment within `timeout`.
    static func readAll(
        _ brokers: String,
        topic: String,
        partitions: Int,
        quiet: Duration = .seconds(1),
        timeout: Duration = .seconds(30)
    ) async throws -> [KafkaMessage] {
        let consumer = try reader(brokers, topic: topic)
        var messages: [KafkaMessage] = []
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastNews: ContinuousClock.Instant?
        var complete = false
        while !complete, clock.now < deadline {
            let batch = try await consumer.poll(maxMessages: 1000, timeout: .milliseconds(100))
            messages += batch
            if lastNews == nil {
                // The mock's first join of a group takes about 3 s.
                if try consumer.assignment().count == partitions { lastNews = clock.now }
            } else if !batch.isEmpty {
                lastNews = clock.now
            }
            if let lastNews, clock.now - lastNews >= quiet { complete = true }
        }
        try await consumer.close()
        guard complete else { throw TestFailure("reading \(topic): no quiet full assignment within \(timeout)") }
        return messages
    }

    /// The group's committed next-to-read offsets for partitions `0..<partitions` of `topic`,
    /// asked of the coordinator without joining the group.
    static func committed(
        _ brokers: String,
        group: String,
        topic: String,
        partitions: Int32
    ) async throws -> [TopicPartition: Int64] {
        let consumer = try KafkaConsumer(
            configuration: ["bootstrap.servers": brokers, "group.id": group], logger: logger)
        let offsets = try await consumer.committed(
            (0..<partitions).map { TopicPartition(topic: topic, partition: $0) }, timeout: .seconds(10))
        try await consumer.close()
        return offsets
    }

    /// The message key as text.
    static func key(_ message: KafkaMessage) -> String? {
        message.key.map { String(decoding: $0, as: UTF8.self) }
    }

    static func header(_ message: KafkaMessage, _ key: String) -> String? {
        message.headers.first { $0.key == key }?.value.map { String(decoding: $0, as: UTF8.self) }
    }

    static func json(_ message: KafkaMessage) -> [String: Any]? {
        guard let value = message.value else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(value))) as? [String: Any]
    }
}
