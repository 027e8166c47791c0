import Foundation
import KafkaBridge
import Testing

/// Every broker of the cluster goes down for a while, then comes back.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct BrokerOutageTests {
    @Test func readinessTurns503WhileAllBrokersAreDownAnd200AfterAndNothingIsLost() async throws {
        let broker = try await BrokerProcess(
            brokers: 3, topics: ["articles.raw": 6, "articles.enriched": 3, "stances": 3, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 31)
        let before = (0..<300).map { corpus.article(id: "pre-\($0)") }
        let after = (0..<100).map { corpus.article(id: "post-\($0)") }
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: before.map { ($0.id, $0.value) })

        let daemon = try DaemonProcess(brokers: brokers, group: "outage")
        #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(40)))
        for id in 1...3 { try await broker.command("down \(id)") }
        let downSince = ContinuousClock.now
        #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 503, timeout: .seconds(30)), "/readyz stayed 200 with every broker down")
        // The process keeps running and stays live while it cannot work.
        #expect(await daemon.status("/healthz") == 200)
        let remaining = Duration.seconds(12) - (ContinuousClock.now - downSince)
        if remaining > .zero { try await Task.sleep(for: remaining) }
        #expect(daemon.child.isRunning)
        #expect(await daemon.status("/readyz") == 503)

        for id in 1...3 { try await broker.command("up \(id)") }
        let upAt = ContinuousClock.now
        #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(45)), "/readyz did not recover")
        let recovery = ContinuousClock.now - upAt
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: after.map { ($0.id, $0.value) })

        let ids = Set((before + after).map(\.id))
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(60)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        let published = enriched.compactMap(TopicIO.key)
        #expect(ids.subtracting(published).isEmpty, "\(ids.subtracting(published).count) lost")
        #expect(await daemon.terminate() == 0, "stderr: \(daemon.child.errorOutput.suffix(2000))")
        print("broker outage: ready again \(recovery) after the brokers came back; \(published.count) outputs for \(ids.count) articles")
    }
}
