import Foundation
import KafkaBridge
import Operations
import Testing

/// At-least-once across hard crashes: the daemon is killed with SIGKILL at random moments while
/// it works, restarted each time, and the last run drains the topic.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct CrashRecoveryTests {
    @Test func everyArticleIsPublishedAfterThreeSigkillsAtRandomMomentsAndARestartThatDrains() async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 8, "articles.enriched": 4, "stances": 4, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 7_031)
        let articles = (0..<800).map { corpus.article(id: "crash-\($0)", foreign: $0 % 7 == 0) }
        let ids = Set(articles.map(\.id))
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: articles.map { ($0.id, $0.value) })

        var random = SplitMix(seed: 99)
        var killedWith: [Int] = []
        for _ in 0..<3 {
            // Static membership: the restarted instance takes its partitions back without waiting
            // for the killed member's session to expire.
            let daemon = try DaemonProcess(brokers: brokers, group: "crash", extra: ["--instance-id", "crash-a"])
            #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(40)))
            try await Task.sleep(for: .milliseconds(random.int(in: 200...2500)))
            let metrics = try await daemon.metrics()
            await daemon.kill()
            killedWith.append(Int(metrics?.sum(MetricNames.messagesProduced, ["kind": "enriched"]) ?? 0))
        }

        let last = try DaemonProcess(brokers: brokers, group: "crash", extra: ["--instance-id", "crash-a"])
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(90)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        let status = await last.terminate()
        let published = enriched.compactMap(TopicIO.key)
        let missing = ids.subtracting(published)
        #expect(missing.isEmpty, "\(missing.count) lost, e.g. \(missing.sorted().prefix(5))")
        #expect(status == 0, "stderr: \(last.child.errorOutput.suffix(2000))")
        // The kills really happened mid-stream: the first run left work undone.
        #expect(killedWith.first.map { $0 < ids.count } == true, "enriched events of each killed run: \(killedWith)")
        print("crash recovery: \(ids.count) articles, enriched events of each killed run \(killedWith), \(published.count) outputs, \(published.count - Set(published).count) duplicates")
    }
}
