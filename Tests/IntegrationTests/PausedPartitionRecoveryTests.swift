import Foundation
import KafkaBridge
import Operations
import PrometheusTestKit
import Testing

/// A worker that has paused fetching (its in-flight bound is reached because the broker is
/// gone) loses its partitions when its session times out, and gets them back when the broker
/// returns: fetching must resume on them, and nothing may be lost.
///
/// Each step is observed, not assumed: the worker's pause (librdkafka's debug line for the
/// application's pause call) as its last fetch change before the "partitions lost" line; the
/// `lost` rebalance in `/metrics`; then a resume after the loss, a new assignment, inputs
/// consumed again and the in-flight gauge back to 0.
///
/// The articles are about 20 KB, so that processing lags fetching. The exactly-once worker's
/// poll loop waits in its transaction while the broker is gone and hears of the loss only
/// after that transaction commits; with small articles the transaction holds nearly everything
/// in flight, and the worker resumes fetching before it polls and hears of the loss (so the
/// case would not involve paused partitions at all).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PausedPartitionRecoveryTests {
    static let maxInFlight = 20

    @Test(arguments: ["at-least-once", "exactly-once"])
    func partitionsLostWhileFetchingWasPausedAreFetchedAgainWhenReassigned(mode: String) async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 4, "articles.enriched": 4, "stances": 4, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 77)
        let articles = (0..<600).map { corpus.article(id: "paused-\(mode)-\($0)", bodyBytes: 20_000) }
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: articles.map { ($0.id, $0.value) })

        // librdkafka's `topic` debug context logs every pause and resume the worker asks for.
        let daemon = try DaemonProcess(
            brokers: brokers, group: "paused-\(mode)",
            extra: [
                "--mode", mode, "--max-in-flight", String(Self.maxInFlight), "--log-level", "debug",
                "-X", "consumer.debug=topic",
            ])
        #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(40)))

        // The long outage must start with fetching paused. Down while outputs flow and the
        // in-flight gauge shows the bound; if three seconds later the worker's last fetch change is
        // not a pause (it had just resumed, or had not yet acted on the bound), bring the broker
        // back and try again: three seconds are far below the session timeout, nothing is lost.
        var downAt: ContinuousClock.Instant?
        var attempts = 0
        while downAt == nil, attempts < 5 {
            attempts += 1
            let atBound = try await daemon.waitForMetrics(timeout: .seconds(30)) { metrics in
                metrics.sum(MetricNames.messagesProduced, ["kind": "enriched"]) > 0
                    && (metrics.value(MetricNames.inFlightMessages) ?? 0) >= Double(Self.maxInFlight)
            }
            try #require(atBound != nil, "the worker never reached its in-flight bound with outputs flowing")
            try await broker.command("down 1")
            let start = ContinuousClock.now
            // The at-least-once worker pauses once its work has made no room for
            // `capacityWait` (2 s); the exactly-once one at the bound.
            try await Task.sleep(for: .seconds(3))
            if Self.lastFetchChange(daemon.child.errorOutput.split(separator: "\n")[...]) == .paused {
                downAt = start
            } else {
                try await broker.command("up 1")
            }
        }
        let outageStart = try #require(
            downAt, "in \(attempts) attempts fetching was never paused once the broker was down")

        // Longer than the session timeout (10 s): the partitions are lost. The at-least-once
        // worker hears of it during the outage; the exactly-once one once its transaction, stuck
        // while the broker is gone, has finished and it polls again.
        var atLoss: PrometheusExposition?
        var up = false
        while atLoss == nil, ContinuousClock.now < outageStart + .seconds(60) {
            if !up, ContinuousClock.now >= outageStart + .seconds(14) {
                try await broker.command("up 1")
                up = true
            }
            if let metrics = try await daemon.metrics(), metrics.sum(MetricNames.rebalances, ["type": "lost"]) > 0 {
                atLoss = metrics
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        if !up {
            try await Task.sleep(until: outageStart + .seconds(14))
            try await broker.command("up 1")
        }
        let lost = try #require(atLoss, "the partitions were never lost")

        // Paused when lost: the worker's last pause or resume before the loss was a pause.
        let log = daemon.child.errorOutput.split(separator: "\n")
        let lossLine = try #require(
            log.firstIndex { $0.contains(": partitions lost ") }, "no 'partitions lost' log line")
        let changeAtLoss = Self.lastFetchChange(log[..<lossLine])
        #expect(changeAtLoss == .paused, "fetching was not paused when the partitions were lost")
        if changeAtLoss != .paused {
            print(log[..<(lossLine + 1)].filter(Self.isFlowLine).suffix(40).joined(separator: "\n"))
        }

        // Recovery: reassigned and resumed, fetching again, every input published, nothing left
        // in flight.
        let ids = Set(articles.map(\.id))
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(75)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        let missing = ids.subtracting(enriched.compactMap(TopicIO.key))
        #expect(missing.isEmpty, "\(missing.count) of \(ids.count) never published: fetching stalled")
        let settled = try await daemon.waitForMetrics(timeout: .seconds(20)) {
            $0.value(MetricNames.inFlightMessages) == 0
        }
        let end = try #require(try await daemon.metrics(), "/metrics did not answer")
        #expect(settled != nil, "inputs still in flight: \(end.value(MetricNames.inFlightMessages) ?? -1)")
        let afterLoss = daemon.child.errorOutput.split(separator: "\n").dropFirst(lossLine + 1)
        #expect(afterLoss.contains { $0.contains("Application resuming") }, "fetching never resumed after the loss")
        let assignsAtLoss = lost.sum(MetricNames.rebalances, ["type": "assign"])
        let consumedAtLoss = lost.sum(MetricNames.messagesConsumed)
        #expect(end.sum(MetricNames.rebalances, ["type": "assign"]) > assignsAtLoss, "never reassigned after the loss")
        #expect(end.sum(MetricNames.messagesConsumed) > consumedAtLoss, "nothing consumed after the loss")
        if !missing.isEmpty {
            let lines = daemon.child.errorOutput.split(separator: "\n").filter(Self.isFlowLine)
            print(lines.suffix(60).joined(separator: "\n"))
        }
        let consumedAtEnd = Int(end.sum(MetricNames.messagesConsumed))
        print(
            "paused partitions (\(mode)): paused at the outage after \(attempts) attempt(s); consumed "
                + "\(Int(consumedAtLoss)) when the loss was reported, \(consumedAtEnd) at the end")
        #expect(await daemon.terminate() == 0)
    }

    enum FetchChange { case paused, resumed }

    /// A log line about fetching, partitions, commits or transactions, for failure reports.
    static func isFlowLine(_ line: Substring) -> Bool {
        ["fetching", "partitions", "commit", "transaction", "SESS", "Application"].contains { line.contains($0) }
    }

    /// The worker's last pause or resume of its partitions in `log`, from librdkafka's `topic`
    /// debug lines ("Application pausing 4 partition(s)"), which both workers produce.
    static func lastFetchChange(_ log: ArraySlice<Substring>) -> FetchChange? {
        for line in log.reversed() {
            if line.contains("Application pausing") { return .paused }
            if line.contains("Application resuming") { return .resumed }
        }
        return nil
    }
}
