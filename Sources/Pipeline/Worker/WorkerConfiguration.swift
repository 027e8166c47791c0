import Foundation

/// How the worker consumes, processes and publishes.
public struct WorkerConfiguration: Sendable {
    /// Topics.
    public struct Topics: Sendable {
        /// Raw articles. Default: `articles.raw`.
        public var input = "articles.raw"
        /// Enriched events. Default: `articles.enriched`.
        public var output = "articles.enriched"
        /// Stance events. Default: `stances`.
        public var stances = "stances"
        /// Dead letters. Default: `articles.dlq`.
        public var deadLetter = "articles.dlq"

        public init() {}
    }

    /// Bounds on work in progress.
    public struct Flow: Sendable {
        /// Most input messages consumed and not yet done. At this bound the poll loop waits
        /// for room; fetching pauses when there is none for ``capacityWait``. Default: 1,000.
        public var maxInFlight = 1000
        /// How long the poll loop waits at ``maxInFlight`` for work to finish before it pauses
        /// fetching (and keeps polling, for rebalances). A pause discards what librdkafka has
        /// prefetched, so it is kept for work that is stuck, e.g. while the output broker is
        /// down; the wait is longer than a first delivery takes (the producer's start-up).
        /// Default: 2 s.
        public var capacityWait: Duration = .seconds(2)
        /// Most messages taken from one poll. Default: 256.
        public var pollBatchSize = 256
        /// Longest wait of one poll. Default: 100 ms.
        public var pollTimeout: Duration = .milliseconds(100)
        /// Processing lanes; each partition always maps to one lane, so its outputs keep
        /// input order. Default: the number of active cores.
        public var lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)
        /// How often done offsets are committed. Default: 500 ms.
        public var commitInterval: Duration = .milliseconds(500)

        public init() {}
    }

    /// Shutdown and rebalance bounds.
    public struct Timeouts: Sendable {
        /// Longest graceful shutdown: drain, commit, leave the group, flush. Default: 20 s.
        public var shutdown: Duration = .seconds(20)
        /// Longest wait for in-flight work of revoked partitions before committing them.
        /// Default: 5 s.
        public var revokeDrain: Duration = .seconds(5)
        /// First delay before re-sending an output whose delivery failed; doubles up to
        /// ``maxRetryBackoff``. Default: 100 ms.
        public var retryBackoff: Duration = .milliseconds(100)
        /// Longest delay between re-sends. Default: 5 s.
        public var maxRetryBackoff: Duration = .seconds(5)

        public init() {}

        /// The delay before retry `attempt` (1 for the first retry): ``retryBackoff`` doubled
        /// per attempt, capped at ``maxRetryBackoff``.
        public func backoff(attempt: Int) -> Duration {
            var delay = retryBackoff
            for _ in 0..<min(attempt, 16) {
                delay = delay * 2
                if delay >= maxRetryBackoff { return maxRetryBackoff }
            }
            return delay
        }
    }

    /// Exactly-once mode (``TransactionalWorker``).
    public struct Transactions: Sendable {
        /// The producer's `transactional.id`; stable across restarts of one instance, unique
        /// among running instances. Required by ``TransactionalWorker``. Default: none.
        public var transactionalID: String?
        /// How often processed inputs are committed in a transaction. Default: 200 ms.
        public var interval: Duration = .milliseconds(200)
        /// Most inputs in one transaction. Default: 500.
        public var maxInputs = 500
        /// Longest wait of one transactional call (init, send offsets, commit, abort).
        /// Default: 30 s.
        public var timeout: Duration = .seconds(30)

        public init() {}
    }

    public var topics = Topics()
    public var flow = Flow()
    public var timeouts = Timeouts()
    public var transactions = Transactions()
    /// Raw librdkafka properties for the consumer (must hold `bootstrap.servers`, `group.id`).
    public var consumerProperties: [String: String] = [:]
    /// Raw librdkafka properties for the producer (must hold `bootstrap.servers`).
    public var producerProperties: [String: String] = [:]

    public init() {}
}
