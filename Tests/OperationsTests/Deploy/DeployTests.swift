import Foundation
import Operations
import Testing

@Suite("deploy files", .serialized)
struct DeployTests {
    private let deploy = repositoryRoot + "/deploy"

    private func contents(_ relative: String) throws -> String {
        try String(contentsOfFile: deploy + "/" + relative, encoding: .utf8)
    }

    // MARK: Prometheus

    @Test func promtoolAcceptsTheAlertRules() throws {
        let output = try ExternalTool.run(
            "promtool", package: "prometheus", ["check", "rules", "alerts.yml"], in: deploy + "/prometheus")
        #expect(output.status == 0, "\(output.combined)")
        #expect(output.combined.contains("SUCCESS"))
    }

    @Test func alertRuleUnitTestsPass() throws {
        let output = try ExternalTool.run(
            "promtool", package: "prometheus", ["test", "rules", "alerts_test.yml"], in: deploy + "/prometheus")
        #expect(output.status == 0, "\(output.combined)")
    }

    @Test(arguments: ["prometheus/alerts.yml", "grafana/stancewire.json"])
    func everyMetricNameUsedIsOneTheDaemonExports(file: String) throws {
        let text = try contents(file)
        let exported = Set(MetricNames.all)
        let histogramSeries = Set(
            MetricNames.histograms.flatMap { name in ["_bucket", "_sum", "_count"].map { name + $0 } })
        let used = Self.metricNames(in: text)
        #expect(!used.isEmpty)
        let unknown = used.subtracting(exported).subtracting(histogramSeries)
        #expect(unknown.isEmpty, "not exported by the daemon: \(unknown.sorted())")
    }

    @Test func dashboardIsValidJSONWithPanels() throws {
        let data = Data(try contents("grafana/stancewire.json").utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(object["panels"] as? [[String: Any]])
        #expect(panels.count >= 10)
        #expect(object["uid"] as? String == "stancewire")
    }

    /// Every `stancewire_*` token (metric names; `stancewire` alone is a job name, not matched).
    static func metricNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        func flush() {
            if current.hasPrefix("stancewire_") { names.insert(current) }
            current = ""
        }
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || character == "_") {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return names
    }

    // MARK: systemd

    /// The unit with ExecStart pointing at a dummy executable, so `verify` can check it anywhere.
    private func unitWithDummyExecutable() throws -> (unit: String, cleanup: () -> Void) {
        let directory = NSTemporaryDirectory() + "stancewire-unit-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let binary = directory + "/stancewire"
        try "#!/bin/sh\nexit 0\n".write(toFile: binary, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary)
        let unit = try contents("stancewire.service").replacingOccurrences(
            of: "/usr/local/bin/stancewire", with: binary)
        let path = directory + "/stancewire.service"
        try unit.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, { try? FileManager.default.removeItem(atPath: directory) })
    }

    @Test func systemdAnalyzeVerifiesTheUnitCleanly() throws {
        let (unit, cleanup) = try unitWithDummyExecutable()
        defer { cleanup() }
        let output = try ExternalTool.run("systemd-analyze", package: "systemd", ["verify", unit])
        #expect(output.status == 0, "\(output.combined)")
        let unitWarnings = output.combined.split(separator: "\n").filter { $0.contains("stancewire.service") }
        #expect(unitWarnings.isEmpty, "\(unitWarnings)")
    }

    @Test func systemdSecurityExposureIsAtMostTwoPointFive() throws {
        let (unit, cleanup) = try unitWithDummyExecutable()
        defer { cleanup() }
        let output = try ExternalTool.run(
            "systemd-analyze", package: "systemd",
            ["security", "--offline=true", "--no-pager", unit]
        )
        #expect(output.status == 0, "\(output.combined)")
        let line = try #require(
            output.combined.split(separator: "\n").first { $0.contains("Overall exposure level") },
            "no overall exposure line in: \(output.combined)"
        )
        let score = line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }
        let exposure = try #require(score, "cannot read the score in: \(line)")
        #expect(exposure <= 2.5, "\(line)")
    }

    @Test func unitStopTimeoutExceedsTheDefaultShutdownTimeout() throws {
        let unit = try contents("stancewire.service")
        let stop = unit.split(separator: "\n").first { $0.hasPrefix("TimeoutStopSec=") }
        let seconds = stop.flatMap { Int($0.dropFirst("TimeoutStopSec=".count).dropLast()) }
        let shutdown = try Settings.resolve(flags: [:], kafkaFlags: [:], environment: [:], file: nil).shutdownTimeout
        #expect(seconds.map { Duration.seconds($0) > shutdown } == true)
        #expect(unit.contains("\nType=notify\n"))
        #expect(unit.contains("\nWatchdogSec=30s\n"))
        #expect(unit.contains("ExecStart=/usr/local/bin/stancewire run --config /etc/stancewire/stancewire.conf"))
    }

    // MARK: Examples

    @Test func exampleConfigListsEveryKeyWithItsDefault() throws {
        let text = try contents("stancewire.conf")
        for key in SettingKey.all {
            let line = "#\(key.name) = " + (key.defaultValue ?? "")
            #expect(text.contains("\n" + line), "missing `\(line)`")
        }
        // All commented out: the file parses to nothing, i.e. to the defaults.
        #expect(try ConfigFile.parse(contents: text, path: "stancewire.conf").entries.isEmpty)
    }

    @Test func exampleConfigUncommentedResolves() throws {
        let text = try contents("stancewire.conf").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                guard line.hasPrefix("#"), line.contains(" = "), !line.hasPrefix("# "), !line.contains("knowledge-base")
                else { return String(line) }
                return String(line.dropFirst())
            }
            .joined(separator: "\n")
        let file = try ConfigFile.parse(contents: text, path: "stancewire.conf")
        #expect(file.entries.count >= SettingKey.all.count)
        let credentials = NSTemporaryDirectory() + "stancewire-creds-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: credentials) }
        try "pw".write(toFile: credentials + "/sasl-password", atomically: true, encoding: .utf8)
        let settings = try Settings.resolve(
            flags: [:], kafkaFlags: [:], environment: ["CREDENTIALS_DIRECTORY": credentials], file: file
        )
        #expect(settings.kafka["sasl.password"] == "pw")
        #expect(settings.kafka["security.protocol"] == "SASL_SSL")
    }

    @Test func exampleEnvironmentFileNamesOnlyKnownVariables() throws {
        let text = try contents("stancewire.env")
        let variables = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("#STANCEWIRE_"), let equals = line.firstIndex(of: "=") else { return nil }
            return String(line[line.index(after: line.startIndex)..<equals])
        }
        #expect(variables.count >= 5)
        let known = Set(SettingKey.all.map(\.environmentName))
        for name in variables {
            #expect(known.contains(name) || KafkaProperty.property(environmentName: name) != nil, "\(name)")
        }
    }
}
