import Foundation
import KafkaBridge
import Operations
import Testing

/// Outputs whose delivery failed (here: `message.timeout.ms` expired while the broker was
/// down) are re-sent with backoff, none dropped, and promptly once the broker is back: a burst
/// of failures waits about one backoff, not one backoff per failed output. (A long session
/// timeout keeps the partitions assigned, so recovery has to come from the re-sends.)
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DeliveryRetryTests {
    @Test func outputsThatTimedOutDuringAnOutageAreResentAndNoneIsLost() async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 4, "articles.enriched": 4, "stances": 4, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 404)
        let articles = (0..<1500).map { corpus.article(id: "retry-\($0)") }
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: articles.map { ($0.id, $0.value) })

        let daemon = try DaemonProcess(
            brokers: brokers, group: "retry", extra: ["-X", "producer.message.timeout.ms=1500", "-X", "consumer.session.timeout.ms=45000"]
        )
        #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(40)))
        // Down as soon as outputs flow, so that many are queued in the producer.
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let metrics = try await daemon.metrics()
            if (metrics?.sum(MetricNames.messagesProduced, ["kind": "enriched"]) ?? 0) > 0 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        try await broker.command("down 1")
        try await Task.sleep(for: .seconds(5))
        try await broker.command("up 1")
        let upAt = ContinuousClock.now

        let ids = Set(articles.map(\.id))
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(110)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        let took = ContinuousClock.now - upAt
        let published = Set(enriched.compactMap(TopicIO.key))
        #expect(ids.subtracting(published).isEmpty, "\(ids.subtracting(published).count) lost")
        let metrics = try #require(try await daemon.metrics(), "/metrics did not answer")
        let timedOut = metrics.sum(MetricNames.kafkaErrors, ["code": KafkaError.Code.messageTimedOut.name])
        #expect(timedOut > 0, "no delivery timed out: the outage did not test retries")
        #expect(metrics.sum(MetricNames.rebalances, ["type": "lost"]) == 0)
        #expect(took < .seconds(45), "all outputs arrived \(took) after the broker came back")
        #expect(await daemon.terminate() == 0)
        print("delivery retry: \(Int(timedOut)) timed-out deliveries, all \(ids.count) articles out \(took) after the broker came back")
    }
}
