import Foundation
import KafkaBridge

extension TopicIO {
    /// Produces many records concurrently from one producer and waits for every delivery.
    static func produceAll(
        _ brokers: String,
        topic: String,
        records: [(key: String?, value: [UInt8])],
        properties: [String: String] = [:]
    ) async throws {
        var configuration = ["bootstrap.servers": brokers, "linger.ms": "20"]
        configuration.merge(properties) { _, new in new }
        let producer = try KafkaProducer(configuration: configuration, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            for record in records {
                if running >= 256 {
                    try await group.next()
                    running -= 1
                }
                group.addTask {
                    _ = try await producer.send(
                        ProducerRecord(
                            topic: topic, partition: nil, key: record.key.map { Array($0.utf8) }, value: record.value,
                            headers: []
                        )
                    )
                }
                running += 1
            }
            try await group.waitForAll()
        }
        await producer.close(timeout: .seconds(10))
    }

    /// Reads a topic from the beginning until `isComplete` holds for what was read or `timeout`
    /// passed, then for `settle` more to catch late duplicates.
    static func read(
        _ brokers: String,
        topic: String,
        timeout: Duration,
        settle: Duration = .seconds(1),
        until isComplete: ([KafkaMessage]) -> Bool
    ) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(
            configuration: [
                "bootstrap.servers": brokers,
                "group.id": "reader-\(UUID().uuidString)",
                "auto.offset.reset": "earliest",
            ],
            logger: logger
        )
        try consumer.subscribe(topics: [topic])
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

    /// The message key as text.
    static func key(_ message: KafkaMessage) -> String? {
        message.key.map { String(decoding: $0, as: UTF8.self) }
    }
}
