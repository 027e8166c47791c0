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

    /// Reads a topic from the beginning until `count` messages arrived or `timeout` passed,
    /// then keeps reading for `settle` to catch extra (duplicate) messages.
    static func read(
        _ brokers: String,
        topic: String,
        atLeast count: Int,
        timeout: Duration = .seconds(30),
        settle: Duration = .milliseconds(500)
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
        while messages.count < count, clock.now < deadline {
            messages += try await consumer.poll(maxMessages: 500, timeout: .milliseconds(200))
        }
        let settleEnd = clock.now + settle
        while clock.now < settleEnd {
            messages += try await consumer.poll(maxMessages: 500, timeout: .milliseconds(100))
        }
        try await consumer.close()
        return messages
    }

    static func header(_ message: KafkaMessage, _ key: String) -> String? {
        message.headers.first { $0.key == key }?.value.map { String(decoding: $0, as: UTF8.self) }
    }

    static func json(_ message: KafkaMessage) -> [String: Any]? {
        guard let value = message.value else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(value))) as? [String: Any]
    }
}
