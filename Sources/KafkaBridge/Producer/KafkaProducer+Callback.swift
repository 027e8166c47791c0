extension KafkaProducer {
    /// Enqueues `record` without waiting for its delivery; `onDelivery` is called once with
    /// the outcome.
    ///
    /// Records enqueued one after another from one task keep that order on the broker (for
    /// the same partition), which awaiting ``send(_:)`` from several tasks cannot promise.
    /// - Parameters:
    ///   - record: The record to produce.
    ///   - onDelivery: Called with the delivery report or the delivery error.
    /// - Throws: ``KafkaError`` when the record was not enqueued (`.queueFull`: retry after a
    ///   short pause; `.state` after ``close(timeout:)``); `onDelivery` is then never called.
    /// - Important: `onDelivery` runs on the producer's polling thread: keep it short and
    ///   never block in it.
    public func send(
        _ record: ProducerRecord,
        onDelivery: @escaping @Sendable (Result<DeliveryReport, KafkaError>) -> Void
    ) throws(KafkaError) {
        let registered = deliveries.register { outcome in
            switch outcome {
            case .delivered(let report): onDelivery(.success(report))
            case .failed(let error): onDelivery(.failure(error))
            case .notEnqueued: break
            }
        }
        guard let id = registered else { throw .closed("producer") }
        if let error = enqueue(record, id: id) {
            deliveries.complete(id, with: .notEnqueued(error))
            throw error
        }
    }
}
