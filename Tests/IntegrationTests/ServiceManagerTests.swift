import Foundation
import NotifySocketTestKit
import Operations
import PrometheusTestKit
import Testing

/// Black-box tests of what systemd and Prometheus see of `stancewire run`: the notify protocol
/// over a real AF_UNIX datagram socket, and the probes and metrics over real HTTP.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ServiceManagerTests {
    static let topics = ["articles.raw": 4, "articles.enriched": 2, "stances": 2, "articles.dlq": 1]

    @Test func runNotifiesReadyFeedsTheWatchdogServesProbesAndMetricsAndAnnouncesStopping() async throws {
        let broker = try await BrokerProcess(topics: Self.topics)
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        let seeds = try DaemonTests.seedLines()
        try await TopicIO.produce(brokers, topic: "articles.raw", records: seeds.map { (nil, $0) })
        try await TopicIO.produce(brokers, topic: "articles.raw", records: [("bad", Array("not json".utf8))])

        let notify = try NotifySocketReceiver()
        defer { notify.close() }
        let port = HTTPProbe.freePort()
        let started = ContinuousClock.now
        let daemon = try ChildProcess(
            [
                "run", "--brokers", brokers, "--group", "systemd-group",
                "--http-address", "127.0.0.1:\(port)", "--log-format", "json",
            ],
            environment: ["NOTIFY_SOCKET": notify.address, "WATCHDOG_USEC": "2000000"]
        )

        // READY=1 within 10 s of the start.
        let ready = try await notify.waitFor(timeout: .seconds(10)) { $0.split(separator: "\n").contains("READY=1") }
        #expect(ready, "no READY=1; got \(notify.messages); stderr: \(daemon.errorOutput.suffix(1500))")
        let readyAt = notify.timedMessages.first { $0.1.split(separator: "\n").contains("READY=1") }?.0 ?? started
        #expect(readyAt - started < .seconds(10))

        // At least 4 WATCHDOG=1 in the 8 s that follow (one every second at WATCHDOG_USEC=2 s).
        try await Task.sleep(until: readyAt + .seconds(8))
        let keepAlives = notify.timedMessages.filter { time, text in
            time > readyAt && time <= readyAt + .seconds(8) && text.split(separator: "\n").contains("WATCHDOG=1")
        }
        #expect(keepAlives.count >= 4, "\(keepAlives.count) WATCHDOG=1 in 8 s: \(notify.messages)")
        #expect(notify.messages.contains { $0.contains("STATUS=processed ") })

        // Probes and metrics, over real HTTP, while the daemon runs.
        let base = "http://127.0.0.1:\(port)"
        #expect(await HTTPProbe.get("\(base)/healthz")?.status == 200)
        #expect(await HTTPProbe.get("\(base)/readyz")?.status == 200)
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", atLeast: seeds.count)
        #expect(enriched.count == seeds.count)
        // Consumer lag comes from librdkafka's statistics, emitted every 5 s.
        var exposition: PrometheusExposition?
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            exposition = try await HTTPProbe.metrics("\(base)/metrics")
            if exposition?.samples(MetricNames.consumerLag).isEmpty == false { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        let metrics = try #require(exposition, "/metrics did not answer")
        // Kafka errors are counted by code, so that series exists only once an error happened.
        for name in MetricNames.all where name != MetricNames.kafkaErrors {
            let exported = MetricNames.histograms.contains(name) ? name + "_bucket" : name
            #expect(!metrics.samples(exported).isEmpty, "/metrics lacks \(exported)")
        }
        #expect(metrics.value(MetricNames.messagesDeadLettered, ["reason": "invalid_json"]) == 1)
        #expect(metrics.value(MetricNames.messagesConsumed) == Double(seeds.count + 1))
        #expect(metrics.value(MetricNames.messagesProduced, ["kind": "enriched"]) == Double(seeds.count))
        #expect(metrics.value(MetricNames.ready) == 1)
        #expect(metrics.value(MetricNames.buildInfo) == 1)

        // SIGTERM: STOPPING=1, then a clean exit.
        daemon.signal(SIGTERM)
        let stopping = try await notify.waitFor(timeout: .seconds(10)) { $0.split(separator: "\n").contains("STOPPING=1") }
        #expect(stopping, "no STOPPING=1; got \(notify.messages)")
        #expect(await daemon.waitForExit(timeout: .seconds(15)) == 0, "stderr: \(daemon.errorOutput.suffix(1500))")
    }

    @Test func readinessIsServiceUnavailableWithAReasonUntilTheGroupIsJoined() async throws {
        // No broker listens on this port: the daemon runs, stays live, and is not ready.
        let deadPort = HTTPProbe.freePort()
        let port = HTTPProbe.freePort()
        let daemon = try ChildProcess([
            "run", "--brokers", "127.0.0.1:\(deadPort)", "--group", "never-joins",
            "--http-address", "127.0.0.1:\(port)",
        ])
        let base = "http://127.0.0.1:\(port)"
        #expect(await HTTPProbe.waitFor("\(base)/healthz", status: 200))
        let readiness = await HTTPProbe.get("\(base)/readyz")
        #expect(readiness?.status == 503)
        let body = try #require(readiness?.body)
        let reasons = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let why = try #require(reasons["reasons"] as? [String], "body: \(body)")
        #expect(why.contains("consumer has not joined its group"), "body: \(body)")
        #expect(await HTTPProbe.get("\(base)/nope")?.status == 404)
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: .seconds(15)) == 0, "stderr: \(daemon.errorOutput.suffix(1500))")
    }
}
