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

        /// A commit made in the revoke handler, and what the broker answered.
        struct RevokeCommit: Sendable {
            var offsets: [TopicPartition: Int64]
            var error: KafkaError?
        }

        /// The handler commits what it read before its partitions go away, as the pipeline does.
        ///
        /// A commit during revocation may meet a rebalance that another member started: the
        /// broker answers REBALANCE_IN_PROGRESS (retriable). (The mock sees that often enough: it
        /// ends a generation on the leader's SyncGroup alone, the second member's own SyncGroup
        /// then fails and it rejoins at once.) The at-least-once Worker logs such a failure and
        /// lets the next owner read those messages again. So each commit must either succeed and
        /// be visible to the group, or be refused with exactly that code and change nothing, the
        /// new owner then getting the messages again: no offset is lost either way. With
        /// `brokerRefusesFirstCommit` the mock refuses the first revoke's commit, so that path is
        /// taken on every run.
        @Test(arguments: [false, true])
        func rebalanceHandlerSeesAssignedThenRevokedAsASecondConsumerJoinsAndCloses(
            brokerRefusesFirstCommit: Bool
        ) async throws {
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
            let partitions = [TopicPartition(topic: topic, partition: 0), TopicPartition(topic: topic, partition: 1)]

            let events = Recorder<RebalanceEvent>()
            let commitsInRevoke = Recorder<RevokeCommit>()
            // Filled in once the consumer exists.
            let consumerBox = Recorder<KafkaConsumer>()
            let readOffsets = Recorder<KafkaMessage>()
            let handlers = KafkaEventHandlers(onRebalance: { event in
                events.append(event)
                if case .revoked(let revoked) = event, let consumer = consumerBox.all.first {
                    var offsets: [TopicPartition: Int64] = [:]
                    for message in readOffsets.all where revoked.contains(message.topicPartition) {
                        offsets[message.topicPartition] = max(offsets[message.topicPartition] ?? 0, message.offset + 1)
                    }
                    do throws(KafkaError) {
                        try consumer.commitSync(offsets)
                        commitsInRevoke.append(RevokeCommit(offsets: offsets, error: nil))
                    } catch {
                        commitsInRevoke.append(RevokeCommit(offsets: offsets, error: error))
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
            #expect(initial.sorted() == partitions)
            if brokerRefusesFirstCommit {
                // The next OffsetCommit (API key 8) the mock receives, which is the revoke's.
                try cluster.pushRequestErrors(apiKey: 8, errors: [.rebalanceInProgress])
            }

            // A second member joins: cooperative-sticky revokes one partition from the first,
            // and the first rejoins; a later generation hands that partition to the second.
            let second = try KafkaConsumer(
                configuration: TestSupport.consumerConfiguration(cluster, group: group),
                logger: TestSupport.logger
            )
            try second.subscribe(topics: [topic])
            var readBySecond: [KafkaMessage] = []
            func pollBoth() async throws {
                async let a: [KafkaMessage] = first.poll(maxMessages: 10, timeout: Duration.milliseconds(100))
                async let b: [KafkaMessage] = second.poll(maxMessages: 10, timeout: Duration.milliseconds(100))
                let (_, bySecond) = try await (a, b)
                readBySecond += bySecond
            }
            // Close only once the first has handled that later generation's assignment (it comes
            // after the revoke and the empty assignment that follows it) and the group has been
            // quiet for a second. Closing with a rebalance event still queued makes librdkafka
            // take the stale assign call as the close's unassign and leave the group before the
            // close's revoke reaches the handler, whose commit then fails with UNKNOWN_MEMBER_ID.
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(30)
            var eventCount = events.all.count
            var quietSince = clock.now
            while clock.now < deadline {
                try await pollBoth()
                let seen = events.all
                if seen.count != eventCount {
                    eventCount = seen.count
                    quietSince = clock.now
                }
                let revokeIndex = seen.firstIndex { if case .revoked = $0 { true } else { false } }
                let assignsAfterRevoke = revokeIndex.map { index in
                    seen[(index + 1)...].filter { if case .assigned = $0 { true } else { false } }.count
                } ?? 0
                if try first.assignment().count == 1, try second.assignment().count == 1, assignsAfterRevoke >= 2,
                    clock.now - quietSince >= .seconds(1)
                {
                    break
                }
            }
            let revoked = events.all.compactMap { event -> [TopicPartition]? in
                if case .revoked(let partitions) = event { return partitions }
                return nil
            }
            #expect(revoked.count == 1)
            let moved = try #require(revoked.first?.count == 1 ? revoked.first?.first : nil, "revoked: \(revoked)")
            let kept = try #require(partitions.first { $0 != moved })
            #expect(try first.assignment() == [kept])
            #expect(try second.assignment() == [moved])
            let whileJoining = try #require(commitsInRevoke.all.first, "the revoke handler did not commit")
            #expect(whileJoining.offsets == [moved: 2])
            Self.expectCommittedOrRefusedByRebalance(whileJoining)
            if brokerRefusesFirstCommit {
                #expect(whileJoining.error?.code == .rebalanceInProgress)
            }

            // Closing the first member revokes the rest of its assignment during close().
            try await first.close()
            if case .revoked(let last)? = events.all.last {
                #expect(last == [kept])
            } else {
                Issue.record("close did not report a revoke: \(events.all)")
            }
            let commits = commitsInRevoke.all
            #expect(commits.count == 2)
            if commits.count == 2 {
                #expect(commits[1].offsets == [kept: 2])
                Self.expectCommittedOrRefusedByRebalance(commits[1])
            }

            // No offset is lost. The group holds exactly what the handler committed; the second
            // member, now owning both partitions, reads every message after those offsets (all
            // of a partition whose commit was refused) and none before.
            var held: [TopicPartition: Int64] = [:]
            for commit in commits where commit.error == nil {
                held.merge(commit.offsets) { $1 }
            }
            let committed = try await second.committed(partitions, timeout: .seconds(10))
            #expect(committed == held, "commits in the revoke handler: \(commits)")
            let owed = Set(partitions.flatMap { partition in
                ((held[partition] ?? 0)..<2).map { "\(partition)@\($0)" }
            })
            let takeoverDeadline = clock.now + .seconds(30)
            while clock.now < takeoverDeadline,
                try second.assignment().count < 2 || !owed.isSubset(of: readBySecond.map(Self.position))
            {
                readBySecond += try await second.poll(maxMessages: 10, timeout: .milliseconds(100))
            }
            readBySecond += try await TestSupport.drain(second, for: .seconds(1))
            #expect(try second.assignment() == partitions)
            #expect(Set(readBySecond.map(Self.position)) == owed)
            try await second.close()
            let answers = commits.map { $0.error?.code.name ?? "ok" }
            print("revoke commits (broker refuses the first: \(brokerRefusesFirstCommit)): \(answers), "
                + "the new owner read \(readBySecond.count) messages")
        }

        static func position(_ message: KafkaMessage) -> String {
            "\(message.topicPartition)@\(message.offset)"
        }

        /// The commit succeeded, or the broker refused it with REBALANCE_IN_PROGRESS, retriable.
        static func expectCommittedOrRefusedByRebalance(
            _ commit: RevokeCommit,
            sourceLocation: SourceLocation = #_sourceLocation
        ) {
            guard let error = commit.error else { return }
            #expect(
                error.code == .rebalanceInProgress, "commit of \(commit.offsets) failed: \(error)",
                sourceLocation: sourceLocation)
            #expect(error.isRetriable, sourceLocation: sourceLocation)
        }
    }
}
