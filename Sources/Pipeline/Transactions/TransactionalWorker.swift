import Foundation
import KafkaBridge
import Logging
import Operations
import ServiceLifecycle
import Synchronization

/// The stream processor in exactly-once mode: consume raw articles, process them in
/// per-partition order on several lanes, and publish each batch of results in one Kafka
/// transaction together with the consumer's offsets.
///
/// Every ``WorkerConfiguration/Transactions/interval`` (or sooner when
/// ``WorkerConfiguration/Transactions/maxInputs`` results wait) the poll loop takes, per
/// partition, the contiguous prefix of processed inputs and runs: begin transaction, produce
/// all their outputs (enriched events, stance events, dead letters), send the next offsets
/// (last offset + 1) with the consumer's group metadata, commit. A `read_committed` reader of
/// the output topics then sees each input's outputs exactly once, on a broker that implements
/// transactions.
///
/// - On an abortable error the transaction is aborted, the uncommitted inputs of its
///   partitions are dropped and the consumer seeks back to the last committed offsets, so they
///   are processed and produced again.
/// - When the producer is fenced (another producer with the same `transactional.id` took over)
///   or fails fatally, ``run()`` throws ``TransactionError``; the process must exit.
/// - Rebalance: transactions run between polls, and rebalance callbacks run inside polls, so
///   no transaction is open when partitions are revoked; their uncommitted inputs are dropped
///   and processed again by the next owner.
///
/// - Important: Run it as a `Service` in a `ServiceGroup`; graceful shutdown stops fetching,
///   waits for processing (bounded by ``WorkerConfiguration/Timeouts/shutdown``), commits the
///   last transaction, leaves the group and closes the producer.
public final class TransactionalWorker: Service, Sendable {
    private let configuration: WorkerConfiguration
    private let transactionalID: String
    private let processor: ArticleProcessor
    private let health: HealthMonitor
    private let logger: Logger
    private let consumer: KafkaConsumer
    private let producer: KafkaProducer
    private let state: TransactionalWorkerState
    private let metrics: PipelineMetrics
    private let router: OutputRouter

    /// Creates the consumer and the transactional producer; nothing is fetched before ``run()``.
    /// - Parameters:
    ///   - configuration: Must set ``WorkerConfiguration/Transactions/transactionalID``.
    ///   - onReady: called once, when the consumer first joins its group.
    /// - Throws: ``TransactionError`` with code `.notConfigured` without a transactional id;
    ///   ``KafkaError`` when librdkafka rejects the configuration.
    public init(
        configuration: WorkerConfiguration,
        processor: ArticleProcessor,
        health: HealthMonitor,
        logger: Logger,
        onReady: @escaping @Sendable () -> Void = {}
    ) throws {
        guard let transactionalID = configuration.transactions.transactionalID, !transactionalID.isEmpty else {
            throw TransactionError(
                code: .notConfigured, transactionalID: nil,
                reason: "exactly-once mode needs a transactional id"
            )
        }
        self.configuration = configuration
        self.transactionalID = transactionalID
        self.processor = processor
        self.health = health
        self.logger = logger
        self.router = OutputRouter(topics: configuration.topics)
        let state = TransactionalWorkerState()
        let metrics = PipelineMetrics(inputTopic: configuration.topics.input)
        self.state = state
        self.metrics = metrics

        let consumerRef = Mutex<KafkaConsumer?>(nil)
        let handlers = KafkaEventHandlers(
            onRebalance: { event in
                switch event {
                case .assigned(let tps):
                    PartitionIntake.partitionsAssigned(
                        tps, state: state, consumer: consumerRef.withLock { $0 }, metrics: metrics, health: health, logger: logger,
                        onReady: onReady)
                case .revoked(let tps), .lost(let tps):
                    let lost: Bool
                    if case .lost = event { lost = true } else { lost = false }
                    metrics.rebalance(lost ? "lost" : "revoke")
                    // No transaction is open here (they run between polls): uncommitted inputs
                    // were never produced, and the next owner reads them again.
                    let dropped = state.revoke(tps)
                    logger.info(
                        lost ? "partitions lost" : "partitions revoked",
                        metadata: ["kafka.partitions": "\(tps.count)", "worker.uncommitted_dropped": "\(dropped)"]
                    )
                }
            },
            onError: ClientEvents.consumerError(metrics: metrics, health: health, logger: logger),
            onStatistics: ClientEvents.statistics(metrics: metrics, health: health)
        )

        var consumerProperties = configuration.consumerProperties
        if consumerProperties["statistics.interval.ms"] == nil {
            consumerProperties["statistics.interval.ms"] = "5000"
        }
        // Inputs written by transactional producers count only once committed.
        if consumerProperties["isolation.level"] == nil {
            consumerProperties["isolation.level"] = "read_committed"
        }
        let consumer = try KafkaConsumer(configuration: consumerProperties, handlers: handlers, logger: logger)
        self.consumer = consumer
        consumerRef.withLock { $0 = consumer }

        var producerProperties = configuration.producerProperties
        producerProperties["transactional.id"] = transactionalID
        producerProperties["enable.idempotence"] = "true"
        self.producer = try KafkaProducer(
            configuration: producerProperties,
            handlers: KafkaEventHandlers(onError: ClientEvents.producerError(metrics: metrics, health: health, logger: logger)),
            logger: logger
        )
    }

    /// Totals of committed inputs since start.
    public func statistics() -> WorkerStatistics { state.snapshot() }

    /// Registers the transactional id, consumes until graceful shutdown or cancellation, then
    /// commits what is processed and closes.
    /// - Throws: ``TransactionError`` when the producer is fenced or failed fatally, or an
    ///   aborted transaction could not be cleaned up; the process should then exit non-zero.
    public func run() async throws {
        try await initTransactions()
        try consumer.subscribe(topics: [configuration.topics.input])
        logger.info(
            "worker started",
            metadata: [
                "kafka.topic": "\(configuration.topics.input)",
                "worker.mode": "exactly-once",
                "kafka.transactional_id": "\(transactionalID)",
                "worker.lanes": "\(configuration.flow.lanes)",
                "worker.max_in_flight": "\(configuration.flow.maxInFlight)",
            ]
        )
        let lanes = PartitionLanes<TransactionalWorkerState.Ticket>(count: configuration.flow.lanes)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (lane, stream) in lanes.streams.enumerated() {
                group.addTask {
                    for await batch in stream {
                        await lanes.process(lane: lane) {
                            for (message, ticket) in batch { self.handle(message, ticket: ticket) }
                        }
                    }
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
            await self.drainAndClose()
            group.cancelAll()
            if let fatal = self.state.fatal { throw fatal }
            if let failure { throw failure }
        }
    }

    // MARK: - Transactions

    private func initTransactions() async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.transactions.timeout
        var attempt = 0
        while true {
            do {
                try await producer.initTransactions(timeout: configuration.transactions.timeout)
                return
            } catch {
                metrics.kafkaError(error.code.name)
                if let fatal = TransactionError.classify(error, transactionalID: transactionalID) {
                    logger.critical("transactional producer cannot start", metadata: ["error": "\(fatal)"])
                    await producer.close(timeout: .seconds(1))
                    throw fatal
                }
                attempt += 1
                guard error.isRetriable, clock.now < deadline else {
                    await producer.close(timeout: .seconds(1))
                    throw TransactionError(
                        code: .unrecoverable, transactionalID: transactionalID,
                        reason: "cannot register the transactional id (\(error.code.name): \(error.reason))",
                        cause: error
                    )
                }
                logger.warning("init transactions failed, retrying", metadata: ["kafka.error": "\(error)"])
                try await Task.sleep(for: backoff(attempt: attempt))
            }
        }
    }

    /// Runs one transaction over the processed inputs, if any.
    /// - Returns: `false` when nothing was ready.
    /// - Throws: ``TransactionError`` when processing must stop.
    @discardableResult
    private func runTransaction() async throws(TransactionError) -> Bool {
        guard let batch = state.beginBatch(maxInputs: configuration.transactions.maxInputs) else { return false }
        do {
            try producer.beginTransaction()
        } catch {
            try stopIfFatal(error)
            // Nothing was produced: only the rewind is needed.
            logger.warning("begin transaction failed", metadata: ["kafka.error": "\(error)"])
            try await rewind(batch, abortFirst: false, cause: error)
            return true
        }
        let deliveryFailure = Mutex<KafkaError?>(nil)
        do throws(KafkaError) {
            for record in batch.outputs {
                try await send(record) { error in
                    deliveryFailure.withLock { if $0 == nil { $0 = error } }
                }
            }
            try await producer.sendOffsetsToTransaction(
                batch.offsets, consumer: consumer, timeout: configuration.transactions.timeout
            )
            try await commitTransaction()
        } catch {
            metrics.kafkaError(error.code.name)
            try stopIfFatal(error)
            logger.warning(
                "transaction failed, aborting",
                metadata: [
                    "kafka.error": "\(error)",
                    "kafka.delivery_error": "\(deliveryFailure.withLock { $0.map(\.description) ?? "none" })",
                    "worker.inputs": "\(batch.inputs)",
                ]
            )
            try await rewind(batch, abortFirst: true, cause: error)
            return true
        }
        state.commit(batch)
        metrics.transactionsCommitted.increment()
        metrics.commitsOK.increment()
        for record in batch.outputs {
            if record.topic == configuration.topics.output {
                metrics.producedEnriched.increment()
            } else if record.topic == configuration.topics.stances {
                metrics.producedStance.increment()
            }
        }
        logger.trace(
            "transaction committed",
            metadata: ["worker.inputs": "\(batch.inputs)", "worker.outputs": "\(batch.outputs.count)"]
        )
        return true
    }

    /// Enqueues one record of the open transaction; waits while librdkafka's queue is full.
    private func send(
        _ record: ProducerRecord,
        onFailure: @escaping @Sendable (KafkaError) -> Void
    ) async throws(KafkaError) {
        while true {
            do {
                try producer.send(record) { result in
                    if case .failure(let error) = result { onFailure(error) }
                }
                return
            } catch where error.code == .queueFull {
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
    }

    /// Commits, retrying a few times when librdkafka says the commit itself may be retried.
    private func commitTransaction() async throws(KafkaError) {
        var attempt = 0
        while true {
            do {
                try await producer.commitTransaction(timeout: configuration.transactions.timeout)
                return
            } catch {
                attempt += 1
                guard error.isRetriable, !error.isTxnRequiresAbort, !error.isFatal, attempt <= 3 else { throw error }
                logger.warning("commit transaction failed, retrying", metadata: ["kafka.error": "\(error)"])
                try? await Task.sleep(for: backoff(attempt: attempt))
            }
        }
    }

    /// Aborts the open transaction (when `abortFirst`), drops the batch's partitions'
    /// uncommitted inputs and seeks the consumer back to the last committed offsets.
    private func rewind(
        _ batch: TransactionalWorkerState.Batch,
        abortFirst: Bool,
        cause: KafkaError
    ) async throws(TransactionError) {
        if abortFirst {
            var attempt = 0
            while true {
                do {
                    try await producer.abortTransaction(timeout: configuration.transactions.timeout)
                    break
                } catch {
                    metrics.kafkaError(error.code.name)
                    try stopIfFatal(error)
                    attempt += 1
                    if error.isRetriable, attempt <= 3 {
                        try? await Task.sleep(for: backoff(attempt: attempt))
                        continue
                    }
                    throw stop(
                        TransactionError(
                            code: .unrecoverable, transactionalID: transactionalID,
                            reason: "cannot abort a failed transaction (\(error.code.name): \(error.reason))",
                            cause: error
                        )
                    )
                }
            }
            // Only a transaction that began is aborted (and its commit counted as failed).
            metrics.transactionsAborted.increment()
            metrics.commitsFailed.increment()
        }
        let positions = state.abort(batch)
        do {
            try await consumer.seek(positions, timeout: configuration.transactions.timeout)
        } catch {
            throw stop(
                TransactionError(
                    code: .unrecoverable, transactionalID: transactionalID,
                    reason: "cannot rewind the consumer after an aborted transaction (\(error.code.name))",
                    cause: error
                )
            )
        }
        logger.warning(
            "transaction aborted, inputs rewound",
            metadata: [
                "kafka.error": "\(cause.code.name)",
                "kafka.positions": "\(positions.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" })",
            ]
        )
    }

    /// Throws (after recording it) when `error` ends transactional processing.
    private func stopIfFatal(_ error: KafkaError) throws(TransactionError) {
        if let fatal = TransactionError.classify(error, transactionalID: transactionalID) {
            throw stop(fatal)
        }
    }

    private func stop(_ error: TransactionError) -> TransactionError {
        state.fail(error)
        logger.critical("exactly-once processing stops", metadata: ["error": "\(error)"])
        return error
    }

    // MARK: - Poll loop

    private func pollLoop(lanes: PartitionLanes<TransactionalWorkerState.Ticket>) async throws {
        let intake = PartitionIntake(
            consumer: consumer, state: state, lanes: lanes, flow: configuration.flow, metrics: metrics,
            health: health, logger: logger)
        let transactions = configuration.transactions
        let clock = ContinuousClock()
        var lastTransaction = clock.now
        while !state.stopRequested, !Task.isCancelled {
            try await intake.pollOnce()
            let ready = state.ready
            if ready >= transactions.maxInputs || (ready > 0 && clock.now - lastTransaction >= transactions.interval) {
                try await runTransaction()
                lastTransaction = clock.now
            }
        }
    }

    private func drainAndClose() async {
        let clock = ContinuousClock()
        let deadline = clock.now + configuration.timeouts.shutdown
        // Leave room for the last transaction, close and flush within the bound.
        let drainDeadline = deadline - configuration.timeouts.shutdown / 4
        if state.fatal == nil {
            while state.unprocessed > 0, clock.now < drainDeadline {
                try? await Task.sleep(for: .milliseconds(10))
            }
            if state.unprocessed > 0 {
                logger.warning(
                    "shutdown before all in-flight work finished",
                    metadata: ["worker.in_flight": "\(state.unprocessed)"]
                )
            }
            while state.fatal == nil, clock.now < deadline {
                guard (try? await runTransaction()) == true else { break }
            }
        }
        do {
            try await consumer.close()
        } catch {
            logger.warning("consumer close failed", metadata: ["kafka.error": "\(error)"])
        }
        let remaining = max(Duration.milliseconds(100), deadline - clock.now)
        await producer.close(timeout: state.fatal == nil ? remaining : min(remaining, .seconds(2)))
        let stats = state.snapshot()
        logger.info(
            "worker stopped",
            metadata: ["worker.processed": "\(stats.processed)", "worker.dead_lettered": "\(stats.deadLettered)"]
        )
    }

    // MARK: - Processing

    private func handle(_ message: KafkaMessage, ticket: TransactionalWorkerState.Ticket) {
        let start = ContinuousClock.now
        let origin = EventOrigin(topic: message.topic, partition: message.partition, offset: message.offset)
        let outcome = processor.process(message.value, origin: origin)
        let deadLettered = metrics.record(outcome, elapsed: ContinuousClock.now - start)
        let records = router.records(for: outcome, of: message)
        if !state.complete(ticket, outputs: records, deadLettered: deadLettered) {
            logger.trace("stale result dropped", metadata: ["kafka.offset": "\(message.offset)"])
        }
    }

    private func backoff(attempt: Int) -> Duration {
        configuration.timeouts.backoff(attempt: attempt)
    }
}
