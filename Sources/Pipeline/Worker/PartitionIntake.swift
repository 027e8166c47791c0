import KafkaBridge
import Logging
import Operations

/// What the intake side of a worker reads and updates in the worker's locked state; both
/// ``WorkerState`` and ``TransactionalWorkerState`` provide it.
protocol IntakeState: Sendable {
    /// The handle a lane gives back when an input is done.
    associatedtype Ticket: Sendable
    /// The error that stopped the worker, if any.
    associatedtype Failure: Error

    var stopRequested: Bool { get }
    var fatal: Failure? { get }
    /// Inputs taken from the consumer and not yet finished.
    var inFlight: Int { get }
    /// Whether in-flight inputs finish without the poll loop's help (the at-least-once
    /// worker's lanes and deliveries), so that the loop may wait for room; the exactly-once
    /// worker frees room only in its own transactions, run between polls.
    var finishesWithoutPolling: Bool { get }
    /// Whether fetching is paused (see ``flowDecision(maxInFlight:)``).
    var fetchPaused: Bool { get }
    /// The partitions the worker owns.
    var assigned: [TopicPartition] { get }
    /// Starts tracking newly assigned partitions; see ``FetchControl/assigned()``.
    func assign(_ tps: [TopicPartition]) -> (first: Bool, paused: Bool)
    /// Pauses at `maxInFlight` and resumes at half of it (see ``FetchControl/decide(inFlight:maxInFlight:)``).
    func flowDecision(maxInFlight: Int) -> Bool?
    /// Tracks one fetched input, or `nil` when its partition is no longer owned.
    func track(_ tp: TopicPartition, offset: Int64) -> Ticket?
    /// Returns once at most `limit` inputs are in flight, a stop is requested, `deadline`
    /// passes or the task is cancelled. Only called when ``finishesWithoutPolling``.
    func waitForRoom(limit: Int, deadline: ContinuousClock.Instant) async
}

extension WorkerState: IntakeState {
    var finishesWithoutPolling: Bool { true }
}

extension TransactionalWorkerState: IntakeState {
    var finishesWithoutPolling: Bool { false }

    /// Never called: the exactly-once worker frees room only between polls.
    func waitForRoom(limit: Int, deadline: ContinuousClock.Instant) async {}
}

/// The intake both workers share: poll a batch, hand each message to its partition's lane,
/// pause fetching while too much is in flight, and give newly assigned partitions the
/// worker's fetch state. What happens to results (commits or transactions) stays with each
/// worker.
struct PartitionIntake<State: IntakeState>: Sendable {
    let consumer: KafkaConsumer
    let state: State
    let lanes: PartitionLanes<State.Ticket>
    let flow: WorkerConfiguration.Flow
    let metrics: PipelineMetrics
    let health: HealthMonitor
    let logger: Logger

    /// One turn of the poll loop.
    /// - Throws: the worker's fatal error once recorded, or a fatal ``KafkaError`` from the poll.
    func pollOnce() async throws {
        if let fatal = state.fatal { throw fatal }
        // Near the bound, the at-least-once worker waits for room for a batch rather than
        // pausing: librdkafka's pause discards what it has already fetched and a resume fetches
        // it again (measured on a 2-core machine at saturation: 1,050 articles/s when pausing
        // at the bound, 1,880-2,030/s without), and polls of a few messages each cost a lane hand-off
        // apiece (1,730/s). Only work that frees no room for `capacityWait` (the output broker
        // is gone) pauses fetching, so that the loop keeps polling: rebalances are served and
        // the group is not left.
        let chunk = max(1, min(flow.pollBatchSize, flow.maxInFlight / 4))
        if state.finishesWithoutPolling, !state.fetchPaused, flow.maxInFlight - state.inFlight < chunk {
            await state.waitForRoom(limit: flow.maxInFlight - chunk, deadline: .now + flow.capacityWait)
        }
        if let pause = state.flowDecision(maxInFlight: flow.maxInFlight) {
            consumer.setFetching(paused: pause, partitions: state.assigned, inFlight: state.inFlight, logger: logger)
        }
        // The at-least-once worker takes no more than there is room for (but polls even when
        // full, to serve rebalances); the exactly-once one a whole batch, and pauses.
        let room =
            state.finishesWithoutPolling
            ? max(1, min(flow.pollBatchSize, flow.maxInFlight - state.inFlight)) : flow.pollBatchSize
        let messages = try await consumer.pollBatch(
            maxMessages: room, flow: flow, metrics: metrics, health: health, logger: logger)
        var items: [PartitionLanes<State.Ticket>.Item] = []
        items.reserveCapacity(messages.count)
        for message in messages {
            metrics.consumed.increment()
            guard let ticket = state.track(message.topicPartition, offset: message.offset) else { continue }
            items.append((message, ticket))
        }
        lanes.route(items)
        metrics.inFlight.record(state.inFlight)
    }

    /// The rebalance handler's part for an assignment, shared by both workers: track the
    /// partitions, give them the worker's fetch state, mark the group joined, and call
    /// `onReady` on the first assignment.
    ///
    /// The fetch state is set explicitly because an incremental assignment leaves the other
    /// partitions paused, and librdkafka keeps a partition's pause across losing and regaining
    /// it, so a partition paused before it was lost would otherwise never be fetched again.
    static func partitionsAssigned(
        _ tps: [TopicPartition],
        state: State,
        consumer: KafkaConsumer?,
        metrics: PipelineMetrics,
        health: HealthMonitor,
        logger: Logger,
        onReady: @Sendable () -> Void
    ) {
        metrics.rebalance("assign")
        let (first, paused) = state.assign(tps)
        if let consumer {
            do {
                if paused { try consumer.pause(tps) } else { try consumer.resume(tps) }
            } catch {
                logger.warning(
                    "setting the fetch state of assigned partitions failed", metadata: ["kafka.error": "\(error)"])
            }
        }
        health.setGroupJoined(true)
        health.setBrokersReachable(true)
        logger.info("partitions assigned", metadata: ["kafka.partitions": "\(tps.count)"])
        if first { onReady() }
    }
}

extension KafkaConsumer {
    /// Pauses or resumes fetching of `partitions` (none: nothing to do); a failure is logged.
    func setFetching(paused: Bool, partitions: [TopicPartition], inFlight: Int, logger: Logger) {
        guard !partitions.isEmpty else { return }
        do {
            if paused {
                try pause(partitions)
                logger.debug("fetching paused", metadata: ["worker.in_flight": "\(inFlight)"])
            } else {
                try resume(partitions)
                logger.debug("fetching resumed", metadata: ["worker.in_flight": "\(inFlight)"])
            }
        } catch {
            logger.warning("pause or resume failed", metadata: ["kafka.error": "\(error)"])
        }
    }
}
