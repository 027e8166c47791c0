import Foundation
import KafkaBridge
import Testing

extension KafkaBridgeIntegrationTests {
    @Suite(.timeLimit(.minutes(1)))
    struct ProduceConsume {
        @Test func roundTripPreservesKeyValueHeadersAndTimestamp() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("roundtrip")
            try cluster.createTopic(topic, partitions: 1)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster),
                logger: TestSupport.logger
            )
            let created = Date(timeIntervalSince1970: 1_700_000_000.123)
            let headers = [
                KafkaHeader(key: "content-type", value: Array("application/json".utf8)),
                KafkaHeader(key: "null-header", value: nil),
                KafkaHeader(key: "binary", value: [0, 255, 1]),
            ]
            let report = try await producer.send(
                ProducerRecord(
                    topic: topic,
                    key: Array("article-1".utf8),
                    value: Array(#"{"id":"article-1"}"#.utf8),
                    headers: headers,
                    timestamp: created
                )
            )
            let before = Date()
            _ = try await producer.send(ProducerRecord(topic: topic, value: Array("no-key".utf8)))
            await producer.close(timeout: .seconds(5))

            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: TestSupport.uniqueName("g")),
                logger: TestSupport.logger
            )
            try consumer.subscribe(topics: [topic])
            let messages = try await TestSupport.consume(consumer, count: 2)
            try await consumer.close()

            try #require(messages.count == 2)
            let first = messages[0]
            #expect(first.topic == topic)
            #expect(first.partition == report.partition)
            #expect(first.offset == report.offset)
            #expect(first.key == Array("article-1".utf8))
            #expect(first.valueString == #"{"id":"article-1"}"#)
            #expect(first.headers == headers)
            #expect(first.timestamp.map { abs($0.timeIntervalSince(created)) < 0.001 } == true)
            #expect(first.topicPartition == TopicPartition(topic: topic, partition: 0))

            let second = messages[1]
            #expect(second.key == nil)
            #expect(second.headers.isEmpty)
            #expect(second.valueString == "no-key")
            // Without an explicit timestamp the producer stamps the create time itself.
            #expect(second.timestamp.map { abs($0.timeIntervalSince(before)) < 10 } == true)
        }

        @Test func deliveryReportsCarryConsecutiveOffsetsPerPartition() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("offsets")
            try cluster.createTopic(topic, partitions: 2)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster),
                logger: TestSupport.logger
            )
            let zero = try await TestSupport.produce(producer, topic: topic, partition: 0, count: 5)
            let one = try await TestSupport.produce(producer, topic: topic, partition: 1, count: 3)
            await producer.close(timeout: .seconds(5))

            #expect(zero.map(\.offset) == [0, 1, 2, 3, 4])
            #expect(zero.allSatisfy { $0.topic == topic && $0.partition == 0 })
            #expect(one.map(\.offset) == [0, 1, 2])
            #expect(one.allSatisfy { $0.partition == 1 })
        }

        @Test func callbackSendsKeepTheirEnqueueOrderAndReportEachDelivery() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("callback")
            try cluster.createTopic(topic, partitions: 1)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster),
                logger: TestSupport.logger
            )
            let outcomes = Recorder<Result<DeliveryReport, KafkaError>>()
            for index in 0..<20 {
                try producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("c\(index)".utf8))) {
                    outcomes.append($0)
                }
            }
            try await producer.flush(timeout: .seconds(10))
            let offsets = outcomes.all.compactMap { try? $0.get().offset }
            #expect(offsets.sorted() == Array(0..<20))
            await producer.close(timeout: .seconds(5))

            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: TestSupport.uniqueName("g")),
                logger: TestSupport.logger
            )
            try consumer.subscribe(topics: [topic])
            let messages = try await TestSupport.consume(consumer, count: 20)
            #expect(messages.map(\.valueString) == (0..<20).map { "c\($0)" })
            try await consumer.close()
        }

        @Test func concurrentSendsAllResolveWhenTheQueueIsTiny() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("queuefull")
            try cluster.createTopic(topic, partitions: 1)
            // A two-message local queue: most sends first meet _QUEUE_FULL and must retry.
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster, ["queue.buffering.max.messages": "2"]),
                logger: TestSupport.logger
            )
            let reports = try await withThrowingTaskGroup(of: DeliveryReport.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("q\(index)".utf8)))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            await producer.close(timeout: .seconds(5))
            #expect(reports.map(\.offset).sorted() == Array(0..<50))
        }

        @Test func pausedPartitionDeliversNothingUntilResumed() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("pause")
            try cluster.createTopic(topic, partitions: 2)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster),
                logger: TestSupport.logger
            )
            _ = try await TestSupport.produce(producer, topic: topic, partition: 0, count: 3, prefix: "a")

            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: TestSupport.uniqueName("g")),
                logger: TestSupport.logger
            )
            try consumer.subscribe(topics: [topic])
            let early = try await TestSupport.consume(consumer, count: 3)
            #expect(early.map(\.valueString) == ["a0", "a1", "a2"])

            let paused = TopicPartition(topic: topic, partition: 0)
            try consumer.pause([paused])
            _ = try await TestSupport.produce(producer, topic: topic, partition: 0, count: 3, prefix: "b")
            _ = try await TestSupport.produce(producer, topic: topic, partition: 1, count: 2, prefix: "c")
            let whilePaused = try await TestSupport.drain(consumer, for: .seconds(2))
            #expect(whilePaused.map(\.valueString) == ["c0", "c1"])
            #expect(try consumer.assignment().contains(paused))

            try consumer.resume([paused])
            let afterResume = try await TestSupport.consume(consumer, count: 3)
            #expect(afterResume.map(\.valueString) == ["b0", "b1", "b2"])
            #expect(afterResume.map(\.offset) == [3, 4, 5])

            try await consumer.close()
            await producer.close(timeout: .seconds(5))
        }

        @Test func pollAfterCloseThrowsStateAndCloseIsIdempotent() async throws {
            let cluster = try TestSupport.cluster()
            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: TestSupport.uniqueName("g")),
                logger: TestSupport.logger
            )
            try consumer.subscribe(topics: [TestSupport.uniqueName("idle")])
            _ = try await consumer.poll(maxMessages: 10, timeout: .milliseconds(100))
            try await consumer.close()
            try await consumer.close()
            let error = await #expect(throws: KafkaError.self) {
                _ = try await consumer.poll(maxMessages: 1, timeout: .milliseconds(10))
            }
            #expect(error?.code == .state)

            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster),
                logger: TestSupport.logger
            )
            await producer.close(timeout: .seconds(1))
            await producer.close(timeout: .seconds(1))
            let sendError = await #expect(throws: KafkaError.self) {
                _ = try await producer.send(ProducerRecord(topic: "x", value: [1]))
            }
            #expect(sendError?.code == .state)
        }
    }
}
