import Dispatch
import KafkaBridge
import Logging
import Operations

/// Ordered processing lanes keyed by partition: every message of a partition goes to the same
/// lane, so its outputs keep input order, while different partitions are processed concurrently.
///
/// Both workers consume a lane per task: `for await batch in lanes.streams[i]`, and run the
/// CPU-bound part of each batch with ``process(lane:_:)`` on the lane's own serial dispatch
/// queue. That work thus never occupies Swift's cooperative thread pool (as wide as the machine
/// has cores), so the HTTP probes, the systemd watchdog and the poll loop keep running while
/// every lane extracts a long article.
///
/// A batch is what one poll fetched for the lane, in offset order per partition. Moving from
/// the lane's task to its queue and back costs two thread wake-ups; paid per batch rather than
/// per message it stays small under load (measured per message: a third of a lane's time went
/// to waiting for those wake-ups on a busy 2-core machine), while a lightly loaded stream still
/// arrives one or a few messages per poll, so batching adds no waiting of its own.
struct PartitionLanes<Ticket: Sendable>: Sendable {
    typealias Item = (message: KafkaMessage, ticket: Ticket)

    /// One stream of batches per lane, to be consumed by one task each.
    let streams: [AsyncStream<[Item]>]
    private let continuations: [AsyncStream<[Item]>.Continuation]
    private let queues: [DispatchQueue]

    /// Creates `count` lanes (at least one).
    init(count: Int) {
        var streams: [AsyncStream<[Item]>] = []
        var continuations: [AsyncStream<[Item]>.Continuation] = []
        var queues: [DispatchQueue] = []
        for lane in 0..<max(1, count) {
            let (stream, continuation) = AsyncStream.makeStream(of: [Item].self)
            streams.append(stream)
            continuations.append(continuation)
            queues.append(DispatchQueue(label: "stancewire.lane.\(lane)"))
        }
        self.streams = streams
        self.continuations = continuations
        self.queues = queues
    }

    /// Runs `body` on lane `lane`'s serial queue and returns its result to the awaiting task.
    func process<T: Sendable>(lane: Int, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queues[lane].async { continuation.resume(returning: body()) }
        }
    }

    /// The lane of a partition.
    func lane(of partition: Int32) -> Int {
        Int(UInt32(bitPattern: partition)) % continuations.count
    }

    /// Hands tracked messages to their partitions' lanes, one batch per lane, keeping their
    /// order within each lane.
    func route(_ items: [Item]) {
        guard !items.isEmpty else { return }
        if continuations.count == 1 {
            continuations[0].yield(items)
            return
        }
        var batches = [[Item]](repeating: [], count: continuations.count)
        for item in items {
            batches[lane(of: item.message.partition)].append(item)
        }
        for (lane, batch) in batches.enumerated() where !batch.isEmpty {
            continuations[lane].yield(batch)
        }
    }

    /// Ends every lane: their tasks finish once the queued messages are handled.
    func finish() {
        for continuation in continuations { continuation.finish() }
    }
}

extension KafkaConsumer {
    /// One poll of the worker loop: a non-fatal error is counted, logged and answered with an
    /// empty batch after a short pause; progress and broker reachability go to `health`.
    /// - Throws: ``KafkaError`` when librdkafka reports a fatal error.
    func pollBatch(
        maxMessages: Int, flow: WorkerConfiguration.Flow, metrics: PipelineMetrics, health: HealthMonitor,
        logger: Logger
    ) async throws -> [KafkaMessage] {
        let messages: [KafkaMessage]
        do {
            messages = try await poll(maxMessages: maxMessages, timeout: flow.pollTimeout)
        } catch {
            metrics.kafkaError(error.code.name)
            if error.isFatal { throw error }
            logger.warning("poll failed", metadata: ["kafka.error": "\(error)"])
            try? await Task.sleep(for: .milliseconds(100))
            return []
        }
        health.recordProgress()
        if !messages.isEmpty { health.setBrokersReachable(true) }
        return messages
    }
}
