import Foundation
import KafkaBridge
import Testing

extension KafkaBridgeIntegrationTests {
    @Suite(.timeLimit(.minutes(1)))
    struct ConsumerGroup {
        @Test func newConsumerInTheGroupResumesAfterTheCommittedOffset() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("resume")
            let group = TestSupport.uniqueName("g")
            try cluster.createTopic(topic, partitions: 1)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster),
                logger: TestSupport.logger
            )
            _ = try await TestSupport.produce(producer, topic: topic, count: 10)
            await producer.close(timeout: .seconds(5))
            let partition = TopicPartition(topic: topic, partition: 0)

            let first = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: group),
                logger: TestSupport.logger
            )
            try first.subscribe(topics: [topic])
            let read = try await TestSupport.consume(first, count: 10)
            try #require(read.count == 10)
            // Messages 0...3 are done: the next to read is 4.
            try await first.commit([partition: read[3].offset + 1])
            #expect(try await first.committed([partition], timeout: .seconds(5)) == [partition: 4])
            try await first.close()

            let second = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: group),
                logger: TestSupport.logger
            )
            try second.subscribe(topics: [topic])
            let resumed = try await TestSupport.consume(second, count: 6)
            #expect(resumed.map(\.offset) == [4, 5, 6, 7, 8, 9])
            #expect(resumed.first?.valueString == "m4")
            try await second.close()
        }

        @Test func droppingAConsumerClosedBeforeItsFirstAssignmentDoesNotAbort() async throws {
            // librdkafka 2.0.2 aborts in rd_kafka_destroy for a cooperative-sticky consumer that
            // joined a group but never got an assignment; the bridge must not let that happen.
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("early-close")
            try cluster.createTopic(topic, partitions: 1)
            // One group for every round: each new member's join waits on the previous one's.
            let group = TestSupport.uniqueName("g")
            for wait in [0, 1500, 3000, 4500] {
                var consumer: KafkaConsumer? = try KafkaConsumer(
                    configuration: TestSupport.consumerConfiguration(cluster, group: group),
                    logger: TestSupport.logger
                )
                try consumer?.subscribe(topics: [topic])
                _ = try await TestSupport.drain(consumer!, for: .milliseconds(wait))
                try await consumer?.close()
                consumer = nil
            }
        }

        @Test func committedIsEmptyForAPartitionWithoutCommits() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("nocommit")
            try cluster.createTopic(topic, partitions: 1)
            let consumer = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: TestSupport.uniqueName("g")),
                logger: TestSupport.logger
            )
            let committed = try await consumer.committed(
                [TopicPartition(topic: topic, partition: 0)],
                timeout: .seconds(10)
            )
            #expect(committed.isEmpty)
            try await consumer.close()
        }

        @Test func rebalanceHandlerSeesAssignedThenRevokedAsASecondConsumerJoinsAndCloses() async throws {
            let cluster = try TestSupport.cluster()
            let topic = TestSupport.uniqueName("rebalance")
            let group = TestSupport.uniqueName("g")
            try cluster.createTopic(topic, partitions: 2)
            let producer = try KafkaProducer(
                configuration: TestSupport.producerConfiguration(cluster),
                logger: TestSupport.logger
            )
            _ = try await TestSupport.produce(producer, topic: topic, partition: 0, count: 2, prefix: "p0-")
            _ = try await TestSupport.produce(producer, topic: topic, partition: 1, count: 2, prefix: "p1-")
            await producer.close(timeout: .seconds(5))

            let events = Recorder<RebalanceEvent>()
            let commitsInRevoke = Recorder<String>()
            // Filled in once the consumer exists; the handler commits what it has read, as the
            // pipeline will, before its partitions go away.
            let consumerBox = Recorder<KafkaConsumer>()
            let readOffsets = Recorder<KafkaMessage>()
            let handlers = KafkaEventHandlers(onRebalance: { event in
                events.append(event)
                if case .revoked(let partitions) = event, let consumer = consumerBox.all.first {
                    var offsets: [TopicPartition: Int64] = [:]
                    for message in readOffsets.all where partitions.contains(message.topicPartition) {
                        offsets[message.topicPartition] = max(offsets[message.topicPartition] ?? 0, message.offset + 1)
                    }
                    do {
                        try consumer.commitSync(offsets)
                        commitsInRevoke.append("ok \(offsets.count)")
                    } catch let error as KafkaError {
                        commitsInRevoke.append("error \(error.code.name)")
                    } catch {
                        commitsInRevoke.append("error \(error)")
                    }
                }
            })
            let first = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: group),
                handlers: handlers,
                logger: TestSupport.logger
            )
            consumerBox.append(first)
            try first.subscribe(topics: [topic])
            for message in try await TestSupport.consume(first, count: 4) {
                readOffsets.append(message)
            }
            #expect(try first.assignment().count == 2)
            guard case .assigned(let initial) = events.all.first else {
                Issue.record("first event is not an assignment: \(events.all)")
                return
            }
            #expect(initial.sorted() == [TopicPartition(topic: topic, partition: 0), TopicPartition(topic: topic, partition: 1)])

            // A second member joins: cooperative-sticky revokes one partition from the first.
            let second = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: group),
                logger: TestSupport.logger
            )
            try second.subscribe(topics: [topic])
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(30)
            while clock.now < deadline {
                async let a: [KafkaMessage] = first.poll(maxMessages: 10, timeout: Duration.milliseconds(100))
                async let b: [KafkaMessage] = second.poll(maxMessages: 10, timeout: Duration.milliseconds(100))
                _ = try await (a, b)
                if try first.assignment().count == 1 && second.assignment().count == 1 { break }
            }
            #expect(try first.assignment().count == 1)
            #expect(try second.assignment().count == 1)
            let revoked = events.all.compactMap { event -> [TopicPartition]? in
                if case .revoked(let partitions) = event { return partitions }
                return nil
            }
            #expect(revoked.count == 1)
            #expect(revoked.first?.count == 1)
            #expect(commitsInRevoke.all == ["ok 1"])

            // Closing the first member revokes the rest of its assignment during close().
            try await first.close()
            if case .revoked(let last)? = events.all.last {
                #expect(last == (try? first.assignment()) ?? last)
                #expect(last.count == 1)
            } else {
                Issue.record("close did not report a revoke: \(events.all)")
            }
            // Its commit inside the revoke handler is visible to the group.
            let all = [TopicPartition(topic: topic, partition: 0), TopicPartition(topic: topic, partition: 1)]
            let committed = try await second.committed(all, timeout: .seconds(10))
            #expect(committed.values.sorted() == [2, 2])
            try await second.close()
        }
    }
}
