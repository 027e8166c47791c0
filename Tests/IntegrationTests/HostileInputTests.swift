import Foundation
import KafkaBridge
import Testing

/// The daemon against a hostile mix: 1,200 malformed messages of every kind shuffled among 300
/// valid articles (six with 500 KB bodies, some in Cyrillic, Arabic and emoji).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HostileInputTests {
    static let topics = ["articles.raw": 24, "articles.enriched": 8, "stances": 8, "articles.dlq": 16]

    @Test func malformedMessagesAreDeadLetteredValidOnesEnrichedHealthStaysUpAndMemoryStaysBounded() async throws {
        let broker = try await BrokerProcess(topics: Self.topics)
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers

        var corpus = try ArticleCorpus(seed: 20_261_123)
        var valid: [ArticleCorpus.Article] = []
        for i in 0..<300 {
            valid.append(corpus.article(id: "ok-\(i)", bodyBytes: i < 6 ? 500_000 : 0, foreign: i % 4 == 1 || i < 3))
        }
        let bad = HostileMix.malformed(count: 1200, corpus: &corpus)
        var records: [(key: String?, value: [UInt8])] = valid.map { ($0.id, $0.value) } + bad.map { ($0.key, $0.value) }
        corpus.shuffle(&records)
        #expect(valid.filter { $0.value.count >= 500_000 }.count == 6)
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: records)

        let daemon = try DaemonProcess(brokers: brokers, group: "hostile")
        #expect(await HTTPProbe.waitFor(daemon.url("/healthz"), status: 200))
        let healthFailures = Task { () -> [Int] in
            var failures: [Int] = []
            while !Task.isCancelled {
                var status = await daemon.status("/healthz") ?? -1
                // A probe cut short by the cancellation itself is not an answer.
                if Task.isCancelled { break }
                // No answer within the probe's 3 s (a loaded 2-core CI machine): ask once more
                // before counting it; any answer other than 200 counts at once.
                if status == -1 { status = await daemon.status("/healthz") ?? -1 }
                if Task.isCancelled { break }
                if status != 200 { failures.append(status) }
                try? await Task.sleep(for: .milliseconds(250))
            }
            return failures
        }

        let validIds = Set(valid.map(\.id))
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(120)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: validIds)
        }
        let badKeys = Set(bad.map(\.key))
        let letters = try await TopicIO.read(brokers, topic: "articles.dlq", timeout: .seconds(30)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: badKeys)
        }
        healthFailures.cancel()
        let failures = await healthFailures.value
        let peak = daemon.peakMemoryKiB

        // Every valid article enriched once, and nothing else.
        let enrichedIds = enriched.compactMap(TopicIO.key)
        #expect(Set(enrichedIds) == validIds, "missing: \(validIds.subtracting(enrichedIds).sorted().prefix(10))")
        #expect(enrichedIds.count == validIds.count, "duplicates: \(enrichedIds.count - Set(enrichedIds).count)")
        for message in enriched {
            let event = try #require(TopicIO.json(message))
            #expect((event["article"] as? [String: Any])?["id"] as? String == TopicIO.key(message))
            #expect((message.value ?? []).count <= 1_000_000)
        }

        // Every malformed one dead-lettered once, unchanged, with its reason; no valid one.
        let byKey = Dictionary(letters.map { (TopicIO.key($0) ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(letters.count == bad.count, "dead letters: \(letters.count), malformed: \(bad.count)")
        #expect(byKey.keys.filter { validIds.contains($0) }.isEmpty)
        for expected in bad {
            guard let letter = byKey[expected.key] else {
                Issue.record("no dead letter for \(expected.key)")
                continue
            }
            let reason = TopicIO.header(letter, "dlq-reason")
            #expect(reason?.isEmpty == false, "\(expected.key) has no dlq-reason")
            if let want = expected.reason {
                #expect(reason == want, "\(expected.key): \(reason ?? "nil") instead of \(want)")
            }
            let unchanged = (letter.value ?? []) == expected.value
            #expect(unchanged, "\(expected.key) was changed")
        }

        #expect(failures.isEmpty, "/healthz answered \(failures)")
        let peakKiB = try #require(peak)
        #expect(peakKiB < 500 * 1024, "peak memory \(peakKiB / 1024) MiB")
        let status = await daemon.terminate()
        #expect(status == 0, "stderr: \(daemon.child.errorOutput.suffix(2000))")
        print("hostile mix: \(enriched.count) enriched, \(letters.count) dead-lettered, peak memory \(peakKiB / 1024) MiB")
    }
}
