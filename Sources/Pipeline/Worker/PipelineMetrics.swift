import Metrics
import Operations
import Synchronization

/// The worker's metric handles, created once (a factory lookup per event would be costly).
final class PipelineMetrics: Sendable {
    let consumed: Counter
    let producedEnriched: Counter
    let producedStance: Counter
    let processing: Metrics.Timer
    let endToEnd: Metrics.Timer
    let inFlight: Gauge
    let entities: Counter
    let stances: Counter
    let commitsOK: Counter
    let commitsFailed: Counter
    let transactionsCommitted: Counter
    let transactionsAborted: Counter
    private let deadLetters = Mutex<[String: Counter]>([:])
    private let kafkaErrors = Mutex<[String: Counter]>([:])
    private let rebalances = Mutex<[String: Counter]>([:])
    private let lags = Mutex<[String: Gauge]>([:])

    init(inputTopic: String) {
        consumed = Counter(label: MetricNames.messagesConsumed, dimensions: [("topic", inputTopic)])
        producedEnriched = Counter(label: MetricNames.messagesProduced, dimensions: [("kind", "enriched")])
        producedStance = Counter(label: MetricNames.messagesProduced, dimensions: [("kind", "stance")])
        processing = Metrics.Timer(label: MetricNames.processingDuration)
        endToEnd = Metrics.Timer(label: MetricNames.endToEndLatency)
        inFlight = Gauge(label: MetricNames.inFlightMessages)
        entities = Counter(label: MetricNames.entitiesExtracted)
        stances = Counter(label: MetricNames.stancesExtracted)
        commitsOK = Counter(label: MetricNames.commits, dimensions: [("result", "ok")])
        commitsFailed = Counter(label: MetricNames.commits, dimensions: [("result", "error")])
        transactionsCommitted = Counter(label: MetricNames.transactions, dimensions: [("result", "committed")])
        transactionsAborted = Counter(label: MetricNames.transactions, dimensions: [("result", "aborted")])
    }

    /// Records one input's processing: its duration and what it yielded (entities and
    /// stances) or why it was dead-lettered.
    /// - Returns: whether the input goes to the dead-letter topic.
    func record(_ outcome: ProcessingOutcome, elapsed: Duration) -> Bool {
        let (seconds, attoseconds) = elapsed.components
        processing.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        switch outcome {
        case .processed(let article):
            entities.increment(by: article.entityCount)
            stances.increment(by: article.stanceCount)
            return false
        case .deadLetter(let failure):
            deadLettered(failure.reason)
            return true
        }
    }

    func deadLettered(_ reason: DeadLetterReason) {
        counter(in: deadLetters, MetricNames.messagesDeadLettered, ("reason", reason.code)).increment()
    }

    func kafkaError(_ code: String) {
        counter(in: kafkaErrors, MetricNames.kafkaErrors, ("code", code)).increment()
    }

    func rebalance(_ type: String) {
        counter(in: rebalances, MetricNames.rebalances, ("type", type)).increment()
    }

    func lag(topic: String, partition: Int32, messages: Int64) {
        let key = "\(topic)/\(partition)"
        let gauge = lags.withLock { map in
            if let g = map[key] { return g }
            let g = Gauge(
                label: MetricNames.consumerLag,
                dimensions: [("topic", topic), ("partition", String(partition))]
            )
            map[key] = g
            return g
        }
        gauge.record(messages)
    }

    private func counter(
        in cache: borrowing Mutex<[String: Counter]>,
        _ label: String,
        _ dimension: (String, String)
    ) -> Counter {
        cache.withLock { map in
            if let c = map[dimension.1] { return c }
            let c = Counter(label: label, dimensions: [dimension])
            map[dimension.1] = c
            return c
        }
    }
}
