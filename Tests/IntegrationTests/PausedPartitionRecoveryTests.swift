import Foundation
import KafkaBridge
import Operations
import Testing

/// A worker that has paused fetching (its in-flight bound is reached because the broker is
/// gone) loses its partitions when its session times out, and gets them back when the broker
/// returns: fetching must resume on them, and nothing may be lost.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PausedPartitionRecoveryTests {
    @Test(arguments: ["at-least-once", "exactly-once"])
    func partitionsLostWhileFetchingWasPausedAreFetchedAgainWhenReassigned(mode: String) async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 4, "articles.enriched": 4, "stances": 4, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 77)
        let articles = (0..<600).map { corpus.article(id: "paused-\(mode)-\($0)") }
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: articles.map { ($0.id, $0.value) })

        let daemon = try DaemonProcess(
            brokers: brokers, group: "paused-\(mode)",
            extra: ["--mode", mode, "--max-in-flight", "20", "--log-level", "debug"])
        #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(40)))
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let metrics = try await daemon.metrics(), metrics.sum(MetricNames.messagesProduced, ["kind": "enriched"]) > 0 {
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Longer than the session timeout (10 s): the partitions are lost, then reassigned.
        try await broker.command("down 1")
        try await Task.sleep(for: .seconds(14))
        try await broker.command("up 1")

        let ids = Set(articles.map(\.id))
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(75)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        let missing = ids.subtracting(enriched.compactMap(TopicIO.key))
        let metrics = try #require(try await daemon.metrics(), "/metrics did not answer")
        #expect(metrics.sum(MetricNames.rebalances, ["type": "lost"]) > 0, "the partitions were never lost")
        #expect(missing.isEmpty, "\(missing.count) of \(ids.count) never published: fetching stalled")
        if !missing.isEmpty {
            let lines = daemon.child.errorOutput.split(separator: "\n").filter {
                $0.contains("fetching") || $0.contains("partitions") || $0.contains("commit") || $0.contains("SESS")
            }
            print(lines.suffix(60).joined(separator: "\n"))
        }
        #expect(await daemon.terminate() == 0)
    }
}
