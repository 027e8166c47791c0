import Foundation
import KafkaBridge
import Testing

extension KafkaBridgeIntegrationTests {
    @Suite(.timeLimit(.minutes(1)))
    struct Transactions {
        private func readCommittedConsumer(_ cluster: MockCluster, topic: String) throws -> KafkaConsumer {
            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(
                    cluster,
                    group: TestSupport.uniqueName("reader"),
                    ["isolation.level": "read_committed"]
                ),
                logger: TestSupport.logger
            )
            try consumer.subscribe(topics: [topic])
            return consumer
        }

        @Test func committedTransactionPublishesRecordsAndCommitsTheConsumersOffsets() async throws {
            let cluster = try TestSupport.cluster()
            let input = TestSupport.uniqueName("tx-in")
            let output = TestSupport.uniqueName("tx-out")
            let group = TestSupport.uniqueName("g")
            try cluster.createTopic(input, partitions: 1)
            try cluster.createTopic(output, partitions: 1)

            let plain = try KafkaProducer(configuration: TestSupport.producerConfiguration(cluster), logger: TestSupport.logger)
            _ = try await TestSupport.produce(plain, topic: input, count: 3, prefix: "in")
            await plain.close(timeout: .seconds(5))

            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: group),
                logger: TestSupport.logger
            )
            try consumer.subscribe(topics: [input])
            let read = try await TestSupport.consume(consumer, count: 3)
            try #require(read.count == 3)

            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster, ["transactional.id": TestSupport.uniqueName("tx")]),
                logger: TestSupport.logger
            )
            try await producer.initTransactions(timeout: .seconds(20))
            try producer.beginTransaction()
            for message in read {
                _ = try await producer.send(
                    ProducerRecord(topic: output, partition: 0, value: Array("out-\(message.valueString ?? "")".utf8))
                )
            }
            let inputPartition = TopicPartition(topic: input, partition: 0)
            try await producer.sendOffsetsToTransaction(
                [inputPartition: read[2].offset + 1],
                consumer: consumer,
                timeout: .seconds(20)
            )
            try await producer.commitTransaction(timeout: .seconds(20))

            let committed = try await consumer.committed([inputPartition], timeout: .seconds(10))
            withKnownIssue("librdkafka 2.0.2's mock cluster acknowledges TxnOffsetCommit but does not store it", isIntermittent: true) {
                #expect(committed == [inputPartition: 3])
            }
            let reader = try readCommittedConsumer(cluster, topic: output)
            let published = try await TestSupport.consume(reader, count: 3)
            #expect(published.map(\.valueString) == ["out-in0", "out-in1", "out-in2"])

            try await reader.close()
            try await consumer.close()
            await producer.close(timeout: .seconds(5))
        }

        @Test func abortedTransactionIsInvisibleToReadCommittedConsumers() async throws {
            let cluster = try TestSupport.cluster()
            let output = TestSupport.uniqueName("tx-abort")
            try cluster.createTopic(output, partitions: 1)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster, ["transactional.id": TestSupport.uniqueName("tx")]),
                logger: TestSupport.logger
            )
            try await producer.initTransactions(timeout: .seconds(20))

            try producer.beginTransaction()
            _ = try await producer.send(ProducerRecord(topic: output, partition: 0, value: Array("aborted".utf8)))
            try await producer.abortTransaction(timeout: .seconds(20))

            try producer.beginTransaction()
            _ = try await producer.send(ProducerRecord(topic: output, partition: 0, value: Array("committed".utf8)))
            try await producer.commitTransaction(timeout: .seconds(20))

            let reader = try readCommittedConsumer(cluster, topic: output)
            let first = try await TestSupport.consume(reader, count: 1)
            let more = try await TestSupport.drain(reader, for: .seconds(1))
            let values = (first + more).map(\.valueString)
            #expect(values.last == "committed")
            withKnownIssue("librdkafka 2.0.2's mock cluster does not filter aborted records for read_committed", isIntermittent: true) {
                #expect(values == ["committed"])
            }
            try await reader.close()
            await producer.close(timeout: .seconds(5))
        }

        @Test func beginTransactionWithoutTransactionalIdFailsWithNotConfigured() async throws {
            let cluster = try TestSupport.cluster()
            let producer = try KafkaProducer(configuration: TestSupport.producerConfiguration(cluster), logger: TestSupport.logger)
            let error = #expect(throws: KafkaError.self) {
                try producer.beginTransaction()
            }
            #expect(error?.code == .notConfigured)
            await producer.close(timeout: .seconds(1))
        }
    }
}
