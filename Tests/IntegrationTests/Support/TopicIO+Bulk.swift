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
}
