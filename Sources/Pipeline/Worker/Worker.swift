import Foundation
import KafkaBridge
import Logging
import Operations
import ServiceLifecycle
import Synchronization

/// The stream processor: consume raw articles, process them in per-partition order on
/// several lanes, publish enriched and stance events (or a dead letter), and commit each
/// partition's contiguous prefix of fully acknowledged input.
///
/// At-least-once: an input offset is committed only after every output of it, and of every
/// earlier input of its partition, was acknowledged by the broker. Outputs whose delivery
/// fails are re-sent with backoff, never dropped.
///
/// - Important: Run it as a `Service` in a `ServiceGroup`; graceful shutdown stops fetching,
///   drains in-flight work (bounded by ``WorkerConfiguration/Timeouts/shutdown``), commits,
///   leaves the group and flushes the producer.
public final class Worker: Service, Sendable {
    private let configuration: WorkerConfiguration
    private let processor: ArticleProcessor
    private let router: OutputRouter
    private let health: HealthMonitor
    private let logger: Logger
    private let consumer: KafkaConsumer
    private let producer: KafkaProducer
    private let state: WorkerState
    private let metrics: PipelineMetrics

    /// Creates the consumer and producer; nothing is fetched before ``run()``.
    /// - Parameters:
    ///   - onReady: called once, when the consumer first joins its group.
    /// - Throws: ``KafkaError`` when librdkafka rejects the configuration.
    public init(
        configuration: WorkerConfiguration,
        processor: ArticleProcessor,
        health: HealthMonitor,
        logger: Logger,
        onReady: @escaping @Sendable () -> Void = {}
    ) throws(KafkaError) {
        self.configuration = configuration
        self.processor = processor
        self.router = OutputRouter(topics: configuration.topics)
        self.health = health
        self.logger = logger
        let state = WorkerState()
        let metrics = PipelineMetrics(inputTopic: configuration.topics.input)
        self.state = state
        self.metrics = metrics

        let consumerRef = Mutex<KafkaConsumer?>(nil)
        let revokeDrain = configuration.timeouts.revokeDrain
        let handlers = KafkaEventHandlers(
            onRebalance: { event in
                switch event {
                case .assigned(let tps):
                    PartitionIntake.partitionsAssigned(
                        tps, state: state, consumer: consumerRef.withLock { $0 }, metrics: metrics, health: health, logger: logger,
                        onReady: onReady)
                case .revoked(let tps):
                    metrics.rebalance("revoke")
                    Worker.waitForDrain(of: tps, state: state, timeout: revokeDrain)
                    let commits = state.revoke(tps)
                    if !commits.isEmpty, let consumer = consumerRef.withLock({ $0 }) {
                        do {
                            try consumer.commitSync(commits)
                            metrics.commitsOK.increment()
                        } catch {
                            metrics.commitsFailed.increment()
                            logger.warning("commit on revocation failed", metadata: ["error": "\(error)"])
                        }
                    }
                    logger.info("partitions revoked", metadata: ["kafka.partitions": "\(tps.count)"])
                case .lost(let tps):
                    metrics.rebalance("lost")
                    _ = state.revoke(tps)
                    logger.warning("partitions lost", metadata: ["kafka.partitions": "\(tps.count)"])
                }
            },
            onError: ClientEvents.consumerError(metrics: metrics, health: health, logger: logger),
            onStatistics: ClientEvents.statistics(metrics: metrics, health: health)
        )

        var consumerProperties = configuration.consumerProperties
        if consumerProperties["statistics.interval.ms"] == nil {
            consumerProperties["statistics.interval.ms"] = "5000"
        }
        let consumer = try KafkaConsumer(configuration: consumerProperties, handlers: handlers, logger: logger)
        consumerRef.withLock { $0 = consumer }
        self.consumer = consumer
        self.producer = try KafkaProducer(
            configuration: configuration.producerProperties,
            handlers: KafkaEventHandlers(onError: ClientEvents.producerError(metrics: metrics, logger: logger)),
            logger: logger
        )
    }

    /// Totals since start.
    public func statistics() -> WorkerStatistics { state.snapshot() }

    /// Consumes until graceful shutdown or cancellation, then drains and closes.
    /// - Throws: a fatal ``KafkaError`` (e.g. a fenced or failed idempotent producer); the
    ///   process should then exit non-zero so that its supervisor restarts it.
    public func run() async throws {
        try consumer.subscribe(topics: [configuration.topics.input])
        logger.info(
            "worker started",
            metadata: [
                "kafka.topic": "\(configuration.topics.input)",
                "worker.lanes": "\(configuration.flow.lanes)",
                "worker.max_in_flight": "\(configuration.flow.maxInFlight)",
            ]
        )
        let lanes = PartitionLanes<OffsetTracker.Ticket>(count: configuration.flow.lanes)
        let (retries, retryContinuation) = AsyncStream.makeStream(of: PendingDelivery.self)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (lane, stream) in lanes.streams.enumerated() {
                group.addTask {
                    for await (message, ticket) in stream {
                        let (outcome, elapsed) = await lanes.process(lane: lane) { self.process(message) }
                        await self.handle(
                            message, outcome: outcome, elapsed: elapsed, ticket: ticket, retries: retryContinuation)
                    }
                }
            }
            group.addTask {
                // Each re-send waits until its own due time, so a burst of failed deliveries
                // (e.g. timed out during an outage) waits one backoff, not one per output.
                for await pending in retries {
                    if let due = pending.due {
                        try? await Task.sleep(until: due, clock: .continuous)
                    }
                    await self.enqueue(pending, retries: retryContinuation)
                }
            }

            var failure: (any Error)?
            do {
                try await withGracefulShutdownHandler {
                    try await self.pollLoop(lanes: lanes)
                } onGracefulShutdown: {
                    self.state.requestStop()
                }
            } catch {
                failure = error
            }
            self.health.setShuttingDown()
            lanes.finish()
            await self.drainAndClose(retries: retryContinuation)
            group.cancelAll()
            if let failure { throw failure }
            if let fatal = self.state.fatal { throw fatal }
        }
    }

    // MARK: - Poll loop

    private func pollLoop(lanes: PartitionLanes<OffsetTracker.Ticket>) async throws {
        let intake = PartitionIntake(
            consumer: consumer, state: state, lanes: lanes, flow: configuration.flow, metrics: metrics,
            health: health, logger: logger)
        let clock = ContinuousClock()
        var lastCommit = clock.now
        while !state.stopRequested, !Task.isCancelled {
            try await intake.pollOnce()
            if clock.now - lastCommit >= configuration.flow.commitInterval {
                await commitPending()
                lastCommit = clock.now
            }
        }
    }

    private func commitPending() async {
        let offsets = state.pendingCommits()
        guard !offsets.isEmpty else { return }
        do {
            try await consumer.commit(offsets)
            state.didCommit(offsets)
            metrics.commitsOK.increment()
        } catch {
            metrics.commitsFailed.increment()
            metrics.kafkaError(error.code.name)
            logger.warning("offset commit failed", metadata: ["kafka.error": "\(error)"])
        }
    }

    private func drainAndClose(retries: AsyncStream<PendingDelivery>.Continuation) async {
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.timeouts.shutdown
        // Leave room for commit, close and flush within the bound.
        let drainDeadline = deadline - configuration.timeouts.shutdown / 4
        while state.inFlight > 0, clock.now < drainDeadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        let left = state.inFlight
        if left > 0 {
            logger.warning("shutdown before all in-flight work finished", metadata: ["worker.in_flight": "\(left)"])
        }
        await commitPending()
        do {
            try await consumer.close()
        } catch {
            logger.warning("consumer close failed", metadata: ["kafka.error": "\(error)"])
        }
        retries.finish()
        let remaining = max(Duration.milliseconds(100), deadline - clock.now)
        await producer.close(timeout: remaining)
        let stats = state.snapshot()
        logger.info(
            "worker stopped",
            metadata: ["worker.processed": "\(stats.processed)", "worker.dead_lettered": "\(stats.deadLettered)"]
        )
    }

    /// Waits (on the rebalance callback's thread) for in-flight work of revoked partitions.
    private static func waitForDrain(of tps: [TopicPartition], state: WorkerState, timeout: Duration) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while state.inFlight(of: tps) > 0, clock.now < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    // MARK: - Processing

    /// Decodes, extracts and encodes one message (CPU-bound: runs on its lane's queue).
    private func process(_ message: KafkaMessage) -> (ProcessingOutcome, Duration) {
        let start = ContinuousClock.now
        let origin = EventOrigin(topic: message.topic, partition: message.partition, offset: message.offset)
        let outcome = processor.process(message.value, origin: origin)
        return (outcome, ContinuousClock.now - start)
    }

    private func handle(
        _ message: KafkaMessage,
        outcome: ProcessingOutcome,
        elapsed: Duration,
        ticket: OffsetTracker.Ticket,
        retries: AsyncStream<PendingDelivery>.Continuation
    ) async {
        let deadLettered = metrics.record(outcome, elapsed: elapsed)
        if case .deadLetter(let failure) = outcome {
            logger.debug(
                "message dead-lettered",
                metadata: [
                    "dlq.reason": "\(failure.reason)",
                    "kafka.partition": "\(message.partition)",
                    "kafka.offset": "\(message.offset)",
                ]
            )
        }
        let records = router.records(for: outcome, of: message)
        let completion = OutputCompletion(
            ticket: ticket,
            outputs: records.count,
            timestamp: message.timestamp,
            deadLettered: deadLettered
        )
        for record in records {
            await enqueue(PendingDelivery(record: record, completion: completion, attempt: 0), retries: retries)
        }
    }

    /// Hands a record to the producer; delivery completes asynchronously.
    private func enqueue(_ pending: PendingDelivery, retries: AsyncStream<PendingDelivery>.Continuation) async {
        var attempt = 0
        while true {
            do {
                try producer.send(pending.record) { result in
                    self.delivered(result, pending: pending, retries: retries)
                }
                return
            } catch {
                if error.isFatal {
                    state.fail(error)
                    logger.error("fatal producer error", metadata: ["kafka.error": "\(error)"])
                    return
                }
                // Shutting down (the lane was cancelled, or the producer is closed): give up. The
                // input stays uncommitted and is processed again by the next owner of its partition.
                if Task.isCancelled || (error.code == .state && state.stopRequested) {
                    return
                }
                if error.code != .queueFull {
                    metrics.kafkaError(error.code.name)
                    logger.warning("enqueue failed, retrying", metadata: ["kafka.error": "\(error)"])
                }
                attempt += 1
                try? await Task.sleep(for: error.code == .queueFull ? .milliseconds(2) : backoff(attempt: attempt))
            }
        }
    }

    /// Called on the producer's delivery thread.
    private func delivered(
        _ result: Result<DeliveryReport, KafkaError>,
        pending: PendingDelivery,
        retries: AsyncStream<PendingDelivery>.Continuation
    ) {
        switch result {
        case .success:
            if pending.record.topic == configuration.topics.output {
                metrics.producedEnriched.increment()
            } else if pending.record.topic == configuration.topics.stances {
                metrics.producedStance.increment()
            }
            if pending.completion.outputDelivered() {
                state.markDone(pending.completion.ticket, deadLettered: pending.completion.deadLettered)
                if let timestamp = pending.completion.timestamp {
                    let seconds = Date().timeIntervalSince(timestamp)
                    if seconds >= 0 { metrics.endToEnd.recordNanoseconds(Int64(seconds * 1e9)) }
                }
            }
        case .failure(let error):
            metrics.kafkaError(error.code.name)
            if error.isFatal {
                state.fail(error)
                logger.error("fatal delivery error", metadata: ["kafka.error": "\(error)"])
                return
            }
            logger.warning(
                "delivery failed, will retry",
                metadata: ["kafka.error": "\(error)", "kafka.topic": "\(pending.record.topic)"]
            )
            if case .terminated = retries.yield(pending.retry(after: backoff(attempt: pending.attempt))) {
                // Shutting down: the input stays uncommitted and is processed again on restart.
                return
            }
        }
    }

    private func backoff(attempt: Int) -> Duration {
        configuration.timeouts.backoff(attempt: attempt)
    }
}

/// Counts down the outputs of one input message.
final class OutputCompletion: Sendable {
    let ticket: OffsetTracker.Ticket
    let timestamp: Date?
    let deadLettered: Bool
    private let remaining: Atomic<Int>

    init(ticket: OffsetTracker.Ticket, outputs: Int, timestamp: Date?, deadLettered: Bool) {
        self.ticket = ticket
        self.timestamp = timestamp
        self.deadLettered = deadLettered
        self.remaining = Atomic(outputs)
    }

    /// Returns `true` when this was the last outstanding output.
    func outputDelivered() -> Bool {
        remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0
    }
}

/// An output record on its way to the broker.
struct PendingDelivery: Sendable {
    let record: ProducerRecord
    let completion: OutputCompletion
    let attempt: Int
    /// When a re-send may start; `nil` for a first send.
    var due: ContinuousClock.Instant? = nil

    /// The next attempt, due `delay` from now.
    func retry(after delay: Duration) -> PendingDelivery {
        PendingDelivery(record: record, completion: completion, attempt: attempt + 1, due: .now + delay)
    }
}
