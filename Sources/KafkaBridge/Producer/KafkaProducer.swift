import CRdKafka
import Foundation
import Logging
import Synchronization

/// A Kafka producer backed by librdkafka, with awaitable delivery and optional transactions.
///
/// - Important: One dedicated thread runs `rd_kafka_poll` to serve delivery reports; a second
///   one runs blocking calls (flush, close, transactions). Neither is from Swift's cooperative
///   pool. Call ``close(timeout:)`` before dropping the producer to deliver what is queued.
public final class KafkaProducer: Sendable {
    private let client: RDKafkaClient
    let deliveries: DeliveryTable
    private let pollLoop: ProducerPollLoop
    private let worker: BlockingWorker
    private let logger: Logger
    private let isClosed = Mutex(false)

    /// Creates a producer and starts its polling thread.
    ///
    /// `enable.idempotence` defaults to `true`; set it to `false` in `configuration` to turn it
    /// off. For transactions, set `transactional.id`. librdkafka's logs go to `logger`.
    /// - Parameters:
    ///   - configuration: Raw librdkafka properties (at least `bootstrap.servers`).
    ///   - handlers: Error and statistics callbacks (``KafkaEventHandlers/onRebalance`` is unused).
    ///     Default: none.
    ///   - logger: Receives librdkafka's logs and the bridge's own.
    /// - Throws: ``KafkaError`` with code `.invalidArgument` for an invalid property.
    public init(
        configuration: [String: String],
        handlers: KafkaEventHandlers = .init(),
        logger: Logger
    ) throws(KafkaError) {
        var configuration = configuration
        if configuration["enable.idempotence"] == nil {
            configuration["enable.idempotence"] = "true"
        }
        let deliveries = DeliveryTable()
        let client = try RDKafkaClient.make(
            kind: .producer,
            configuration: configuration,
            context: CallbackContext(logger: logger, handlers: handlers, deliveries: deliveries),
            installCallbacks: { conf in rd_kafka_conf_set_dr_msg_cb(conf, deliveryCallback) }
        )
        self.client = client
        self.deliveries = deliveries
        self.logger = logger
        self.pollLoop = ProducerPollLoop(client: client)
        self.worker = BlockingWorker(name: "kafka-producer-control")
    }

    deinit {
        // The poll thread owns a reference to the client and destroys it when it exits.
        pollLoop.requestStop()
        worker.stop()
    }

    /// Enqueues `record` and waits for its delivery report.
    ///
    /// When librdkafka's queue is full (`queue.buffering.max.messages`/`.kbytes`) it retries
    /// with a short, growing backoff until there is room or the task is cancelled.
    /// - Parameter record: The record to produce.
    /// - Returns: Where the broker stored the record.
    /// - Throws: ``KafkaError``: the enqueue error (e.g. `.unknownTopic`, `.messageSizeTooLarge`,
    ///   `.queueFull` when cancelled while waiting for room), the delivery error (e.g.
    ///   `.messageTimedOut` after `message.timeout.ms`), or `.state` after ``close(timeout:)``.
    public func send(_ record: ProducerRecord) async throws(KafkaError) -> DeliveryReport {
        var backoff = Duration.milliseconds(2)
        while true {
            let id = deliveries.makeID()
            let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<DeliveryTable.Outcome, Never>) in
                guard deliveries.register(id, continuation) else {
                    continuation.resume(returning: .notEnqueued(.closed("producer")))
                    return
                }
                if let error = enqueue(record, id: id) {
                    deliveries.complete(id, with: .notEnqueued(error))
                }
            }
            switch outcome {
            case .delivered(let report):
                return report
            case .failed(let error):
                throw error
            case .notEnqueued(let error) where error.code == .queueFull && !Task.isCancelled:
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .milliseconds(100))
            case .notEnqueued(let error):
                throw error
            }
        }
    }

    /// Calls `rd_kafka_produceva` with copies of the record's bytes; returns its error, if any.
    func enqueue(_ record: ProducerRecord, id: UInt) -> KafkaError? {
        // The topic, key and headers go into one arena, sized once, so that all pointers stay
        // valid for the call; the value (the large part) is passed from its own storage.
        // RD_KAFKA_MSG_F_COPY makes librdkafka copy them all before it returns.
        var arena: [UInt8] = []
        var arenaSize = record.topic.utf8.count + 1 + (record.key?.count ?? 0)
        for header in record.headers { arenaSize += header.key.utf8.count + 1 + (header.value?.count ?? 0) }
        arena.reserveCapacity(arenaSize)
        func store(_ bytes: some Sequence<UInt8>, terminated: Bool) -> (offset: Int, count: Int) {
            let offset = arena.count
            arena.append(contentsOf: bytes)
            let count = arena.count - offset
            if terminated { arena.append(0) }
            return (offset, count)
        }
        let topic = store(record.topic.utf8, terminated: true)
        let key = record.key.map { store($0, terminated: false) }
        let headers = record.headers.map { header in
            (name: store(header.key.utf8, terminated: true), value: header.value.map { store($0, terminated: false) })
        }

        return record.value.withUnsafeBytes { (valueBytes: UnsafeRawBufferPointer) -> KafkaError? in
            arena.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> KafkaError? in
                let base = bytes.baseAddress!  // never empty: the topic is NUL-terminated
                func cString(_ slot: (offset: Int, count: Int)) -> UnsafePointer<CChar> {
                    (base + slot.offset).assumingMemoryBound(to: CChar.self)
                }
                func mutable(_ slot: (offset: Int, count: Int)) -> UnsafeMutableRawPointer {
                    UnsafeMutableRawPointer(mutating: base + slot.offset)
                }

                var values: [rd_kafka_vu_t] = []
                values.reserveCapacity(8)
                var vu = rd_kafka_vu_t()
                vu.vtype = RD_KAFKA_VTYPE_TOPIC
                vu.u.cstr = cString(topic)
                values.append(vu)

                vu = rd_kafka_vu_t()
                vu.vtype = RD_KAFKA_VTYPE_PARTITION
                vu.u.i32 = record.partition ?? -1  // RD_KAFKA_PARTITION_UA
                values.append(vu)

                vu = rd_kafka_vu_t()
                vu.vtype = RD_KAFKA_VTYPE_VALUE
                vu.u.mem.ptr = valueBytes.isEmpty ? nil : UnsafeMutableRawPointer(mutating: valueBytes.baseAddress)
                vu.u.mem.size = valueBytes.count
                values.append(vu)

                if let key {
                    vu = rd_kafka_vu_t()
                    vu.vtype = RD_KAFKA_VTYPE_KEY
                    vu.u.mem.ptr = mutable(key)
                    vu.u.mem.size = key.count
                    values.append(vu)
                }

                // One caller-built header list (VTYPE_HEADERS), not one VTYPE_HEADER per header:
                // librdkafka < 2.4 frees per-header lists twice when produceva fails after building
                // the message (e.g. a topic error), a use-after-free that crashed the process
                // (librdkafka issue 4627). A list passed whole is owned by the message on success and
                // left to the caller on failure.
                var headerList: OpaquePointer?
                if !headers.isEmpty {
                    let list = rd_kafka_headers_new(headers.count)
                    for header in headers {
                        _ = rd_kafka_header_add(
                            list, cString(header.name), -1,
                            header.value.map { UnsafeRawPointer(base + $0.offset) }, header.value?.count ?? 0)
                    }
                    vu = rd_kafka_vu_t()
                    vu.vtype = RD_KAFKA_VTYPE_HEADERS
                    vu.u.headers = list
                    values.append(vu)
                    headerList = list
                }

                if let timestamp = record.timestamp {
                    vu = rd_kafka_vu_t()
                    vu.vtype = RD_KAFKA_VTYPE_TIMESTAMP
                    vu.u.i64 = Int64((timestamp.timeIntervalSince1970 * 1000).rounded())
                    values.append(vu)
                }

                vu = rd_kafka_vu_t()
                vu.vtype = RD_KAFKA_VTYPE_MSGFLAGS
                vu.u.i = RD_KAFKA_MSG_F_COPY
                values.append(vu)

                vu = rd_kafka_vu_t()
                vu.vtype = RD_KAFKA_VTYPE_OPAQUE
                vu.u.ptr = UnsafeMutableRawPointer(bitPattern: id)
                values.append(vu)

                let error = values.withUnsafeBufferPointer { buffer in
                    client.withPointer { rd_kafka_produceva($0, buffer.baseAddress, buffer.count) }
                }
                if error != nil, let headerList { rd_kafka_headers_destroy(headerList) }
                return KafkaError.consume(error)
            }
        }
    }

    /// Waits until every queued record is delivered or failed (`rd_kafka_flush`).
    /// - Parameter timeout: Longest wait.
    /// - Throws: ``KafkaError`` with code `.timedOut` if records are still outstanding, `.state`
    ///   after ``close(timeout:)``.
    public func flush(timeout: Duration) async throws(KafkaError) {
        try await worker.run { () -> Result<Void, KafkaError> in
            if self.isClosed.withLock({ $0 }) { return .failure(.closed("producer")) }
            let err = self.client.withPointer { rd_kafka_flush($0, timeout.milliseconds) }
            if let error = KafkaError.check(err) { return .failure(error) }
            return .success(())
        }.get()
    }

    /// Flushes for up to `timeout`, fails what is still outstanding with `.purgeQueue` or
    /// `.purgeInflight`, and stops the polling thread. Idempotent; later calls return at once
    /// (after the first has finished).
    /// - Parameter timeout: Longest wait for outstanding deliveries.
    public func close(timeout: Duration) async {
        _ = await worker.run { () -> Result<Void, KafkaError> in
            let first = self.isClosed.withLock { closed in
                defer { closed = true }
                return !closed
            }
            guard first else { return .success(()) }
            self.deliveries.close()
            let err = self.client.withPointer { rd_kafka_flush($0, timeout.milliseconds) }
            if err != RD_KAFKA_RESP_ERR_NO_ERROR {
                self.logger.warning(
                    "producer close: purging undelivered records",
                    metadata: ["kafka.pending": "\(self.deliveries.pendingCount)"]
                )
                let flags = Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
                _ = self.client.withPointer { rd_kafka_purge($0, flags) }
                // Serve the purged records' delivery reports.
                _ = self.client.withPointer { rd_kafka_flush($0, 500) }
            }
            self.pollLoop.stopAndWait()
            self.deliveries.failAll(KafkaError(code: .destroy, reason: "producer closed before delivery"))
            self.logger.debug("producer closed", metadata: ["kafka.client": "\(self.client.name)"])
            return .success(())
        }
    }

    // MARK: - Transactions

    private func runTransactional(
        _ body: @escaping @Sendable (OpaquePointer) -> KafkaError?
    ) async throws(KafkaError) {
        try await worker.run { () -> Result<Void, KafkaError> in
            if self.isClosed.withLock({ $0 }) { return .failure(.closed("producer")) }
            if let error = self.client.withPointer(body) { return .failure(error) }
            return .success(())
        }.get()
    }

    /// Registers the `transactional.id` with the coordinator and fences older instances.
    /// Call once, before the first transaction.
    /// - Parameter timeout: Longest wait.
    /// - Throws: ``KafkaError``; retry when ``KafkaError/isRetriable``, recreate the producer
    ///   when ``KafkaError/isFatal``.
    public func initTransactions(timeout: Duration) async throws(KafkaError) {
        let milliseconds = timeout.milliseconds
        try await runTransactional { KafkaError.consume(rd_kafka_init_transactions($0, milliseconds)) }
    }

    /// Starts a transaction (local, does not block).
    /// - Throws: ``KafkaError`` (e.g. `.state` if one is already in progress).
    public func beginTransaction() throws(KafkaError) {
        if isClosed.withLock({ $0 }) { throw .closed("producer") }
        if let error = KafkaError.consume(client.withPointer { rd_kafka_begin_transaction($0) }) {
            throw error
        }
    }

    /// Adds `consumer`'s next-to-read offsets to the current transaction, so that they are
    /// committed for its group if and only if the transaction commits.
    /// - Parameters:
    ///   - offsets: Next-to-read offsets (`offset + 1` of the last message that is done).
    ///   - consumer: The consumer whose group metadata identifies the group.
    ///   - timeout: Longest wait.
    /// - Throws: ``KafkaError``; abort the transaction when ``KafkaError/isTxnRequiresAbort``.
    public func sendOffsetsToTransaction(
        _ offsets: [TopicPartition: Int64],
        consumer: KafkaConsumer,
        timeout: Duration
    ) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let milliseconds = timeout.milliseconds
        try await runTransactional { rk in
            guard let metadata = consumer.client.withPointer({ rd_kafka_consumer_group_metadata($0) }) else {
                return KafkaError(code: .invalidArgument, reason: "consumer has no group metadata", isRetriable: false)
            }
            defer { rd_kafka_consumer_group_metadata_destroy(metadata) }
            let list = TopicPartitionList(offsets: offsets)
            return KafkaError.consume(
                list.withPointer { rd_kafka_send_offsets_to_transaction(rk, $0, metadata, milliseconds) }
            )
        }
    }

    /// Flushes the transaction's records and commits it.
    /// - Parameter timeout: Longest wait.
    /// - Throws: ``KafkaError``; retry when ``KafkaError/isRetriable``, abort when
    ///   ``KafkaError/isTxnRequiresAbort``, recreate the producer when ``KafkaError/isFatal``.
    public func commitTransaction(timeout: Duration) async throws(KafkaError) {
        let milliseconds = timeout.milliseconds
        try await runTransactional { KafkaError.consume(rd_kafka_commit_transaction($0, milliseconds)) }
    }

    /// Aborts the current transaction: its records are never visible to `read_committed`
    /// consumers, and its offsets are not committed.
    /// - Parameter timeout: Longest wait.
    /// - Throws: ``KafkaError``; retry when ``KafkaError/isRetriable``.
    public func abortTransaction(timeout: Duration) async throws(KafkaError) {
        let milliseconds = timeout.milliseconds
        try await runTransactional { KafkaError.consume(rd_kafka_abort_transaction($0, milliseconds)) }
    }
}

/// librdkafka's delivery report callback, served by the poll thread: resumes the waiting `send`.
private func deliveryCallback(
    _ rk: OpaquePointer?,
    _ message: UnsafePointer<rd_kafka_message_t>?,
    _ opaque: UnsafeMutableRawPointer?
) {
    guard let message, let deliveries = CallbackContext.from(opaque)?.deliveries else { return }
    let raw = message.pointee
    let id = UInt(bitPattern: raw._private)
    guard raw.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
        var code = KafkaError.Code(raw.err)
        var reason = String(cString: rd_kafka_err2str(raw.err))
        var isFatal = false
        if code == .fatal, let rk {
            var buffer = [CChar](repeating: 0, count: 512)
            code = KafkaError.Code(rd_kafka_fatal_error(rk, &buffer, buffer.count))
            reason = String(cBuffer: buffer)
            isFatal = true
        }
        deliveries.complete(id, with: .failed(KafkaError(code: code, reason: reason, isFatal: isFatal)))
        return
    }
    let topic = raw.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
    deliveries.complete(
        id,
        with: .delivered(DeliveryReport(topic: topic, partition: raw.partition, offset: raw.offset))
    )
}
