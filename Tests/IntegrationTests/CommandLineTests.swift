import Foundation
import Testing

/// Black-box tests of the offline and configuration commands of the `stancewire` binary.
@Suite(.timeLimit(.minutes(2)))
struct CommandLineTests {
    @Test func extractWritesOneEventPerValidLineInInputOrderAndReportsBadLinesByNumber() async throws {
        let seeds = try DaemonTests.seedLines().map { String(decoding: $0, as: UTF8.self) }
        let lines = [
            seeds[2],
            "not json at all",
            seeds[0],
            #"{"id":"no-body","title":"Only a title"}"#,
            "",
            #"{"id":"short","body":"Ukraine's foreign minister said Kyiv would never accept the plan."}"#,
            seeds[1],
        ]
        let child = try ChildProcess(["extract"])
        for line in lines { child.writeLine(line) }
        child.closeInput()
        #expect(await child.waitForExit(timeout: .seconds(60)) == 0, "stderr: \(child.errorOutput.suffix(1500))")

        let ids = child.output.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                .flatMap { ($0["article"] as? [String: Any])?["id"] as? String }
        }
        #expect(ids == ["seed-002", "seed-000", "short", "seed-001"])
        #expect(child.output.count == ids.count, "stdout holds only events")

        let errors = child.errorOutput.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let byLine = Dictionary(uniqueKeysWithValues: errors.compactMap { e in (e["line"] as? Int).map { ($0, e) } })
        #expect(byLine[2]?["reason"] as? String == "invalid_json")
        #expect(byLine[4]?["reason"] as? String == "missing_field")
        #expect((byLine[4]?["detail"] as? String)?.contains("body") == true)
        #expect(byLine[1] == nil && byLine[3] == nil && byLine[6] == nil && byLine[7] == nil)
    }

    @Test func extractFindsTheNamedPeopleAndAStanceInAShortArticle() async throws {
        let text = #"{"id":"t1","body":"Russian President Vladimir Putin rejected the ceasefire proposal on Friday, the Kremlin said."}"#
        let child = try ChildProcess(["extract"])
        child.writeLine(text)
        child.closeInput()
        #expect(await child.waitForExit(timeout: .seconds(60)) == 0)
        let event = try #require(child.output.first.flatMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        })
        let entities = try #require(event["entities"] as? [[String: Any]])
        let putin = entities.first { ($0["name"] as? String)?.contains("Putin") == true }
        #expect(putin?["type"] as? String == "PERSON")
        let stances = try #require(event["stances"] as? [[String: Any]])
        #expect(stances.contains { $0["polarity"] as? String == "oppose" }, "stances: \(stances)")
    }

    @Test func configCheckPrintsTheEffectiveSettingsWithSecretsRedacted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sw-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("stancewire.conf")
        try """
        # a newsroom's settings
        brokers = kafka-1:9093,kafka-2:9093
        group = newsroom
        max-in-flight = 250
        kafka.security.protocol = SASL_SSL
        kafka.sasl.mechanism = PLAIN
        kafka.sasl.username = stancewire
        kafka.sasl.password = hunter2-very-secret

        """.write(to: file, atomically: true, encoding: .utf8)
        let child = try ChildProcess(["config", "check", file.path])
        #expect(await child.waitForExit(timeout: .seconds(30)) == 0, "stderr: \(child.errorOutput)")
        let printed = child.output.joined(separator: "\n")
        #expect(printed.contains("kafka-1:9093,kafka-2:9093"))
        #expect(printed.contains("max-in-flight = 250"))
        #expect(printed.contains("SASL_SSL"))
        #expect(!printed.contains("hunter2"), "a secret was printed: \(printed)")
        #expect(!child.errorOutput.contains("hunter2"))
    }

    @Test func configCheckRejectsAnUnknownKeyNamingFileAndLine() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sw-bad-\(UUID().uuidString).conf")
        defer { try? FileManager.default.removeItem(at: file) }
        try "brokers = k:9092\n\nmax-inflight = 10\n".write(to: file, atomically: true, encoding: .utf8)
        let child = try ChildProcess(["config", "check", file.path])
        let status = await child.waitForExit(timeout: .seconds(30))
        #expect(status == 78)
        #expect(child.errorOutput.contains("\(file.path):3"), "stderr: \(child.errorOutput)")
        #expect(child.errorOutput.contains("max-inflight"))
    }

    @Test func runRefusesAnUnknownEnvironmentSettingWithExitCode78() async throws {
        let child = try ChildProcess(
            ["run", "--brokers", "127.0.0.1:1", "--http-address", "127.0.0.1:0"],
            environment: ["STANCEWIRE_MAX_INFLIGHT": "10"]
        )
        #expect(await child.waitForExit(timeout: .seconds(30)) == 78)
        #expect(child.errorOutput.contains("STANCEWIRE_MAX_INFLIGHT"), "stderr: \(child.errorOutput)")
    }
}
