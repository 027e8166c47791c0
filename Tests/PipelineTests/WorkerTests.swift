import Extraction
import Foundation
import KafkaBridge
import Logging
import Operations
import Pipeline
import ServiceLifecycle
import Testing

/// The worker against librdkafka's mock cluster over TCP (the cluster runs on its own threads).
@Suite(.serialized, .timeLimit(.minutes(2)))
struct WorkerTests {
    static let logger: Logger = {
        var l = Logger(label: "worker-test")
        l.logLevel = .error
        return l
    }()

    func produce(_ brokers: String, topic: String, count: Int, partitions: Int32) async throws {
        let producer = try KafkaProducer(configuration: ["bootstrap.servers": brokers], logger: Self.logger)
        for i in 0..<count {
            let body = "Alpha\(i % 7) and Beta met"
            let value = Array(#"{"id":"a-\#(i)","body":"\#(body)"}"#.utf8)
            try producer.send(
                ProducerRecord(topic: topic, partition: Int32(i) % partitions, key: nil, value: value, headers: [])
            ) { _ in }
        }
        try await producer.flush(timeout: .seconds(10))
        await producer.close(timeout: .seconds(5))
    }

    func readAll(_ brokers: String, topic: String, count: Int) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(
            configuration: ["bootstrap.servers": brokers, "group.id": "r-\(UUID())", "auto.offset.reset": "earliest"],
            logger: Self.logger
        )
        try consumer.subscribe(topics: [topic])
        var out: [KafkaMessage] = []
        let deadline = ContinuousClock.now + .seconds(40)
        while out.count < count, ContinuousClock.now < deadline {
            out += try await consumer.poll(maxMessages: 500, timeout: .milliseconds(200))
        }
        try await consumer.close()
        return out
    }

    @Test func smallInFlightBoundStillProcessesEverythingAndKeepsPartitionOrder() async throws {
        let cluster = try MockCluster(brokers: 1, logger: Self.logger)
        let brokers = cluster.bootstrapServers
        try cluster.createTopic("in", partitions: 8)
        try cluster.createTopic("out", partitions: 1)
        try cluster.createTopic("st", partitions: 1)
        try cluster.createTopic("dlq", partitions: 1)
        let total = 400
        try await produce(brokers, topic: "in", count: total, partitions: 8)

        var configuration = WorkerConfiguration()
        configuration.topics.input = "in"
        configuration.topics.output = "out"
        configuration.topics.stances = "st"
        configuration.topics.deadLetter = "dlq"
        configuration.flow.maxInFlight = 4
        configuration.flow.pollBatchSize = 16
        configuration.consumerProperties = [
            "bootstrap.servers": brokers, "group.id": "w", "auto.offset.reset": "earliest",
        ]
        configuration.producerProperties = ["bootstrap.servers": brokers]
        let health = HealthMonitor()
        let worker = try Worker(
            configuration: configuration,
            processor: ArticleProcessor(extractor: WordExtractor()),
            health: health,
            logger: Self.logger
        )
        let group = ServiceGroup(services: [worker], logger: Self.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let outputs = try await readAll(brokers, topic: "out", count: total)
            #expect(outputs.count == total)
            // Per input partition, outputs appear in input offset order.
            var last: [Int: Int] = [:]
            var ordered = true
            for message in outputs {
                guard let value = message.value,
                    let event = try? JSONSerialization.jsonObject(with: Data(value)) as? [String: Any],
                    let origin = event["origin"] as? [String: Any],
                    let partition = (origin["partition"] as? NSNumber)?.intValue,
                    let offset = (origin["offset"] as? NSNumber)?.intValue
                else { continue }
                if let previous = last[partition], previous >= offset { ordered = false }
                last[partition] = offset
            }
            #expect(ordered)
            #expect(last.count == 8)
            // Delivery reports may trail the broker's copy by a moment.
            let deadline = ContinuousClock.now + .seconds(5)
            while worker.statistics().processed < total, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(worker.statistics().processed == total)
            #expect(health.readiness().ok)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(worker.statistics().inFlight == 0)
    }
}
