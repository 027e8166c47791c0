import Foundation
import KafkaBridge
import Operations
import Testing

/// At-least-once across hard crashes: the daemon is killed with SIGKILL three times while it
/// works, restarted each time, and the last run drains the topic.
///
/// Each kill is mid-stream by construction and checked: a run is killed only once its own
/// `/metrics` counts a random number of acknowledged enriched outputs, and after the three kills
/// the output topic must still lack some inputs (no run had finished the stream).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct CrashRecoveryTests {
    @Test func everyArticleIsPublishedAfterThreeSigkillsMidStreamAndARestartThatDrains() async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 8, "articles.enriched": 4, "stances": 4, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 7_031)
        // Enough that three runs killed after a few hundred outputs each cannot finish them.
        let articles = (0..<1200).map { corpus.article(id: "crash-\($0)", foreign: $0 % 7 == 0) }
        let ids = Set(articles.map(\.id))
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: articles.map { ($0.id, $0.value) })

        var random = SplitMix(seed: 99)
        var killedAt: [Int] = []
        for run in 0..<3 {
            // Static membership: the restarted instance takes its partitions back without waiting
            // for the killed member's session to expire. A small in-flight bound keeps the bursts
            // of acknowledgements small, so that a kill comes soon after its target (with the
            // default of 1,000 a run was once killed at 399 outputs for a target of at most 60).
            let daemon = try DaemonProcess(
                brokers: brokers, group: "crash", extra: ["--instance-id", "crash-a", "--max-in-flight", "50"])
            #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(40)))
            // Far below a third of the articles; that no run finished the stream is checked on the
            // topic below.
            let target = Double(random.int(in: 10...60))
            let working = try await daemon.waitForMetrics(timeout: .seconds(60)) {
                $0.sum(MetricNames.messagesProduced, ["kind": "enriched"]) >= target
            }
            await daemon.kill()
            let stderr = daemon.child.errorOutput.suffix(2000)
            let produced = try #require(
                working?.sum(MetricNames.messagesProduced, ["kind": "enriched"]),
                "run \(run) did not publish \(Int(target)) outputs within 60 s; stderr: \(stderr)")
            killedAt.append(Int(produced))
        }

        // What the killed runs left: some outputs, not all.
        let beforeDrain = try await TopicIO.readAll(brokers, topic: "articles.enriched", partitions: 4)
        let doneBeforeDrain = Set(beforeDrain.compactMap(TopicIO.key))
        #expect(!doneBeforeDrain.isEmpty, "the killed runs published nothing")
        #expect(
            doneBeforeDrain.count < ids.count, "the killed runs had published every article: no kill was mid-stream")

        let last = try DaemonProcess(brokers: brokers, group: "crash", extra: ["--instance-id", "crash-a"])
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(90)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        let status = await last.terminate()
        let published = enriched.compactMap(TopicIO.key)
        let missing = ids.subtracting(published)
        #expect(missing.isEmpty, "\(missing.count) lost, e.g. \(missing.sorted().prefix(5))")
        #expect(status == 0, "stderr: \(last.child.errorOutput.suffix(2000))")
        var copies: [String: Int] = [:]
        for id in published { copies[id, default: 0] += 1 }
        let duplicated = copies.values.filter { $0 > 1 }
        print(
            "crash recovery: \(ids.count) articles, killed after \(killedAt) acknowledged outputs of each run, "
                + "\(doneBeforeDrain.count) distinct articles published before the draining run, "
                + "\(published.count) outputs, \(published.count - copies.count) duplicates "
                + "(\(duplicated.count) articles, at most \(duplicated.max() ?? 1) copies)")
    }
}
