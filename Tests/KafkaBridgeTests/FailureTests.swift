import Foundation
import KafkaBridge
import Testing

extension KafkaBridgeIntegrationTests {
    @Suite(.timeLimit(.minutes(1)))
    struct Failures {
        @Test func sendToADownBrokerIsRetriedAndSucceedsAfterItComesBackUp() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("down-up")
            try cluster.createTopic(topic, partitions: 1)
            let errors = Recorder<KafkaError>()
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster, ["message.timeout.ms": "30000"]),
                handlers: KafkaEventHandlers(onError: { errors.append($0) }),
                logger: TestSupport.logger
            )
            // Connect and learn the metadata first, so that the outage hits an established client.
            let before = try await producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("before".utf8)))
            #expect(before.offset == 0)

            try cluster.setBrokerDown(1)
            async let pending = producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("during".utf8)))
            try await Task.sleep(for: .seconds(2))
            try cluster.setBrokerUp(1)
            let report = try await pending
            #expect(report.offset == 1)
            // The outage was reported through error_cb, classified by code.
            let outageCodes: Set<KafkaError.Code> = [.transport, .allBrokersDown]
            let reported = errors.all.filter { (error: KafkaError) -> Bool in outageCodes.contains(error.code) }
            #expect(!reported.isEmpty)
            #expect(reported.allSatisfy { $0.isRetriable })
            await producer.close(timeout: .seconds(5))
        }

        /// librdkafka 2.0.2 frees a message's headers twice when produceva fails after building
        /// the message (issue 4627); the bridge passes one caller-owned list instead. Many
        /// rejected sends with headers would corrupt the heap and crash without that.
        @Test func rejectedSendsWithHeadersFailCleanlyAndLaterSendsStillWork() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("rejected-headers")
            try cluster.createTopic(topic, partitions: 2)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster, ["message.max.bytes": "2000"]),
                logger: TestSupport.logger
            )
            let headers = [KafkaHeader(key: "dlq-reason", value: Array("too_large".utf8)), KafkaHeader(key: "empty", value: nil)]
            _ = try await producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("warm-up".utf8)))
            for round in 0..<200 {
                // Too large for message.max.bytes, and a partition that does not exist: both are
                // refused inside produceva after the message was built.
                let tooLarge = ProducerRecord(
                    topic: topic, partition: 0, value: [UInt8](repeating: 0x61, count: 5000), headers: headers)
                let noSuchPartition = ProducerRecord(
                    topic: topic, partition: 7, value: Array("r\(round)".utf8), headers: headers)
                for record in [tooLarge, noSuchPartition] {
                    await #expect(throws: KafkaError.self) { _ = try await producer.send(record) }
                }
            }
            let report = try await producer.send(
                ProducerRecord(topic: topic, partition: 1, value: Array("after".utf8), headers: headers))
            #expect(report.partition == 1)
            await producer.close(timeout: .seconds(5))
        }

        @Test func sendToADownBrokerFailsWithMessageTimedOut() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("down")
            try cluster.createTopic(topic, partitions: 1)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster, ["message.timeout.ms": "1500"]),
                logger: TestSupport.logger
            )
            _ = try await producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("before".utf8)))
            try cluster.setBrokerDown(1)
            let error = await #expect(throws: KafkaError.self) {
                _ = try await producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("lost".utf8)))
            }
            #expect(error?.code == .messageTimedOut)
            #expect(error?.isRetriable == true)
            try cluster.setBrokerUp(1)
            await producer.close(timeout: .seconds(5))
        }

        @Test func retriableProduceErrorsFromTheBrokerAreRetriedUntilDelivered() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("retriable")
            try cluster.createTopic(topic, partitions: 1)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster, ["retry.backoff.ms": "50"]),
                logger: TestSupport.logger
            )
            _ = try await producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("warm-up".utf8)))
            // ProduceRequest is API key 0; these are retriable broker errors.
            try cluster.pushRequestErrors(
                apiKey: 0,
                errors: [.notLeaderForPartition, .requestTimedOut, .notEnoughReplicas]
            )
            let report = try await producer.send(ProducerRecord(topic: topic, partition: 0, value: Array("survivor".utf8)))
            #expect(report.offset == 1)
            await producer.close(timeout: .seconds(5))

            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: TestSupport.uniqueName("g")),
                logger: TestSupport.logger
            )
            try consumer.subscribe(topics: [topic])
            let messages = try await TestSupport.consume(consumer, count: 2)
            // Idempotence (on by default) keeps the retries from writing duplicates.
            #expect(messages.map(\.valueString) == ["warm-up", "survivor"])
            try await consumer.close()
        }

        @Test func commitSurvivesATransientCoordinatorError() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("commit-retry")
            try cluster.createTopic(topic, partitions: 1)
            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: TestSupport.uniqueName("g")),
                logger: TestSupport.logger
            )
            let partition = TopicPartition(topic: topic, partition: 0)
            // OffsetCommit is API key 8. librdkafka retries this one transparently.
            try cluster.pushRequestErrors(apiKey: 8, errors: [.coordinatorLoadInProgress])
            var lastError: KafkaError?
            for _ in 0..<5 {
                do {
                    try await consumer.commit([partition: 7])
                    lastError = nil
                    break
                } catch {
                    lastError = error
                    guard error.isRetriable else { break }
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
            #expect(lastError == nil)
            #expect(try await consumer.committed([partition], timeout: .seconds(10)) == [partition: 7])
            try await consumer.close()
        }

        @Test func unknownConfigurationPropertyIsRejectedWithInvalidArgument() throws {
            let error = #expect(throws: KafkaError.self) {
                _ = try KafkaProducer(configuration: ["no.such.property": "1"], logger: TestSupport.logger)
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.isRetriable == false)
            let missing = #expect(throws: KafkaError.self) {
                _ = try KafkaConsumer(configuration: ["bootstrap.servers": "127.0.0.1:1"], logger: TestSupport.logger)
            }
            #expect(missing?.code == .invalidArgument)
        }
    }
}
