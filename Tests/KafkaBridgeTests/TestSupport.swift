import Foundation
import KafkaBridge
import Logging
import Synchronization

/// Shared set-up for the bridge's integration tests: a mock cluster per test, unique names.
enum TestSupport {
    static let logger: Logger = {
        var logger = Logger(label: "kafka-bridge-tests") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = ProcessInfo.processInfo.environment["KAFKA_TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .critical
        return logger
    }()

    private static let counter = Atomic<Int>(0)

    /// A name no other test uses, e.g. `roundtrip-3-1f2e`.
    static func uniqueName(_ prefix: String) -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return "\(prefix)-\(n)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    static func cluster(brokers: Int = 1) throws -> MockCluster {
        try MockCluster(brokers: brokers, logger: logger)
    }

    static func producerConfiguration(_ cluster: MockCluster, _ extra: [String: String] = [:]) -> [String: String] {
        ["bootstrap.servers": cluster.bootstrapServers, "linger.ms": "5"].merging(extra) { $1 }
    }

    static func consumerConfiguration(
        _ cluster: MockCluster,
        group: String,
        _ extra: [String: String] = [:]
    ) -> [String: String] {
        [
            "bootstrap.servers": cluster.bootstrapServers,
            "group.id": group,
            "auto.offset.reset": "earliest",
            "session.timeout.ms": "6000",
            "heartbeat.interval.ms": "200",
            "fetch.wait.max.ms": "50",
            "max.poll.interval.ms": "10000",
        ].merging(debugConfiguration) { $1 }.merging(extra) { $1 }
    }

    /// `KAFKA_TEST_DEBUG=cgrp,fetch` turns on librdkafka debug contexts (with `KAFKA_TEST_LOG_LEVEL=debug`).
    static var debugConfiguration: [String: String] {
        ProcessInfo.processInfo.environment["KAFKA_TEST_DEBUG"].map { ["debug": $0] } ?? [:]
    }

    /// Polls until `count` messages arrived (never more) or `duration` passed; returns what
    /// arrived. Without `count`, polls for the whole `duration`.
    static func consume(
        _ consumer: KafkaConsumer,
        count: Int = .max,
        within duration: Duration = .seconds(30)
    ) async throws -> [KafkaMessage] {
        let clock = ContinuousClock()
        let end = clock.now + duration
        var messages: [KafkaMessage] = []
        while messages.count < count && clock.now < end {
            let batch = min(count - messages.count, 100)
            messages += try await consumer.poll(maxMessages: batch, timeout: .milliseconds(100))
        }
        return messages
    }

    /// Polls for `duration` and returns everything that arrived.
    static func drain(_ consumer: KafkaConsumer, for duration: Duration) async throws -> [KafkaMessage] {
        try await consume(consumer, within: duration)
    }

    /// Sends `count` records `"<prefix><i>"` to one partition and returns their reports.
    static func produce(
        _ producer: KafkaProducer,
        topic: String,
        partition: Int32? = 0,
        count: Int,
        prefix: String = "m"
    ) async throws -> [DeliveryReport] {
        var reports: [DeliveryReport] = []
        for index in 0..<count {
            reports.append(
                try await producer.send(
                    ProducerRecord(topic: topic, partition: partition, value: Array("\(prefix)\(index)".utf8))
                )
            )
        }
        return reports
    }
}

/// Collects values from `@Sendable` callbacks for later inspection.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    func append(_ value: Value) {
        values.withLock { $0.append(value) }
    }

    var all: [Value] {
        values.withLock { $0 }
    }
}

extension KafkaMessage {
    var valueString: String? {
        value.map { String(decoding: $0, as: UTF8.self) }
    }
}
