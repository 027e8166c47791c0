import Foundation
import KafkaBridge
import Operations
import PrometheusTestKit
import Testing

/// At its in-flight bound the at-least-once worker waits for room instead of pausing fetching:
/// librdkafka's pause throws away what it has prefetched, and a resume fetches it again, which
/// halved end-to-end throughput at saturation. Pausing is kept for work that is stuck (see
/// ``PausedPartitionRecoveryTests``).
///
/// Observed, not assumed: librdkafka's `topic` debug lines show every pause the worker asks
/// for, and `/metrics` is sampled throughout the run for the in-flight gauge.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct FlowControlTests {
    static let maxInFlight = 20

    @Test func aBusyWorkerHoldsItsInFlightBoundWithoutPausingFetching() async throws {
        let broker = try await BrokerProcess(topics: ["articles.raw": 4, "articles.enriched": 4, "stances": 4, "articles.dlq": 1])
        defer { Task { await broker.stop() } }
        let brokers = broker.bootstrapServers
        var corpus = try ArticleCorpus(seed: 91)
        let articles = (0..<600).map { corpus.article(id: "flow-\($0)", bodyBytes: 5_000) }
        try await TopicIO.produceAll(brokers, topic: "articles.raw", records: articles.map { ($0.id, $0.value) })

        let daemon = try DaemonProcess(
            brokers: brokers, group: "flow",
            extra: [
                "--max-in-flight", String(Self.maxInFlight), "--log-level", "debug", "-X", "consumer.debug=topic",
            ])
        #expect(await HTTPProbe.waitFor(daemon.url("/readyz"), status: 200, timeout: .seconds(40)))

        // Sample the in-flight gauge while the backlog is worked off.
        let ids = Set(articles.map(\.id))
        let sampler = Task {
            var samples: [Double] = []
            while !Task.isCancelled {
                if let value = try? await daemon.metrics()?.value(MetricNames.inFlightMessages) {
                    samples.append(value)
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return samples
        }
        let enriched = try await TopicIO.read(brokers, topic: "articles.enriched", timeout: .seconds(90)) { messages in
            Set(messages.compactMap(TopicIO.key)).isSuperset(of: ids)
        }
        sampler.cancel()
        let samples = await sampler.value

        let missing = ids.subtracting(enriched.compactMap(TopicIO.key))
        #expect(missing.isEmpty, "\(missing.count) of \(ids.count) never published")
        let highest = samples.max() ?? 0
        #expect(highest >= Double(Self.maxInFlight), "the bound was never reached (highest \(highest)): nothing tested")
        #expect(highest <= Double(Self.maxInFlight), "in flight above the bound: \(highest)")
        let log = daemon.child.errorOutput.split(separator: "\n")
        let pauses = log.filter { $0.contains("Application pausing") }
        #expect(pauses.isEmpty, "fetching paused \(pauses.count) time(s) while work progressed")
        if !pauses.isEmpty {
            print(log.filter { $0.contains("Application") || $0.contains("assigned") || $0.contains("worker started") }.joined(separator: "\n"))
        }
        print("flow control: \(samples.count) samples of in-flight, highest \(Int(highest)), \(pauses.count) pauses")
        #expect(await daemon.terminate() == 0)
    }
}
