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
            handlers: KafkaEventHandlers(onError: ClientEvents.producerError(metrics: metrics, health: health, logger: logger)),
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
                    for await batch in stream {
                        await lanes.process(lane: lane) {
                            for (message, ticket) in batch {
                                self.handle(message, ticket: ticket, retries: retryContinuation)
                            }
                        }
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

            group.addTask {
                // Commits run beside the poll loop: while the group coordinator is unreachable a
                // commit waits for it, and the loop must go on polling (rebalances, pausing).
                let interval = self.configuration.flow.commitInterval
                while !self.state.stopRequested {
                    try? await Task.sleep(for: interval)
                    if Task.isCancelled || self.state.stopRequested { break }
                    await self.commitPending()
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
            self.state.requestStop()
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
        while !state.stopRequested, !Task.isCancelled {
            try await intake.pollOnce()
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
        // Sends still waiting to be retried give up now: their inputs stay uncommitted.
        state.abandonSends()
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

    /// Decodes, extracts and encodes one message and hands its outputs to the producer. Runs
    /// on the message's lane queue (CPU-bound, and it may block while the producer queue is
    /// full), so a partition's outputs are enqueued in input order.
    private func handle(
        _ message: KafkaMessage,
        ticket: OffsetTracker.Ticket,
        retries: AsyncStream<PendingDelivery>.Continuation
    ) {
        let start = ContinuousClock.now
        let origin = EventOrigin(topic: message.topic, partition: message.partition, offset: message.offset)
        let outcome = processor.process(message.value, origin: origin)
        let deadLettered = metrics.record(outcome, elapsed: ContinuousClock.now - start)
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
            let pending = PendingDelivery(record: record, completion: completion, attempt: 0)
            var attempt = 0
            while case .wait(let delay) = trySend(pending, attempt: &attempt, retries: retries) {
                // In slices, so that a lane waiting out a long backoff gives up at shutdown.
                let clock = ContinuousClock()
                let end = clock.now + delay
                while clock.now < end, !state.sendsAbandoned {
                    Thread.sleep(forTimeInterval: 0.005)
                }
            }
        }
    }

    /// Hands a re-sent record to the producer (on the retry task); delivery completes
    /// asynchronously.
    private func enqueue(_ pending: PendingDelivery, retries: AsyncStream<PendingDelivery>.Continuation) async {
        var attempt = 0
        while case .wait(let delay) = trySend(pending, attempt: &attempt, retries: retries) {
            try? await Task.sleep(for: delay)
        }
    }

    /// What to do after one attempt to enqueue a record.
    private enum SendStep {
        /// Enqueued, or given up for good (fatal error, or shutting down: the input then stays
        /// uncommitted and is processed again by the next owner of its partition).
        case finished
        /// Not enqueued: try again after this pause.
        case wait(Duration)
    }

    /// One attempt to hand `pending` to the producer, shared by the lanes (which wait by
    /// blocking their queue, keeping a partition's order) and the retry task (which sleeps).
    private func trySend(
        _ pending: PendingDelivery,
        attempt: inout Int,
        retries: AsyncStream<PendingDelivery>.Continuation
    ) -> SendStep {
        do {
            try producer.send(pending.record) { result in
                self.delivered(result, pending: pending, retries: retries)
            }
            return .finished
        } catch {
            if error.isFatal {
                state.fail(error)
                logger.error("fatal producer error", metadata: ["kafka.error": "\(error)"])
                return .finished
            }
            if state.sendsAbandoned || (error.code == .state && state.stopRequested) {
                return .finished
            }
            if error.code != .queueFull {
                metrics.kafkaError(error.code.name)
                logger.warning("enqueue failed, retrying", metadata: ["kafka.error": "\(error)"])
            }
            attempt += 1
            return .wait(error.code == .queueFull ? .milliseconds(2) : backoff(attempt: attempt))
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
