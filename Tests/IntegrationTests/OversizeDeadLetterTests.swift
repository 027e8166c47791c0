import Foundation
import KafkaBridge
import Testing

/// A malformed message close to `--max-message-bytes` is bigger than librdkafka's default
/// producer limit (1,000,000 bytes); it must still reach the dead-letter topic unchanged and
/// must not block its partition.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct OversizeDeadLetterTests {
    @Test func aMalformedMessageJustUnderTheSizeLimitIsDeadLetteredUnchangedAndThePartitionMovesOn() async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 1, "articles.enriched": 1, "stances": 1, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        // A JSON object without an id, 1,040,000 bytes: under 1 MiB, over 1,000,000.
        let padding = String(repeating: "x", count: 1_040_000 - 40)
        let big = Array(#"{"body":"\#(padding)"}"#.utf8)
        var corpus = try ArticleCorpus(seed: 5)
        let after = corpus.article(id: "after-big")
        try await TopicIO.produceAll(
            brokers, topic: "articles.raw", records: [("big", big), (after.id, after.value)],
            properties: ["message.max.bytes": "2000000"]
        )

        let daemon = try DaemonProcess(brokers: brokers, group: "oversize")
        let letters = try await TopicIO.read(brokers, topic: "articles.dlq", timeout: .seconds(45)) { !$0.isEmpty }
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(20)) { !$0.isEmpty }
        #expect(letters.count == 1)
        #expect(letters.first.map { TopicIO.header($0, "dlq-reason") } == "missing_field")
        let unchanged = letters.first?.value == big
        #expect(unchanged, "the dead letter is not the original value")
        #expect(enriched.compactMap(TopicIO.key) == ["after-big"], "the partition is blocked behind the big message")
        #expect(await daemon.terminate() == 0)
    }
}
