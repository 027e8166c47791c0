import Foundation
import KafkaBridge
import Testing

/// Black-box tests of the `stancewire run` binary against a broker in another process.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DaemonTests {
    static let seedsPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/articles.jsonl")

    static func seedLines() throws -> [[UInt8]] {
        let data = try Data(contentsOf: seedsPath)
        return data.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }.map { [UInt8]($0) }
    }

    static let topics = ["articles.raw": 4, "articles.enriched": 2, "stances": 2, "articles.dlq": 1]

    func runArguments(_ brokers: String, group: String, port: Int, extra: [String] = []) -> [String] {
        [
            "run", "--brokers", brokers, "--group", group,
            "--input-topic", "articles.raw", "--output-topic", "articles.enriched",
            "--stance-topic", "stances", "--dlq-topic", "articles.dlq",
            "--http-address", "127.0.0.1:\(port)",
        ] + extra
    }

    /// Malformed inputs, each with the reason the dead letter must carry.
    static func malformed() -> [(key: String?, value: [UInt8], reason: String)] {
        [
            ("bad-1", Array("this is not JSON".utf8), "invalid_json"),
            ("bad-2", Array(#"{"id":"no-body","title":"t"}"#.utf8), "missing_field"),
            ("bad-3", Array(#"{"id":123,"body":"numeric id"}"#.utf8), "wrong_type"),
            ("bad-4", Array(#"{"id":"utf","body":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8), "invalid_utf8"),
            ("bad-5", Array((#"{"id":"deep","body":"b","x":"# + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}").utf8), "too_deep"),
            ("bad-6", Array((#"{"id":"huge","body":""# + String(repeating: "x", count: 70_000) + #""}"#).utf8), "too_large"),
            ("bad-7", [], "empty_message"),
            ("bad-8", Array(#"{"id":"","body":"empty id"}"#.utf8), "invalid_field"),
        ]
    }

    @Test func runEnrichesDeadLettersDrainsOnSigtermAndRestartReprocessesNothing() async throws {
        let broker = try await BrokerProcess(topics: Self.topics)
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        let seeds = try Self.seedLines()
        let seedIds = seeds.compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any])?["id"] as? String
        }
        try await TopicIO.produce(brokers, topic: "articles.raw", records: seeds.enumerated().map { (seedIds[$0.offset], $0.element) })
        let bad = Self.malformed()
        try await TopicIO.produce(brokers, topic: "articles.raw", records: bad.map { ($0.key, $0.value) })

        let port = HTTPProbe.freePort()
        let daemon = try ChildProcess(
            runArguments(brokers, group: "it-group", port: port, extra: ["--max-message-bytes", "65536"])
        )
        #expect(await HTTPProbe.waitFor("http://127.0.0.1:\(port)/healthz", status: 200))

        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", atLeast: seeds.count)
        let ids = enriched.compactMap { TopicIO.json($0).flatMap { ($0["article"] as? [String: Any])?["id"] as? String } }
        #expect(Set(ids) == Set(seedIds))
        #expect(ids.count == seedIds.count)
        for message in enriched {
            let event = try #require(TopicIO.json(message))
            let id = try #require((event["article"] as? [String: Any])?["id"] as? String)
            #expect(message.key.map { String(decoding: $0, as: UTF8.self) } == id)
            #expect(TopicIO.header(message, "schema") == "stancewire.enriched.v1")
            #expect(TopicIO.header(message, "content-type") == "application/json")
            let origin = try #require(event["origin"] as? [String: Any])
            #expect(origin["topic"] as? String == "articles.raw")
            #expect(event["entities"] is [Any])
            #expect(event["stances"] is [Any])
        }
        let stanceCount = enriched.reduce(0) { $0 + ((TopicIO.json($1)?["stances"] as? [Any])?.count ?? 0) }
        let stances = try await TopicIO.read(brokers, topic: "stances", atLeast: stanceCount)
        #expect(stances.count == stanceCount)
        for message in stances {
            let stance = try #require(TopicIO.json(message))
            #expect(message.key.map { String(decoding: $0, as: UTF8.self) } == stance["holder"] as? String)
            #expect(stance["article_id"] is String)
        }

        let letters = try await TopicIO.read(brokers, topic: "articles.dlq", atLeast: bad.count)
        #expect(letters.count == bad.count)
        for expected in bad {
            let letter = letters.first { $0.key.map { String(decoding: $0, as: UTF8.self) } == expected.key }
            #expect(letter != nil, "no dead letter for \(expected.key ?? "?")")
            guard let letter else { continue }
            #expect(TopicIO.header(letter, "dlq-reason") == expected.reason, "\(expected.key ?? "?")")
            #expect(TopicIO.header(letter, "dlq-origin-topic") == "articles.raw")
            #expect(TopicIO.header(letter, "dlq-detail")?.isEmpty == false)
            #expect((letter.value ?? []) == expected.value)
        }

        let health = await HTTPProbe.get("http://127.0.0.1:\(port)/healthz")
        #expect(health?.status == 200)

        let stopStart = ContinuousClock.now
        daemon.signal(SIGTERM)
        let status = await daemon.waitForExit(timeout: .seconds(15))
        #expect(status == 0, "stderr: \(daemon.errorOutput.suffix(2000))")
        #expect(ContinuousClock.now - stopStart < .seconds(15))

        // Same group again: everything was committed, so nothing is processed twice.
        let port2 = HTTPProbe.freePort()
        let again = try ChildProcess(runArguments(brokers, group: "it-group", port: port2))
        #expect(await HTTPProbe.waitFor("http://127.0.0.1:\(port2)/readyz", status: 200, timeout: .seconds(40)))
        try await Task.sleep(for: .seconds(3))
        again.signal(SIGTERM)
        #expect(await again.waitForExit(timeout: .seconds(15)) == 0)
        let after = try await TopicIO.read(brokers, topic: "articles.enriched", atLeast: seeds.count, settle: .seconds(1))
        #expect(after.count == seeds.count)
        let lettersAfter = try await TopicIO.read(brokers, topic: "articles.dlq", atLeast: bad.count, settle: .seconds(1))
        #expect(lettersAfter.count == bad.count)
    }
}
