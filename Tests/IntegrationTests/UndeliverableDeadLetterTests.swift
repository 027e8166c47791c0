import Foundation
import KafkaBridge
import Testing

/// A dead letter the producer refuses (here: bigger than a deliberately small producer
/// `message.max.bytes`) is retried, never dropped and never committed past; graceful shutdown
/// still finishes in time, and the next run dead-letters it once the limit allows.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct UndeliverableDeadLetterTests {
    @Test func aDeadLetterThatCannotBeWrittenIsNotCommittedPastAndDoesNotBlockShutdown() async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 1, "articles.enriched": 1, "stances": 1, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        let bad = Array((#"{"body":""# + String(repeating: "y", count: 300_000) + #""}"#).utf8)
        var corpus = try ArticleCorpus(seed: 9)
        let after = corpus.article(id: "behind-the-bad-one")
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: [("bad", bad), (after.id, after.value)])

        let stuck = try DaemonProcess(
            brokers: brokers, group: "undeliverable",
            extra: ["-X", "producer.message.max.bytes=200000", "--shutdown-timeout", "6"]
        )
        #expect(await HTTPProbe.waitFor(stuck.url("/readyz"), status: 200, timeout: .seconds(40)))
        try await Task.sleep(for: .seconds(4))
        let stopStart = ContinuousClock.now
        let status = await stuck.terminate(timeout: .seconds(20))
        #expect(status == 0, "stderr: \(stuck.child.errorOutput.suffix(1500))")
        #expect(ContinuousClock.now - stopStart < .seconds(12), "shutdown took \(ContinuousClock.now - stopStart)")

        // Nothing was committed past the bad message: the next run (default limits) handles both.
        let next = try DaemonProcess(brokers: brokers, group: "undeliverable")
        let letters = try await TopicIO.read(brokers, topic: "articles.dlq", timeout: .seconds(45)) { !$0.isEmpty }
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(20)) { !$0.isEmpty }
        #expect(letters.count == 1)
        let unchanged = letters.first?.value == bad
        #expect(unchanged, "the dead letter is not the original value")
        #expect(enriched.compactMap(TopicIO.key) == [after.id])
        #expect(await next.terminate() == 0)
    }
}
