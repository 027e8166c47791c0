import Foundation
import KafkaBridge
import Operations
import Testing

/// Three instances in one consumer group share the input; one is killed mid-stream and its
/// partitions move to the others (cooperative-sticky).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RebalanceTests {
    @Test func threeInstancesShareTheStreamAndKillingOneMidStreamLosesNothing() async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 12, "articles.enriched": 4, "stances": 4, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 12)
        let waves = (0..<3).map { wave in (0..<250).map { corpus.article(id: "rb-\(wave)-\($0)") } }
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: waves[0].map { ($0.id, $0.value) })

        let daemons = try ["a", "b", "c"].map { try DaemonProcess(brokers: brokers, group: "rebalance", extra: ["--instance-id", "rb-\($0)"]) }
        for daemon in daemons {
            #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(60)))
        }
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: waves[1].map { ($0.id, $0.value) })
        // The instances share the work before one of them dies: wait (the group may still be
        // rebalancing after the last join) until at least two have published.
        var shares: [Double] = []
        let shareDeadline = ContinuousClock.now + .seconds(45)
        repeat {
            shares = []
            for daemon in daemons {
                let metrics = try await daemon.metrics()
                shares.append(metrics?.sum(MetricNames.messagesProduced, ["kind": "enriched"]) ?? 0)
            }
            if shares.filter({ $0 > 0 }).count >= 2 { break }
            try await Task.sleep(for: .milliseconds(250))
        } while ContinuousClock.now < shareDeadline
        await daemons[1].kill()
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: waves[2].map { ($0.id, $0.value) })

        let ids = Set(waves.joined().map(\.id))
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(90)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        let published = enriched.compactMap(TopicIO.key)
        let missing = ids.subtracting(published)
        #expect(missing.isEmpty, "\(missing.count) lost, e.g. \(missing.sorted().prefix(5))")
        #expect(shares.filter { $0 > 0 }.count >= 2, "enriched events per instance before the kill: \(shares)")
        for daemon in [daemons[0], daemons[2]] {
            #expect(await daemon.terminate() == 0, "stderr: \(daemon.child.errorOutput.suffix(2000))")
        }
        print("rebalance: \(ids.count) articles, per-instance outputs before the kill \(shares), \(published.count) outputs, \(published.count - Set(published).count) duplicates")
    }
}
