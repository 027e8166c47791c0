import Foundation
import PrometheusTestKit

/// `stancewire run` as a child process on a free HTTP port.
final class DaemonProcess: Sendable {
    let child: ChildProcess
    let port: Int

    static let topicFlags = [
        "--input-topic", "articles.raw", "--output-topic", "articles.enriched",
        "--stance-topic", "stances", "--dlq-topic", "articles.dlq",
    ]

    init(brokers: String, group: String, extra: [String] = []) throws {
        port = HTTPProbe.freePort()
        child = try ChildProcess(
            ["run", "--brokers", brokers, "--group", group, "--http-address", "127.0.0.1:\(port)", "--log-level", "warning"]
                + Self.topicFlags + extra
        )
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func status(_ path: String) async -> Int? { await HTTPProbe.get(url(path))?.status }

    /// The daemon's `/metrics`, parsed; `nil` when it does not answer.
    func metrics() async throws -> PrometheusExposition? { try await HTTPProbe.metrics(url("/metrics")) }

    /// Scrapes `/metrics` every 20 ms until `condition` holds for a page; returns that page, or
    /// `nil` after `timeout`.
    func waitForMetrics(
        timeout: Duration,
        until condition: (PrometheusExposition) -> Bool
    ) async throws -> PrometheusExposition? {
        try await HTTPProbe.waitForMetrics(url("/metrics"), timeout: timeout, until: condition)
    }

    /// Peak resident memory so far (VmHWM), in KiB; `nil` once the process is gone.
    var peakMemoryKiB: Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(child.pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" })[1])
        }
        return nil
    }

    func kill() async {
        child.signal(SIGKILL)
        _ = await child.waitForExit(timeout: .seconds(5))
    }

    func terminate(timeout: Duration = .seconds(25)) async -> Int32? {
        child.signal(SIGTERM)
        return await child.waitForExit(timeout: timeout)
    }
}
