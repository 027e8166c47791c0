import CRdKafka
import Logging

/// Owns one `rd_kafka_t` and the retained ``CallbackContext`` passed to its callbacks.
///
/// `@unchecked Sendable`: librdkafka handles are thread-safe, the pointer never changes, and it
/// is destroyed only in `deinit`, when no Swift code can use it any more.
final class RDKafkaClient: @unchecked Sendable {
    enum Kind {
        case producer
        case consumer

        var cValue: rd_kafka_type_t {
            switch self {
            case .producer: RD_KAFKA_PRODUCER
            case .consumer: RD_KAFKA_CONSUMER
            }
        }
    }

    private let pointer: OpaquePointer
    private let context: Unmanaged<CallbackContext>

    /// librdkafka's instance name, e.g. `rdkafka#consumer-1`.
    let name: String

    private init(pointer: OpaquePointer, context: Unmanaged<CallbackContext>) {
        self.pointer = pointer
        self.context = context
        self.name = String(cString: rd_kafka_name(pointer))
    }

    deinit {
        if context.takeUnretainedValue().mustLeakHandle {
            // Destroying would abort in librdkafka 2.0.x (see CallbackContext.mustLeakHandle);
            // the handle's threads may still call back, so the context stays retained too.
            return
        }
        rd_kafka_destroy(pointer)
        context.release()
    }

    /// Calls `body` with the callback context.
    func withContext<T>(_ body: (CallbackContext) -> T) -> T {
        body(context.takeUnretainedValue())
    }

    /// Calls `body` with the raw handle.
    /// - Important: The pointer must not escape `body`.
    func withPointer<T, E: Error>(_ body: (OpaquePointer) throws(E) -> T) throws(E) -> T {
        try body(pointer)
    }

    /// Creates a handle from raw librdkafka properties.
    /// - Parameters:
    ///   - kind: Producer or consumer.
    ///   - configuration: librdkafka properties, applied in key order.
    ///   - context: Retained for the handle's lifetime and passed to every callback.
    ///   - installCallbacks: Sets kind-specific callbacks (rebalance, delivery) on the `rd_kafka_conf_t`.
    /// - Throws: `_INVALID_ARG` for an unknown or invalid property, or whatever `rd_kafka_new` reports.
    static func make(
        kind: Kind,
        configuration: [String: String],
        context: CallbackContext,
        installCallbacks: (OpaquePointer) -> Void = { _ in }
    ) throws(KafkaError) -> RDKafkaClient {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(code: .fail, reason: "rd_kafka_conf_new failed")
        }
        var errorText = [CChar](repeating: 0, count: 512)
        for (key, value) in configuration.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(
                    code: .invalidArgument,
                    reason: "configuration \(key): \(String(cBuffer: errorText))",
                    isRetriable: false
                )
            }
        }
        rd_kafka_conf_set_log_cb(conf, logCallback)
        rd_kafka_conf_set_error_cb(conf, errorCallback)
        if context.handlers.onStatistics != nil {
            rd_kafka_conf_set_stats_cb(conf, statisticsCallback)
        }
        installCallbacks(conf)

        let retained = Unmanaged.passRetained(context)
        rd_kafka_conf_set_opaque(conf, retained.toOpaque())
        guard let handle = rd_kafka_new(kind.cValue, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)  // not consumed on failure
            retained.release()
            throw KafkaError(code: .invalidArgument, reason: String(cBuffer: errorText), isRetriable: false)
        }
        return RDKafkaClient(pointer: handle, context: retained)
    }
}

// MARK: - Callbacks shared by every handle. They run on librdkafka's threads (log) or on the
// thread that polls the handle (error, statistics), and only hand a value to the Swift side.

private func logCallback(_ rk: OpaquePointer?, _ level: Int32, _ facility: UnsafePointer<CChar>?, _ text: UnsafePointer<CChar>?) {
    guard let rk, let context = CallbackContext.from(rd_kafka_opaque(rk)) else { return }
    let swiftLevel: Logger.Level =
        switch level {
        case ...2: .critical
        case 3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    context.logger.log(
        level: swiftLevel,
        "librdkafka",
        metadata: [
            "kafka.client": "\(String(cString: rd_kafka_name(rk)))",
            "kafka.log.facility": "\(facility.map { String(cString: $0) } ?? "")",
            "kafka.log.message": "\(text.map { String(cString: $0) } ?? "")",
        ]
    )
}

private func errorCallback(_ rk: OpaquePointer?, _ err: Int32, _ reason: UnsafePointer<CChar>?, _ opaque: UnsafeMutableRawPointer?) {
    guard let rk, let context = CallbackContext.from(opaque) else { return }
    var code = KafkaError.Code(rawValue: err)
    var text = reason.map { String(cString: $0) } ?? code.text
    var isFatal = false
    if code == .fatal {
        // The real error is only available through rd_kafka_fatal_error().
        var buffer = [CChar](repeating: 0, count: 512)
        code = KafkaError.Code(rd_kafka_fatal_error(rk, &buffer, buffer.count))
        text = String(cBuffer: buffer)
        isFatal = true
    }
    let error = KafkaError(code: code, reason: text, isFatal: isFatal)
    context.logger.log(
        level: isFatal ? .error : .warning,
        "librdkafka error",
        metadata: ["kafka.error.code": "\(code.name)", "kafka.error.reason": "\(text)"]
    )
    context.handlers.onError?(error)
}

private func statisticsCallback(
    _ rk: OpaquePointer?,
    _ json: UnsafeMutablePointer<CChar>?,
    _ length: Int,
    _ opaque: UnsafeMutableRawPointer?
) -> Int32 {
    guard let json, let context = CallbackContext.from(opaque) else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: json, count: length), as: UTF8.self)
    context.handlers.onStatistics?(text)
    return 0  // librdkafka frees the JSON
}
