import Extraction
import Foundation
import KafkaBridge
import Logging
import Operations
import Pipeline
import ServiceLifecycle
import Synchronization

/// Assembles and runs the daemon: HTTP probes, systemd watchdog and the worker, in one
/// `ServiceGroup` ordered so that graceful shutdown stops consuming first and HTTP last.
enum Daemon {
    static let version = "0.1.0"

    /// Runs until graceful shutdown (SIGTERM, SIGINT) or a fatal worker error.
    /// - Parameters:
    ///   - health: The probes' state; the metrics bootstrap mirrors it as `stancewire_ready`/`_live`.
    static func run(
        _ options: DaemonOptions, health: HealthMonitor, metrics: MetricsBootstrap, logger: Logger
    ) async throws {
        let extractor = try EngineLoader.load(knowledgeBase: options.knowledgeBase)
        let notifier = SystemdNotifier(environment: ProcessInfo.processInfo.environment)

        var configuration = WorkerConfiguration()
        configuration.topics.input = options.inputTopic
        configuration.topics.output = options.outputTopic
        configuration.topics.stances = options.stanceTopic
        configuration.topics.deadLetter = options.dlqTopic
        configuration.flow.maxInFlight = options.maxInFlight
        configuration.timeouts.shutdown = options.shutdownTimeout
        configuration.consumerProperties = options.consumerProperties
        configuration.producerProperties = options.producerProperties
        if options.mode == .exactlyOnce {
            configuration.transactions.transactionalID = options.transactionalID
        }

        let processor = ArticleProcessor(
            extractor: extractor,
            configuration: .init(decoder: .init(maxMessageBytes: options.maxMessageBytes))
        )
        let onReady: @Sendable () -> Void = {
            try? notifier.ready()
            logger.info("ready: joined the consumer group")
        }
        let worker: any Service
        let statistics: @Sendable () -> WorkerStatistics
        switch options.mode {
        case .atLeastOnce:
            let atLeastOnce = try Worker(
                configuration: configuration, processor: processor, health: health, logger: logger, onReady: onReady
            )
            worker = atLeastOnce
            statistics = { atLeastOnce.statistics() }
        case .exactlyOnce:
            let exactlyOnce = try TransactionalWorker(
                configuration: configuration, processor: processor, health: health, logger: logger, onReady: onReady
            )
            worker = exactlyOnce
            statistics = { exactlyOnce.statistics() }
        }
        let http = HTTPServer(
            configuration: .init(host: options.httpHost, port: options.httpPort),
            health: health,
            metrics: { metrics.render() },
            logger: logger
        )
        let throughput = ThroughputMeter()
        let watchdog = WatchdogService(
            notifier: notifier,
            health: health,
            logger: logger,
            status: { throughput.status(statistics()) }
        )
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: http),
                    .init(service: watchdog),
                    .init(
                        service: worker,
                        successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup
                    ),
                    // Last, so it is the first to see graceful shutdown.
                    .init(
                        service: ShutdownAnnouncer {
                            try? notifier.stopping()
                            health.setShuttingDown()
                            logger.info("graceful shutdown")
                        },
                        successTerminationBehavior: .ignore
                    ),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        logger.info(
            "starting",
            metadata: [
                "stancewire.version": "\(version)",
                "kafka.brokers": "\(options.brokers)",
                "kafka.group": "\(options.group)",
                "worker.mode": "\(options.mode.rawValue)",
                "http.address": "\(options.httpHost):\(options.httpPort)",
                "extractor.knowledge_base": "\(extractor.knowledgeBaseVersion)",
            ]
        )
        try await group.run()
    }
}

/// Tells systemd and the probes the moment graceful shutdown begins.
struct ShutdownAnnouncer: Service {
    let announce: @Sendable () -> Void

    func run() async throws {
        try? await gracefulShutdown()
        announce()
    }
}

/// Articles per second between two status lines.
final class ThroughputMeter: Sendable {
    private let last = Mutex<(ContinuousClock.Instant, Int)?>(nil)

    func status(_ stats: WorkerStatistics) -> String {
        let now = ContinuousClock.now
        let done = stats.processed + stats.deadLettered
        let rate: Double = last.withLock { previous in
            defer { previous = (now, done) }
            guard let (then, count) = previous else { return 0 }
            let seconds = Double((now - then).components.seconds) + Double((now - then).components.attoseconds) / 1e18
            return seconds > 0 ? Double(done - count) / seconds : 0
        }
        return String(
            format: "processed %d, dead-lettered %d, %.1f articles/s, %d in flight",
            stats.processed, stats.deadLettered, rate, stats.inFlight
        )
    }
}

/// A usage or start-up error printed without a stack of context.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
